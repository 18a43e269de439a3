# The service's JVM options everywhere it is started (bin/serve, tests, benchmarks; the container
# sets the same in src/main/docker/Dockerfile.jvm): a serial collector and a bounded heap.
# 160 MB holds the active rule set, a few loaded ones and an upload being built with Drools;
# docs/deployment.md ("Sizing") has the measurements.
SERVICE_JVM="-XX:+UseSerialGC -Xms64m -Xmx160m"

# Class-data sharing: the service loads about 6,700 classes as it starts. Recorded once per build
# (JDK 17 dynamic archive) and mapped afterwards, Quarkus starts in about 1.1 s instead of 1.5 s
# (docs/performance.md). Prints the JVM option that maps the archive of APP, recording it first
# when it is missing or older than the package; prints nothing if recording fails (the service
# then starts as before). The recording run starts the package on free ports with an empty store,
# answers one health check and one refused decision, and stops: never an upload, because the
# JDK 17 recorder can crash on classes Drools generates.
service_class_sharing() {
  local app="$1" dir jsa
  dir="$(cd "$(dirname "$app")" && pwd)"
  jsa="$dir/service.jsa"
  if [ ! -f "$jsa" ] || [ -n "$(find "$app" "$dir/lib" "$dir/app" "$dir/quarkus" -newer "$jsa" -print -quit)" ]; then
    echo "serve: recording the service's classes for faster starts (once per build, about 10 s)..." >&2
    record_service_archive "$app" "$jsa" || return 0
  fi
  echo "-XX:SharedArchiveFile=$jsa"
}

# One HTTP/1.1 request to 127.0.0.1 in bash alone (bin/serve needs no curl): http_request PORT METHOD PATH [BODY]
http_request() {
  local port="$1" method="$2" path="$3" body="${4:-}"
  (
    exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
    printf '%s %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nContent-Type: application/json\r\nContent-Length: %s\r\nConnection: close\r\n\r\n%s' \
      "$method" "$path" "$port" "${#body}" "$body" >&3
    timeout 10 cat <&3 > /dev/null
  ) 2>/dev/null
}

record_service_archive() {
  local app="$1" jsa="$2" tmp pid port management
  tmp="$(mktemp -d)"
  # No verification key: the run needs none (every protected call is refused, as the one below is).
  # shellcheck disable=SC2086
  java $SERVICE_JVM -XX:ArchiveClassesAtExit="$jsa.$$" -Dquarkus.http.host=127.0.0.1 -Dquarkus.management.host=127.0.0.1 \
    -Dquarkus.http.port=0 -Dquarkus.management.port=0 -Dsafeguarding.store.path="$tmp/store" \
    -jar "$app" > "$tmp/log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do
    grep -q "Listening on" "$tmp/log" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  port=$(sed -n 's/.*Listening on: http:[^ ]*:\([0-9]*\)\..*/\1/p' "$tmp/log" | head -1)
  management=$(sed -n 's/.*Management interface listening on http:[^ ]*:\([0-9]*\).*/\1/p' "$tmp/log" | head -1)
  if [ -n "$port" ] && [ -n "$management" ]; then
    http_request "$management" GET /q/health/ready || true
    http_request "$port" POST /api/v1/decisions '{}' || true
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$tmp"
  # Renamed into place, so services started side by side never map a half-written archive.
  if [ -s "$jsa.$$" ] && [ -n "$port" ]; then
    mv -f "$jsa.$$" "$jsa"
  else
    rm -f "$jsa.$$"
    return 1
  fi
}
# Shared by the test and benchmark scripts: start the packaged service and wait until it is ready.
# Usage: start_service PORT STORE_DIR KEYS_DIR LOG_FILE [extra JVM options...]
# Sets service_pid and management_port (PORT + 1000: health and metrics are served there, not on PORT).
# The service trusts KEYS_DIR/public-key.pem (see bin/rules token).
# SERVICE_JVM_OPTIONS: the JVM options, by default SERVICE_JVM (above).
start_service() {
  local port="$1" store="$2" keys="$3" log="$4"
  shift 4
  local app="${SERVICE_APP:-rules-service/target/quarkus-app/quarkus-run.jar}"
  [ -f "$app" ] || { echo "$app is missing: run mvn package first" >&2; return 2; }
  management_port=$((port + 1000))
  # shellcheck disable=SC2086
  java ${SERVICE_JVM_OPTIONS:-$SERVICE_JVM} $(service_class_sharing "$app") -Dquarkus.http.port="$port" -Dquarkus.management.port="$management_port" -Dsafeguarding.store.path="$store" \
    -Dmp.jwt.verify.publickey.location="$keys/public-key.pem" "$@" -jar "$app" >> "$log" 2>&1 &
  service_pid=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$management_port/q/health/ready" > /dev/null && return 0
    sleep 0.5
  done
  echo "the service on port $port did not become ready:" >&2
  tail -20 "$log" >&2
  return 1
}
