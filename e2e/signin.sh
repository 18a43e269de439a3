#!/usr/bin/env bash
# The lead's whole round trip, for real: a Keycloak realm (the identity provider), the packaged
# service trusting it, headless Chromium signing in through Keycloak's own sign-in page, the live
# workbook downloaded from the page, edited by LibreOffice (headless, through its UNO bridge: a
# stricter rule and a changed safety text), uploaded with a note, its review showing both
# changes, confirmed, activated, seen changing a decision on the try-an-incident page, and undone.
# Then Keycloak rotates its signing key under the running service (e2e/keyrotation.flow.mjs).
# Needs: the packaged service, chromium, LibreOffice with python3-uno, `npm ci` in e2e/, and a
# JDK 21 or later for Keycloak (KEYCLOAK_JAVA_HOME, else the newest under /usr/lib/jvm).
# Keycloak (org.keycloak:keycloak-quarkus-dist, from Maven Central) is cached in
# ${XDG_CACHE_HOME:-~/.cache}/safeguarding-e2e.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
keycloak_version=26.5.6
port="${E2E_SIGNIN_PORT:-18097}"
keycloak_port="${E2E_KEYCLOAK_PORT:-18180}"
[ -x /usr/bin/chromium ] || { echo "signin: /usr/bin/chromium is missing (apt-get install -y chromium)" >&2; exit 2; }
command -v soffice > /dev/null || { echo "signin: needs LibreOffice (apt-get install -y libreoffice-calc-nogui)" >&2; exit 2; }
/usr/bin/python3 -c "import uno" 2> /dev/null || { echo "signin: needs python3-uno" >&2; exit 2; }
[ -d e2e/node_modules/playwright-core ] && [ -d e2e/node_modules/axe-core ] || npm ci --prefix e2e --no-audit --no-fund >&2

java_home="${KEYCLOAK_JAVA_HOME:-}"
if [ -z "$java_home" ]; then
  for candidate in $(ls -d /usr/lib/jvm/*/ 2> /dev/null | sort -V -r); do
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ] 2> /dev/null; then java_home="${candidate%/}"; break; fi
  done
fi
# Exit status 3 (bin/test reports it as skipped): the one prerequisite apt on Debian 12 cannot install.
[ -n "$java_home" ] || { echo "signin: Keycloak $keycloak_version needs a JDK 21 or later (set KEYCLOAK_JAVA_HOME)" >&2; exit 3; }

cache="${XDG_CACHE_HOME:-$HOME/.cache}/safeguarding-e2e"
keycloak_home="$cache/keycloak-$keycloak_version"
if [ ! -x "$keycloak_home/bin/kc.sh" ]; then
  mkdir -p "$cache"
  [ -f "$cache/keycloak-quarkus-dist-$keycloak_version.zip" ] || mvn -q -B -ntp dependency:copy \
    "-Dartifact=org.keycloak:keycloak-quarkus-dist:$keycloak_version:zip" "-DoutputDirectory=$cache" >&2
  rm -rf "$cache/unpack" && mkdir -p "$cache/unpack"
  unzip -q "$cache/keycloak-quarkus-dist-$keycloak_version.zip" -d "$cache/unpack"
  mv "$cache/unpack/keycloak-$keycloak_version" "$keycloak_home" && rm -rf "$cache/unpack"
fi

. bin/lib/service.sh
work="$(mktemp -d)"
keycloak_pid=
service_pid=
cleanup() {
  [ -n "$service_pid" ] && { kill "$service_pid" 2> /dev/null || true; wait "$service_pid" 2> /dev/null || true; }
  [ -n "$keycloak_pid" ] && { kill "$keycloak_pid" 2> /dev/null || true; wait "$keycloak_pid" 2> /dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
origin="http://127.0.0.1:$port"
issuer="http://127.0.0.1:$keycloak_port/realms/safeguarding"

# A fresh realm every run: the development database is emptied and the realm imported again.
rm -rf "$keycloak_home/data/h2" "$keycloak_home/data/import" && mkdir -p "$keycloak_home/data/import"
sed "s|SERVICE_ORIGIN|$origin|g" e2e/keycloak/realm.json > "$keycloak_home/data/import/safeguarding-realm.json"
admin_password="admin-$RANDOM$RANDOM"
JAVA_HOME="$java_home" KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" \
  "$keycloak_home/bin/kc.sh" start-dev --http-port="$keycloak_port" --http-host=127.0.0.1 --import-realm \
  --http-management-port=$((keycloak_port + 1)) > "$work/keycloak.log" 2>&1 &
keycloak_pid=$!
for _ in $(seq 1 240); do
  curl -sf -o /dev/null "$issuer/.well-known/openid-configuration" && break
  kill -0 "$keycloak_pid" 2> /dev/null || { tail -30 "$work/keycloak.log" >&2; echo "signin: Keycloak stopped" >&2; exit 1; }
  sleep 0.5
done
curl -sf -o /dev/null "$issuer/.well-known/openid-configuration" || { tail -30 "$work/keycloak.log" >&2; echo "signin: Keycloak not ready" >&2; exit 1; }
echo "signin: Keycloak $keycloak_version ready (realm safeguarding)"

# The service trusts Keycloak's keys and issuer instead of a local key pair; the pages sign in through it.
# The key set is fetched every 5 s here (1 min shipped) so the rotation test below waits seconds, not a minute.
mkdir -p "$work/keys"
start_service "$port" "$work/store" "$work/keys" "$work/service.log" \
  "-Dmp.jwt.verify.publickey.location=$issuer/protocol/openid-connect/certs" "-Dmp.jwt.verify.issuer=$issuer" \
  "-Dsafeguarding.sign-in.issuer=$issuer" "-Dsafeguarding.auth.jwks-refresh-interval=5s"

BASE_URL="$origin" SCREENSHOTS="${SCREENSHOTS:-e2e/out}" WORK="$work" node --test e2e/signin.flow.mjs

# Then Keycloak rotates the realm's signing key under the running service (e2e/keyrotation.flow.mjs).
BASE_URL="$origin" KEYCLOAK_URL="http://127.0.0.1:$keycloak_port" ADMIN_PASSWORD="$admin_password" node --test e2e/keyrotation.flow.mjs
