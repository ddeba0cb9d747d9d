"""A hostile or broken layer is stopped with an error naming it; it cannot corrupt the others."""

from __future__ import annotations

import re
import signal
import sys
import threading
import time

import pytest

from tei_annotate import (
    Annotation,
    Entry,
    Format,
    LayerError,
    Node,
    PluginError,
    annotate,
    annotate_bytes,
    hookimpl,
)
from tei_annotate.corpus import DEFAULT_GLOB, plan_run
from tei_annotate.runner import InProcess, ProcessPool, RunConfig, run_corpus

from . import hostile_layers
from .helpers import LayerPlugin, static_layer

TEXT = "Title\n\nA paragraph of text.\n"
BAD = r"layer 'bad' \(plugin 'LayerPlugin'\)"


def run_layer(host, fn, produces=("seg",), requires=(), others=()):
    host.register(
        LayerPlugin(*others, static_layer("bad", fn, produces=produces, requires=requires))
    )
    return annotate(TEXT, ["bad"], host=host)


@pytest.mark.parametrize(
    ("fn", "message"),
    [
        (lambda doc, ctx: sys.exit(3), f"{BAD} failed on <string>: SystemExit: 3"),
        (lambda doc, ctx: None, f"{BAD} failed on <string>: TypeError"),
        (lambda doc, ctx: [][1], "IndexError: list index out of range"),
        (
            lambda doc, ctx: (a for a in [Annotation(0, 1, "seg"), 1 / 0]),
            "ZeroDivisionError: division by zero",
        ),
    ],
)
def test_layer_that_raises_or_exits_is_a_layer_error_naming_it(host, fn, message):
    with pytest.raises(LayerError, match=f"^\\[E300\\] .*{message}"):
        run_layer(host, fn)


def test_runaway_recursion_in_a_layer_is_a_layer_error(host):
    def recurse(doc, ctx):
        return recurse(doc, ctx)

    with pytest.raises(LayerError, match=f"{BAD} failed on <string>: RecursionError"):
        run_layer(host, recurse)


@pytest.mark.parametrize(
    ("annotation", "message"),
    [
        (Annotation(-1, 3, "seg"), r"span -1\.\.3 is empty or outside the text"),
        (Annotation(5, 2, "seg"), r"span 5\.\.2 is empty or outside"),
        (Annotation(0, 10**9, "seg"), r"span 0\.\.1000000000 is empty or outside"),
        (Annotation(0.0, 3, "seg"), r"span 0\.0\.\.3"),  # type: ignore[arg-type]
        (Annotation(None, 3, "seg"), r"span None\.\.3"),  # type: ignore[arg-type]
        (Annotation(0, 3, "seg", {"type": "a\x00b"}), "attribute 'type' holds U\\+0000"),
        (Annotation(0, 3, "seg", {"bad name": "x"}), "attribute name 'bad name' is invalid"),
        (Annotation(0, 3, "seg", id="1st"), "id '1st' is not a valid XML name"),
    ],
)
def test_out_of_range_or_malformed_annotation_is_refused_naming_the_layer(
    host, annotation, message
):
    with pytest.raises(LayerError, match=f"{BAD} on <string>.*{message}"):
        run_layer(host, lambda doc, ctx: [annotation])


def test_layer_forcing_a_change_into_the_frozen_document_is_caught(host):
    def rewrite(doc, ctx):
        object.__setattr__(doc, "text", doc.text.upper())
        return []

    with pytest.raises(LayerError, match=f"{BAD} on <string>: changed the document or the results"):
        run_layer(host, rewrite)


def test_a_later_layer_forcing_a_change_into_a_block_is_caught(host):
    first = static_layer("aaa", [Annotation(0, 5, "seg")])

    def move(doc, ctx):
        object.__setattr__(doc.blocks[-1], "end", doc.blocks[-1].end - 1)
        return []

    with pytest.raises(LayerError, match=f"{BAD} on <string>: changed the document or the results"):
        run_layer(host, move, requires=("aaa",), others=(first,))


def test_layer_forcing_a_change_into_a_required_layers_results_is_caught(host):
    base = static_layer("base", [Annotation(0, 5, "seg")])

    def tamper(doc, ctx):
        (a,) = ctx.results["base"].annotations
        object.__setattr__(a, "end", 3)
        return []

    with pytest.raises(LayerError, match=f"{BAD} on <string>: changed the document or the results"):
        run_layer(host, tamper, requires=("base",), others=(base,))


def test_layer_forcing_a_change_into_a_node_of_a_required_entry_is_caught(host):
    name = Node("persName", text="Ann Lee")
    base = static_layer("base", [Entry("pers.lee", "person", [name])], produces=["person"])

    def rename(doc, ctx):
        object.__setattr__(ctx.results["base"].entries[0].children[0], "text", "Bob")
        return []

    with pytest.raises(LayerError, match=f"{BAD} on <string>: changed the document or the results"):
        run_layer(host, rename, requires=("base",), others=(base,))


def test_results_a_layer_sees_are_read_only(host):
    base = static_layer("base", [Annotation(0, 5, "seg")])

    def tamper(doc, ctx):
        ctx.results["base"] = None
        return []

    with pytest.raises(LayerError, match=f"{BAD} failed.*TypeError.*does not support item"):
        run_layer(host, tamper, requires=("base",), others=(base,))


def spin(doc, ctx):
    while True:
        pass


def backtrack(doc, ctx):
    re.match(r"(a+)+$", "a" * 64 + "b")  # exponential: never ends in practice
    return []


def swallow(doc, ctx):
    while True:
        try:  # noqa: SIM105  (the point: a layer hiding every error must still be stopped)
            time.sleep(0.01)
        except Exception:
            pass


@pytest.mark.parametrize("fn", [spin, backtrack, swallow], ids=["loop", "regex", "swallows"])
def test_layer_running_past_the_timeout_is_stopped_and_named(host, fn):
    host.register(LayerPlugin(static_layer("bad", fn, produces=[])))
    start = time.perf_counter()
    with pytest.raises(LayerError, match=f"{BAD} timed out on <string>: still running after 0.3 s"):
        annotate(TEXT, ["bad"], host=host, timeout=0.3)
    assert time.perf_counter() - start < 3


def test_timeout_stops_a_layer_in_a_worker_thread_too(host):
    host.register(LayerPlugin(static_layer("bad", spin, produces=[])))
    errors = []

    def work():
        try:
            annotate(TEXT, ["bad"], host=host, timeout=0.3)
        except LayerError as exc:
            errors.append(str(exc))

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(5)
    assert not worker.is_alive() and "timed out" in errors[0]


def test_timeout_leaves_no_alarm_behind(host):
    host.register(LayerPlugin(static_layer("quick", [Annotation(0, 5, "seg")])))
    previous = signal.getsignal(signal.SIGALRM)
    annotate(TEXT, ["quick"], host=host, timeout=0.2)
    time.sleep(0.3)  # an alarm left armed would fire here
    assert signal.getsignal(signal.SIGALRM) is previous
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


class Loader:
    """A loader plugin doing whatever ``fn`` does."""

    def __init__(self, fn) -> None:
        self.fn = fn

    @hookimpl
    def load_document(self, data, name):
        return self.fn(data)


@pytest.mark.parametrize(
    ("fn", "message"),
    [
        (lambda data: 1 / 0, r"the loader of plugin 'broken' failed: ZeroDivisionError"),
        (
            lambda data: "a string",
            r"a loader returned str, not a Document \(loaders of plugins 'broken'\)",
        ),
    ],
)
def test_loader_that_raises_or_returns_garbage_is_named(host, fn, message):
    host.register(Loader(fn), name="broken")
    with pytest.raises(PluginError, match=f"in.txt: {message}"):
        annotate_bytes(b"Title\n\nText.\n", name="in.txt", host=host)


def test_loader_declining_lets_the_next_one_read(host):
    host.register(Loader(lambda data: None), name="shy")
    assert annotate_bytes(b"Title\n\nText.\n", host=host).document.text == "Title\n\nText.\n"


TRIGGERS = {
    "HANG": "timed out on hang.txt: still running after 1 s",
    "EXIT": "failed on exit.txt: SystemExit: bye",
    "TAMPER": "on tamper.txt: changed the document or the results of other layers",
    "GARBAGE": "on garbage.txt: span 0..",
}


@pytest.mark.parametrize("jobs", [1, 2], ids=["in-process", "process-pool"])
def test_corpus_with_hostile_layer_isolates_each_bad_document_and_goes_on(tmp_path, jobs):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for word in TRIGGERS:
        (src / f"{word.lower()}.txt").write_text(f"Title\n\nThis one says {word}.\n")
    for i in range(6):
        (src / f"good{i}.txt").write_text(f"Title {i}\n\nAn ordinary paragraph.\n")
    config = RunConfig(layers=("hostile",), host_factory=hostile_layers.host, timeout=1)
    plan = plan_run([str(src)], out, ".xml", DEFAULT_GLOB)
    backend = ProcessPool(jobs) if jobs > 1 else InProcess()
    start = time.perf_counter()
    summary = run_corpus(plan.tasks, config, backend=backend)
    assert time.perf_counter() - start < 60
    assert (summary.done, summary.failed) == (6, 4)
    failures = dict(summary.failures)
    for word, message in TRIGGERS.items():
        name = next(n for n in failures if word.lower() in n)
        assert "layer 'hostile'" in failures[name] and message in failures[name]
    written = sorted(p.name for p in out.rglob("*") if p.is_file())
    assert written == [f"good{i}.xml" for i in range(6)]  # nothing, not even a part, for the rest


def test_timeout_option_stops_a_hanging_layer_and_the_run_goes_on(run, host, tmp_path):
    host.register(hostile_layers)
    docs = []
    for word in ("fine", "HANG", "also fine"):
        p = tmp_path / f"{word.split()[0].lower()}.txt"
        p.write_text(f"Title\n\nThis one says {word}.\n")
        docs.append(str(p))
    out = tmp_path / "out"
    code, _, err = run(*docs, "-p", "hostile", "--timeout", "0.5", "-o", str(out), "-j", "1")
    assert code == 1
    assert "layer 'hostile'" in err and "timed out on hang.txt: still running after 0.5 s" in err
    assert sorted(p.name for p in out.iterdir()) == ["also.xml", "fine.xml"]


def test_timeout_must_be_positive(run):
    code, _, err = run("-", "--timeout", "0", stdin=b"x")
    assert code == 2 and "--timeout" in err


class BadFormats:
    """Output formats that fail: one raises, one returns text instead of bytes."""

    @hookimpl
    def register_formats(self, register):
        register(Format("boom", lambda result: 1 / 0, suffix=".boom"))
        register(Format("str", lambda result: "not bytes", suffix=".str"))


@pytest.mark.parametrize(
    ("fmt", "message"),
    [
        ("boom", "format 'boom' (plugin 'bad-formats') failed: ZeroDivisionError"),
        ("str", "format 'str' returned str, not bytes"),
    ],
)
def test_format_that_raises_or_returns_text_is_one_line_naming_it(
    run, host, tmp_path, fmt, message
):
    host.register(BadFormats(), name="bad-formats")
    src = tmp_path / "in.txt"
    src.write_text("Title\n\nText.\n")
    code, out, err = run(str(src), "-f", fmt, "-o", str(tmp_path / "out.x"))
    assert (code, out) == (1, b"")
    assert err.startswith("annotate: [E400] ") and f"in.txt: {message}" in err
    assert err.count("\n") == 1
    assert not (tmp_path / "out.x").exists()


def test_layer_killing_its_worker_fails_only_its_own_document(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "crash.txt").write_text("Title\n\nThis one says CRASH.\n")
    for i in range(7):
        (src / f"good{i}.txt").write_text(f"Title {i}\n\nAn ordinary paragraph.\n")
    config = RunConfig(layers=("hostile",), host_factory=hostile_layers.host)
    plan = plan_run([str(src)], out, ".xml", DEFAULT_GLOB)
    summary = run_corpus(plan.tasks, config, backend=ProcessPool(2))
    assert (summary.done, summary.failed) == (7, 1)
    ((name, message),) = summary.failures
    assert name.endswith("crash.txt") and "the worker process died on it" in message
    assert len(list(out.glob("good*.xml"))) == 7
