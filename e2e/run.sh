#!/usr/bin/env bash
# Browser tests: starts the packaged service on a spare port with an empty store, runs the
# Playwright tests in headless Chromium (/usr/bin/chromium), stops the service.
# Needs: the packaged service (mvn package), Debian's chromium, and `npm ci` in e2e/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
port="${E2E_PORT:-18095}"
store="$(mktemp -d)"
app=rules-service/target/quarkus-app/quarkus-run.jar
[ -f "$app" ] || { echo "e2e: $app is missing; run mvn package first" >&2; exit 2; }
[ -x /usr/bin/chromium ] || { echo "e2e: /usr/bin/chromium is missing (apt-get install -y chromium)" >&2; exit 2; }
[ -d e2e/node_modules/playwright-core ] || npm ci --prefix e2e --no-audit --no-fund >&2
keys="$store.keys"
export SAFEGUARDING_KEYS="$keys"
TOKEN_CLIENT=$(bin/rules token --role decision-client)
TOKEN_ADMIN=$(bin/rules token --role rules-admin)
export TOKEN_CLIENT TOKEN_ADMIN
java -XX:+UseSerialGC -Dquarkus.http.port="$port" -Dsafeguarding.store.path="$store" \
  -Dmp.jwt.verify.publickey.location="$keys/public-key.pem" -jar "$app" > "$store.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$store" "$store.log" "$keys"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null || { echo "e2e: the service did not become ready" >&2; cat "$store.log" >&2; exit 1; }
BASE_URL="http://127.0.0.1:$port" SCREENSHOTS="${SCREENSHOTS:-e2e/out}" node --test e2e/
