"""Readable labels for what layers return, shared by the formats meant for people."""

from __future__ import annotations

from collections.abc import Mapping

from tei_annotate import Annotation, Entry, Result

__all__ = ["entry_details", "entry_label", "link_label", "summary", "target_labels"]


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


def target_labels(result: Result) -> dict[str, str]:
    """Every pointer target by id, as a reader would name it: an entry's short name, else the
    text an annotation with that id marks."""
    text = result.document.text
    labels = {a.id: " ".join(text[a.start : a.end].split()) for a in result.annotations if a.id}
    labels.update({e.id: entry_label(e) for e in result.entries})
    return labels


def link_label(target: str, labels: Mapping[str, str]) -> str:
    return labels.get(target) or target


def summary(a: Annotation, labels: Mapping[str, str]) -> str:
    """One line: element, attributes and resolved links, e.g. ``num type=cardinal value=9``."""
    parts = [a.element, *(f"{k}={v}" for k, v in a.attrs)]
    for name, targets in a.links:
        parts.append(f"{name}→" + ", ".join(link_label(t, labels) for t in targets))
    if a.cert is not None:
        parts.append(f"cert={a.cert}")
    return " ".join(parts)
