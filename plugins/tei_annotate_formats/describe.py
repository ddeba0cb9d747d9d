"""Readable labels for what layers return, shared by the formats meant for people."""

from __future__ import annotations

from collections.abc import Iterable

from tei_annotate import Annotation, Entry, Result

__all__ = ["entry_details", "entry_label", "entry_labels", "link_label", "summary"]


def entry_label(e: Entry) -> str:
    """A short name: a person's fullest name, a category's own id (``hedge.epistemic`` → epistemic)."""
    if e.element == "category" and e.group and e.id.startswith(f"{e.group}."):
        return e.id.removeprefix(f"{e.group}.")
    return e.label


def entry_details(e: Entry) -> list[str]:
    """The entry's other texts (roles, descriptions), for a reader."""
    label = entry_label(e)
    texts = [c.text for c in e.children if c.text]
    return texts[1:] if texts and texts[0] == label else texts


def entry_labels(entries: Iterable[Entry]) -> dict[str, str]:
    """Each entry's id mapped to its short name."""
    return {e.id: entry_label(e) for e in entries}


def link_label(target: str, labels: dict[str, str], result: Result) -> str:
    """A pointer target as a reader would name it: an entry's label, else the text it marks."""
    if target in labels:
        return labels[target]
    for a in result.annotations:
        if a.id == target:
            return result.document.text[a.start : a.end]
    return target


def summary(a: Annotation, labels: dict[str, str], result: Result) -> str:
    """One line: element, attributes and resolved links, e.g. ``num type=cardinal value=9``."""
    parts = [a.element, *(f"{k}={v}" for k, v in a.attrs)]
    for name, targets in a.links:
        parts.append(f"{name}→" + ", ".join(link_label(t, labels, result) for t in targets))
    if a.cert is not None:
        parts.append(f"cert={a.cert}")
    return " ".join(parts)
