#!/usr/bin/env bash
# bin/test on a machine without Chromium stops within a minute and names the package to install,
# before any build (CHROMIUM points the check at a browser that is not there).
set -euo pipefail
if [ -n "${E2E_PREREQUISITES_INNER:-}" ]; then
  echo "e2e/prerequisites: FAILED: bin/test went on past its check without chromium" >&2
  exit 1
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
start=$(date +%s)
status=0
E2E_PREREQUISITES_INNER=1 CHROMIUM=/nonexistent/chromium timeout 60 "$root/bin/test" > "$out" 2>&1 || status=$?
seconds=$(( $(date +%s) - start ))
if [ "$status" -ne 2 ] || ! grep -q "apt-get install -y chromium" "$out" || grep -q "Building\|BUILD" "$out"; then
  echo "e2e/prerequisites: FAILED: bin/test without chromium exited $status after ${seconds} s, saying:" >&2
  cat "$out" >&2
  exit 1
fi
echo "e2e/prerequisites: bin/test without chromium stopped after ${seconds} s, naming the package to install"
