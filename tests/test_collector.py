"""The cycle collector is held back while a document is annotated, and only then."""

from __future__ import annotations

import gc

import pytest

from tei_annotate import annotate, make_host
from tei_annotate.collector import collector_paused

from .helpers import LayerPlugin, static_layer


def test_collector_is_paused_while_layers_run_and_restored_after():
    seen: list[bool] = []
    host = make_host(
        load_entrypoints=False,
        plugins=[
            LayerPlugin(static_layer("probe", lambda doc, ctx: seen.append(gc.isenabled()) or []))
        ],
    )
    assert gc.isenabled()
    annotate("One line.\n", ["probe"], host=host).render("tei", host)
    assert seen == [False]
    assert gc.isenabled()


def test_collector_stays_disabled_when_the_caller_disabled_it():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_collector_is_restored_when_the_block_raises():
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()
