"""Descriptions: where a paragraph's last role noun stands."""

from __future__ import annotations

from tei_annotate_actors.described import _last_role, _role_word


def test_last_role_is_the_last_word_role_word_accepts():
    texts = ["The", "envoy", "met", "an", "Official", "and", "a", "diplomat", "’s", "aides", "."]
    expected = max((k for k, w in enumerate(texts) if _role_word(w)), default=-1)
    assert _last_role(texts) == expected == 7  # "aides" is a plural: no description's head


def test_last_role_is_minus_one_without_role_nouns():
    assert _last_role(["Kaja", "Kallas", "said", "so", "."]) == -1
    assert _last_role([]) == -1
