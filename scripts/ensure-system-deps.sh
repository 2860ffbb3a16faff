#!/usr/bin/env bash
# Make sure the system programs the tests need are present; install the missing ones with apt-get
# when we can (root on Debian), otherwise stop with a message that names what is missing.
# Usage: ensure-system-deps.sh <command>=<debian-package> ...
# PostgreSQL's server programs (initdb, pg_ctl) are found under /usr/lib/postgresql/<version>/bin,
# where Debian keeps them off PATH; the tests start their own server from there.
set -euo pipefail
found() {
  command -v "$1" >/dev/null 2>&1 && return 0
  compgen -G "/usr/lib/postgresql/*/bin/$1" >/dev/null 2>&1
}
missing_pkgs=()
missing_cmds=()
for pair in "$@"; do
  cmd=${pair%%=*}
  pkg=${pair#*=}
  if ! found "$cmd"; then
    missing_cmds+=("$cmd")
    missing_pkgs+=("$pkg")
  fi
done
[ ${#missing_pkgs[@]} -eq 0 ] && exit 0
echo "system packages needed by the tests are missing: ${missing_cmds[*]} (Debian packages: ${missing_pkgs[*]})"
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing them with apt-get ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  # sort -u: initdb and pg_ctl both come with one package
  mapfile -t missing_pkgs < <(printf '%s\n' "${missing_pkgs[@]}" | sort -u)
  apt-get install -y -qq --no-install-recommends "${missing_pkgs[@]}" >/dev/null
  for cmd in "${missing_cmds[@]}"; do
    found "$cmd" || { echo "still missing after apt-get: $cmd" >&2; exit 1; }
  done
  exit 0
fi
echo "cannot install them here (need root and apt-get). Install: ${missing_pkgs[*]}" >&2
exit 1
