"""Toy layers that follow the agreed layer contracts (actors, quotes, numbers, hedging).

They let the output formats be tested on every kind of annotation before the real
layers exist: names with registry entries and titles inside them, quotes with
speakers (one running over a paragraph break), numbers with values, hedges with
taxonomy categories.  Their rules are crude on purpose; only the shapes matter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from tei_annotate import Annotation, Document, Entry, Layer, LayerContext, Node, hookimpl

NAME = re.compile(r"(?<!the )\b(?:(President|Minister) )?([A-Z][a-z]+) ([A-Z][a-z]+)\b")
ORG = re.compile(r"\bthe ([A-Z][a-z]+ (?:Commission|Ministry|Bank))\b")
QUOTE = re.compile(r"“[^”]*”")
PERCENT = re.compile(r"\b(\d+(?:\.\d+)?) per cent\b")
NUMBER = re.compile(r"\b\d+(?:\.\d+)?\b")
HEDGES = {"may": "epistemic", "probably": "epistemic", "reportedly": "evidential"}
BOOSTERS = ("clearly", "certainly")


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def actors(document: Document, context: LayerContext) -> Iterator[Annotation | Entry]:
    text = document.text
    people: dict[str, str] = {}
    full_spans = []
    for m in NAME.finditer(text):
        pid = f"pers.{_slug(m.group(3))}"
        people.setdefault(pid, f"{m.group(2)} {m.group(3)}")
        full_spans.append(m.span())
        yield Annotation(m.start(), m.end(), "persName", links={"ref": pid})
        if m.group(1):
            yield Annotation(m.start(1), m.end(1), "roleName")
    for pid, full in list(people.items()):  # later mentions by surname alone
        for m in re.finditer(rf"\b{full.split()[-1]}\b", text):
            if not any(s <= m.start() < e for s, e in full_spans):
                yield Annotation(m.start(), m.end(), "persName", links={"ref": pid})
    orgs = {}
    for m in ORG.finditer(text):
        oid = f"org.{_slug(m.group(1))}"
        orgs[oid] = m.group(1)
        yield Annotation(m.start(1), m.end(1), "orgName", links={"ref": oid})
    for m in re.finditer(r"\b(?:a|an) (diplomat|official|spokesman)\b", text):
        pid = f"pers.anonymous-{m.group(1)}"
        people[pid] = m.group(0)
        yield Annotation(m.start(), m.end(), "rs", attrs={"type": "person"}, links={"ref": pid})
    for pid, label in people.items():
        yield Entry(pid, "person", children=[Node("persName", text=label)])
    for oid, label in orgs.items():
        yield Entry(oid, "org", children=[Node("orgName", text=label)])


def quotes(document: Document, context: LayerContext) -> Iterator[Annotation]:
    mentions = sorted(context.results["actors"].by_element("persName", "rs"), key=lambda a: a.start)
    for m in QUOTE.finditer(document.text):
        before = [a for a in mentions if a.end <= m.start()]
        who = {"who": before[-1].link("ref")} if before else {}
        yield Annotation(m.start(), m.end(), "said", attrs={"direct": "true"}, links=who)


def numbers(document: Document, context: LayerContext) -> Iterator[Annotation]:
    taken = []
    for m in PERCENT.finditer(document.text):
        taken.append(m.span())
        yield Annotation(
            m.start(), m.end(), "num", attrs={"type": "percentage", "value": m.group(1)}
        )
    for m in NUMBER.finditer(document.text):
        if not any(s <= m.start() < e for s, e in taken):
            yield Annotation(
                m.start(), m.end(), "num", attrs={"type": "cardinal", "value": m.group()}
            )


def hedging(document: Document, context: LayerContext) -> Iterator[Annotation | Entry]:
    for word, category in HEDGES.items():
        for m in re.finditer(rf"\b{word}\b", document.text, re.IGNORECASE):
            yield Annotation(
                m.start(),
                m.end(),
                "seg",
                attrs={"type": "hedge"},
                links={"ana": f"hedge.{category}"},
            )
    for word in BOOSTERS:
        for m in re.finditer(rf"\b{word}\b", document.text, re.IGNORECASE):
            yield Annotation(m.start(), m.end(), "seg", attrs={"type": "booster"})
    for category in sorted(set(HEDGES.values())):
        yield Entry(
            f"hedge.{category}",
            "category",
            group="hedge",
            children=[Node("catDesc", text=f"{category} hedge")],
        )


LAYERS = (
    Layer(
        "actors",
        actors,
        "0.1",
        "toy names",
        produces=("persName", "roleName", "orgName", "rs", "person", "org"),
    ),
    Layer("quotes", quotes, "0.1", "toy quotes", requires=("actors",), produces=("said",)),
    Layer("numbers", numbers, "0.1", "toy numbers", produces=("num",)),
    Layer("hedging", hedging, "0.1", "toy hedges", produces=("seg", "category")),
)
NAMES = [lay.name for lay in LAYERS]

ARTICLE = """President Vladimir Putin warns the European Commission

Prices rose 9 per cent in 2023, the European Commission said, and may rise again.
Putin said: “We will clearly win. The economy is strong,
and it will grow by 3.5 per cent,” a diplomat reportedly told Putin.
Hearts & <tags> stay text 😀 here; Putin probably knows.
"""


class Plugin:
    """The toy layers as one plugin object."""

    @hookimpl
    def register_layers(self, register: Callable[[Layer], None]) -> None:
        for layer in LAYERS:
            register(layer)


def contract_host():  # type: ignore[no-untyped-def]
    """A host with the toy layers and the formats plugin, and nothing installed."""
    import tei_annotate_formats
    from tei_annotate import make_host

    return make_host(load_entrypoints=False, plugins=[tei_annotate_formats, Plugin()])


def contract_result(text: str = ARTICLE, layers: list[str] | None = None):  # type: ignore[no-untyped-def]
    """The toy layers run on ``text``, with the host to render it."""
    from tei_annotate import annotate

    host = contract_host()
    return annotate(text, NAMES if layers is None else layers, host=host), host
