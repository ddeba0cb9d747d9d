"""Output formats as plugins register them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from .result import Result

__all__ = ["Format"]


@attrs.frozen
class Format:
    """A serialization of an annotated document: ``render(result)`` returns the file's bytes."""

    name: str
    render: Callable[[Result], bytes] = attrs.field(eq=False)
    suffix: str = ""
    description: str = ""
    is_tei: bool = False
