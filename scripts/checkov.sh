#!/usr/bin/env bash
# checkov (static security checks) on the rendered Kubernetes overlays and on the Dockerfile.
# checkov has many pinned dependencies, so it lives in its own venv (default .venv-checkov, gitignored),
# installed from PyPI at the version below unless that version is already there.
# Settings and justified skips: .checkov.yaml. Which failures count as HIGH: tests/integration/test_checkov.py.
# Usage: scripts/checkov.sh [--no-install] [--json FILE]
#   --no-install  fail (exit 3) instead of installing a missing checkov (what the test uses)
#   --json FILE   write checkov's JSON report to FILE instead of printing the text report
# Exit status: checkov's (0 = no failed check), 3 = checkov or kubectl missing.
set -euo pipefail
cd "$(dirname "$0")/.."
version=3.3.30
venv=${CHECKOV_VENV:-.venv-checkov}
python=${PYTHON:-python3}
install=1
json=""
while [ $# -gt 0 ]; do
  case "$1" in
    --no-install) install=0; shift ;;
    --json) json=$2; shift 2 ;;
    *) echo "usage: scripts/checkov.sh [--no-install] [--json FILE]" >&2; exit 2 ;;
  esac
done

installed() { [ -x "$venv/bin/checkov" ] && [ "$("$venv/bin/checkov" --version 2>/dev/null)" = "$version" ]; }

if ! installed; then
  if [ "$install" = 0 ]; then
    echo "checkov $version is not installed in $venv: run scripts/checkov.sh (it installs it from PyPI)" >&2
    exit 3
  fi
  echo "installing checkov $version into $venv"
  [ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check "checkov==$version"
  installed || { echo "checkov $version did not install into $venv" >&2; exit 3; }
fi

recent() { "$1" kustomize --help 2>/dev/null | grep -q -- '--load-restrictor'; }
kubectl=""
for candidate in "$(command -v kubectl || true)" .venv/bin/kubectl; do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && recent "$candidate"; then kubectl=$candidate; break; fi
done
if [ -z "$kubectl" ]; then
  echo "kubectl with kustomize v5 not found: run scripts/k8s-tools.sh .venv" >&2
  exit 3
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for overlay in deploy/k8s/overlays/*/; do
  name=$(basename "$overlay")
  "$kubectl" kustomize "$overlay" > "$work/$name.yaml"
done
mkdir "$work/image"
cp Dockerfile "$work/image/Dockerfile"

args=(--config-file .checkov.yaml --directory "$work")
# No Prisma Cloud API key and no downloads (skip-download in .checkov.yaml): severities are not
# available, so the test keeps its own list of the checks that count as HIGH.
if [ -n "$json" ]; then
  status=0
  "$venv/bin/checkov" "${args[@]}" --output json > "$json" || status=$?
  exit "$status"
fi
"$venv/bin/checkov" "${args[@]}" --quiet
