#!/usr/bin/env bash
# Server-side throughput of response submission with a light load generator (wrk, Debian package `wrk`), against
# the suite that `./voc up` runs. The Java benchmark (`./voc bench`) measures the loop latencies too, but its
# load generator takes half of a 2-core machine; this one leaves the cores to the suite.
#   local/wrk-bench.sh [seconds] [connections]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-30}
connections=${2:-64}
command -v wrk > /dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }
surveys=http://localhost:${VOC_SURVEY_SERVICE_PORT:-18082}
responses=http://localhost:${VOC_RESPONSE_SERVICE_PORT:-18083}
curl -sf "$responses/q/health/ready" > /dev/null || { echo "response-service is not up: run ./voc up first" >&2; exit 1; }

designer=$("$root/voc" token designer)
survey=$(curl -si -X POST "$surveys/api/surveys" -H "Authorization: Bearer $designer" -H 'Content-Type: application/json' \
  -d '{"name": "wrk benchmark NPS", "defaultLocale": "en", "touchpointKeys": ["wrk-benchmark"],
       "questions": [{"id": "nps", "type": "NPS", "required": true, "text": {"en": "How likely are you to recommend us?"}}]}' \
  | tr -d '\r' | sed -n 's#^[Ll]ocation: .*/api/surveys/##p')
curl -sf -o /dev/null -X POST "$surveys/api/surveys/$survey/publish" -H "Authorization: Bearer $designer"
sleep 2 # response-service learns the published version from Kafka

script=$(mktemp --suffix=.lua)
trap 'rm -f "$script"' EXIT
cat > "$script" << LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $("$root/voc" token --client voc-ingest)"
wrk.body = '{"surveyId": "$survey", "channel": "WEB", "customerRef": "wrk-benchmark", "answers": [{"questionId": "nps", "score": 9}]}'
LUA
wrk -t2 -c"$connections" -d5s -s "$script" "$responses/api/responses" > /dev/null # warm-up
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$script" "$responses/api/responses"
