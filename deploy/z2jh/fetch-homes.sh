#!/usr/bin/env bash
# Copies the home of every running participant's server out of a Zero to JupyterHub namespace into
# OUT/homes/NAME, the layout `teaming-lab workshop collect --classroom OUT` reads.
# Usage: fetch-homes.sh NAMESPACE OUT
# NOT TESTED (no cluster was available): see deploy/README.md.
set -euo pipefail
namespace=${1:?usage: fetch-homes.sh NAMESPACE OUT}
out=${2:?usage: fetch-homes.sh NAMESPACE OUT}
mkdir -p "$out/homes"
# z2jh labels each participant's pod with component=singleuser-server and hub.jupyter.org/username.
kubectl -n "$namespace" get pods -l component=singleuser-server \
  -o jsonpath='{range .items[*]}{.metadata.name}{" "}{.metadata.labels.hub\.jupyter\.org/username}{"\n"}{end}' |
while read -r pod user; do
  [ -n "$pod" ] || continue
  case "$user" in (*[!a-z0-9_-]*|"") echo "skipping pod $pod: unexpected user name '$user'" >&2; continue;; esac
  echo "fetching $user from $pod" >&2
  mkdir -p "$out/homes/$user"
  # Notebooks only (regular files, so no links); GNU tar strips absolute paths and, with --no-same-owner, ownership.
  kubectl -n "$namespace" exec "$pod" -- sh -c 'cd /home/jovyan && find . -name "*.ipynb" -type f -not -path "*/.*" -print0 | tar --null -T - -cf -' |
    tar -xf - --no-same-owner -C "$out/homes/$user"
done
