"""The ``json`` format: the text and every annotation, for programs rather than TEI tools."""

from __future__ import annotations

import json
from typing import Any

from .model import Annotation, Entry, Node
from .result import Result

__all__ = ["render_json", "to_json"]


def _node(n: Node) -> dict[str, Any]:
    return {
        "tag": n.tag,
        "attributes": dict(n.attrs),
        "text": n.text,
        "children": [_node(c) for c in n.children],
    }


def _annotation(a: Annotation) -> dict[str, Any]:
    return {
        "layer": a.layer,
        "start": a.start,
        "end": a.end,
        "element": a.element,
        "attributes": dict(a.attrs),
        "id": a.id,
        "links": {k: list(v) for k, v in a.links},
        "cert": a.cert,
    }


def _entry(e: Entry) -> dict[str, Any]:
    return {
        "layer": e.layer,
        "id": e.id,
        "element": e.element,
        "group": e.group,
        "attributes": dict(e.attrs),
        "links": {k: list(v) for k, v in e.links},
        "children": [_node(c) for c in e.children],
    }


def to_json(result: Result) -> dict[str, Any]:
    """A JSON-ready dict: offsets are Python code-point indices into ``text``."""
    doc = result.document
    return {
        "name": doc.name,
        "text": doc.text,
        "blocks": [
            {"kind": b.kind, "start": b.start, "end": b.end, "id": b.id} for b in doc.blocks
        ],
        "layers": [
            {"name": lay.name, "version": lay.version, "requires": list(lay.requires)}
            for lay in result.layers
        ],
        "annotations": [_annotation(a) for a in result.annotations],
        "entries": [_entry(e) for e in result.entries],
    }


def render_json(result: Result) -> bytes:
    return json.dumps(to_json(result), ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
