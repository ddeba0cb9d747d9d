"""What the grammar hands to the layer: a token span and the TEI element for it."""

from __future__ import annotations

from attrs import frozen

__all__ = ["Found"]


@frozen
class Found:
    """Tokens ``first``..``last`` (inclusive) become ``element`` with ``attrs``."""

    first: int
    last: int
    element: str
    attrs: tuple[tuple[str, str], ...]
