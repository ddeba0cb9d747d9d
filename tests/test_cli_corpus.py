"""The ``annotate`` command on a corpus: directories, JSONL, summary, exit codes, progress."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from tei_annotate.progress import Progress
from tei_annotate.runner import Outcome

ANNOTATE = str(Path(sys.executable).with_name("annotate"))


def annotate(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([ANNOTATE, *args], input=stdin, capture_output=True, timeout=120)


def _docs(root: Path) -> None:
    (root / "a/b").mkdir(parents=True)
    (root / "one.txt").write_text("Title\n\nFirst text.\n")
    (root / "a/b/two.txt").write_text("Title\n\nSecond text.\n")
    (root / "a/skip.md").write_text("not matched")


def test_cli_directory_mirrors_tree_and_prints_summary(tmp_path):
    _docs(tmp_path / "in")
    proc = annotate(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    assert sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.xml")
    ) == [
        "a/b/two.xml",
        "one.xml",
    ]
    assert proc.stdout == b""
    assert proc.stderr.decode().startswith("annotate: 2 done, 0 failed, 0 skipped in ")
    assert "\r" not in proc.stderr.decode()  # no progress bar when stderr is not a terminal


def test_cli_glob_and_quiet(tmp_path):
    _docs(tmp_path / "in")
    proc = annotate(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--glob", "*.md", "-q")
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert [p.name for p in (tmp_path / "out").rglob("*.xml")] == ["skip.xml"]


def test_cli_failure_names_document_and_sets_exit_code(tmp_path):
    _docs(tmp_path / "in")
    (tmp_path / "in/a/bad.txt").write_bytes(b"caf\xe9\n")
    proc = annotate(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert f"annotate: {tmp_path / 'in/a/bad.txt'}: [E100]" in err
    assert "2 done, 1 failed, 0 skipped" in err
    assert (tmp_path / "out/a/b/two.xml").exists()


def test_cli_skip_existing_then_fail_fast(tmp_path):
    _docs(tmp_path / "in")
    out = str(tmp_path / "out")
    assert annotate(str(tmp_path / "in"), "-o", out).returncode == 0
    proc = annotate(str(tmp_path / "in"), "-o", out, "--skip-existing")
    assert "0 done, 0 failed, 2 skipped" in proc.stderr.decode()
    (tmp_path / "c.jsonl").write_text('{"id": "x"}\n{"id": "y", "text": "Y"}\n')
    proc = annotate(str(tmp_path / "c.jsonl"), "-o", out, "--fail-fast", "-j", "1")
    assert proc.returncode == 1
    assert "stopped at the first failure" in proc.stderr.decode()
    assert not (tmp_path / "out/y.xml").exists()


def test_cli_jsonl_corpus_writes_one_file_per_id(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": f"n/{i}", "text": f"T{i}\n\nBody.\n"}) + "\n" for i in range(3))
    )
    proc = annotate(str(corpus), "-o", str(tmp_path / "out"), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "n%2F0.json",
        "n%2F1.json",
        "n%2F2.json",
    ]


def test_cli_one_input_still_goes_to_stdout(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nText.\n")
    proc = annotate(str(tmp_path / "a.txt"))
    assert proc.returncode == 0 and proc.stdout.startswith(b"<?xml") and proc.stderr == b""
    proc = annotate("-", stdin=b"Title\n\nText.\n")
    assert proc.stdout.startswith(b"<?xml")


def test_cli_corpus_without_output_directory_is_one_line_error(tmp_path):
    _docs(tmp_path / "in")
    proc = annotate(str(tmp_path / "in"))
    assert proc.returncode == 1
    assert proc.stderr.decode().strip().splitlines() == [
        f"annotate: [E400] {tmp_path / 'in'} is a directory: it needs -o DIRECTORY for its outputs"
    ]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_bar_with_total_and_rate_on_a_terminal():
    stream = _Terminal()
    progress = Progress(count=lambda: 2, stream=stream)
    progress._count(lambda: 2)  # the counting thread's work, done here so the test is exact
    progress(Outcome("a.txt", "done", size=1000))
    progress(Outcome("b.txt", "failed", message="[E100] b.txt: broken"))
    progress.close()
    out = stream.getvalue()
    assert "2/2" in out and "doc" in out and "MB/s" in out
    assert "annotate: [E100] b.txt: broken" in out  # the message names the file already


def test_progress_is_silent_but_for_failures_off_a_terminal():
    stream = io.StringIO()
    progress = Progress(stream=stream)
    progress(Outcome("a.txt", "done", size=1000))
    progress(Outcome("b.txt", "failed", message="broken"))
    progress.close()
    assert stream.getvalue() == "annotate: b.txt: broken\n"
