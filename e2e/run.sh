#!/usr/bin/env bash
# Browser tests: starts the packaged service on a spare port with an empty store, runs the
# Playwright tests in headless Chromium (/usr/bin/chromium), stops the service.
# Needs: the packaged service (mvn package), Debian's chromium, and `npm ci` in e2e/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
port="${E2E_PORT:-18095}"
[ -x /usr/bin/chromium ] || { echo "e2e: /usr/bin/chromium is missing (apt-get install -y chromium)" >&2; exit 2; }
[ -d e2e/node_modules/playwright-core ] && [ -d e2e/node_modules/axe-core ] || npm ci --prefix e2e --no-audit --no-fund >&2
. bin/lib/service.sh
work="$(mktemp -d)"
export SAFEGUARDING_KEYS="$work/keys"
TOKEN_CLIENT=$(bin/rules token --role decision-client)
TOKEN_ADMIN=$(bin/rules token --role rules-admin)
export TOKEN_CLIENT TOKEN_ADMIN
trap 'kill $service_pid 2>/dev/null || true; wait $service_pid 2>/dev/null || true; rm -rf "$work"' EXIT
start_service "$port" "$work/store" "$work/keys" "$work/service.log"
BASE_URL="http://127.0.0.1:$port" SCREENSHOTS="${SCREENSHOTS:-e2e/out}" node --test e2e/
