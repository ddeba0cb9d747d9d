"""Run every benchmark and print one Markdown report (the body of benchmarks/README.md).

.venv-bench/bin/python benchmarks/run_all.py --dev ../shared/eval/dev/*.jsonl > results.md
"""

from __future__ import annotations

import argparse
from pathlib import Path

import duet
import memory
import scaling
import throughput
import unseen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", type=Path, nargs="*", default=[], help="dev JSONL files to read")
    parser.add_argument("--quick", action="store_true", help="small sizes, to try the scripts")
    args = parser.parse_args()
    dev = [str(p) for p in args.dev]
    quick = args.quick
    print("## Throughput\n")
    throughput.main(["--dev", *dev] + (["--copies", "3", "--turn-seconds", "0.1"] if quick else []))
    # the check's honest regime: a corpus brings texts that no table has seen
    if dev and throughput.has_peer():
        print("\n## Texts read for the first time\n")
        quick_unseen = ["--rounds", "1", "--dev-kb", "10", "--warm-kb", "10"]
        unseen.main(["--dev", *dev] + (quick_unseen if quick else []))
        print("\n## Side by side with the peer\n")
        quick_duet = ["--rounds", "1", "--dev-kb", "10", "--copies", "2", "--seconds", "1"]
        duet.main(["--dev", *dev] + (quick_duet if quick else []))
    print("\n## Scaling\n")
    scaling.main(["--min-seconds", "0.2", "--docs", "40"] if quick else [])
    print("\n## Memory\n")
    memory.main(["--large", "300", "--kinds", "jsonl"] if quick else [])


if __name__ == "__main__":
    main()
