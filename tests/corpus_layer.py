"""A small layer for corpus tests, importable by worker processes (the tests folder is on sys.path).

It marks capitalised words, so outputs differ from document to document, and it
raises on a document containing ``BOOM``, so a failure happens inside a worker.
"""

from __future__ import annotations

import os
import re
import sys

from tei_annotate import Annotation, Format, Layer, hookimpl, make_host

WORD = re.compile(r"\b[A-Z][a-z]+\b")


def capitals(document, context):
    if "BOOM" in document.text:
        raise ValueError("this document explodes")
    for m in WORD.finditer(document.text):
        yield Annotation(m.start(), m.end(), "rs")


@hookimpl
def register_layers(register):
    register(Layer(name="capitals", annotate=capitals, version="1.0", produces=("rs",)))


def host():
    """The host workers build: the core plus this layer, no installed plugins."""
    return make_host(load_entrypoints=False, plugins=[sys.modules[__name__]])


def logged_host():
    """:func:`host`, noting this process id in ``$CORPUS_LAYER_LOG`` each time it builds one."""
    with open(os.environ["CORPUS_LAYER_LOG"], "a") as fh:
        fh.write(f"{os.getpid()}\n")
    return host()


@hookimpl
def register_formats(register):
    register(
        Format(
            "plain-with-text",
            lambda result: b"annotations\n",
            suffix=".ann",
            companions=lambda result: {".txt": result.document.text.encode()},
        )
    )
