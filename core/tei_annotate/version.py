"""Our own distribution name and installed version, for provenance and ``--version``."""

from __future__ import annotations

import functools
import importlib.metadata

__all__ = ["OWN_DISTRIBUTION", "own_version"]

OWN_DISTRIBUTION = "tei-annotate"


@functools.lru_cache(maxsize=1)
def own_version() -> str:
    """The installed version; looked up once, since every rendered header names it."""
    try:
        return importlib.metadata.version(OWN_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return "0+unknown"
