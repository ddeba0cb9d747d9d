"""One error family, so the CLI can print ours on one line and let real bugs show a traceback.

Every error carries a short code (as spaCy's ``[E001]``) and a message that names
the layer, document or offset involved and lists the valid choices.  They take a
single message argument so they pickle across process pools.
"""

from __future__ import annotations

__all__ = [
    "CorpusError",
    "InputError",
    "LayerError",
    "OptionError",
    "OutputError",
    "PluginError",
    "TeiAnnotateError",
    "ValidationError",
]


class TeiAnnotateError(Exception):
    """Base of every error meant for the user rather than a bug report."""

    code = "E000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class InputError(TeiAnnotateError):
    """The input cannot be read or decoded."""

    code = "E100"


class PluginError(TeiAnnotateError):
    """Plugins or layers cannot be loaded, registered or resolved."""

    code = "E200"


class OptionError(PluginError):
    """A layer option is unknown or has a value of the wrong type."""

    code = "E210"


class LayerError(TeiAnnotateError):
    """A layer raised or returned annotations the host cannot accept."""

    code = "E300"


class OutputError(TeiAnnotateError):
    """The output cannot be rendered or written."""

    code = "E400"


class CorpusError(TeiAnnotateError):
    """A corpus run cannot start: a missing optional dependency or an unreachable cluster."""

    code = "E600"


class ValidationError(TeiAnnotateError):
    """A TEI document breaks the schema or has dangling pointers."""

    code = "E500"

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message, problems)
        self.problems = problems

    def __str__(self) -> str:
        return f"[{self.code}] {self.args[0]}"
