#!/usr/bin/env bash
# Runs the benchmarks kept in the repository against real infrastructure (the `test` profile) and prints their
# figures; docs/performance.md records them. Extra arguments go to Maven (e.g. -Dbench.clients=32).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

"$root/local/infra.sh" start --profile test
if [ "${VOC_KEEP_INFRA:-0}" != 1 ]; then
  trap '"$root/local/infra.sh" stop --profile test' EXIT
fi
# shellcheck source=/dev/null
source "$root/.local/test/env"
"$root/mvnw" -B -q install -DskipTests
"$root/mvnw" -B verify -pl e2e-tests -Dit.test=ResponseSubmissionBenchmark -Dfailsafe.failIfNoSpecifiedTests=false "$@"
cat "$root/e2e-tests/target/benchmark-response-submission.txt"
