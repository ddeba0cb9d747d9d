"""Output formats as plugins register them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from .result import Result

__all__ = ["Format"]


@attrs.frozen
class Format:
    """A serialization of an annotated document: ``render(result)`` returns the file's bytes.

    ``companions(result)`` gives files a reader needs beside the output, by suffix
    (brat's ``.txt``, a UIMA type system); the CLI writes them next to an output file.
    """

    name: str
    render: Callable[[Result], bytes] = attrs.field(eq=False)
    suffix: str = ""
    description: str = ""
    is_tei: bool = False
    companions: Callable[[Result], Mapping[str, bytes]] | None = attrs.field(default=None, eq=False)
