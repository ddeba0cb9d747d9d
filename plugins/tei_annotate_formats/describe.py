"""Readable labels for what layers return, shared by the formats meant for people."""

from __future__ import annotations

from collections.abc import Iterable

from tei_annotate import Annotation, Entry, Result

__all__ = ["entry_labels", "link_label", "summary"]


def entry_labels(entries: Iterable[Entry]) -> dict[str, str]:
    """Each entry's id mapped to its first name or label text."""
    return {e.id: e.label for e in entries}


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
