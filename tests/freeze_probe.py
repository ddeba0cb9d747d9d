"""A layer that writes how many objects its process has frozen, importable by worker processes."""

from __future__ import annotations

import gc
import sys

from tei_annotate import Annotation, Layer, hookimpl, make_host


def probe(document, context):
    return [Annotation(0, 5, "rs", attrs={"n": str(gc.get_freeze_count())})]


@hookimpl
def register_layers(register):
    register(Layer(name="probe", annotate=probe, version="1.0", produces=("rs",)))


def host():
    """The host workers build: the core plus this layer, no installed plugins."""
    return make_host(load_entrypoints=False, plugins=[sys.modules[__name__]])
