"""Layers that misbehave on cue, importable by worker processes (the tests folder is on sys.path).

One layer, ``hostile``, does harm when a document holds a trigger word and marks the
first word otherwise: HANG loops forever, EXIT calls sys.exit, TAMPER forces a
change into the frozen document, GARBAGE returns a span past the end of the text,
CRASH kills its process at once (as a crash in a C extension would).
"""

from __future__ import annotations

import os
import sys

from tei_annotate import Annotation, Layer, hookimpl, make_host


def hostile(document, context):
    text = document.text
    if "CRASH" in text:
        os._exit(70)
    if "HANG" in text:
        while True:
            pass
    if "EXIT" in text:
        sys.exit("bye")
    if "TAMPER" in text:
        object.__setattr__(document, "text", text.upper())
    if "GARBAGE" in text:
        return [Annotation(0, len(text) + 10, "rs")]
    return [Annotation(0, 5, "rs")]


@hookimpl
def register_layers(register):
    register(Layer(name="hostile", annotate=hostile, version="1.0", produces=("rs",)))


def host():
    """The host workers build: the core plus this layer, no installed plugins."""
    return make_host(load_entrypoints=False, plugins=[sys.modules[__name__]])
