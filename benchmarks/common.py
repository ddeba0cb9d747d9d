"""What the benchmark scripts share: the texts they run on, the layers they time, tables.

Inputs are the seed article, synthetic corpora built from it, and (given a path)
the dev texts, read in place and never copied.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))
FOUR = ("actors", "quotes", "numbers", "hedging")


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def scaled_article(k: int) -> str:
    """The seed article with its body repeated ``k`` times: one document ``k``× as long."""
    title, _, body = seed_text().partition("\n\n")
    return title + "\n\n" + "\n".join([body.strip("\n")] * k) + "\n"


def lead_text(paragraphs: int = 4) -> str:
    """The seed article's title and first paragraphs: a short news item (about 0.8 KB)."""
    lines = [line for line in seed_text().splitlines() if line.strip()]
    return lines[0] + "\n\n" + "\n".join(lines[1 : 1 + paragraphs]) + "\n"


def dev_texts(paths: Iterable[Path], max_bytes: int | None = None) -> list[str]:
    """The ``text`` of each line of the dev JSONL files, up to ``max_bytes`` per file."""
    texts: list[str] = []
    for path in paths:
        size = 0
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    text = json.loads(line)["text"]
                    texts.append(text)
                    size += len(text.encode("utf-8"))
                    if max_bytes is not None and size >= max_bytes:
                        break
    return texts


def write_dir_corpus(dest: Path, n: int, text: str | None = None, per_dir: int = 500) -> Path:
    """``n`` copies of the seed article as files, ``per_dir`` to a folder (as an archive would be)."""
    text = text if text is not None else seed_text()
    for i in range(n):
        folder = dest / f"{i // per_dir:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"doc{i:06d}.txt").write_text(text, encoding="utf-8")
    return dest


def write_jsonl_corpus(dest: Path, n: int, text: str | None = None) -> Path:
    text = text if text is not None else seed_text()
    with dest.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"doc{i:06d}", "text": text}) + "\n")
    return dest


def installed_layers() -> list[str]:
    from tei_annotate import get_host

    return sorted(get_host().layers)


def full_pipeline(layers: Sequence[str]) -> list[str]:
    """The four layers when all are installed, else every installed layer."""
    return list(FOUR) if set(FOUR) <= set(layers) else list(layers)


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def machine() -> str:
    """One line: CPU model, cores, memory, OS, Python, date."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(
            int(line.split()[1]) // 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration):
        mem = 0
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{cpu}, {cores} cores, {mem / 1024:.0f} GB RAM, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"load average {load} (the machine is shared: CPU-time figures are the steady ones)"
    )


def annotate_command() -> list[str]:
    """The ``annotate`` script of the interpreter running the benchmark."""
    script = Path(sys.executable).with_name("annotate")
    if not script.exists():
        sys.exit(
            f"{script} not found: install tei-annotate into this environment (benchmarks/setup.sh)"
        )
    return [str(script)]


def git_revision() -> str:
    try:
        return subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"
