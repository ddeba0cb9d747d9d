"""Finding the documents of a run and where each one's output goes.

Inputs are files, directories (walked recursively, files matched by ``--glob``) and
JSONL corpora (one ``{"id": ..., "text": ...}`` object per line).  Everything is a
generator: a corpus of millions of documents is never held as a list, only the
entries of the directory being walked.  Outputs mirror the inputs under the output
directory; a lone directory or JSONL input puts its contents straight under it,
several inputs each get their own top-level name, so two inputs never collide.
"""

from __future__ import annotations

import fnmatch
import gzip
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import IO, cast
from urllib.parse import quote

import attrs

from .errors import InputError, OutputError

__all__ = [
    "DEFAULT_GLOB",
    "Plan",
    "Task",
    "count_documents",
    "plan_run",
    "read_input",
    "safe_name",
]

DEFAULT_GLOB = ("*.txt",)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")


@attrs.frozen
class Task:
    """One document to annotate: where it comes from and where its output goes.

    ``source`` is read by whoever runs the task (a worker); ``data`` carries the
    text when there is no file of its own (a JSONL line, stdin).  ``error`` is set
    when the document could not even be read (a bad JSONL line): the task fails
    without running.
    """

    name: str
    target: Path | None
    source: Path | None = None
    data: bytes | None = attrs.field(default=None, repr=False)
    encoding: str | None = None
    doc_name: str | None = None
    error: str | None = None

    @property
    def document_name(self) -> str:
        """The name the document is annotated under (shown in the TEI header)."""
        if self.doc_name is not None:
            return self.doc_name
        return self.source.name if self.source is not None else "<stdin>"


def read_input(path: Path | None) -> bytes:
    """The bytes of an input file (stdin for ``None``), with errors that name it."""
    if path is None:
        return sys.stdin.buffer.read()
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None


def _is_jsonl(path: Path) -> bool:
    return path.name.endswith(JSONL_SUFFIXES)


def _stem(path: Path) -> str:
    name = path.name
    for suffix in JSONL_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def safe_name(doc_id: str) -> str:
    """A file name for a JSONL id: reversible percent-encoding, so ids never escape the directory.

    >>> safe_name("2024/05/article 1")
    '2024%2F05%2Farticle%201'
    """
    name = quote(doc_id, safe="")
    return "%2E" * len(name) if name in (".", "..") else name


@attrs.frozen
class Plan:
    """What a run will do: one document to a file or stdout, or a corpus under a directory."""

    single: bool
    tasks: Iterator[Task] = attrs.field(eq=False, repr=False)
    output: Path | None = None


def plan_run(
    inputs: Sequence[str],
    output: Path | None,
    suffix: str,
    globs: Sequence[str] = DEFAULT_GLOB,
) -> Plan:
    """Check the inputs and output, and return the tasks to run, lazily.

    One plain file (or ``-``, or nothing: stdin) is a single run whose output goes
    to ``output`` or stdout, as before.  Several inputs, a directory or a JSONL file
    make a corpus run, which needs ``output`` to be a directory.
    """
    sources = list(inputs) or ["-"]
    if sources.count("-") > 1:
        raise InputError("stdin ('-') can be read only once")
    paths = [None if s == "-" else Path(s) for s in sources]
    only = paths[0]
    plain = only is None or not (only.is_dir() or _is_jsonl(only))
    if len(paths) == 1 and plain and (output is None or not output.is_dir()):
        task = Task(name=str(only) if only else "<stdin>", target=output, source=only)
        return Plan(single=True, tasks=iter([task]), output=output)
    if output is None:
        what = (
            "several inputs need -o DIRECTORY for their outputs"
            if len(paths) > 1
            else f"{only} is a directory: it needs -o DIRECTORY for its outputs"
            if only is not None and only.is_dir()
            else f"{only} is a JSONL corpus: it needs -o DIRECTORY for its outputs"
        )
        raise OutputError(what)
    if output.exists() and not output.is_dir():
        raise OutputError(f"{output}: exists and is not a directory")
    many = len(paths) > 1
    tops: dict[str, str] = {}
    for p in paths:
        top = _top_name(p, suffix)
        if many and top in tops:
            raise OutputError(f"inputs {tops[top]} and {p or '-'} would both write {output / top}")
        tops[top] = str(p or "-")
    return Plan(
        single=False, tasks=_tasks(paths, output, suffix, tuple(globs), many), output=output
    )


def _top_name(path: Path | None, suffix: str) -> str:
    if path is None:
        return f"stdin{suffix}"
    if path.is_dir():
        return path.resolve().name
    if _is_jsonl(path):
        return _stem(path)
    return path.stem + suffix


def _tasks(
    paths: list[Path | None], output: Path, suffix: str, globs: tuple[str, ...], many: bool
) -> Iterator[Task]:
    for path in paths:
        base = output / _top_name(path, suffix) if many else output
        if path is None:
            data = sys.stdin.buffer.read()
            yield Task(name="<stdin>", target=output / f"stdin{suffix}", data=data)
        elif path.is_dir():
            yield from _walk(path, base, suffix, globs, output)
        elif _is_jsonl(path):
            yield from _jsonl(path, base, suffix)
        else:
            yield Task(name=str(path), target=output / (path.stem + suffix), source=path)


def _matches(rel: str, name: str, globs: tuple[str, ...]) -> bool:
    return any(
        PurePosixPath(rel).match(g) if "/" in g else fnmatch.fnmatchcase(name, g) for g in globs
    )


def _walk(
    root: Path, base: Path, suffix: str, globs: tuple[str, ...], output: Path
) -> Iterator[Task]:
    """Matching files under ``root``, directory by directory in name order.

    Hidden entries are skipped (``.git``, our own temporary ``.part`` files) and so
    is the output directory when it lies inside ``root``.
    """
    skip = output.resolve()
    stack = [root]
    while stack:
        folder = stack.pop()
        rel_dir = folder.relative_to(root)
        try:
            with os.scandir(folder) as it:
                entries = sorted(
                    (e for e in it if not e.name.startswith(".")), key=lambda e: e.name
                )
        except OSError as exc:
            yield Task(name=str(folder), target=None, error=f"cannot list: {exc.strerror}")
            continue
        subdirs = []
        files = []
        for e in entries:
            if e.is_dir(follow_symlinks=False):
                if Path(e.path).resolve() != skip:
                    subdirs.append(Path(e.path))
            elif e.is_file() and _matches((rel_dir / e.name).as_posix(), e.name, globs):
                files.append(Path(e.path))
        out_dir = base / rel_dir
        inputs_here = {f.name for f in files} if out_dir.resolve() == folder.resolve() else set()
        seen: dict[str, Path] = {}
        for f in files:
            out_name = f.stem + suffix
            target = out_dir / out_name
            if out_name in seen:
                yield Task(
                    name=str(f), target=None, error=f"{seen[out_name]} already writes {target}"
                )
            elif out_name in inputs_here:
                yield Task(name=str(f), target=None, error=f"refusing to overwrite input {target}")
            else:
                seen[out_name] = f
                yield Task(name=str(f), target=target, source=f)
        stack.extend(reversed(subdirs))


def _open(path: Path) -> IO[bytes]:
    if path.name.endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _jsonl(path: Path, base: Path, suffix: str) -> Iterator[Task]:
    """One task per line, read as the run goes.

    Duplicate ids are caught with the set of ids seen so far in this file: the one
    thing a JSONL run keeps per document (ids only, never texts).
    """
    seen: set[str] = set()
    try:
        fh = _open(path)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    with fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                record = json.loads(raw)
            except ValueError as exc:
                yield Task(name=where, target=None, error=f"not a JSON object: {exc}")
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                yield Task(name=where, target=None, error='needs {"id": ..., "text": "..."}')
                continue
            doc_id = record.get("id")
            if not isinstance(doc_id, str | int) or isinstance(doc_id, bool) or doc_id == "":
                yield Task(name=where, target=None, error='needs a string or integer "id"')
                continue
            doc_id = str(doc_id)
            name = f"{where} ({doc_id})"
            if doc_id in seen:
                yield Task(name=name, target=None, error=f"id {doc_id!r} appears twice")
                continue
            seen.add(doc_id)
            yield Task(
                name=name,
                target=base / (safe_name(doc_id) + suffix),
                data=record["text"].encode("utf-8"),
                encoding="utf-8",
                doc_name=doc_id,
            )


def count_documents(
    inputs: Sequence[str], globs: Sequence[str] = DEFAULT_GLOB, output: Path | None = None
) -> int:
    """How many documents ``inputs`` hold, counted without reading texts (for a progress bar's ETA)."""
    skip = output.resolve() if output is not None else None
    n = 0
    for s in inputs:
        path = Path(s)
        if s == "-" or (path.is_file() and not _is_jsonl(path)):
            n += 1
        elif path.is_dir():
            for folder, dirs, files in os.walk(path):
                dirs[:] = [
                    d for d in dirs if not d.startswith(".") and Path(folder, d).resolve() != skip
                ]
                rel = Path(folder).relative_to(path)
                n += sum(
                    1
                    for f in files
                    if not f.startswith(".") and _matches((rel / f).as_posix(), f, tuple(globs))
                )
        elif _is_jsonl(path):
            with _open(path) as fh:
                n += sum(1 for line in fh if line.strip())
    return n
