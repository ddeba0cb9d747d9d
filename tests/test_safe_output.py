"""Outputs: written whole or not at all, never over an input, and a bad document stops only itself."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from tei_annotate import Annotation, OutputError, validate_tei
from tei_annotate import output as output_module
from tei_annotate.output import write_atomic

from .helpers import LayerPlugin, static_layer


def corpus(tmp_path: Path, n: int = 3) -> list[Path]:
    paths = []
    for i in range(n):
        p = tmp_path / "in" / f"doc{i}.txt"
        p.parent.mkdir(exist_ok=True)
        p.write_text(f"Title {i}\n\nParagraph {i}.\n")
        paths.append(p)
    return paths


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".part"))


# -- inputs that vanish or cannot be read mid-corpus --------------------------------------------


def test_input_that_vanishes_mid_corpus_is_reported_and_the_others_are_written(run, host, tmp_path):
    docs = corpus(tmp_path)

    def remove_next(doc, ctx):  # runs on doc0, then doc1 is gone before it is read
        docs[1].unlink(missing_ok=True)
        return []

    host.register(LayerPlugin(static_layer("remover", remove_next, produces=[])))
    out = tmp_path / "out"
    code, _, err = run(*map(str, docs), "-p", "remover", "-o", str(out))
    assert code == 1
    assert "doc1.txt" in err and "no such file" in err
    assert err.count("\n") == 2 and "2 done, 1 failed, 0 skipped" in err  # the failure, the summary
    assert sorted(p.name for p in out.iterdir()) == ["doc0.xml", "doc2.xml"]


def test_unreadable_input_mid_corpus_is_reported_and_the_others_are_written(
    run, tmp_path, monkeypatch
):
    docs = corpus(tmp_path)
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:  # root reads any file, so deny it here
        if self.name == "doc1.txt":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    out = tmp_path / "out"
    code, _, err = run(*map(str, docs), "-o", str(out))
    assert code == 1 and "doc1.txt: cannot read: Permission denied" in err
    assert sorted(p.name for p in out.iterdir()) == ["doc0.xml", "doc2.xml"]


def test_directory_given_as_input_is_one_clear_line(run, tmp_path):
    code, out, err = run(str(tmp_path))
    assert (code, out) == (1, b"") and "is a directory" in err


# -- outputs that cannot be written ---------------------------------------------------------------


def test_output_under_a_regular_file_is_a_clear_error(run, tmp_path):
    (tmp_path / "file").write_text("not a directory")
    doc = corpus(tmp_path, 1)[0]
    code, out, err = run(str(doc), "-o", str(tmp_path / "file" / "out.xml"))
    assert (code, out) == (1, b"")
    assert "cannot write" in err and err.count("\n") == 1


def test_unwritable_output_directory_is_a_clear_error_for_every_document(
    run, tmp_path, monkeypatch
):
    docs = corpus(tmp_path)

    def denied(*args, **kwargs):  # root writes anywhere, so deny it here
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(output_module.tempfile, "mkstemp", denied)
    code, _, err = run(*map(str, docs), "-o", str(tmp_path / "out"))
    assert code == 1
    assert err.count("cannot write: Permission denied") == 3


class FullDisk:
    """A file object that accepts some bytes, then fails as a full disk does."""

    def __init__(self, fh, room: int) -> None:
        self.fh, self.room = fh, room

    def write(self, data: bytes) -> int:
        self.fh.write(data[: self.room])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        return getattr(self.fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.fh.close()


def test_disk_full_leaves_no_truncated_output_and_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "out.xml"
    target.write_bytes(b"the previous, complete output")
    real_fdopen = os.fdopen
    monkeypatch.setattr(
        output_module.os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode), 10)
    )
    with pytest.raises(OutputError, match="out.xml: cannot write: No space left on device"):
        write_atomic(target, b"x" * 100_000)
    assert target.read_bytes() == b"the previous, complete output"
    assert leftovers(tmp_path) == []


def test_disk_full_mid_corpus_writes_nothing_for_that_document(run, tmp_path, monkeypatch):
    docs = corpus(tmp_path)
    real_fdopen = os.fdopen
    calls = []

    def fdopen(fd, mode):
        calls.append(fd)
        fh = real_fdopen(fd, mode)
        return FullDisk(fh, 10) if len(calls) == 2 else fh

    monkeypatch.setattr(output_module.os, "fdopen", fdopen)
    out = tmp_path / "out"
    code, _, err = run(*map(str, docs), "-o", str(out))
    assert code == 1 and "doc1.xml: cannot write: No space left on device" in err
    assert sorted(p.name for p in out.iterdir()) == ["doc0.xml", "doc2.xml"]
    for p in out.iterdir():
        validate_tei(p.read_bytes())


def test_output_gets_the_usual_file_mode_not_the_temporary_files(tmp_path):
    target = tmp_path / "new.xml"
    umask = os.umask(0o022)
    try:
        write_atomic(target, b"x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_overwriting_an_output_keeps_its_mode(tmp_path):
    target = tmp_path / "old.xml"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert (target.read_bytes(), stat.S_IMODE(target.stat().st_mode)) == (b"new", 0o640)


# -- inputs are never overwritten ------------------------------------------------------------------


def test_output_directory_inside_the_input_tree_never_overwrites_an_input(run, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    xml_input = src / "a.xml"  # its output would be in/a.xml: itself
    xml_input.write_text("Title\n\nText in a file named .xml.\n")
    other = src / "b.txt"
    other.write_text("B\n\nMore text.\n")
    code, _, err = run(str(xml_input), str(other), "-o", str(src))
    assert code == 1 and "a.xml: refusing to overwrite an input file" in err
    assert xml_input.read_text() == "Title\n\nText in a file named .xml.\n"
    validate_tei((src / "b.xml").read_bytes())


def test_output_through_a_symlink_or_hard_link_to_an_input_is_refused(run, tmp_path):
    src = corpus(tmp_path, 1)[0]
    before = src.read_bytes()
    (tmp_path / "sym.xml").symlink_to(src)
    os.link(src, tmp_path / "hard.xml")
    for target in ("sym.xml", "hard.xml"):
        code, _, err = run(str(src), "-o", str(tmp_path / target))
        assert code == 1 and "refusing to overwrite an input file" in err
    assert src.read_bytes() == before


def test_a_failing_layer_writes_no_partial_output(run, host, tmp_path):
    docs = corpus(tmp_path, 2)

    def fail_on_doc1(doc, ctx):
        if "1" in doc.text:
            raise RuntimeError("boom")
        return [Annotation(0, 5, "seg")]

    host.register(LayerPlugin(static_layer("flaky", fail_on_doc1, produces=["seg"])))
    out = tmp_path / "out"
    code, _, err = run(*map(str, docs), "-p", "flaky", "-o", str(out))
    assert (
        code == 1
        and "layer 'flaky' (plugin 'LayerPlugin') failed on doc1.txt: RuntimeError: boom" in err
    )
    assert sorted(p.name for p in out.iterdir()) == ["doc0.xml"]


def test_directory_run_with_output_into_the_input_tree_changes_no_input(run, tmp_path):
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "a.txt").write_text("A\n\nText a.\n")
    (tree / "sub" / "b.txt").write_text("B\n\nText b.\n")
    (tree / "keep.xml").write_text("K\n\nAn input that happens to end in .xml.\n")
    assert run(str(tree), "-o", str(tree), "-j", "1")[0] == 0  # a.xml, sub/b.xml beside
    before = {p: p.read_bytes() for p in tree.rglob("*") if p.is_file()}
    code, _, err = run(str(tree), "-o", str(tree), "--glob", "*", "-j", "1")
    assert code == 1 and "refusing to overwrite input" in err
    assert {p: p.read_bytes() for p in tree.rglob("*") if p.is_file()} == before
