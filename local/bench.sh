#!/usr/bin/env bash
# Runs the benchmarks kept in the repository against real infrastructure (the `test` profile) and prints their
# figures; docs/performance.md records them.
#   ./voc bench [responses|intake|metrics|cases|replay|all] [maven args, e.g. -Dbench.clients=32 -Dbench.seconds=60]
# metrics: dashboard queries over roll-ups of 10 M responses, then freshness under 1,000 responses/s and a day's
# 80,000 responses consumed
# cases: case rules, then case-service's response consumer alone (a day at once, a backlog, 1,000 responses/s)
# replay: a day of 80,000 responses as bulk imports over HTTP until accepted, counted and cased
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

which=all
case ${1:-} in
  -h | --help) sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
  responses | intake | metrics | cases | replay | all) which=$1; shift ;;
esac
case $which in
  responses) tests=ResponseSubmissionBenchmark ;;
  intake) tests=InteractionIntakeBenchmark ;;
  metrics) tests=MetricsFreshnessBenchmark ;;
  cases) tests= ;;
  replay) tests=DayReplayBenchmark ;;
  all) tests=ResponseSubmissionBenchmark,InteractionIntakeBenchmark,MetricsFreshnessBenchmark,DayReplayBenchmark ;;
esac

"$root/local/infra.sh" start --profile test
if [ "${VOC_KEEP_INFRA:-0}" != 1 ]; then
  trap '"$root/local/infra.sh" stop --profile test' EXIT
fi
# shellcheck source=/dev/null
source "$root/.local/test/env"
"$root/mvnw" -B -q install -DskipTests
if [ "$which" = metrics ] || [ "$which" = all ]; then
  # Dashboard queries over roll-ups of 10 M responses per metric (metrics-service, in-process over HTTP), then a
  # day of 80,000 responses through the consumer alone.
  "$root/mvnw" -B test -pl metrics-service -Dtest=DashboardQueryBenchmark,DayConsumptionBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false "$@" | grep 'METRICS BENCHMARK\|DAY BENCHMARK' || true
fi
if [ "$which" = cases ] || [ "$which" = all ]; then
  # Rule evaluation and the consumer's work per poll, then the consumer fed through the broker (in-process).
  "$root/mvnw" -B test -pl case-service -Dtest=CaseRuleBenchmark,CaseConsumptionBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false "$@" | grep 'CASE RULES BENCHMARK\|CASE CONSUMPTION BENCHMARK' || true
fi
[ -z "$tests" ] && exit 0
rm -f "$root"/e2e-tests/target/benchmark-*.txt
"$root/mvnw" -B verify -pl e2e-tests -Dit.test="$tests" -Dfailsafe.failIfNoSpecifiedTests=false "$@"
for report in response-submission interaction-intake metrics-freshness metrics-day day-replay; do
  [ -f "$root/e2e-tests/target/benchmark-$report.txt" ] && cat "$root/e2e-tests/target/benchmark-$report.txt"
done
exit 0
