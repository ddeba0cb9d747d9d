"""Coverage-guided fuzzing of the whole path, bytes to TEI, with every installed layer.

Not part of the test suite (pytest does not collect it); run it on demand:

    pip install atheris
    python tests/fuzz/fuzz_annotate.py -dict=tests/fuzz/annotate.dict \
        -max_total_time=300 -max_len=20000 [CORPUS_DIR]

Each input is read as ``annotate FILE`` reads it (loaders, encodings, the TEI
loader), then every installed layer runs.  A clear ``TeiAnnotateError`` for a bad
input is an accepted answer; anything else (another exception, invalid TEI, a
changed text, a dropped annotation, a run slower than ``SECONDS_PER_MB``) is a
finding and stops the fuzzer with the input saved as ``crash-*``.
"""

from __future__ import annotations

import sys
import time

import atheris

with atheris.instrument_imports():
    from tei_annotate import TeiAnnotateError, annotate_bytes, make_host, validate_tei
    from tei_annotate.invariants import check_lossless, check_nothing_dropped
    from tei_annotate.validate import schema

    HOST = make_host()
LAYERS = sorted(HOST.layers)
# Generous: the slowest layers here run well under a second per 100 KB.
SECONDS_PER_MB = 120.0
MIN_SECONDS = 5.0


def one_input(data: bytes) -> None:
    start = time.perf_counter()
    try:
        result = annotate_bytes(data, LAYERS, name="fuzz.txt", host=HOST)
    except TeiAnnotateError:
        return  # a bad input answered with a clear error
    xml = result.render("tei", HOST)
    validate_tei(xml, "fuzz.txt")
    problems = check_lossless(xml, result.document.text) + check_nothing_dropped(xml, result)
    if problems:
        raise AssertionError("; ".join(problems[:5]))
    elapsed = time.perf_counter() - start
    budget = max(MIN_SECONDS, SECONDS_PER_MB * len(data) / 2**20)
    if elapsed > budget:
        raise AssertionError(f"{len(data)} bytes took {elapsed:.1f} s (budget {budget:.1f} s)")


def main() -> None:
    print(f"fuzzing with layers: {', '.join(LAYERS) or '(none)'}", file=sys.stderr)
    schema()  # compiled once, before the clock starts
    annotate_bytes(b"Warm up\n\nEvery layer loads its data now.\n", LAYERS, host=HOST)
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
