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


def test_benchmark_duet_counts_only_passes_of_ours_within_the_peers(common):
    import duet

    passes = [(0.0, 1.0, 0.5), (1.0, 2.0, 0.5), (2.0, 3.5, 0.7)]
    assert duet.within(passes, 0.5, 3.0) == [(1.0, 2.0, 0.5)]
    assert duet.within(passes, 0.0, 3.5) == passes
    assert duet.rate(passes[:2], 100) == pytest.approx(200.0)  # bytes per CPU second


FAKE_WORKER = """
import json, select, sys, time
work, once, told = sys.argv[1], "--once" in sys.argv, "--until-told" in sys.argv
print("ready", flush=True)
sys.stdin.readline()
passes = []
while True:
    start = time.monotonic()
    time.sleep(0.3 if work == "peer" else 0.05)
    passes.append((start, time.monotonic(), 0.3 if work == "peer" else 0.01))
    if work == "peer" or once or (told and select.select([sys.stdin], [], [], 0)[0]):
        break
print(json.dumps({"passes": passes, "bytes": 1000}), flush=True)
"""


@pytest.mark.parametrize("regime", ["seen", "unseen"])
def test_benchmark_duet_round_starts_both_on_one_word_and_stops_ours_with_the_peer(
    common, tmp_path, regime
):
    import duet

    script = tmp_path / "worker.py"
    script.write_text(FAKE_WORKER)

    def child(work, cpu, seconds=0.0, once=False, until_told=False):
        flags = ["--once"] * once + ["--until-told"] * until_told
        return [sys.executable, str(script), work, *flags]

    got = duet.duet(child, regime, 0.0, (0, 1))
    assert got["peer"] == pytest.approx(1000 / 0.3)
    assert got["ours"] == pytest.approx(1000 / 0.01)
    # ours ran while the peer did (one process, or a fresh one a pass), not after it
    assert 1 <= got["passes"] <= 0.3 / 0.05


def test_benchmark_size_scaling_sizes_take_turns_on_the_same_volume_of_text(common):
    import scaling

    calls: list[int] = []
    samples = scaling.interleaved_cpu(
        {1: lambda: calls.append(1), 10: lambda: calls.append(10)},
        {1: 10, 10: 1},
        min_seconds=0.0,
        min_rounds=2,
    )
    round_ = [1] * 10 + [10]
    assert calls == [1, 10] + round_ + round_  # a warm-up call of each, then two rounds
    assert {k: len(v) for k, v in samples.items()} == {1: 2, 10: 2}
