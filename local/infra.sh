#!/usr/bin/env bash
# Local infrastructure of the VoC platform without Docker: PostgreSQL, Kafka (KRaft, single node) and
# Keycloak, each as a plain local process bound to 127.0.0.1.
#
#   local/infra.sh start|stop|status [--profile dev|test]      (default profile: dev)
#
# Two profiles can run side by side (different ports and state dirs; the downloaded binaries in
# .local/dist are shared). After `start`, `. .local/<profile>/env` exports the connection settings.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO_DIR=$(dirname "$SCRIPT_DIR")
readonly SCRIPT_DIR REPO_DIR
readonly DIST_DIR="$REPO_DIR/.local/dist"
readonly PROVISION_POM="$SCRIPT_DIR/provision/pom.xml"
# The provisioning POM is the single place for versions; we only need Keycloak's for its folder name.
KEYCLOAK_VERSION=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$PROVISION_POM")
readonly KEYCLOAK_VERSION
readonly KC_HOME="$DIST_DIR/keycloak-$KEYCLOAK_VERSION"
readonly KAFKA_LIBS="$DIST_DIR/kafka/libs"
readonly TOPICS_FILE="$SCRIPT_DIR/kafka-topics.conf"
readonly REALM_FILE="$SCRIPT_DIR/keycloak/voc-realm.json"
readonly DATABASES=(voc_touchpoint voc_survey voc_response voc_metrics voc_case voc_kit)
# Keycloak options that are baked in by its build-time augmentation. They must never vary between starts,
# otherwise every start re-augments (~20 s) and two profiles starting at once would rebuild the shared dist.
readonly KC_BUILD_OPTIONS=(--db=dev-mem --health-enabled=true)
readonly STOP_TIMEOUT_S=30
readonly KAFKA_READY_TIMEOUT_S=90
readonly KEYCLOAK_READY_TIMEOUT_S=180

COMPONENT=infra

# ---------------------------------------------------------------------------------------------- helpers

log() { printf '[%s] %s\n' "$COMPONENT" "$*"; }
warn() { printf '[%s] WARN: %s\n' "$COMPONENT" "$*" >&2; }
die() {
  printf '[%s] ERROR: %s\n' "$COMPONENT" "$*" >&2
  exit 1
}

now_ms() {
  local t=${EPOCHREALTIME//[!0-9]/} # microseconds; strip the locale's decimal separator
  echo $((t / 1000))
}

since() { # since <start-ms> -> "12.3s"
  local ms=$(($(now_ms) - $1))
  printf '%d.%ds' $((ms / 1000)) $(((ms % 1000) / 100))
}

usage() {
  cat <<EOF
usage: local/infra.sh start|stop|status [--profile dev|test]

  start   provision binaries if needed (Maven Central), then start PostgreSQL, Kafka and Keycloak
  stop    stop what this script started for the profile
  status  show each component (exit 0 only if all are up)

Ports (overridable): VOC_PG_PORT VOC_KAFKA_PORT VOC_KAFKA_CONTROLLER_PORT VOC_KEYCLOAK_PORT VOC_KEYCLOAK_MGMT_PORT
  dev : 15432 19092 19093 18180 18190
  test: 25432 29092 29093 28180 28190
Other: VOC_STATE_DIR (default <repo>/.local/<profile>), VOC_KEYCLOAK_JAVA_HOME (JDK >= 21),
       VOC_KAFKA_JAVA_HOME (JDK >= 17, default: java on PATH), VOC_PG_BINDIR.
EOF
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

require_free_port() { # require_free_port <port> <what> <env var>
  if port_in_use "$1"; then
    die "port $1 ($2) is already in use by another process; stop it or set $3 to another port"
  fi
}

read_pid_file() { # prints the PID if the file holds one
  local pid
  [[ -f $1 ]] && read -r pid <"$1" 2>/dev/null && [[ $pid =~ ^[0-9]+$ ]] && echo "$pid"
}

# is_ours <pid> <substring>...: the process is alive, carries this profile's marker argument
# (-Dvoc.state.dir=<state dir>, added to every JVM we start) and its command line contains every substring.
# This is what protects against PID reuse and against touching processes the script did not start.
is_ours() {
  local pid=$1 args joined s
  shift
  { mapfile -d '' -t args <"/proc/$pid/cmdline"; } 2>/dev/null || return 1
  ((${#args[@]} > 0)) || return 1 # zombie / kernel thread
  joined=" ${args[*]} "
  [[ $joined == *" $MARKER_ARG "* ]] || return 1
  for s in "$@"; do
    [[ $joined == *"$s"* ]] || return 1
  done
}

# await_exec <pid> <substring>...: right after `cmd &` the child may not have exec'd the real program yet;
# wait (max ~10 s) until it is recognisably ours. Fails if it exits or never matches.
await_exec() {
  local i
  for ((i = 0; i < 100; i++)); do
    is_ours "$@" && return 0
    [[ -d /proc/$1 ]] || return 1
    sleep 0.1
  done
  return 1
}

# find_our_java <substring>...: PID of a running `java` process that is ours (see is_ours).
# Used instead of $! because launchers fork (kc.sh runs java as a child, and execs a second java after a
# re-augmentation), so the PID we spawned is not necessarily the JVM.
find_our_java() {
  local dir pid comm
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    { read -r comm <"$dir/comm"; } 2>/dev/null || continue
    [[ $comm == java ]] && is_ours "$pid" "$@" && echo "$pid" && return 0
  done
  return 1
}

# live_pid <pid file> <substring>...: prints the PID if the file points to a live process of ours;
# removes the file if it is stale (dead process, or PID reused by some other program).
live_pid() {
  local file=$1 pid
  shift
  pid=$(read_pid_file "$file") || return 1
  if is_ours "$pid" "$@"; then
    echo "$pid"
    return 0
  fi
  rm -f "$file"
  return 1
}

# stop_pid <pid> <substring>...: SIGTERM, wait up to STOP_TIMEOUT_S, then SIGKILL. Re-checks ownership
# before each signal so a PID recycled meanwhile is never hit.
stop_pid() {
  local pid=$1 deadline
  shift
  is_ours "$pid" "$@" || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  deadline=$((SECONDS + STOP_TIMEOUT_S))
  while is_ours "$pid" "$@"; do
    if ((SECONDS >= deadline)); then
      warn "pid $pid did not stop within ${STOP_TIMEOUT_S}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.2
  done
}

# java_major <java home>: major version (8, 17, 21, 25, ...) from the release file or `java -version`.
java_major() {
  local home=$1 v=
  [[ -x $home/bin/java ]] || return 1
  if [[ -f $home/release ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$home/release")
  fi
  if [[ -z $v ]]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
  fi
  v=${v#1.}
  v=${v%%[.+-]*}
  [[ $v =~ ^[0-9]+$ ]] && echo "$v"
}

java_home_on_path() {
  local java
  java=$(command -v java) || return 1
  java=$(readlink -f "$java")
  echo "${java%/bin/java}"
}

tail_log() { # show the end of a log when something failed
  [[ -f $1 ]] || return 0
  printf '[%s] --- last lines of %s ---\n' "$COMPONENT" "$1" >&2
  tail -n "${2:-25}" "$1" >&2
}

# ---------------------------------------------------------------------------------------- configuration

parse_args() {
  COMMAND=${1:-}
  [[ -n $COMMAND ]] || {
    usage >&2
    exit 2
  }
  shift
  PROFILE=dev
  while (($#)); do
    case $1 in
      --profile) PROFILE=${2:?--profile needs a value}; shift ;;
      --profile=*) PROFILE=${1#--profile=} ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; exit 2 ;;
    esac
    shift
  done
  case $COMMAND in start | stop | status) ;; -h | --help) usage; exit 0 ;; *) usage >&2; exit 2 ;; esac
}

configure() {
  local defaults
  case $PROFILE in
    dev) defaults=(15432 19092 19093 18180 18190) ;;
    test) defaults=(25432 29092 29093 28180 28190) ;;
    *) die "unknown profile '$PROFILE' (expected dev or test)" ;;
  esac
  # A shell that sourced another profile's env file has that profile's VOC_*_PORT exported; using them
  # would make e.g. the test profile collide with dev. The env file also exports VOC_PROFILE to detect it.
  if [[ -n ${VOC_PROFILE:-} && $VOC_PROFILE != "$PROFILE" ]]; then
    warn "ignoring VOC_*_PORT from the environment: they belong to profile '$VOC_PROFILE' (sourced env file?)"
    unset VOC_PG_PORT VOC_KAFKA_PORT VOC_KAFKA_CONTROLLER_PORT VOC_KEYCLOAK_PORT VOC_KEYCLOAK_MGMT_PORT
  fi
  PG_PORT=${VOC_PG_PORT:-${defaults[0]}}
  KAFKA_PORT=${VOC_KAFKA_PORT:-${defaults[1]}}
  KAFKA_CONTROLLER_PORT=${VOC_KAFKA_CONTROLLER_PORT:-${defaults[2]}}
  KC_PORT=${VOC_KEYCLOAK_PORT:-${defaults[3]}}
  KC_MGMT_PORT=${VOC_KEYCLOAK_MGMT_PORT:-${defaults[4]}}

  STATE_DIR=$(realpath -m "${VOC_STATE_DIR:-$REPO_DIR/.local/$PROFILE}")
  # Marker argument put on every JVM command line we start: identifies "ours" for status/stop.
  MARKER_ARG="-Dvoc.state.dir=$STATE_DIR"
  ENV_FILE="$STATE_DIR/env"

  PG_DIR="$STATE_DIR/postgres"
  PG_DATA="$PG_DIR/data"
  PG_PID_FILE="$PG_DATA/postmaster.pid"
  PG_SOCKET_RECORD="$PG_DIR/socket-dir" # where the private socket dir is (see pg_socket_dir)
  PG_LOG="$PG_DIR/postgres.log"

  KAFKA_DIR="$STATE_DIR/kafka"
  KAFKA_PID_FILE="$KAFKA_DIR/kafka.pid"
  KAFKA_LOG="$KAFKA_DIR/kafka.out"

  KC_DIR="$STATE_DIR/keycloak"
  KC_PID_FILE="$KC_DIR/keycloak.pid"           # the Keycloak JVM
  KC_LAUNCHER_PID_FILE="$KC_DIR/kc.sh.pid"     # the kc.sh shell that forks it
  KC_LOG="$KC_DIR/keycloak.log"
  KC_REALM_HASH_FILE="$KC_DIR/realm.sha256" # what the running Keycloak imported
}

# ------------------------------------------------------------------------------------------ provisioning

# Fetches Kafka jars and the Keycloak zip with Maven (local/provision/pom.xml), once. Maven is not even
# started when the marker (hash of the POM) matches and the binaries are there.
provision() {
  local marker="$DIST_DIR/.provisioned" want t0
  want=$(sha256sum <"$PROVISION_POM" | cut -d' ' -f1)
  provisioned() { [[ -d $KAFKA_LIBS && -x $KC_HOME/bin/kc.sh && "$(cat "$marker" 2>/dev/null)" == "$want" ]]; }
  provisioned && return 0

  mkdir -p "$DIST_DIR"
  # Two profiles may be started at the same time: only one downloads, the other waits and re-checks.
  exec 8>"$DIST_DIR/.provision.lock"
  flock -w 1200 8 || die "timed out waiting for another provisioning run"
  if ! provisioned; then
    t0=$(now_ms)
    log "provisioning Kafka + Keycloak $KEYCLOAK_VERSION from Maven Central into $DIST_DIR ..."
    # Start from a clean slate: stale jars of another version would end up on Kafka's class path, and the
    # dependency plugin's unpack markers would skip a Keycloak dir that was deleted by hand.
    rm -rf "$KAFKA_LIBS" "$DIST_DIR/.provision-markers" "$KC_HOME/.voc-build-options"
    "$REPO_DIR/mvnw" -q -B -f "$PROVISION_POM" -Dvoc.dist.dir="$DIST_DIR" process-resources ||
      die "provisioning with Maven failed (see output above)"
    [[ -x $KC_HOME/bin/kc.sh ]] || die "Keycloak was not unpacked to $KC_HOME"
    echo "$want" >"$marker"
    log "provisioned in $(since "$t0")"
  fi
  flock -u 8
  exec 8>&-
}

# ------------------------------------------------------------------------------------------- PostgreSQL

find_pg_bindir() {
  local dir
  if [[ -n ${VOC_PG_BINDIR:-} ]]; then
    [[ -x $VOC_PG_BINDIR/initdb && -x $VOC_PG_BINDIR/pg_ctl ]] && echo "$VOC_PG_BINDIR"
    return
  fi
  # On Debian /usr/bin/pg_config may come from libpq-dev and point at a version without server binaries.
  if command -v pg_config >/dev/null; then
    dir=$(pg_config --bindir 2>/dev/null) || true
    [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl ]] && echo "$dir" && return
  fi
  dir=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  [[ -x $dir/initdb && -x $dir/pg_ctl ]] && echo "$dir"
}

# initdb/pg_ctl refuse to run as root: as root we run the server as the `postgres` OS user.
pg_os_user() { if ((EUID == 0)); then echo postgres; else id -un; fi; }

as_pg_user() {
  if ((EUID == 0)); then
    # cd / because postgres usually cannot read root's working directory (noisy warnings otherwise).
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

pg() { as_pg_user "$PG_BIN/$1" "${@:2}"; }

pg_running() { pg_postmaster_pid >/dev/null; }

# pg_process_in_data_dir <pid>: a server process of this cluster. Every one runs in the data directory, which is
# what tells it from another cluster's, or from an unrelated process that got a recycled PID.
pg_process_in_data_dir() {
  local comm cwd
  { read -r comm <"/proc/$1/comm"; } 2>/dev/null || return 1
  [[ $comm == postgres ]] || return 1
  cwd=$(readlink "/proc/$1/cwd" 2>/dev/null) || return 1
  [[ $cwd == "$PG_DATA" ]]
}

# The live postmaster named by postmaster.pid; fails when there is none or it is gone (crashed, killed).
pg_postmaster_pid() {
  local pid
  { read -r pid <"$PG_PID_FILE"; } 2>/dev/null || return 1
  [[ $pid =~ ^[0-9]+$ ]] && pg_process_in_data_dir "$pid" && echo "$pid"
}

pg_orphans() { # server processes of this cluster whose postmaster is gone
  local dir
  for dir in /proc/[0-9]*; do
    pg_process_in_data_dir "${dir#/proc/}" && echo "${dir#/proc/}"
  done
  return 0
}

# After a crash (kill -9 of the postmaster, the OOM killer) postmaster.pid names a dead process, and server
# processes that were busy may live on as orphans that still hold the shared memory a new postmaster needs ("pre-
# existing shared memory block is still in use"). They are stopped (only processes working in this cluster's data
# dir), the stale pid file is removed, and the start that follows is PostgreSQL's ordinary crash recovery.
recover_postgres() {
  [[ -f $PG_PID_FILE ]] || return 0
  pg_running && return 0
  local orphans pid i signal
  mapfile -t orphans < <(pg_orphans)
  if ((${#orphans[@]} > 0)); then
    warn "the postmaster is gone: stopping ${#orphans[@]} orphaned server processes (${orphans[*]})"
    for ((i = 0; i < 50 && ${#orphans[@]} > 0; i++)); do
      signal=TERM
      ((i < 25)) || signal=KILL # after ~5 s
      for pid in "${orphans[@]}"; do
        # Re-checked before each signal, so a recycled PID is never hit.
        if pg_process_in_data_dir "$pid"; then kill -"$signal" "$pid" 2>/dev/null || true; fi
      done
      sleep 0.2
      mapfile -t orphans < <(pg_orphans)
    done
    ((${#orphans[@]} == 0)) || die "orphaned PostgreSQL processes ${orphans[*]} do not stop"
  fi
  warn "removing the stale $PG_PID_FILE left by a PostgreSQL that did not shut down"
  as_pg_user rm -f "$PG_PID_FILE"
}

# The server's Unix socket path (dir + "/.s.PGSQL.<port>") must fit in 107 bytes, which a checkout under a long path
# exceeds. So the socket lives in a short private dir under /tmp (0700, owned by the server's OS user), recorded in
# the state dir and reused by every start of this cluster. Only this script's admin work uses it (peer auth).
pg_socket_dir() {
  local dir
  { read -r dir <"$PG_SOCKET_RECORD"; } 2>/dev/null || dir=
  if [[ -n $dir && -d $dir && ! -L $dir && "$(stat -c '%U %a' "$dir")" == "$(pg_os_user) 700" ]]; then
    echo "$dir"
    return 0
  fi
  dir=$(as_pg_user mktemp -d /tmp/voc-pg.XXXXXX) || return 1
  echo "$dir" >"$PG_SOCKET_RECORD"
  echo "$dir"
}

init_postgres() {
  mkdir -p "$PG_DIR"
  if ((EUID == 0)); then
    id -u postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' OS user (it comes with the postgresql packages)"
    # The state dirs are ours: let postgres traverse them. Parents outside .local are checked below.
    chmod o+x "$STATE_DIR"
    [[ $(dirname "$STATE_DIR") != "$REPO_DIR/.local" ]] || chmod o+x "$REPO_DIR/.local"
    chown postgres: "$PG_DIR"
  fi
  chmod 700 "$PG_DIR"
  as_pg_user test -x "$PG_DIR" ||
    die "OS user '$(pg_os_user)' cannot traverse the path to $PG_DIR; give the parent dirs o+x or set VOC_STATE_DIR elsewhere"

  [[ -s $PG_DATA/PG_VERSION ]] && return 0
  log "initialising a new cluster in $PG_DATA"
  rm -rf "$PG_DATA"
  # peer auth on the private socket (for this script's admin work), passwords (SCRAM) on TCP.
  # C.UTF-8 keeps sorting byte-wise yet handles non-ASCII text (upper/lower) correctly.
  if ! pg initdb -D "$PG_DATA" --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 >"$PG_DIR/initdb.log" 2>&1; then
    tail_log "$PG_DIR/initdb.log"
    rm -rf "$PG_DATA"
    die "initdb failed"
  fi
  # Explicit and minimal: no trust anywhere, TCP only from loopback, with a password.
  cat >"$PG_DATA/pg_hba.conf" <<'EOF'
# Written by local/infra.sh
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  peer
host    all       all   127.0.0.1/32   scram-sha-256
host    all       all   ::1/128        scram-sha-256
EOF
  echo "include 'voc-local.conf'   # added by local/infra.sh" >>"$PG_DATA/postgresql.conf"
}

# Rewritten at every start so port overrides take effect. Included from postgresql.conf.
write_pg_conf() {
  local sock=${PG_SOCKET_DIR//\'/\'\'}
  cat >"$PG_DATA/voc-local.conf" <<EOF
# Written by local/infra.sh at every start: edits are lost.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$sock'
unix_socket_permissions = 0700
max_connections = 200
shared_buffers = 128MB
# Durability tests rely on real fsyncs: keep these on even on a dev box.
fsync = on
synchronous_commit = on
full_page_writes = on
EOF
  ((EUID == 0)) && chown postgres: "$PG_DATA/voc-local.conf"
  return 0
}

# Idempotent: role voc (superuser, password voc) and one database per service, owned by voc.
ensure_pg_objects() {
  local dbs
  dbs=$(printf "'%s'," "${DATABASES[@]}")
  pg psql -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U "$(pg_os_user)" -d postgres <<SQL
SET client_min_messages = warning;
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'voc') THEN
    CREATE ROLE voc LOGIN SUPERUSER PASSWORD 'voc';
  END IF;
END
\$\$;
SELECT format('CREATE DATABASE %I OWNER voc', d)
  FROM unnest(ARRAY[${dbs%,}]) AS d
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d)
\gexec
SQL
}

start_postgres() {
  local t0 pid
  t0=$(now_ms)
  init_postgres
  if pid=$(pg_postmaster_pid); then
    port_in_use "$PG_PORT" || die "already running (pid $pid) but not on port $PG_PORT: run 'stop' first"
    PG_SOCKET_DIR=$(sed -n 5p "$PG_PID_FILE") # the one it listens on
    log "already running (pid $pid)"
  else
    recover_postgres
    require_free_port "$PG_PORT" PostgreSQL VOC_PG_PORT
    PG_SOCKET_DIR=$(pg_socket_dir) || die "cannot create a private socket dir under /tmp"
    write_pg_conf
    # pg_ctl runs as the server user, so the log must live in a dir that user owns.
    if ! pg pg_ctl -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null; then
      tail_log "$PG_LOG"
      die "PostgreSQL did not start"
    fi
  fi
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 15 || die "PostgreSQL does not accept TCP connections"
  ensure_pg_objects
  log "ready on 127.0.0.1:$PG_PORT in $(since "$t0")"
}

stop_postgres() {
  if [[ -d $PG_DATA ]] && pg_running; then
    # fast = roll back open transactions and shut down cleanly (no crash recovery on next start).
    pg pg_ctl -D "$PG_DATA" -m fast -w -t "$STOP_TIMEOUT_S" stop >/dev/null
    log "stopped"
  elif [[ -f $PG_PID_FILE ]]; then
    recover_postgres # crashed: stop its orphans, so that nothing of it is left running
    log "stopped what a crashed PostgreSQL left behind"
  else
    log "not running"
  fi
}

status_postgres() {
  if [[ -d $PG_DATA ]] && pg_running; then
    local state=up
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2 || state="up (not accepting connections)"
    printf '%-10s %-5s pid %-8s 127.0.0.1:%s  user voc/voc  dbs: %s\n' postgres "$state" \
      "$(head -n1 "$PG_PID_FILE")" "$PG_PORT" "${DATABASES[*]}"
  else
    printf '%-10s down\n' postgres
    return 1
  fi
}

# ------------------------------------------------------------------------------------------------ Kafka

kafka_pid() { live_pid "$KAFKA_PID_FILE" kafka.Kafka; }

write_kafka_config() {
  cat >"$KAFKA_DIR/server.properties" <<EOF
# Written by local/infra.sh at every start: edits are lost.
process.roles=broker,controller
node.id=1
# Static quorum: the voter set is configuration, not stored in the metadata log, so the controller port
# can be changed (VOC_KAFKA_CONTROLLER_PORT) without reformatting. Hence no --standalone at format time.
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://localhost:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DIR/data
# Topics are created explicitly (local/kafka-topics.conf); auto-creation would hide typos.
auto.create.topics.enable=false
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# Single consumer groups in tests should not wait 3 s for more members.
group.initial.rebalance.delay.ms=0
EOF
  cat >"$KAFKA_DIR/log4j2.properties" <<EOF
# Written by local/infra.sh. Kafka's own config is YAML, which would need jackson-dataformat-yaml.
status = warn
appender.file.type = RollingFile
appender.file.name = file
appender.file.fileName = $KAFKA_DIR/logs/server.log
appender.file.filePattern = $KAFKA_DIR/logs/server.log.%i
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
appender.file.policies.type = Policies
appender.file.policies.size.type = SizeBasedTriggeringPolicy
appender.file.policies.size.size = 50MB
appender.file.strategy.type = DefaultRolloverStrategy
appender.file.strategy.max = 3
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.statechange.name = state.change.logger
logger.statechange.level = WARN
EOF
}

# One JVM both waits for the broker and creates all topics (gives up early if the broker dies).
wait_kafka_and_create_topics() {
  if ! "$KAFKA_JAVA" -cp "$KAFKA_LIBS/*" "$SCRIPT_DIR/CreateTopics.java" "localhost:$KAFKA_PORT" \
    "$TOPICS_FILE" --wait-pid "$1" --timeout "$KAFKA_READY_TIMEOUT_S" | sed "s/^/[$COMPONENT] /"; then
    tail_log "$KAFKA_DIR/logs/server.log"
    die "Kafka did not become ready on localhost:$KAFKA_PORT (logs: $KAFKA_DIR/logs/server.log, $KAFKA_LOG)"
  fi
}

start_kafka() {
  local t0 pid uuid
  t0=$(now_ms)
  mkdir -p "$KAFKA_DIR/data" "$KAFKA_DIR/logs"
  if pid=$(kafka_pid); then
    if ! port_in_use "$KAFKA_PORT"; then
      # Probably still starting (a concurrent `start`); wait for it like for our own launch.
      log "process $pid exists but port $KAFKA_PORT is not open yet: waiting"
    fi
    # Also on a running broker: topics added to kafka-topics.conf since it started are created now.
    wait_kafka_and_create_topics "$pid"
    log "already running (pid $pid)"
    return 0
  fi
  require_free_port "$KAFKA_PORT" "Kafka broker" VOC_KAFKA_PORT
  require_free_port "$KAFKA_CONTROLLER_PORT" "Kafka controller" VOC_KAFKA_CONTROLLER_PORT
  write_kafka_config
  local log4j="-Dlog4j2.configurationFile=$KAFKA_DIR/log4j2.properties"

  if [[ ! -f $KAFKA_DIR/data/meta.properties ]]; then
    uuid=$("$KAFKA_JAVA" -cp "$KAFKA_LIBS/*" "$log4j" kafka.tools.StorageTool random-uuid)
    "$KAFKA_JAVA" -cp "$KAFKA_LIBS/*" "$log4j" kafka.tools.StorageTool format --ignore-formatted \
      -t "$uuid" -c "$KAFKA_DIR/server.properties" >"$KAFKA_DIR/format.log" 2>&1 || {
      tail_log "$KAFKA_DIR/format.log"
      die "formatting the KRaft storage failed"
    }
    log "formatted KRaft storage (cluster id $uuid)"
  fi

  printf '=== %s start\n' "$(date -Is)" >>"$KAFKA_LOG"
  # setsid + nohup: the broker must outlive this script and must not get the terminal's Ctrl-C.
  setsid nohup "$KAFKA_JAVA" -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true "$MARKER_ARG" "$log4j" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_DIR/server.properties" </dev/null >>"$KAFKA_LOG" 2>&1 &
  pid=$!
  await_exec "$pid" kafka.Kafka || pid=$(find_our_java kafka.Kafka) || {
    tail_log "$KAFKA_LOG"
    die "the Kafka JVM exited immediately"
  }
  echo "$pid" >"$KAFKA_PID_FILE"

  wait_kafka_and_create_topics "$pid"
  log "ready on localhost:$KAFKA_PORT (pid $pid) in $(since "$t0")"
}

stop_kafka() {
  local pid
  if pid=$(kafka_pid); then
    stop_pid "$pid" kafka.Kafka # SIGTERM = controlled shutdown
    rm -f "$KAFKA_PID_FILE"
    log "stopped (pid $pid)"
  else
    log "not running"
  fi
}

status_kafka() {
  local pid state=up
  if pid=$(kafka_pid); then
    port_in_use "$KAFKA_PORT" || state="up (port $KAFKA_PORT not listening)"
    printf '%-10s %-5s pid %-8s localhost:%s  (controller 127.0.0.1:%s)\n' kafka "$state" "$pid" \
      "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
  else
    printf '%-10s down\n' kafka
    return 1
  fi
}

# --------------------------------------------------------------------------------------------- Keycloak

# Highest JDK >= 21 among $JAVA_HOME, java on PATH and /usr/lib/jvm/*.
find_keycloak_java() {
  local home major best='' best_major=0
  for home in "${JAVA_HOME:-}" "$(java_home_on_path || true)" /usr/lib/jvm/*; do
    [[ -n $home ]] || continue
    major=$(java_major "$home") || continue
    if ((major >= 21 && major > best_major)); then
      best=$home
      best_major=$major
    fi
  done
  [[ -n $best ]] && echo "$best"
}

keycloak_pid() { live_pid "$KC_PID_FILE" "$KC_HOME" QuarkusEntryPoint; }

# The import dir is shared by both profiles; an atomic rename keeps a concurrent start from reading a
# half-written file.
install_realm() {
  local import_dir="$KC_HOME/data/import"
  mkdir -p "$import_dir"
  cmp -s "$REALM_FILE" "$import_dir/voc-realm.json" && return 0
  cp "$REALM_FILE" "$import_dir/.voc-realm.json.$$"
  mv -f "$import_dir/.voc-realm.json.$$" "$import_dir/voc-realm.json"
}

# The realm lives in Keycloak's in-memory database (dev-mem): it is imported from REALM_FILE at every start, and the
# hash of what was imported is kept so that a later `start` notices a changed file.
realm_hash() { sha256sum <"$REALM_FILE" | cut -d' ' -f1; }
realm_current() { [[ "$(cat "$KC_REALM_HASH_FILE" 2>/dev/null)" == "$(realm_hash)" ]]; }

keycloak_ready() {
  curl -sf -o /dev/null --max-time 3 "http://localhost:$KC_MGMT_PORT/health/ready" &&
    curl -sf --max-time 5 "http://localhost:$KC_PORT/realms/voc/.well-known/openid-configuration" |
    grep -q "\"issuer\":\"http://localhost:$KC_PORT/realms/voc\""
}

# wait_keycloak_ready <launcher pid or "">: until both health and the realm answer, or Keycloak died.
wait_keycloak_ready() {
  local launcher=$1 pid misses=0 deadline=$((SECONDS + KEYCLOAK_READY_TIMEOUT_S))
  until keycloak_ready; do
    # kc.sh forks the JVM; after an augmentation the first JVM exits (code 10) and kc.sh execs a new one
    # in its own PID. So "alive" means: the launcher or any JVM of ours is still there. Three misses in a
    # row, because the JVM hand-over leaves a short gap.
    if pid=$(find_our_java "$KC_HOME" QuarkusEntryPoint); then
      echo "$pid" >"$KC_PID_FILE" # keep it current so `stop` works even while we are still waiting
      misses=0
    elif is_ours "$launcher" "$KC_HOME"; then
      misses=0
    elif ((++misses >= 3)); then
      tail_log "$KC_LOG" 40
      die "Keycloak exited during start-up (log: $KC_LOG)"
    fi
    if ((SECONDS >= deadline)); then
      tail_log "$KC_LOG" 40
      die "Keycloak not ready after ${KEYCLOAK_READY_TIMEOUT_S}s (log: $KC_LOG); 'stop' cleans up"
    fi
    sleep 1
  done
}

start_keycloak() {
  local t0 pid launcher holds_lock=false build_sig
  t0=$(now_ms)
  mkdir -p "$KC_DIR"
  if pid=$(keycloak_pid); then
    if ! keycloak_ready; then
      # Probably still starting (a concurrent `start`): wait for it rather than report it up too early.
      log "process $pid exists but is not ready yet: waiting"
      wait_keycloak_ready ""
    fi
    if realm_current; then
      log "already running (pid $pid)"
      return 0
    fi
    # Its in-memory realm was imported from an older voc-realm.json (e.g. before the voc-console client): only a
    # new import brings the change in, and dev-mem imports at every start.
    log "the realm file changed since Keycloak (pid $pid) imported it: restarting Keycloak to import it"
    stop_keycloak
  fi
  # A kc.sh left over from an interrupted start (its JVM gone or not yet recorded).
  launcher=$(live_pid "$KC_LAUNCHER_PID_FILE" "$KC_HOME/bin/kc.sh") && stop_pid "$launcher" "$KC_HOME/bin/kc.sh"
  rm -f "$KC_LAUNCHER_PID_FILE"
  require_free_port "$KC_PORT" "Keycloak HTTP" VOC_KEYCLOAK_PORT
  require_free_port "$KC_MGMT_PORT" "Keycloak management" VOC_KEYCLOAK_MGMT_PORT
  install_realm

  # The first start with these build options augments (rewrites lib/quarkus in the shared dist). If the
  # other profile starts at the same moment, it must wait for that instead of augmenting concurrently.
  build_sig="$KEYCLOAK_VERSION start-dev ${KC_BUILD_OPTIONS[*]}"
  if [[ "$(cat "$KC_HOME/.voc-build-options" 2>/dev/null)" != "$build_sig" ]]; then
    exec 9>"$DIST_DIR/.keycloak-build.lock"
    if ! flock -n 9; then
      log "waiting for the other profile's first Keycloak start (build-time augmentation) ..."
      flock -w $((KEYCLOAK_READY_TIMEOUT_S + 60)) 9 || die "timed out waiting for the Keycloak build lock"
    fi
    if [[ "$(cat "$KC_HOME/.voc-build-options" 2>/dev/null)" == "$build_sig" ]]; then
      exec 9>&-
    else
      holds_lock=true
      log "first start with these build options: Keycloak augments itself (~20-50 s more)"
    fi
  fi

  printf '=== %s start\n' "$(date -Is)" >>"$KC_LOG"
  # JAVA_OPTS must be unset so kc.sh keeps its default JVM flags and appends JAVA_OPTS_KC_HEAP.
  # The -D marker goes to the JVM (kc.sh passes -D args through). The transaction object store is moved
  # to the state dir so two profiles never share it. 9>&- : the JVM must not inherit the build lock.
  env -u JAVA_OPTS -u JAVA_OPTS_APPEND -u JAVA_ADD_OPENS \
    JAVA_HOME="$KC_JAVA_HOME" JAVA_OPTS_KC_HEAP="-Xms128m -Xmx384m" \
    KC_BOOTSTRAP_ADMIN_USERNAME=kcadmin KC_BOOTSTRAP_ADMIN_PASSWORD=kcadmin \
    setsid nohup "$KC_HOME/bin/kc.sh" "$MARKER_ARG" \
    "-Dquarkus.transaction-manager.object-store.directory=$KC_DIR/transaction-logs" \
    start-dev "${KC_BUILD_OPTIONS[@]}" \
    --http-host=127.0.0.1 --http-port="$KC_PORT" --http-management-port="$KC_MGMT_PORT" \
    --hostname="http://localhost:$KC_PORT" --import-realm \
    </dev/null >>"$KC_LOG" 2>&1 9>&- &
  launcher=$!
  if await_exec "$launcher" "$KC_HOME/bin/kc.sh"; then
    echo "$launcher" >"$KC_LAUNCHER_PID_FILE" # lets `stop` clean up a start that is still in progress
  fi

  wait_keycloak_ready "$launcher"
  # Record the JVM itself: that is the process stop must signal.
  pid=$(find_our_java "$KC_HOME" QuarkusEntryPoint) || die "Keycloak answers but its JVM was not found"
  echo "$pid" >"$KC_PID_FILE"
  if $holds_lock; then
    echo "$build_sig" >"$KC_HOME/.voc-build-options"
    exec 9>&-
  fi
  realm_hash >"$KC_REALM_HASH_FILE"
  log "ready on http://localhost:$KC_PORT (pid $pid) in $(since "$t0")"
}

stop_keycloak() {
  local pid launcher stopped=false
  if pid=$(keycloak_pid); then
    stop_pid "$pid" "$KC_HOME" QuarkusEntryPoint
    stopped=true
  fi
  # kc.sh exits on its own once its JVM is gone; this only matters for a start that was interrupted.
  if launcher=$(live_pid "$KC_LAUNCHER_PID_FILE" "$KC_HOME/bin/kc.sh"); then
    stop_pid "$launcher" "$KC_HOME/bin/kc.sh" # kc.sh forwards SIGTERM to its JVM
    stopped=true
  fi
  rm -f "$KC_PID_FILE" "$KC_LAUNCHER_PID_FILE"
  if $stopped; then log "stopped${pid:+ (pid $pid)}"; else log "not running"; fi
}

status_keycloak() {
  local pid state=up
  if pid=$(keycloak_pid); then
    curl -sf -o /dev/null --max-time 3 "http://localhost:$KC_MGMT_PORT/health/ready" || state="up (not ready)"
    printf '%-10s %-5s pid %-8s http://localhost:%s/realms/voc  (health: http://localhost:%s/health)\n' \
      keycloak "$state" "$pid" "$KC_PORT" "$KC_MGMT_PORT"
  else
    printf '%-10s down\n' keycloak
    return 1
  fi
}

# ------------------------------------------------------------------------------------------------- main

# Checks everything start needs before launching anything, so a missing prerequisite fails fast.
preflight() {
  PG_BIN=$(find_pg_bindir) || true
  [[ -n ${PG_BIN:-} ]] || die "PostgreSQL server binaries (initdb, pg_ctl) not found.
  Install them, e.g. on Debian/Ubuntu: sudo apt-get install postgresql   (or set VOC_PG_BINDIR)"

  local kafka_home="${VOC_KAFKA_JAVA_HOME:-$(java_home_on_path || true)}" major
  major=$(java_major "$kafka_home") || die "no java found for Kafka: install a JDK 17+ (apt-get install openjdk-17-jdk-headless) or set VOC_KAFKA_JAVA_HOME"
  ((major >= 17)) || die "Kafka 4.x needs Java 17+, found Java $major at $kafka_home (set VOC_KAFKA_JAVA_HOME)"
  KAFKA_JAVA="$kafka_home/bin/java"

  if [[ -n ${VOC_KEYCLOAK_JAVA_HOME:-} ]]; then
    major=$(java_major "$VOC_KEYCLOAK_JAVA_HOME") || die "VOC_KEYCLOAK_JAVA_HOME=$VOC_KEYCLOAK_JAVA_HOME has no bin/java"
    ((major >= 21)) || die "VOC_KEYCLOAK_JAVA_HOME is Java $major; Keycloak $KEYCLOAK_VERSION needs Java 21+"
    KC_JAVA_HOME=$VOC_KEYCLOAK_JAVA_HOME
  else
    KC_JAVA_HOME=$(find_keycloak_java) || die "Keycloak $KEYCLOAK_VERSION needs a JDK 21 or newer and none was found
  (looked at \$JAVA_HOME, java on PATH, /usr/lib/jvm/*). Install one, e.g. Temurin 21/25
  (https://adoptium.net/installation/linux/) or openjdk-21-jdk-headless, or set VOC_KEYCLOAK_JAVA_HOME."
  fi
}

# run_parallel <verb> <component>...: runs <verb>_<component> for each component concurrently.
run_parallel() {
  local verb=$1 c
  shift
  local -A pids=()
  local failed=()
  for c in "$@"; do
    (COMPONENT=$c && "${verb}_$c") &
    pids[$c]=$!
  done
  for c in "$@"; do
    wait "${pids[$c]}" || failed+=("$c")
  done
  ((${#failed[@]} == 0)) && return 0
  [[ $verb != start ]] ||
    warn "the other components keep running; 'local/infra.sh stop --profile $PROFILE' (same VOC_* settings) stops them"
  die "$verb failed for: ${failed[*]}"
}

write_env_file() {
  {
    echo "# Written by local/infra.sh start --profile $PROFILE. Usage: . $ENV_FILE"
    printf 'export %s=%q\n' \
      VOC_PROFILE "$PROFILE" \
      VOC_PG_HOST localhost \
      VOC_PG_PORT "$PG_PORT" \
      VOC_PG_USER voc \
      VOC_PG_PASSWORD voc \
      VOC_KAFKA_BOOTSTRAP "localhost:$KAFKA_PORT" \
      VOC_KAFKA_PID_FILE "$KAFKA_PID_FILE" \
      VOC_PG_PID_FILE "$PG_PID_FILE" \
      VOC_OIDC_URL "http://localhost:$KC_PORT/realms/voc" \
      VOC_KEYCLOAK_URL "http://localhost:$KC_PORT"
  } >"$ENV_FILE.tmp"
  mv -f "$ENV_FILE.tmp" "$ENV_FILE"
}

# A listening port inside the kernel's ephemeral range can be taken at any moment by an outgoing
# connection's local port (seen here: PostgreSQL failing to bind 35432). Only warn: it usually works.
warn_ephemeral_ports() {
  local lo hi p
  read -r lo hi </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || return 0
  for p in "$PG_PORT" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$KC_PORT" "$KC_MGMT_PORT"; do
    ((p < lo || p > hi)) || warn "port $p is in the ephemeral range $lo-$hi: it may randomly be in use; prefer ports below $lo"
  done
}

# Fail before launching anything if a port of a component that is not running yet is taken.
check_ports() {
  warn_ephemeral_ports
  # A crashed PostgreSQL's orphans may hold its port: start_postgres cleans them up and checks the port then.
  [[ -f $PG_PID_FILE ]] || require_free_port "$PG_PORT" PostgreSQL VOC_PG_PORT
  if ! kafka_pid >/dev/null; then
    require_free_port "$KAFKA_PORT" "Kafka broker" VOC_KAFKA_PORT
    require_free_port "$KAFKA_CONTROLLER_PORT" "Kafka controller" VOC_KAFKA_CONTROLLER_PORT
  fi
  if ! keycloak_pid >/dev/null; then
    require_free_port "$KC_PORT" "Keycloak HTTP" VOC_KEYCLOAK_PORT
    require_free_port "$KC_MGMT_PORT" "Keycloak management" VOC_KEYCLOAK_MGMT_PORT
  fi
}

cmd_start() {
  local t0
  t0=$(now_ms)
  preflight
  check_ports
  provision
  mkdir -p "$STATE_DIR"
  log "profile $PROFILE, state in $STATE_DIR"
  # Independent services: start them side by side (Keycloak is the slowest and sets the pace).
  run_parallel start postgres kafka keycloak
  write_env_file
  cat <<EOF
[infra] all up in $(since "$t0") (profile $PROFILE)
  PostgreSQL  127.0.0.1:$PG_PORT  user voc / password voc, databases: ${DATABASES[*]}
              PGPASSWORD=voc psql -h localhost -p $PG_PORT -U voc voc_case
  Kafka       localhost:$KAFKA_PORT  (topics: $TOPICS_FILE)
  Keycloak    http://localhost:$KC_PORT/realms/voc  (token: local/token.sh designer --profile $PROFILE;
              admin console http://localhost:$KC_PORT/admin as kcadmin/kcadmin)
  Logs        $STATE_DIR/{postgres/postgres.log,kafka/logs/server.log,keycloak/keycloak.log}
  Env         . $ENV_FILE
EOF
}

cmd_stop() {
  if [[ ! -d $STATE_DIR ]]; then
    log "nothing to stop ($STATE_DIR does not exist)"
    return 0
  fi
  PG_BIN=$(find_pg_bindir) || true
  if [[ -z ${PG_BIN:-} ]]; then
    warn "PostgreSQL binaries not found: cannot stop PostgreSQL"
    run_parallel stop kafka keycloak
  else
    run_parallel stop postgres kafka keycloak
  fi
  rm -f "$ENV_FILE" # its presence means "started"
}

cmd_status() {
  local rc=0
  echo "profile $PROFILE ($STATE_DIR)"
  PG_BIN=$(find_pg_bindir) || true
  if [[ -n ${PG_BIN:-} ]]; then status_postgres || rc=3; else printf '%-10s unknown (no binaries)\n' postgres; rc=3; fi
  status_kafka || rc=3
  status_keycloak || rc=3
  return "$rc"
}

# Serialises concurrent `start`s of the same profile (e.g. two test runs): the second one waits, then
# finds everything "already running". flock -o keeps the lock in the flock process only, so the servers
# we launch do not inherit it.
serialise_start() {
  [[ $COMMAND == start && -z ${VOC_INFRA_START_LOCKED:-} ]] || return 0
  mkdir -p "$STATE_DIR"
  local lock="$STATE_DIR/.start.lock"
  flock -n -o "$lock" true || log "another 'start' of profile $PROFILE is running: waiting for it"
  VOC_INFRA_START_LOCKED=1 exec flock -o "$lock" "${BASH_SOURCE[0]}" "$@"
}

main() {
  parse_args "$@"
  configure
  serialise_start "$@"
  "cmd_$COMMAND"
}

main "$@"
