"""The cycle collector is held back while a document is annotated, and a process of ours
leaves what it keeps for good out of its walks once its first document is done."""

from __future__ import annotations

import gc
import re
import subprocess
import sys

import pytest

from tei_annotate import annotate, make_host
from tei_annotate.collector import collector_paused
from tei_annotate.corpus import DEFAULT_GLOB, plan_run
from tei_annotate.runner import ProcessPool, RunConfig, run_corpus

from . import freeze_probe
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


def _freeze_count_after(tmp_path, run: str) -> tuple[int, int]:
    """Objects frozen in a fresh process after ``run`` (Python code with ``corpus`` and
    ``out`` set), and the documents written."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"doc{i}.txt").write_text(f"Title {i}\n\nThe text of document {i}.\n")
    out = tmp_path / "out"
    code = (
        "import gc, sys\n"
        f"corpus, out = {str(corpus)!r}, {str(out)!r}\n"
        f"{run}\n"
        "print(gc.get_freeze_count())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return int(done.stdout.split()[-1]), len(list(out.glob("*.xml")))


def test_the_cli_settles_its_process_after_its_first_document(tmp_path):
    frozen, written = _freeze_count_after(
        tmp_path,
        "from tei_annotate.cli import main\n"
        "try:\n"
        "    main([corpus, '-o', out, '--plugins', 'numbers', '--jobs', '1', '--quiet'])\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n",
    )
    assert written == 3
    assert frozen > 1000  # the modules, the plugins and their lexicons


def test_the_python_api_leaves_the_callers_process_unsettled(tmp_path):
    frozen, written = _freeze_count_after(
        tmp_path,
        "from tei_annotate.runner import RunConfig, annotate_corpus\n"
        "annotate_corpus([corpus], out, RunConfig(layers=['numbers']), jobs=1)\n",
    )
    assert written == 3
    assert frozen == 0


def test_settle_freezes_once_and_later_objects_are_still_collected():
    code = (
        "import gc\n"
        "from tei_annotate.collector import settle\n"
        "settle()\n"
        "first = gc.get_freeze_count()\n"
        "settle()\n"
        "cycle = []\n"
        "cycle.append(cycle)\n"
        "del cycle\n"
        "print(first, gc.get_freeze_count(), gc.collect())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    first, again, collected = map(int, done.stdout.split())
    assert first > 0
    assert again == first
    assert collected >= 1


def test_a_pool_worker_settles_after_its_first_document(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(4):
        (corpus / f"doc{i}.txt").write_text(f"Words of document {i}.\n")
    config = RunConfig(layers=("probe",), host_factory=freeze_probe.host)
    plan = plan_run([str(corpus)], tmp_path / "out", ".xml", DEFAULT_GLOB)
    summary = run_corpus(plan.tasks, config, backend=ProcessPool(1))
    assert summary.done == 4
    counts = sorted(
        int(re.search(rb'<rs n="(\d+)"', path.read_bytes()).group(1))
        for path in (tmp_path / "out").glob("*.xml")
    )
    assert counts[0] == 0  # the worker's first document ran before it settled
    assert all(n > 1000 for n in counts[1:])
