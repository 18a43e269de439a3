#!/usr/bin/env bash
# A newcomer's first minutes, as the README tells them: a fresh clone of this repository,
# bin/serve on ports of their choosing (and its words when a port is taken), the decision page in
# headless Chromium with no token pasted, and afterwards nothing new in `git status` but ignored
# files. Uses the machine's Maven repository, so the build takes a minute or two, not a download.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${E2E_FIRST_RUN_PORT:-18190}"
management_port=$((port + 1000))
[ -d "$root/e2e/node_modules/playwright-core" ] || npm ci --prefix "$root/e2e" --no-audit --no-fund >&2
work="$(mktemp -d)"
serve_pid=""
trap '[ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
git clone -q "$root" "$work/clone"
cd "$work/clone"
start=$(date +%s)
bin/serve --port "$port" --management-port "$management_port" > "$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$management_port/q/health/ready" > /dev/null && break
  kill -0 "$serve_pid" 2>/dev/null || { cat "$work/serve.log" >&2; echo "e2e/first-run: bin/serve stopped" >&2; exit 1; }
  sleep 0.5
done
echo "e2e/first-run: bin/serve on a fresh clone ready after $(( $(date +%s) - start )) s"
if grep -q $'\e\[' "$work/serve.log" || grep -qi "donat" "$work/serve.log"; then
  echo "e2e/first-run: FAILED: bin/serve's first build printed escape codes or a banner:" >&2
  cat "$work/serve.log" >&2
  exit 1
fi

# A second bin/serve on the same port says how to choose another, and starts nothing.
status=0
bin/serve --port "$port" --management-port "$((management_port + 1))" > "$work/busy.log" 2>&1 || status=$?
if [ "$status" -ne 1 ] || ! grep -q "port $port is in use" "$work/busy.log" || ! grep -q -- "--port" "$work/busy.log"; then
  echo "e2e/first-run: FAILED: a busy port gave exit $status and:" >&2
  cat "$work/busy.log" >&2
  exit 1
fi

BASE_URL="http://127.0.0.1:$port" SCREENSHOTS="${SCREENSHOTS:-$root/e2e/out}" node --test "$root/e2e/first-run.flow.mjs"

kill "$serve_pid"
wait "$serve_pid" 2>/dev/null || true
serve_pid=""
changed="$(git status --porcelain)"
if [ -n "$changed" ]; then
  echo "e2e/first-run: FAILED: bin/serve left files git does not ignore:" >&2
  echo "$changed" >&2
  exit 1
fi
[ -d .local/store ] && [ -f .local/keys/public-key.pem ] || { echo "e2e/first-run: FAILED: the store and keys are not in .local/" >&2; exit 1; }
echo "e2e/first-run: the page decided EMERGENCY with no token pasted; git status clean (store and keys in .local/)"
