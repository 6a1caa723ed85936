#!/usr/bin/env bash
# Installs the Debian packages the tests and notebooks need (Jupyter for tslab notebooks, Chromium for the
# browser tests, bubblewrap for the sandbox `workshop grade` runs each student's kernel in) when they are missing. Fails loudly when it cannot: tests never skip for a missing tool.
set -euo pipefail
need=()
[ -x /usr/bin/jupyter-nbconvert ] || need+=(jupyter-nbconvert)
/usr/bin/python3 -c 'import nbclient' 2>/dev/null || need+=(python3-nbclient)
/usr/bin/python3 -c 'import ipykernel' 2>/dev/null || need+=(python3-ipykernel)
[ -x /usr/bin/jupyter-notebook ] || need+=(jupyter-notebook)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/bwrap ] || need+=(bubblewrap)
# The classroom hub (teaming-lab classroom up) and its test: Debian's JupyterHub 3.
[ -x /usr/bin/jupyterhub ] || need+=(jupyterhub)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing Debian packages: ${need[*]}" >&2
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "error: these Debian packages are missing and this user cannot install them: ${need[*]}" >&2
    echo "Run as root: apt-get update && apt-get install -y ${need[*]}" >&2
    exit 1
  fi
else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${need[@]}" >/dev/null
