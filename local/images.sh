#!/usr/bin/env bash
# Builds the five services' OCI images without a Docker daemon, and runs the end-to-end loop through them.
#   local/images.sh [build] [service...]   base image (cached), one image per service, CycloneDX SBOMs, under
#                                          target/images/ (needs each service's target/quarkus-app: ./mvnw package)
#   local/images.sh test                   runs VocLoopIT with the five images (podman + runc) against the test
#                                          infrastructure; writes target/images/figures.md
#   local/images.sh base                   only the base image
# Route and reasons: docs/decisions.md (27); what is inside and how to run an image: docs/operations.md "Images".
# Needs root and buildah, podman, runc, skopeo, mmdebstrap, uidmap and jq (.ci/run installs them when missing).
# shellcheck disable=SC2016 # mmdebstrap hooks and apt's format take $1 and $(…) literally, expanded by them
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

services=(touchpoint-registry survey-service response-service metrics-service case-service)
state="$root/.local/images"
out="$root/target/images"
# Private container storage: vfs needs no kernel overlay support, and nothing here touches the machine's own images.
# The run roots (locks, container state) go under /run with a short name per checkout: podman refuses a run root
# longer than 50 characters, which a checkout's path easily exceeds.
runroot=/run/voc-images-$(printf '%s' "$root" | sha256sum | cut -c1-12)
buildah_opts=(--root "$state/storage" --runroot "$runroot/buildah" --storage-driver vfs)
podman_opts=(--root "$state/podman" --runroot "$runroot/podman" --storage-driver vfs
  --runtime runc --cgroup-manager cgroupfs --events-backend file)

# The base: Java 17 JRE headless and CA certificates from Debian bookworm, nothing else (no package manager use at
# run time, so apt's lists are dropped). Its cache key is a hash of these inputs: change one and the base is rebuilt.
base_suite=bookworm
base_packages=openjdk-17-jre-headless,ca-certificates
# The JRE's install script writes a man page link: without man1 (docs are excluded below) it fails.
base_essential_hook='mkdir -p "$1"/usr/share/man/man1'
base_dpkgopt='path-exclude=/usr/share/{doc,man,locale}/*'
base_recipe_version=1
base_path=/usr/lib/jvm/java-17-openjdk-amd64/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

log() { echo "[images] $*"; }

need() {
  local missing=()
  for tool in "$@"; do command -v "$tool" > /dev/null || missing+=("$tool"); done
  if ((${#missing[@]})); then
    echo "[images] missing: ${missing[*]} (apt-get install buildah podman runc skopeo mmdebstrap uidmap jq)" >&2
    exit 1
  fi
  ((EUID == 0)) || { echo "[images] run as root (mmdebstrap and runc need it)" >&2; exit 1; }
}

app_version() { sed -n 's/^appVersion: *"\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$root/helm/voc-platform/Chart.yaml"; }

# As root in a checkout another user owns (sudo on a CI runner), git refuses the repository unless it is named safe.
git_here() { git -c safe.directory="$root" -C "$root" "$@"; }

revision() { git_here rev-parse HEAD 2> /dev/null || echo unknown; }

# The Debian sources of the machine's own apt configuration: the base comes from wherever this machine gets its
# packages (a mirror or a proxy), and no mirror address is written into the repository.
apt_sources() {
  apt-get indextargets --format '$(REPO_URI) $(RELEASE) $(COMPONENT)' 'Identifier: Packages' \
    | awk -v suite="$base_suite" '$2 == suite || $2 == suite "-updates" || $2 == suite "-security" {
        print "deb " $1 " " $2 " " $3 }' | sort -u
}

base_key() {
  printf '%s\n' "$base_suite" "$base_packages" "$base_essential_hook" "$base_dpkgopt" "$base_recipe_version" \
    "$base_path" | sha256sum | cut -c1-16
}

base_image() { echo "localhost/voc-base:$(base_key)"; }

# Root filesystem (mmdebstrap, ~60 s) and its package list, then a one-layer image in the private storage.
build_base() {
  local key tar packages
  key=$(base_key)
  tar="$state/base-$key.tar"
  packages="$state/base-$key.packages.tsv"
  mkdir -p "$state"
  if buildah "${buildah_opts[@]}" inspect --type image "$(base_image)" > /dev/null 2>&1 && [ -s "$packages" ]; then
    log "base $(base_image) is cached"
    return
  fi
  if [ ! -s "$tar" ] || [ ! -s "$packages" ]; then
    local sources=()
    mapfile -t sources < <(apt_sources)
    # A machine whose apt has no bookworm sources (an Ubuntu CI runner): mmdebstrap's own default, with its
    # updates and security suites, and Debian's archive keyring (debian-archive-keyring) to check them.
    ((${#sources[@]})) || log "the machine's apt has no $base_suite sources: mmdebstrap's default mirror"
    log "building the base root filesystem ($base_packages from $base_suite)"
    local query='dpkg-query --admindir="$1/var/lib/dpkg" -W -f="\${Package}\t\${Version}\t\${Architecture}\n"'
    mmdebstrap --variant=essential --format=tar --include="$base_packages" --dpkgopt="$base_dpkgopt" \
      --essential-hook="$base_essential_hook" \
      --customize-hook="$query"' > "$1/tmp/packages.tsv"' \
      --customize-hook="copy-out /tmp/packages.tsv $state" \
      --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/* "$1"/tmp/packages.tsv' \
      "$base_suite" "$tar.part" ${sources[@]+"${sources[@]}"}
    mv "$state/packages.tsv" "$packages"
    mv "$tar.part" "$tar"
  fi
  local c
  c=$(buildah "${buildah_opts[@]}" from scratch)
  buildah "${buildah_opts[@]}" add "$c" "$tar" / > /dev/null
  buildah "${buildah_opts[@]}" config --env "PATH=$base_path" --env JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 \
    --label "org.voc.base.packages=$base_packages" --label "org.voc.base.suite=$base_suite" "$c"
  buildah "${buildah_opts[@]}" commit --rm -q "$c" "$(base_image)" > /dev/null
  log "base $(base_image) built"
}

# The SBOM of a service's image: its Maven runtime dependencies (target/bom.json, written by the CycloneDX Maven
# plugin whenever the service is packaged: profile service-sbom of the parent POM) plus the Debian packages of the
# base, as one CycloneDX document.
image_sbom() {
  local service=$1 version=$2 packages
  packages="$state/base-$(base_key).packages.tsv"
  jq --arg suite "$base_suite" --rawfile packages "$packages" '
    .metadata.component.version = "'"$version"'"
    | .components += [$packages | split("\n")[] | select(length > 0) | split("\t") | {
        type: "library", name: .[0], version: .[1],
        purl: ("pkg:deb/debian/" + .[0] + "@" + (.[1] | @uri) + "?arch=" + .[2] + "&distro=debian-" + $suite),
        properties: [{name: "org.voc:layer", value: "base"}]}]' \
    "$root/$service/target/bom.json" > "$out/voc-$service-$version.cdx.json"
}

build_service() {
  local service=$1 version revision app c sbom digest created
  version=$(app_version)
  revision=$(revision)
  app="$root/$service/target/quarkus-app"
  if [ ! -f "$app/quarkus-run.jar" ] || [ ! -f "$root/$service/target/bom.json" ]; then
    echo "[images] $service is not packaged (target/quarkus-app, target/bom.json): ./mvnw package -DskipTests" >&2
    exit 1
  fi
  image_sbom "$service" "$version"
  sbom="voc-$service-$version.cdx.json"
  digest=$(sha256sum "$out/$sbom" | cut -d' ' -f1)
  # The commit's time, not the build's: the same commit gives the same metadata.
  created=$(git_here log -1 --format=%cI 2> /dev/null || date -u +%FT%TZ)
  # vfs keeps a full copy of every image: drop this service's earlier builds (both tags) before committing anew.
  buildah "${buildah_opts[@]}" images -q --filter "reference=localhost/voc-$service" | sort -u \
    | xargs -r buildah "${buildah_opts[@]}" rmi -f > /dev/null 2>&1 || true
  c=$(buildah "${buildah_opts[@]}" from --pull-never "$(base_image)")
  # Not app-cds.jsa: the class-data archive only maps into the JVM build that made it, and the image's JDK is
  # Debian's current one, not necessarily the build machine's (docs/performance.md, "Start").
  local part
  for part in app lib quarkus quarkus-run.jar quarkus-app-dependencies.txt; do
    [ -e "$app/$part" ] || continue
    buildah "${buildah_opts[@]}" copy --chown 185:185 "$c" "$app/$part" "/deployments/$part" > /dev/null
  done
  local annotations=(
    "org.opencontainers.image.title=voc-$service"
    "org.opencontainers.image.description=VoC platform $service (Quarkus, Java 17)"
    "org.opencontainers.image.source=${VOC_IMAGE_SOURCE:-https://github.com/voc-platform/voc-platform}"
    "org.opencontainers.image.revision=$revision"
    "org.opencontainers.image.version=$version"
    "org.opencontainers.image.licenses=Apache-2.0"
    "org.opencontainers.image.created=$created"
    "org.opencontainers.image.base.name=$(base_image)"
    # The SBOM travels next to the image (and as an OCI referrer once pushed): name and digest pin it to this image.
    "org.voc.image.sbom=$sbom"
    "org.voc.image.sbom.digest=sha256:$digest"
  )
  local config=(--user 185:185 --workingdir /deployments --port 8080 --env "PATH=$base_path"
    --entrypoint '["java","-jar","/deployments/quarkus-run.jar"]' --cmd '')
  for a in "${annotations[@]}"; do config+=(--annotation "$a" --label "$a"); done
  buildah "${buildah_opts[@]}" config "${config[@]}" "$c"
  buildah "${buildah_opts[@]}" commit --rm -q "$c" "localhost/voc-$service:$version" > /dev/null
  buildah "${buildah_opts[@]}" tag "localhost/voc-$service:$version" "localhost/voc-$service:${revision:0:12}"
  rm -f "$out/voc-$service-$version.oci.tar"
  buildah "${buildah_opts[@]}" push -q "localhost/voc-$service:$version" \
    "oci-archive:$out/voc-$service-$version.oci.tar:$version"
  log "voc-$service:$version → target/images/voc-$service-$version.oci.tar (+ $sbom)"
}

build() {
  local selected=("$@")
  ((${#selected[@]})) || selected=("${services[@]}")
  need buildah mmdebstrap jq
  mkdir -p "$out"
  build_base
  cp "$state/base-$(base_key).packages.tsv" "$out/voc-base-packages.tsv"
  for service in "${selected[@]}"; do build_service "$service"; done
  printf '%s\n' "$(app_version)" > "$out/version"
  printf '%s\n' "$(revision)" > "$out/revision"
}

# Loads the archives into a podman storage of their own (the test runs what would be pushed, not the build's
# storage), then runs the end-to-end loop with -Dvoc.e2e.images.
test_images() {
  need podman runc jq
  local version
  version=$(app_version)
  for service in "${services[@]}"; do
    local archive="$out/voc-$service-$version.oci.tar"
    [ -f "$archive" ] || { echo "[images] $archive is missing: ./voc images first" >&2; exit 1; }
    # skopeo names the image as the test expects (podman would take the archive's tag for a repository name).
    skopeo copy -q "oci-archive:$archive" \
      "containers-storage:[vfs@$state/podman+$runroot/podman]localhost/voc-$service:$version"
  done
  # Images of earlier runs, now untagged: vfs keeps a full copy of each.
  podman "${podman_opts[@]}" image prune -f > /dev/null
  "$root/local/infra.sh" start --profile test
  if [ "${VOC_KEEP_INFRA:-0}" != 1 ]; then
    trap '"$root/local/infra.sh" stop --profile test' EXIT
  fi
  # shellcheck source=/dev/null
  source "$root/.local/test/env"
  local podman_command status
  podman_command=$(printf '%s ' podman "${podman_opts[@]}")
  # The reactor (-am) brings test-support and the services, whose own tests are filtered out (-Dtest): only the
  # loop runs, now through the images.
  "$root/mvnw" -B verify -pl e2e-tests -am -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=VocLoopIT -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dvoc.e2e.images="$version" -Dvoc.e2e.podman="$podman_command" \
    -Dvoc.e2e.figures="$out/figures.md" -Dvoc.e2e.ready-timeout=PT10M "$@" || status=$?
  # A test JVM that died leaves its containers running: remove whatever is left.
  podman "${podman_opts[@]}" ps -a -q --filter name=voc-e2e- | xargs -r podman "${podman_opts[@]}" rm -f > /dev/null
  [ -f "$out/figures.md" ] && cat "$out/figures.md"
  return "${status:-0}"
}

command=${1:-build}
[ $# -gt 0 ] && shift
case "$command" in
  build) build "$@" ;;
  base) need buildah mmdebstrap; build_base ;;
  test) test_images "$@" ;;
  touchpoint-registry | survey-service | response-service | metrics-service | case-service) build "$command" "$@" ;;
  *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; [ "$command" = help ] ;;
esac
