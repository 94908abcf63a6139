#!/usr/bin/env bash
# Runs the Dask pipeline test (pipelines/test_dask_clean.py) on a LocalCluster.
# It needs Python 3 with dask.distributed: Debian's python3-distributed is installed here when missing
# (as root with apt-get); when that is impossible the test is skipped with the reason on one "skipped:" line.
set -uo pipefail
cd "$(dirname "$0")/.."

has_distributed() { "$1" -c 'import dask.distributed' >/dev/null 2>&1; }

find_python() {
  for candidate in "${VN_CORPUS_PYTHON:-}" python3 /usr/bin/python3; do
    [[ -n "$candidate" ]] && command -v "$candidate" >/dev/null 2>&1 && has_distributed "$candidate" && { echo "$candidate"; return 0; }
  done
  return 1
}

PYTHON=$(find_python)
if [[ -z "$PYTHON" ]]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "skipped: dask.distributed is not importable and apt-get is not available to install python3-distributed"
    exit 0
  fi
  if [[ $(id -u) -ne 0 ]]; then
    echo "skipped: dask.distributed is not importable and installing python3-distributed with apt-get needs root"
    exit 0
  fi
  echo "installing python3-distributed with apt-get…"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y --no-install-recommends python3-distributed >/tmp/vn-corpus-apt.log 2>&1; then
    apt-get update >>/tmp/vn-corpus-apt.log 2>&1
    apt-get install -y --no-install-recommends python3-distributed >>/tmp/vn-corpus-apt.log 2>&1
  fi
  PYTHON=$(find_python)
  if [[ -z "$PYTHON" ]]; then
    echo "skipped: apt-get could not install python3-distributed (log: /tmp/vn-corpus-apt.log)"
    tail -5 /tmp/vn-corpus-apt.log
    exit 0
  fi
fi
if [[ ! -f dist/cli.js ]]; then
  echo "# fail 1"
  echo "dist/cli.js is missing: run npm run build first"
  exit 1
fi
echo "python: $PYTHON ($("$PYTHON" -c 'import distributed; print("distributed", distributed.__version__)'))"
exec "$PYTHON" pipelines/test_dask_clean.py
