"""Writing outputs so a crash or a full disk never leaves a truncated file, and never over an input."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError

__all__ = ["write_atomic"]


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _mode(target: Path) -> int:
    """The mode a plainly created file would get (mkstemp's is 0600), or the one it has."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(
    target: Path, data: bytes, inputs: Iterable[Path] = (), durable: bool = True
) -> None:
    """Write ``data`` to ``target`` through a temporary file in the same directory.

    ``durable`` also syncs the file to disk before the rename (milliseconds per file);
    without it a power cut may leave an empty or short file, never a half-renamed one.
    """
    for source in inputs:
        if _same(target, source):
            raise OutputError(f"{target}: refusing to overwrite an input file")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), _mode(target))
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"{target}: cannot write: {exc.strerror}") from None
