#!/usr/bin/env bash
# Prints an access token from the local Keycloak (realm voc) started by local/infra.sh.
#
#   local/token.sh <username> [--profile dev|test]        password grant, client voc-cli, password <username>-demo
#   local/token.sh --client voc-ingest [--profile dev|test]  client_credentials, secret voc-ingest-secret
#
# Example: curl -H "Authorization: Bearer $(local/token.sh designer)" http://localhost:8080/...
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO_DIR=$(dirname "$SCRIPT_DIR")
readonly SCRIPT_DIR REPO_DIR

usage() {
  sed -n '2,7s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
  exit 2
}

profile=dev
username=
client=
while (($#)); do
  case $1 in
    --profile) profile=${2:?--profile needs a value}; shift ;;
    --profile=*) profile=${1#--profile=} ;;
    --client) client=${2:?--client needs a value}; shift ;;
    --client=*) client=${1#--client=} ;;
    -h | --help) usage ;;
    -*) usage ;;
    *) [[ -z $username ]] || usage; username=$1 ;;
  esac
  shift
done
[[ -n $username || -n $client ]] || usage
[[ -z $username || -z $client ]] || usage

case $profile in
  dev) default_port=18180 ;;
  test) default_port=28180 ;;
  *) echo "unknown profile '$profile' (expected dev or test)" >&2; exit 2 ;;
esac

# The env file written by `infra.sh start` knows the actual port (it may have been overridden).
env_file="${VOC_STATE_DIR:-$REPO_DIR/.local/$profile}/env"
keycloak_url=
if [[ -f $env_file ]]; then
  keycloak_url=$(sed -n 's/^export VOC_KEYCLOAK_URL=//p' "$env_file")
fi
keycloak_url=${keycloak_url:-http://localhost:${VOC_KEYCLOAK_PORT:-$default_port}}
token_url="$keycloak_url/realms/voc/protocol/openid-connect/token"

if [[ -n $client ]]; then
  # Local demo secrets follow the realm file: <client>-secret.
  form=(-d grant_type=client_credentials -d "client_id=$client" -d "client_secret=$client-secret")
else
  form=(-d grant_type=password -d client_id=voc-cli -d "username=$username" -d "password=$username-demo")
fi

# No -f: on a 4xx Keycloak's JSON error body is the useful part.
if ! response=$(curl -sS --max-time 10 "${form[@]}" "$token_url"); then
  echo "cannot reach Keycloak at $keycloak_url (is 'local/infra.sh start --profile $profile' running?)" >&2
  exit 1
fi
token=$(printf '%s' "$response" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
if [[ -z $token ]]; then
  echo "no token from $token_url: $response" >&2
  exit 1
fi
printf '%s\n' "$token"
