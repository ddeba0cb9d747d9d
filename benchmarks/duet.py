"""Our full pipeline and spaCy's small model timed at the same time, side by side.

    python benchmarks/duet.py --dev ../shared/eval/dev/*.jsonl [--rounds 5] [--seconds 10]

``throughput.py`` and ``unseen.py`` time ours and the peer one after the other.  On a
shared host, slow spells last from seconds to minutes and fall on one turn and not the
other, so their rounds scatter widely.  Duet benchmarking (Bulej et al., "Duet
Benchmarking: Improving Measurement Accuracy in the Cloud", ICPE 2020) runs both at the
same time, each in its own process pinned to its own CPU: a spell of the host falls on both
alike.  Both start on the same word; only the passes of ours that end before the peer's
last one count.

Two programs side by side also slow each other down, through the cache and memory they
share, and not necessarily alike.  So each round also times each of them alone (unless
``--no-solo``), and the report gives how much each slowed in the duet: a ratio measured
side by side is worth only as much as those two slowdowns are alike.

Regimes: the seed article repeated and the dev texts read a second time (as
``throughput.py``), and the dev texts read for the first time, after the seed article only
or after other articles of the same sources (as ``unseen.py``; a fresh process of ours for
each pass, again and again while the peer reads).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import select
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence

from common import (
    full_pipeline,
    git_revision,
    installed_layers,
    machine,
    seed_text,
    table,
)
from throughput import corpus_texts, has_peer, ours, peer
from unseen import SEED_READS, add_text_options, other_articles

REGIMES = {
    "seed": "seed ×{copies}, seen",
    "seen": "dev texts, seen (read once before)",
    "unseen": "dev texts, unseen (after the seed article only)",
    "read-on": "dev texts, unseen (after {warm_kb:,} KB of other articles)",
}
FIRST_READINGS = ("unseen", "read-on")

Pass = tuple[float, float, float]  # monotonic start and end, CPU seconds


def work(args: argparse.Namespace) -> None:
    """A child: get ready, wait for the word, then time passes and print them as JSON.

    It stops after ``--seconds`` of passes (at least one), or, with ``--until-told``, when
    the parent writes a line, or, with ``--once``, after one pass."""
    os.sched_setaffinity(0, {args.cpu})
    texts = corpus_texts("seed" if args.regime == "seed" else "dev", args)
    run = peer("spacy:full")[1] if args.work == "peer" else ours(full_pipeline(installed_layers()))
    if args.regime in FIRST_READINGS:
        for _ in range(SEED_READS):
            run([seed_text()])
        if args.regime == "read-on":
            run(other_articles(args.dev, args.dev_kb * 1000, args.warm_kb * 1000))
    else:
        run(texts)  # an untimed pass, as in throughput.py
    print("ready", flush=True)
    if not sys.stdin.readline():
        return  # the parent has gone
    passes: list[Pass] = []
    while True:
        wall0, cpu0 = time.monotonic(), time.process_time()
        run(texts)
        passes.append((wall0, time.monotonic(), time.process_time() - cpu0))
        if args.once:
            break
        if args.until_told:
            if select.select([sys.stdin], [], [], 0)[0]:
                break
        elif passes[-1][1] - passes[0][0] >= args.seconds:
            break
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(json.dumps({"passes": passes, "bytes": size}), flush=True)


def within(passes: Sequence[Pass], start: float, end: float) -> list[Pass]:
    """The passes wholly between ``start`` and ``end``."""
    return [p for p in passes if p[0] >= start and p[1] <= end]


def rate(passes: Sequence[Pass], size: int) -> float:
    """Bytes per CPU second over ``passes``, each of ``size`` bytes."""
    return size * len(passes) / sum(p[2] for p in passes)


class Child:
    """A worker process, ready once it has said so."""

    def __init__(self, command: list[str]) -> None:
        self.proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        if self._line() != "ready":
            raise RuntimeError(f"worker {command[-6:]} did not get ready")

    def _line(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            self.close()
            raise RuntimeError(f"a worker died (exit code {self.proc.returncode})")
        return line.strip()

    def say(self, word: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(word + "\n")
        self.proc.stdin.flush()

    def close(self) -> None:
        """Wait for the child to end, and close its pipes."""
        self.proc.wait()
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                pipe.close()

    def result(self) -> tuple[list[Pass], int]:
        got = json.loads(self._line())
        self.close()
        return [(float(a), float(b), float(c)) for a, b, c in got["passes"]], int(got["bytes"])


def started(command: list[str]) -> Child:
    """A worker told to go as soon as it is ready: a turn with no other to wait for."""
    child = Child(command)
    child.say("go")
    return child


def duet(
    child: Callable[..., list[str]], regime: str, seconds: float, cpus: tuple[int, int]
) -> dict[str, float]:
    """One round side by side: the rates of ours and the peer, and how many passes of ours counted."""
    ours_cpu, peer_cpu = cpus
    once = regime in FIRST_READINGS
    them = Child(child("peer", peer_cpu, seconds=0.0 if once else seconds))
    me = Child(child("ours", ours_cpu, once=once, until_told=not once))
    go = time.monotonic()  # the window opens here: which child starts first is chance
    them.say("go")
    me.say("go")
    mine: list[Pass] = []
    if once:  # a fresh process of ours for each first reading, while the peer reads
        while True:
            passes, size = me.result()
            mine += passes
            if them.proc.poll() is not None:
                break
            me = started(child("ours", ours_cpu, once=True))
        theirs, peer_size = them.result()
    else:
        theirs, peer_size = them.result()
        me.say("stop")
        mine, size = me.result()
    counted = within(mine, go, theirs[-1][1])
    if not counted:
        raise RuntimeError("no pass of ours lay within the peer's: give it more --seconds")
    return {"ours": rate(counted, size), "peer": rate(theirs, peer_size), "passes": len(counted)}


def solo(
    child: Callable[..., list[str]], regime: str, seconds: float, cpus: tuple[int, int]
) -> dict[str, float]:
    """One round alone, one after the other: the rates of ours and the peer."""
    ours_cpu, peer_cpu = cpus
    got: dict[str, float] = {}
    if regime in FIRST_READINGS:
        mine: list[Pass] = []
        while not mine or sum(p[2] for p in mine) < seconds:
            me = started(child("ours", ours_cpu, once=True))
            passes, size = me.result()
            mine += passes
        got["ours"] = rate(mine, size)
    else:
        me = started(child("ours", ours_cpu, seconds=seconds))
        got["ours"] = rate(*me.result())
    them = started(child("peer", peer_cpu, seconds=0.0 if regime in FIRST_READINGS else seconds))
    got["peer"] = rate(*them.result())
    return got


def command(
    args: argparse.Namespace,
    regime: str,
    work: str,
    cpu: int,
    seconds: float = 0.0,
    once: bool = False,
    until_told: bool = False,
) -> list[str]:
    """The command line of a child of ``work`` (ours or the peer) pinned to ``cpu``."""
    return [
        sys.executable,
        __file__,
        "--dev",
        *map(str, args.dev),
        "--dev-kb",
        str(args.dev_kb),
        "--copies",
        str(args.copies),
        "--warm-kb",
        str(args.warm_kb),
        "--regime",
        regime,
        "--work",
        work,
        "--cpu",
        str(cpu),
        "--seconds",
        str(seconds),
        *(["--once"] if once else []),
        *(["--until-told"] if until_told else []),
    ]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_text_options(parser)
    parser.add_argument("--copies", type=int, default=20, help="seed-article documents (20)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per regime (5)")
    parser.add_argument(
        "--seconds", type=float, default=10.0, help="the peer's passes last at least this (10)"
    )
    parser.add_argument(
        "--regimes", default=",".join(REGIMES), help=f"among {', '.join(REGIMES)} (all)"
    )
    parser.add_argument("--no-solo", dest="solo", action="store_false", help="skip the turns alone")
    parser.add_argument("--work", choices=["ours", "peer"], help=argparse.SUPPRESS)
    parser.add_argument("--regime", help=argparse.SUPPRESS)
    parser.add_argument("--cpu", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--once", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--until-told", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.work:
        work(args)
        return
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        sys.exit("duet.py needs two CPUs: one for ours, one for the peer")
    if not has_peer():
        sys.exit(1)
    if missing := [str(path) for path in args.dev if not path.is_file()]:
        sys.exit(f"no such dev file: {', '.join(missing)}")
    regimes = args.regimes.split(",")
    for regime in regimes:
        if regime not in REGIMES:
            sys.exit(f"unknown regime {regime!r}: choose among {', '.join(REGIMES)}")
    rows = []
    for regime in regimes:
        child = functools.partial(command, args, regime)
        together, alone = [], []
        for r in range(args.rounds):
            pair = (cpus[r % 2], cpus[1 - r % 2])  # each side on each CPU in turn
            together.append(duet(child, regime, args.seconds, pair))
            if args.solo:
                alone.append(solo(child, regime, args.seconds, pair))
        warm_kb = 0
        if regime == "read-on":  # the size of what the children read before, for the label
            before = other_articles(args.dev, args.dev_kb * 1000, args.warm_kb * 1000)
            warm_kb = round(sum(len(t.encode("utf-8")) for t in before) / 1e3)  # as unseen.py
        label = REGIMES[regime].format(copies=args.copies, warm_kb=warm_kb)
        side = [d["ours"] / d["peer"] for d in together]
        print(
            f"  {label}: side by side, by round: {', '.join(f'{x:.1f}×' for x in side)}",
            file=sys.stderr,
        )
        row = [label, f"{statistics.median(side):,.1f}×", f"{min(side):,.1f}–{max(side):,.1f}×"]
        if alone:
            apart = [s["ours"] / s["peer"] for s in alone]
            print(
                f"  {label}: alone, by round: {', '.join(f'{x:.1f}×' for x in apart)}",
                file=sys.stderr,
            )
            slow = [
                statistics.median(s[k] / d[k] for s, d in zip(alone, together, strict=True))
                for k in ("ours", "peer")
            ]
            row += [f"{statistics.median(apart):,.1f}×", f"{min(apart):,.1f}–{max(apart):,.1f}×"]
            row += [f"{x:.2f}×" for x in slow]
        row += [f"{statistics.median(d['ours'] for d in together) / 1e6:,.3f}"]
        row += [f"{statistics.median(d['peer'] for d in together) / 1e6:,.3f}"]
        rows.append(row)
    print(f"Machine: {machine()}; revision {git_revision()}\n")
    header = ["corpus", "× spaCy side by side", "rounds"]
    if args.solo:
        header += ["× spaCy alone", "rounds", "ours slowed side by side", "spaCy slowed"]
    print(table([*header, "ours MB/s CPU side by side", "spaCy MB/s CPU"], rows))


if __name__ == "__main__":
    main()
