#!/usr/bin/env bash
# Streams a large export from a packaged response-service and samples the service's resident memory while it runs
# (docs/performance.md, "Verbatim export"). A manual check, not a test: it proves that an export's memory does not
# grow with its rows. Needs the test infrastructure and a packaged service:
#   local/infra.sh start --profile test && ./mvnw -B -q install -DskipTests
#   local/export-bench.sh [rows, default 1000000] [csv|ndjson, default csv] [heap, default 160m]
# The rows go into the test database under a survey of their own and are deleted again at the end.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
rows=${1:-1000000}
format=${2:-csv}
heap=${3:-160m}

# shellcheck source=/dev/null
source "$root/.local/test/env"
export PGPASSWORD=$VOC_PG_PASSWORD
psql_() { psql -h "$VOC_PG_HOST" -p "$VOC_PG_PORT" -U "$VOC_PG_USER" -d voc_response -v ON_ERROR_STOP=1 -qAt "$@"; }
survey=$(cat /proc/sys/kernel/random/uuid)
port=${VOC_BENCH_PORT:-18399}
log=$(mktemp)
pid=
cleanup() {
  if [[ -n $pid ]]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  psql_ -c "delete from response where survey_id = '$survey'" || true
  rm -f "$log"
}
trap cleanup EXIT

echo "inserting $rows responses (survey $survey)"
psql_ -c "insert into response (id, survey_id, survey_version, touchpoint_key, channel, customer_ref, responded_at,
                                received_at, nps, answers, request_hash, comment_text)
          select gen_random_uuid(), '$survey', 1, 'bench-export', 'WEB', 'cust-' || n,
                 now() - n * interval '1 second', now(), n % 11,
                 jsonb_build_array(jsonb_build_object('questionId', 'nps', 'type', 'NPS', 'score', n % 11),
                                   jsonb_build_object('questionId', 'reason', 'type', 'TEXT', 'text', t)),
                 'bench', t
          from generate_series(1, $rows) as n,
               lateral (select 'The card came ' || n % 30 || ' days late, call me on +7 912 345 67 ' || n % 100
                               || ' or write to someone' || n || '@example.com' as t) as x"

PORT=$port LOG_JSON=false VOC_PII_PSEUDONYM_KEY=${VOC_PII_PSEUDONYM_KEY:-bench-only-pseudonym-key} \
  java -Xmx"$heap" -jar response-service/target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
pid=$!
for _ in $(seq 240); do
  curl -sf "http://localhost:$port/q/health/ready" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done
token=$("$root/local/token.sh" analyst --profile test)
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status"; }
echo "heap limit $heap; RSS before the export: $(rss) MiB"

out=$(mktemp)
curl -sS -o "$out" -w '%{http_code} %{size_download} %{time_total}\n' -H "Authorization: Bearer $token" \
  "http://localhost:$port/api/responses/export?surveyId=$survey&format=$format" >"$out.meta" &
curl_pid=$!
peak=0
samples=()
while kill -0 "$curl_pid" 2>/dev/null; do
  now=$(rss)
  ((now > peak)) && peak=$now
  samples+=("$now")
  sleep 1
done
wait "$curl_pid"
read -r status bytes seconds <"$out.meta"
lines=$(wc -l <"$out")
rm -f "$out" "$out.meta"
echo "HTTP $status: $bytes bytes, $lines lines in ${seconds}s"
echo "RSS during the export (MiB, one sample a second): ${samples[*]}"
echo "peak RSS $peak MiB; after: $(rss) MiB"
