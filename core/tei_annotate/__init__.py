"""tei-annotate: plain news text to TEI P5, with annotation layers from plugins.

Everything a plugin or a program needs is importable from here.
"""

from __future__ import annotations

from .api import annotate, annotate_bytes, annotate_document, annotate_file
from .errors import (
    CorpusError,
    InputError,
    LayerError,
    OptionError,
    OutputError,
    PluginError,
    TeiAnnotateError,
    ValidationError,
)
from .formats import Format
from .hookspecs import hookimpl
from .layers import Layer, LayerContext, LayerResult, Option, resolve_layers
from .loader import text_document
from .model import Annotation, Block, Document, Entry, Node
from .plugins import BrokenPlugin, PluginHost, get_host, make_host
from .result import Result
from .runner import Outcome, RunConfig, Summary, annotate_corpus
from .validate import check_pointers, validate_tei

__all__ = [
    "Annotation",
    "Block",
    "BrokenPlugin",
    "CorpusError",
    "Document",
    "Entry",
    "Format",
    "InputError",
    "Layer",
    "LayerContext",
    "LayerError",
    "LayerResult",
    "Node",
    "Option",
    "OptionError",
    "Outcome",
    "OutputError",
    "PluginError",
    "PluginHost",
    "Result",
    "RunConfig",
    "Summary",
    "TeiAnnotateError",
    "ValidationError",
    "annotate",
    "annotate_bytes",
    "annotate_corpus",
    "annotate_document",
    "annotate_file",
    "check_pointers",
    "get_host",
    "hookimpl",
    "make_host",
    "resolve_layers",
    "text_document",
    "validate_tei",
]
