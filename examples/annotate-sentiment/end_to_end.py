"""Run the installed plugin through the real ``annotate`` command, as a user would.

Usage: ``python end_to_end.py ARTICLE.txt WORKDIR``.  Runs ``--plugins actors,sentiment``
when the actors layer is installed (it ships with tei-annotate), else ``--plugins
sentiment``, and checks the listing, a validated run, an option, a settings file and
a bad option.  Exits non-zero with the reason on the first failure.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path


def annotate(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("annotate")
    if exe is None:
        sys.exit("end_to_end: no 'annotate' command on PATH")
    return subprocess.run([exe, *args], capture_output=True, text=True, cwd=cwd, timeout=600)


def check(condition: bool, message: str, proc: subprocess.CompletedProcess[str]) -> None:
    if not condition:
        sys.exit(f"end_to_end: {message}\nstdout: {proc.stdout[-2000:]}\nstderr: {proc.stderr}")
    print(f"ok: {message}")


def main(article: Path, work: Path) -> None:
    work.mkdir(parents=True, exist_ok=True)
    listing = annotate("plugins", "--json", cwd=work)
    check(listing.returncode == 0, "annotate plugins --json runs", listing)
    data = json.loads(listing.stdout)
    layers = {layer["name"]: layer for layer in data["layers"]}
    check("sentiment" in layers, "the sentiment layer is listed", listing)
    check(
        layers["sentiment"]["distribution"] == "tei-annotate-sentiment",
        "it is listed with its distribution",
        listing,
    )
    check(not data["broken"], "no plugin is broken", listing)
    wanted = "actors,sentiment" if "actors" in layers else "sentiment"
    print(f"running --plugins {wanted}")

    out = work / "article.xml"
    run = annotate(str(article), "--plugins", wanted, "--validate", "-o", str(out), cwd=work)
    check(run.returncode == 0, f"annotate --plugins {wanted} --validate succeeds", run)
    xml = out.read_text(encoding="utf-8")
    check('type="sentiment"' in xml, "the output has sentiment segments", run)
    check('<taxonomy xml:id="sentiment">' in xml, "the output has the sentiment taxonomy", run)
    if "actors" in wanted:
        check('resp="#app.actors"' in xml, "the actors layer annotated too", run)

    strict = annotate(str(article), "--plugins", wanted, "-O", "sentiment.threshold=0.99", cwd=work)
    check(strict.returncode == 0, "--option sentiment.threshold=0.99 is accepted", strict)
    check(
        strict.stdout.count('type="sentiment"') < xml.count('type="sentiment"'),
        "a higher threshold marks fewer sentences",
        strict,
    )

    (work / "annotate.toml").write_text(
        f"plugins = {wanted.split(',')!r}\n[options.sentiment]\ncues = true\n", encoding="utf-8"
    )
    configured = annotate(str(article), cwd=work)
    check(configured.returncode == 0, "a run configured by annotate.toml succeeds", configured)
    check('type="sentiment-cue"' in configured.stdout, "annotate.toml options apply", configured)

    bad = annotate(str(article), "-O", "sentiment.threshold=high", cwd=work)
    check(
        bad.returncode == 1
        and bad.stderr.strip()
        == "annotate: [E210] option sentiment.threshold expects float, got 'high'",
        "an ill-typed option is one clear line",
        bad,
    )
    print("end_to_end: all checks passed")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]).resolve(), Path(sys.argv[2]))
