"""Where the full pipeline spends its time: CPU seconds by package (each layer, the core, lxml).

    python benchmarks/profile_layers.py [--size 1] [--copies 10] [--top 15]

Runs the full pipeline with TEI output under cProfile on copies of the seed article
(``--size 100`` for one document 100× as long, to find what grows faster than the
text) and prints own time per package, then the functions with most own time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
from collections import Counter
from collections.abc import Sequence

from common import full_pipeline, installed_layers, scaled_article, table

from tei_annotate import annotate, get_host


def package(filename: str) -> str:
    if filename == "~":
        return "Python built-ins"
    if filename.startswith("<attrs generated"):  # attrs' __init__/__eq__ belong to their class
        return filename.rsplit(" ", 1)[-1].split(".")[0]
    parts = filename.replace("\\", "/").split("/")
    for i, part in enumerate(parts):
        if part in ("site-packages", "plugins", "core") and i + 1 < len(parts):
            return parts[i + 1].removesuffix(".py")
    return "standard library" if "/lib/python" in filename else filename


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1, help="article multiple per document (1)")
    parser.add_argument("--copies", type=int, default=10, help="documents (10)")
    parser.add_argument("--top", type=int, default=15, help="functions to list (15)")
    args = parser.parse_args(argv)
    host = get_host()
    layers = full_pipeline(installed_layers())
    text = scaled_article(args.size)
    annotate(text, layers, host=host).render("tei", host)  # warm up
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.copies):
        annotate(text, layers, host=host).render("tei", host)
    profile.disable()
    stats = pstats.Stats(profile)
    own: Counter[str] = Counter()
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        own[package(filename)] += tottime
    total = sum(own.values())
    print(
        f"Pipeline {'+'.join(layers) or 'no layers'}, {args.copies} × {args.size}× the seed article\n"
    )
    print(
        table(
            ["package", "own CPU s", "share"],
            [[k, f"{v:.3f}", f"{v / total:.0%}"] for k, v in own.most_common()],
        )
    )
    print()
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
