"""The layers' bounded chunk tables when another thread empties them mid-read.

In a threaded Dask worker, documents share a process: one thread may empty a full
table between another thread's learning of its chunks and its reading of them.  The
reader must then learn them again, never fail the document.  The numbers layer's tables
learn each key on its first read and hand back the value they have just learnt, so a
table emptied at once after learning must not change what is read.
"""

from __future__ import annotations

import pytest

from tei_annotate_numbers import candidates as number_candidates
from tei_annotate_numbers import tokens as number_tokens
from tei_annotate_numbers.tables import Table as NumberTable

TEXT = "Mr. Smith told J. Doe  that 1,500 of the U.S. troops may leave by March, it said."


class EmptiedAfterLearning(dict):
    """Mixed into a numbers table: "another thread" empties it right after each key it learns."""

    fired = False

    def __setitem__(self, key: object, value: object) -> None:
        super().__setitem__(key, value)
        self.fired = True
        self.clear()


def _fresh(table: NumberTable, emptied: bool = False) -> NumberTable:
    """An empty table of the kind of ``table``, emptied after each learning if asked."""
    kind = type(table)
    if emptied:
        kind = type("Emptied" + kind.__name__, (EmptiedAfterLearning, kind), {})
    return kind()


def test_numbers_tokens_are_read_when_a_table_is_emptied_after_learning(monkeypatch):
    expected = [
        (t.text, t.start, t.end) for t in map(number_tokens.Tokens(TEXT).__getitem__, range(20))
    ]
    for table in ("_WORDS", "_STEPS"):
        for name in ("_WORDS", "_STEPS"):
            monkeypatch.setattr(number_tokens, name, _fresh(getattr(number_tokens, name)))
        emptied = _fresh(getattr(number_tokens, table), emptied=True)
        monkeypatch.setattr(number_tokens, table, emptied)
        tokens = number_tokens.Tokens(TEXT)
        assert [(t.text, t.start, t.end) for t in map(tokens.__getitem__, range(20))] == expected
        assert emptied.fired


@pytest.mark.parametrize("table", ["_KINDS", "_ANCHORED"])
def test_numbers_word_kinds_are_read_when_a_table_is_emptied(monkeypatch, table):
    words = number_tokens.Tokens(TEXT).texts()
    expected = (
        number_candidates.may_hold_number(TEXT.split()),
        number_candidates.candidates(words),
    )
    for name in ("_KINDS", "_ANCHORED"):
        monkeypatch.setattr(number_candidates, name, _fresh(getattr(number_candidates, name)))
    emptied = _fresh(getattr(number_candidates, table), emptied=True)
    monkeypatch.setattr(number_candidates, table, emptied)
    got = (number_candidates.may_hold_number(TEXT.split()), number_candidates.candidates(words))
    assert got == expected
    assert emptied.fired


def test_numbers_tables_are_emptied_when_full(monkeypatch):
    table = _fresh(number_candidates._KINDS)
    monkeypatch.setattr(number_candidates, "LIMIT", 3)
    assert [table[w] for w in ("the", "5", "March", "said")] == [0, 1, 1, 0]
    assert list(table) == ["said"]  # emptied before learning "said"
