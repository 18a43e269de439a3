# The service's JVM options everywhere it is started (bin/serve, tests, benchmarks; the container
# sets the same in src/main/docker/Dockerfile.jvm): a serial collector and a bounded heap.
# 160 MB holds the active rule set, a few loaded ones and an upload being built with Drools;
# docs/deployment.md ("Sizing") has the measurements.
SERVICE_JVM="-XX:+UseSerialGC -Xms64m -Xmx160m"
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
  java ${SERVICE_JVM_OPTIONS:-$SERVICE_JVM} -Dquarkus.http.port="$port" -Dquarkus.management.port="$management_port" -Dsafeguarding.store.path="$store" \
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
