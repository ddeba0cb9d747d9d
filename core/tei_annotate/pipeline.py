"""Running layers in dependency order and checking what each one returns.

A layer is third-party code; the host trusts nothing it returns.  Every problem
is reported as a LayerError naming the layer, the document and the offset.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from operator import attrgetter

import attrs

from .collector import collector_paused
from .errors import LayerError, OptionError, TeiAnnotateError
from .layers import Layer, LayerContext, LayerResult
from .model import Annotation, Block, Document, Entry, Node
from .result import Result
from .timelimit import Expired, time_limit
from .xmltext import first_unsafe

__all__ = ["ENTRY_PLACES", "run_layers"]

NCNAME = re.compile(r"[A-Za-z_][\w.\-]*\Z")
RESERVED_ATTRS = frozenset({"xml:id", "resp", "cert", "next", "prev"})
# Where header entries go, by element.
ENTRY_PLACES = {
    "person": "listPerson",
    "personGrp": "listPerson",
    "org": "listOrg",
    "place": "listPlace",
    "category": "taxonomy",
}


def run_layers(
    document: Document,
    layers: Iterable[Layer],
    options: Mapping[str, Mapping[str, object]] | None = None,
    timeout: float | None = None,
) -> Result:
    """Run ``layers`` (already in dependency order) on ``document``.

    ``timeout``: seconds each layer may take on the document before it is stopped.
    """
    with collector_paused():
        return _run_layers(document, layers, options, timeout)


def _run_layers(
    document: Document,
    layers: Iterable[Layer],
    options: Mapping[str, Mapping[str, object]] | None,
    timeout: float | None,
) -> Result:
    layers = list(layers)
    options = options or {}
    unknown = sorted(set(options) - {lay.name for lay in layers})
    if unknown:
        raise OptionError(f"options given for layer {unknown[0]!r}, which is not selected")
    results: dict[str, LayerResult] = {}
    ids: dict[str, str] = {b.id: "core" for b in document.blocks}
    block_ids = set(ids)
    defined: dict[str, set[str]] = {}  # ids each finished layer defined
    # No code of ours changes the document, and each layer is checked not to: its
    # state is taken once, not before every layer.
    given = _document_state(document)
    by_name = {lay.name: lay for lay in layers}
    for layer in layers:
        required = _closure(layer, by_name)
        values = layer.option_values(options.get(layer.name, {}))
        context = LayerContext(
            layer=layer.name,
            results={r: results[r] for r in required},
            options=values,
        )
        before = _results_state(context.results)
        try:
            with time_limit(timeout):
                items: list[object] = list(layer.annotate(document, context))
        except Expired:
            raise LayerError(
                f"{_who(layer)} timed out on {document.name}: still running after {timeout:g} s"
            ) from None
        except TeiAnnotateError:
            raise
        except (Exception, SystemExit) as exc:  # a layer calling sys.exit() must not end a corpus
            reason = " ".join(f"{type(exc).__name__}: {exc}".split())
            raise LayerError(f"{_who(layer)} failed on {document.name}: {reason}") from exc
        if _document_state(document) != given or _results_state(context.results) != before:
            raise _fail(layer, document, "changed the document or the results of other layers")
        result = _check(layer, document, items, ids)
        defined[layer.name] = _own_ids(result)
        visible = block_ids.union(*(defined[r] for r in (layer.name, *required)))
        _check_links(layer, document, result, visible)
        results[layer.name] = result
    return Result(document=document, layers=tuple(layers), results=results)


def _document_state(document: Document) -> tuple[object, ...]:
    """The document field by field, to catch a layer that changes it (frozen attrs can be
    forced).  States are compared with ``==``, which takes unchanged fields by identity:
    cheaper than hashing everything, and no hash collision can hide a change."""
    return (document.text, document.name, tuple(map(_BLOCK_FIELDS, document.blocks)))


def _results_state(results: Mapping[str, LayerResult]) -> tuple[object, ...]:
    """The results a layer was given: annotations field by field, entries by their hash
    (which reads every field of their nodes, which could be changed in place).

    Only the results the layer can see are read: reading every result before and after
    every layer would cost more than some layers do."""
    return tuple(
        (name, r.layer, tuple(map(_ANNOTATION_FIELDS, r.annotations)), hash(r.entries))
        for name, r in results.items()
    )


_BLOCK_FIELDS = attrgetter(*(f.name for f in attrs.fields(Block)))
_ANNOTATION_FIELDS = attrgetter(*(f.name for f in attrs.fields(Annotation)))


def _closure(layer: Layer, by_name: Mapping[str, Layer]) -> list[str]:
    """Names of every layer ``layer`` requires, directly or not, among ``by_name``."""
    out: list[str] = []
    stack = list(layer.requires)
    while stack:
        name = stack.pop()
        if name not in out and name in by_name:
            out.append(name)
            stack.extend(by_name[name].requires)
    return out


def _own_ids(r: LayerResult) -> set[str]:
    """Every id a layer's result defines: annotations, entries and taxonomies."""
    ids = {a.id for a in r.annotations if a.id} | {e.id for e in r.entries}
    return ids | {e.group for e in r.entries if e.group}


def _who(layer: Layer) -> str:
    """The layer and, when the host knows it, the plugin and distribution behind it."""
    return f"layer {layer.name!r}" + (f" ({layer.origin})" if layer.origin else "")


def _fail(layer: Layer, document: Document, message: str, at: int | None = None) -> LayerError:
    where = f" at offset {at}" if at is not None else ""
    return LayerError(f"{_who(layer)} on {document.name}{where}: {message}")


def _check(
    layer: Layer, document: Document, items: list[object], ids: dict[str, str]
) -> LayerResult:
    annotations: list[Annotation] = []
    entries: list[Entry] = []
    size = len(document.text)
    name, produces = layer.name, layer.produces
    declared, own = frozenset(produces), ("", name)
    for item in items:
        if isinstance(item, Annotation):
            a = item
            start, end = a.start, a.end
            if a.layer not in own:
                raise _fail(layer, document, f"annotation claims layer {a.layer!r}", start)
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= size):
                raise _fail(
                    layer,
                    document,
                    f"span {start}..{end} is empty or outside the text (0..{size})",
                )
            if a.element not in declared:
                raise _fail(
                    layer,
                    document,
                    f"element {a.element!r} is not among those it declares "
                    f"({', '.join(produces) or 'none'})",
                    start,
                )
            try:  # _known, written out: it runs once per annotation
                known = a.attrs in _VALID_ATTRS
            except TypeError:
                known = False
            if not known:
                _check_attrs(layer, document, a.attrs, start)
            annotations.append(a if a.layer else a.stamped(name))
            ident, at = a.id, start
        elif isinstance(item, Entry):
            e = item
            if e.element not in ENTRY_PLACES:
                raise _fail(
                    layer,
                    document,
                    f"entry {e.id!r} is a {e.element!r}; entries are {', '.join(ENTRY_PLACES)}",
                )
            if e.element not in produces:
                raise _fail(layer, document, f"entry element {e.element!r} is not declared")
            if e.element == "category" and not (e.group and NCNAME.match(e.group)):
                raise _fail(layer, document, f"category {e.id!r} needs a taxonomy id in 'group'")
            if not _known(e.attrs, _VALID_ATTRS):
                _check_attrs(layer, document, e.attrs, None)
            _check_nodes(layer, document, e.children)
            entries.append(e if e.layer == name else e.stamped(name))
            ident, at = e.id, None
        else:
            raise _fail(layer, document, f"returned {item!r}, not an Annotation or Entry")
        if ident is not None:
            if not NCNAME.match(ident):
                raise _fail(layer, document, f"id {ident!r} is not a valid XML name", at)
            if ident in ids:
                raise _fail(layer, document, f"id {ident!r} is already used by {ids[ident]!r}", at)
            ids[ident] = name
    return LayerResult(name, tuple(annotations), tuple(entries))


# Values already found valid, for the life of the process: whether a value is valid depends
# on the value alone, and they are immutable strings and tuples of strings, so what was valid
# stays valid.  Most recur from document to document (a layer's few attribute shapes, its
# taxonomy).  Each is emptied should it grow large.  (Header texts are not kept: a corpus
# keeps bringing new names, and str.isprintable clears nearly all at once; see _check_nodes.)
_VALID_ATTRS: set[object] = set()  # attribute (name, value) tuples
_VALID_NAMES: set[object] = set()  # header element names and pointer names
_VALID_MAX = 4096


def _known(value: object, valid: set[object]) -> bool:
    """Was ``value`` found valid before?  Never one that cannot be hashed (a list forced into
    a frozen field): it could have changed since."""
    try:
        return value in valid
    except TypeError:
        return False


def _learn(value: object, valid: set[object]) -> None:
    """Remember ``value``, just found valid (see :func:`_known`)."""
    if len(valid) >= _VALID_MAX:
        valid.clear()
    # Not contextlib.suppress: a corpus brings many new values, and it costs calls on each.
    try:
        valid.add(value)
    except TypeError:  # never known again: see _known
        return


def _check_attrs(
    layer: Layer, document: Document, pairs: tuple[tuple[str, str], ...], at: int | None
) -> None:
    for name, value in pairs:
        if not NCNAME.match(name.removeprefix("xml:")) or name in RESERVED_ATTRS:
            raise _fail(layer, document, f"attribute name {name!r} is invalid or reserved", at)
        bad = first_unsafe(value)
        if bad is not None:
            raise _fail(layer, document, f"attribute {name!r} holds U+{ord(bad):04X}", at)
    _learn(pairs, _VALID_ATTRS)


def _check_nodes(layer: Layer, document: Document, nodes: tuple[Node, ...]) -> None:
    for node in nodes:
        tag, text = node.tag, node.text
        if not _known(tag, _VALID_NAMES):
            if not NCNAME.match(tag):
                raise _fail(layer, document, f"header element name {tag!r} is invalid")
            _learn(tag, _VALID_NAMES)
        # A printable text holds nothing XML cannot (control characters, surrogates and
        # noncharacters are not printable): a method call, where remembering the texts seen
        # cost several calls on each new one.
        if (type(text) is not str or not text.isprintable()) and first_unsafe(text) is not None:
            raise _fail(layer, document, f"header element {tag!r} holds a control character")
        if not _known(node.attrs, _VALID_ATTRS):
            _check_attrs(layer, document, node.attrs, None)
        if node.children:
            _check_nodes(layer, document, node.children)


def _check_links(layer: Layer, document: Document, result: LayerResult, visible: set[str]) -> None:
    items: list[Annotation | Entry] = [*result.annotations, *result.entries]
    for item in items:
        for name, targets in item.links:
            if not _known(name, _VALID_NAMES):
                if not NCNAME.match(name):
                    raise _fail(layer, document, f"pointer attribute name {name!r} is invalid")
                _learn(name, _VALID_NAMES)
            for target in targets:
                if target not in visible:
                    at = item.start if isinstance(item, Annotation) else None
                    raise _fail(
                        layer,
                        document,
                        f"@{name} points at {target!r}, which neither this layer nor the "
                        "layers it requires define",
                        at,
                    )
