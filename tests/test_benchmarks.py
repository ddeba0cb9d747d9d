"""The benchmark inputs are what the benchmarks say they are (no timings asserted here)."""

from __future__ import annotations

import sys

import pytest

from tei_annotate.corpus import plan_run

from .conftest import ROOT


@pytest.fixture(scope="module")
def common():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import common

        yield common
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


def test_benchmark_scaled_article_repeats_the_body(common, seed_text):
    one, hundred = common.scaled_article(1), common.scaled_article(100)
    title = seed_text.split("\n", 1)[0]
    assert one.startswith(title + "\n\n") and hundred.count(title) == 1
    body = len(one) - len(title) - 2
    assert len(hundred) == len(title) + 2 + 100 * body


def test_benchmark_corpora_hold_n_documents(common, tmp_path):
    common.write_dir_corpus(tmp_path / "dir", 7, per_dir=3)
    common.write_jsonl_corpus(tmp_path / "c.jsonl", 5, common.lead_text())
    tasks = list(plan_run([str(tmp_path / "dir")], tmp_path / "o", ".xml").tasks)
    assert len(tasks) == 7 and len({t.target.parent for t in tasks}) == 3
    assert len(list(plan_run([str(tmp_path / "c.jsonl")], tmp_path / "o", ".xml").tasks)) == 5


def test_benchmark_dev_texts_are_read_in_place_up_to_a_size(common, tmp_path):
    (tmp_path / "d.jsonl").write_text('{"text": "aaaa"}\n{"text": "bbbb"}\n{"text": "cc"}\n')
    assert common.dev_texts([tmp_path / "d.jsonl"], max_bytes=5) == ["aaaa", "bbbb"]
    assert len(common.dev_texts([tmp_path / "d.jsonl"])) == 3


def test_benchmark_unseen_reads_first_the_articles_after_those_timed(common, tmp_path):
    import unseen

    (tmp_path / "d.jsonl").write_text(
        '{"text": "aaaa"}\n{"text": "bbbb"}\n{"text": "cccc"}\n{"text": "dddd"}\n'
    )
    timed = common.dev_texts([tmp_path / "d.jsonl"], max_bytes=5)
    # as dev_texts, a file's texts run up to the first to reach the size
    assert unseen.other_articles([tmp_path / "d.jsonl"], 5, 1) == ["cccc"]
    assert unseen.other_articles([tmp_path / "d.jsonl"], 5, 5) == ["cccc", "dddd"]
    assert timed == ["aaaa", "bbbb"]
    assert unseen.other_articles([tmp_path / "d.jsonl"], 100, 5) == []


def test_benchmark_unseen_turn_of_ours_adds_fresh_processes_until_its_seconds(common):
    import unseen

    # each process times one first reading of 0.4 s: 1.0 s takes three of them
    child = [sys.executable, "-c", 'print(\'{"label": "x", "unseen": 0.4, "seen": 0.2}\')']
    got = unseen.mean_turn(child, 1.0)
    assert got["processes"] == 3.0
    assert got["unseen"] == pytest.approx(0.4) and got["seen"] == pytest.approx(0.2)
    assert unseen.mean_turn(child, 0.0)["processes"] == 1.0  # the peer's: one process
