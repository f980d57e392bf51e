#!/usr/bin/env bash
# Runs the whole suite locally: infrastructure (local/infra.sh), the five packaged services and the web console as
# JVM processes, and the demo program. `up` is idempotent; `down` stops only what `up` started (PID files under
# .local/dev).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state="$root/.local/dev"
run="$state/run"
logs="$state/logs"

# service name and its local port (override with VOC_<NAME>_PORT, e.g. VOC_CASE_SERVICE_PORT)
services=(touchpoint-registry:18081 survey-service:18082 response-service:18083 metrics-service:18084 case-service:18085
  console:18086)

port_of() {
  local name=$1 default=$2 var
  var="VOC_$(echo "$name" | tr 'a-z-' 'A-Z_')_PORT"
  echo "${!var:-$default}"
}

jar_of() { echo "$root/$1/target/quarkus-app/quarkus-run.jar"; }

# Runs the service's JVM in its quarkus-app dir: the class-data archive (app-cds.jsa, made by the build) names the
# jar relative to it. -Dvoc.service marks the process as this service's (running_pid). exec: the PID is the JVM's.
launch() {
  local name=$1 cds=()
  cd "$root/$name/target/quarkus-app" || exit 1
  [ -f app-cds.jsa ] && cds=(-XX:SharedArchiveFile=app-cds.jsa)
  exec setsid java "-Dvoc.service=$name" -Xmx256m -XX:+UseSerialGC "${cds[@]}" -jar quarkus-run.jar
}

# A PID file counts only while its process is alive and still runs this service's jar.
running_pid() {
  local name=$1 pid
  [ -f "$run/$name.pid" ] || return 1
  pid=$(cat "$run/$name.pid")
  if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "-Dvoc.service=$name "; then
    echo "$pid"
    return 0
  fi
  rm -f "$run/$name.pid"
  return 1
}

build() {
  echo "==> building the services and the console (./mvnw package, tests skipped; --no-build to reuse the last build)"
  "$root/mvnw" -B -q -DskipTests package \
    -pl touchpoint-registry,survey-service,response-service,metrics-service,case-service,console -am
}

start_service() {
  local name=$1 port=$2 pid
  if pid=$(running_pid "$name"); then
    echo "    $name already running (pid $pid)"
    return
  fi
  [ -f "$(jar_of "$name")" ] || { echo "$(jar_of "$name") is missing: run without --no-build" >&2; exit 1; }
  mkdir -p "$run" "$logs"
  # The secret that encrypts survey-service's invitation signing keys: random once per state dir, then kept, because
  # a new one would make the stored keys unreadable.
  local secret_file="$state/invitation-key.secret"
  [ -s "$secret_file" ] || (umask 077 && head -c 32 /dev/urandom | base64 > "$secret_file")
  # The key of customer pseudonyms: one for every service (one customer, one pseudonym), kept like the secret above.
  local pii_file="$state/pii-pseudonym.key"
  [ -s "$pii_file" ] || (umask 077 && head -c 32 /dev/urandom | base64 > "$pii_file")
  # setsid: the service outlives this shell; its PID is the JVM's own. Invitation links land on response-service,
  # which verifies their tokens with survey-service's public keys.
  PORT=$port LOG_JSON=false \
    VOC_INVITATION_KEY_SECRET="$(cat "$secret_file")" \
    VOC_PII_PSEUDONYM_KEY="$(cat "$pii_file")" \
    VOC_DISTRIBUTION_LINK_BASE_URL="http://localhost:$(port_of response-service 18083)" \
    VOC_INVITATIONS_JWKS_URL="http://localhost:$(port_of survey-service 18082)/api/invitation-keys/jwks" \
    VOC_CONSOLE_CASES_URL="http://localhost:$(port_of case-service 18085)" \
    VOC_CONSOLE_METRICS_URL="http://localhost:$(port_of metrics-service 18084)" \
    VOC_CONSOLE_TOUCHPOINTS_URL="http://localhost:$(port_of touchpoint-registry 18081)" \
    VOC_CONSOLE_CLIENT_SECRET=voc-console-secret-local-only-0123456789 \
    launch "$name" > "$logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$run/$name.pid"
  echo "    $name starting on :$port (log $logs/$name.log)"
}

await_ready() {
  local name=$1 port=$2 deadline=$((SECONDS + 120))
  until curl -sf "http://localhost:$port/q/health/ready" > /dev/null; do
    if ! running_pid "$name" > /dev/null; then
      echo "$name stopped while starting; last lines of $logs/$name.log:" >&2
      tail -n 30 "$logs/$name.log" >&2
      exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "$name is not ready after 120 s; see $logs/$name.log" >&2
      exit 1
    fi
    sleep 1
  done
  echo "    $name ready: http://localhost:$port"
}

stop_service() {
  local name=$1 pid
  if pid=$(running_pid "$name"); then
    kill "$pid"
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2> /dev/null || break
      sleep 1
    done
    kill -0 "$pid" 2> /dev/null && kill -9 "$pid"
    rm -f "$run/$name.pid"
    echo "    $name stopped"
  fi
}

up() {
  local build=1 demo=1
  for arg in "$@"; do
    case $arg in
      --no-build) build=0 ;;
      --no-demo) demo=0 ;;
      *) echo "unknown option $arg" >&2; exit 2 ;;
    esac
  done
  "$root/local/infra.sh" start --profile dev
  # shellcheck source=/dev/null
  source "$state/env"
  [ $build = 1 ] && build
  echo "==> starting the services"
  for entry in "${services[@]}"; do start_service "${entry%%:*}" "$(port_of "${entry%%:*}" "${entry#*:}")"; done
  for entry in "${services[@]}"; do await_ready "${entry%%:*}" "$(port_of "${entry%%:*}" "${entry#*:}")"; done
  if [ $demo = 1 ]; then
    echo "==> loading the demo program"
    VOC_TOUCHPOINT_URL=http://localhost:$(port_of touchpoint-registry 18081) \
    VOC_SURVEY_URL=http://localhost:$(port_of survey-service 18082) \
    VOC_RESPONSE_URL=http://localhost:$(port_of response-service 18083) \
    VOC_METRICS_URL=http://localhost:$(port_of metrics-service 18084) \
    VOC_CASE_URL=http://localhost:$(port_of case-service 18085) \
      java "$root/local/DemoProgram.java"
  fi
  print_urls
}

print_urls() {
  cat << TEXT

The VoC suite is up. Look at:
  Console       http://localhost:$(port_of console 18086)   (sign in as analyst, agent or manager; password <user>-demo)
  Swagger UI    touchpoint-registry http://localhost:$(port_of touchpoint-registry 18081)/q/swagger-ui
                survey-service      http://localhost:$(port_of survey-service 18082)/q/swagger-ui
                response-service    http://localhost:$(port_of response-service 18083)/q/swagger-ui
                metrics-service     http://localhost:$(port_of metrics-service 18084)/q/swagger-ui
                case-service        http://localhost:$(port_of case-service 18085)/q/swagger-ui
  NPS           curl -H "Authorization: Bearer \$(./voc token analyst)" 'http://localhost:$(port_of metrics-service 18084)/api/metrics/nps?touchpoint=card-delivery'
  Open cases    curl -H "Authorization: Bearer \$(./voc token agent)" 'http://localhost:$(port_of case-service 18085)/api/cases?team=cards-ops'
  Tokens        ./voc token admin|designer|analyst|agent|nobody   (password grant, client voc-cli)
                ./voc token --client voc-ingest                    (client credentials, for POST /api/responses)
  Keycloak      $VOC_OIDC_URL   (demo users: <user> / <user>-demo)
  Health        http://localhost:<port>/q/health/ready   Prometheus  http://localhost:<port>/q/metrics
Stop everything with: ./voc down
TEXT
}

down() {
  echo "==> stopping the services"
  for entry in "${services[@]}"; do stop_service "${entry%%:*}"; done
  "$root/local/infra.sh" stop --profile dev
}

status() {
  for entry in "${services[@]}"; do
    if pid=$(running_pid "${entry%%:*}"); then echo "${entry%%:*}: up (pid $pid)"; else echo "${entry%%:*}: down"; fi
  done
  "$root/local/infra.sh" status --profile dev
}

case "${1:-}" in
  up) shift; up "$@" ;;
  down) down ;;
  status) status ;;
  *) echo "usage: local/suite.sh up [--no-build] [--no-demo] | down | status" >&2; exit 2 ;;
esac
