"""Running a corpus: the pool, failures, resuming, bounded memory, one host per worker."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from tei_annotate.corpus import Task, plan_run
from tei_annotate.runner import (
    InProcess,
    Outcome,
    ProcessPool,
    RunConfig,
    Summary,
    is_complete,
    run_corpus,
)
from tests import corpus_layer

CONFIG = RunConfig(layers=("capitals",), host_factory=corpus_layer.host)


def _corpus(root: Path, n: int, boom: tuple[int, ...] = ()) -> Path:
    for i in range(n):
        sub = root / f"part{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        text = f"Title {i}\n\nAlice met Bob in Paris on day {i}.\n"
        if i in boom:
            text += "BOOM\n"
        (sub / f"doc{i:03d}.txt").write_text(text)
    return root


def _outputs(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _run(inputs, out, jobs=1, **kw) -> Summary:
    plan = plan_run([str(i) for i in inputs], out, ".xml")
    return run_corpus(plan.tasks, CONFIG, jobs=jobs, **kw)


def test_run_corpus_pool_writes_what_one_process_writes(tmp_path):
    src = _corpus(tmp_path / "in", 20)
    one = _run([src], tmp_path / "one", jobs=1)
    two = _run([src], tmp_path / "two", jobs=2)
    assert (one.done, two.done, two.failed) == (20, 20, 0)
    assert _outputs(tmp_path / "one") == _outputs(tmp_path / "two")
    assert (
        b'<rs resp="#app.capitals">Alice</rs>' in (tmp_path / "one/part0/doc000.xml").read_bytes()
    )


def test_run_corpus_reports_failure_by_name_and_goes_on(tmp_path):
    src = _corpus(tmp_path / "in", 12, boom=(4,))
    seen: list[Outcome] = []
    summary = _run([src], tmp_path / "out", jobs=2, on_outcome=seen.append)
    assert (summary.done, summary.failed) == (11, 1)
    ((name, message),) = summary.failures
    assert name.endswith("doc004.txt")
    assert "capitals" in message and "this document explodes" in message
    assert not (tmp_path / "out/part1/doc004.xml").exists()
    assert len(seen) == 12


def test_run_corpus_fail_fast_stops_submitting(tmp_path):
    src = _corpus(tmp_path / "in", 30, boom=(0,))
    summary = _run([src], tmp_path / "out", jobs=1, fail_fast=True)
    assert summary.stopped and summary.failed == 1 and summary.done == 0


def test_run_corpus_skip_existing_redoes_only_incomplete_outputs(tmp_path):
    src = _corpus(tmp_path / "in", 9)
    out = tmp_path / "out"
    _run([src], out)
    (out / "part0/doc000.xml").write_bytes(b"<?xml version='1.0'?>\n<TEI><teiHeader>")  # cut short
    (out / "part1/doc001.xml").unlink()
    summary = _run([src], out, skip_existing=True)
    assert (summary.done, summary.skipped) == (2, 7)
    assert (out / "part0/doc000.xml").read_bytes().rstrip().endswith(b"</TEI>")


def test_run_corpus_keeps_a_bounded_number_of_documents_in_flight(tmp_path):
    """The corpus is pulled lazily: never more than the pool's capacity ahead of the results."""
    src = _corpus(tmp_path / "in", 40)
    pulled = 0
    ahead: list[int] = []

    def tasks():
        nonlocal pulled
        for task in plan_run([str(src)], tmp_path / "out", ".xml").tasks:
            pulled += 1
            yield task

    handled = 0

    def on_outcome(_):
        nonlocal handled
        handled += 1
        ahead.append(pulled - handled)

    pool = ProcessPool(2, per_worker=2)
    summary = run_corpus(tasks(), CONFIG, backend=pool, on_outcome=on_outcome)
    assert summary.done == 40
    assert max(ahead) <= pool.capacity


@pytest.fixture
def host_log(tmp_path, monkeypatch):
    """Where :func:`corpus_layer.logged_host` notes each process that builds a host."""
    log = tmp_path / "hosts.log"
    monkeypatch.setenv("CORPUS_LAYER_LOG", str(log))
    return log


LOGGED = RunConfig(layers=("capitals",), host_factory=corpus_layer.logged_host)


def test_run_corpus_builds_each_worker_host_once(tmp_path, host_log):
    plan = plan_run([str(_corpus(tmp_path / "in", 24))], tmp_path / "out", ".xml")
    summary = run_corpus(plan.tasks, LOGGED, backend=ProcessPool(2))
    assert summary.done == 24
    pids = host_log.read_text().split()
    assert len(pids) == len(set(pids))  # once per process
    assert str(os.getpid()) in pids  # the main process checks the plugins before starting
    assert 1 <= len(pids) - 1 <= 2  # and each of the two workers loads them once


def test_run_corpus_runs_small_corpora_in_process(tmp_path, host_log):
    plan = plan_run([str(_corpus(tmp_path / "in", 3))], tmp_path / "out", ".xml")
    assert run_corpus(plan.tasks, LOGGED, jobs=4).done == 3
    assert set(host_log.read_text().split()) == {str(os.getpid())}


def test_run_corpus_jsonl_and_read_errors_are_failures(tmp_path):
    (tmp_path / "c.jsonl").write_text('{"id": "a", "text": "Alice"}\n{"id": "b"}\n')
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9")
    summary = _run([tmp_path / "c.jsonl", tmp_path / "bad.txt"], tmp_path / "out")
    assert (summary.done, summary.failed) == (1, 2)
    messages = dict(summary.failures)
    assert "not valid utf-8" in messages[str(tmp_path / "bad.txt")]
    assert (tmp_path / "out/c/a.xml").exists()


def test_summary_counts_and_rates():
    s = Summary()
    for o in (
        Outcome("a", "done", size=2_000_000),
        Outcome("b", "failed", message="x"),
        Outcome("c", "skipped"),
    ):
        s.add(o)
    s.seconds = 2.0
    assert str(s) == "1 done, 1 failed, 1 skipped in 2.0 s (0.5 docs/s, 1.00 MB/s)"


def test_tasks_outcomes_and_config_pickle_for_workers(tmp_path):
    task = Task(name="x", target=tmp_path / "x.xml", data=b"text", encoding="utf-8")
    for value in (task, Outcome("x", "failed", message="m"), CONFIG):
        assert pickle.loads(pickle.dumps(value)) == value


def test_in_process_backend_runs_tasks_as_submitted(tmp_path):
    backend = InProcess()
    backend.submit(Task(name="t", target=tmp_path / "t.xml", data=b"Alice"), CONFIG)
    assert backend.pending() == 1
    assert [o.status for o in backend.wait()] == ["done"]


@pytest.mark.parametrize(
    ("content", "fmt", "complete"),
    [
        (b"<?xml version='1.0'?>\n<TEI>...</TEI>\n", "tei", True),
        (b"<?xml version='1.0'?>\n<TEI>...", "tei", False),
        (b"", "tei", False),
        (b'{"text": ""}\n', "json", True),
        (b'{"text": ', "json", False),
    ],
)
def test_is_complete_checks_the_end_of_the_output(tmp_path, host, content, fmt, complete):
    path = tmp_path / "o"
    path.write_bytes(content)
    assert is_complete(path, host.format(fmt)) is complete
    assert not is_complete(tmp_path / "missing", host.format(fmt))


def test_run_corpus_writes_companions_but_never_over_an_input(tmp_path):
    src = _corpus(tmp_path / "in", 2)
    config = RunConfig(format="plain-with-text", host_factory=corpus_layer.host)
    plan = plan_run([str(src)], tmp_path / "out", ".ann")
    assert run_corpus(plan.tasks, config).done == 2
    assert (tmp_path / "out/part1/doc001.txt").read_text() == (src / "part1/doc001.txt").read_text()
    (src / "part0/doc000.txt").write_bytes(b"\xef\xbb\xbfBOM first")  # companion would differ
    in_place = run_corpus(plan_run([str(src)], src, ".ann").tasks, config)
    assert in_place.done == 1  # doc001's companion has the input's very bytes: left alone
    ((name, message),) = in_place.failures
    assert name.endswith("doc000.txt") and "refusing to overwrite an input" in message
    assert (src / "part0/doc000.txt").read_bytes() == b"\xef\xbb\xbfBOM first"
    assert not (src / "part0/doc000.ann").exists()  # so --skip-existing will redo it
