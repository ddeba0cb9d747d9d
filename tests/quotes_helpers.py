"""A stand-in ``actors`` layer that follows the agreed contract, for testing ``quotes`` alone.

The test names the mentions it wants marked; the stand-in marks every occurrence
of each surface string and registers one entry per ref, as the real layer would.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

import tei_annotate_quotes
from tei_annotate import Annotation, Entry, Layer, Node, annotate, hookimpl, make_host

ELEMENT_ENTRY = {"persName": "person", "orgName": "org", "placeName": "place", "rs": "person"}


class FakeActors:
    """Marks the given surfaces: ``{"Vladimir Putin": ("persName", "pers.putin")}``."""

    def __init__(self, names: Mapping[str, tuple[str, str]]) -> None:
        self.names = dict(names)

    def annotate(self, document, context) -> Iterator[Annotation | Entry]:
        seen: dict[str, Entry] = {}
        for surface, (element, ref) in sorted(self.names.items(), key=lambda x: -len(x[0])):
            for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", document.text):
                attrs = {"type": "person"} if element == "rs" else {}
                yield Annotation(m.start(), m.end(), element, attrs, links={"ref": ref})
                if ref not in seen:
                    name = "persName" if element == "rs" else element
                    seen[ref] = Entry(
                        ref, ELEMENT_ENTRY[element], children=[Node(name, text=surface)]
                    )
        yield from seen.values()

    @hookimpl
    def register_layers(self, register: Callable[[Layer], None]) -> None:
        register(
            Layer(
                "actors",
                annotate=self.annotate,
                produces=("persName", "orgName", "placeName", "rs", "person", "org", "place"),
            )
        )


def run(text: str, names: Mapping[str, tuple[str, str]] | None = None):
    """Annotate ``text`` with the quotes layer over a stand-in actors layer."""
    host = make_host(load_entrypoints=False, plugins=[FakeActors(names or {}), tei_annotate_quotes])
    return annotate(text, layers=["quotes"], host=host), host


def said(result) -> list[tuple[str, dict, dict]]:
    """(text, attrs, links) of every quotes annotation, in text order."""
    text = result.document.text
    anns = sorted(result.results["quotes"].annotations, key=lambda a: (a.start, -a.end))
    return [(text[a.start : a.end], a.element, a.attrib, dict(a.links)) for a in anns]
