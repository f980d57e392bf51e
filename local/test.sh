#!/usr/bin/env bash
# Runs every test of the suite: starts the test infrastructure (its own ports and state, so it never touches a
# running `./voc up`), runs `mvnw verify` (unit, @QuarkusTest and the end-to-end test), and stops what it started.
# Extra arguments go to Maven, e.g. `./voc test -pl case-service -am`. VOC_KEEP_INFRA=1 leaves it running.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# The scripts first: a broken script breaks everyone's set-up, so it fails the tests like a broken class.
if command -v shellcheck > /dev/null; then
  shellcheck "$root/voc" "$root"/local/*.sh "$root/.ci/run"
else
  echo "[test] shellcheck is not installed (apt-get install shellcheck): the scripts are not linted" >&2
fi

# The browser tests drive the machine's headless Chromium; say what to install before anything starts.
for tool in chromium chromedriver; do
  if ! command -v "$tool" > /dev/null; then
    echo "[test] $tool is missing: the browser tests need Debian's Chromium and its driver" \
      "(apt-get install chromium chromium-driver)" >&2
    exit 1
  fi
done

"$root/local/infra.sh" start --profile test
if [ "${VOC_KEEP_INFRA:-0}" != 1 ]; then
  trap '"$root/local/infra.sh" stop --profile test' EXIT
fi
# shellcheck source=/dev/null
source "$root/.local/test/env"
"$root/mvnw" -B verify "$@"
