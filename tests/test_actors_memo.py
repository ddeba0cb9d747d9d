"""Word tables: the same answers as the test they remember, in bounded memory."""

from __future__ import annotations

from tei_annotate_actors import memo


def test_by_word_answers_as_the_function_and_calls_it_once_per_word():
    calls = []

    def shout(word: str) -> str:
        calls.append(word)
        return word.upper()

    remembered = memo.by_word(shout)
    assert [remembered(w) for w in ["a", "b", "a", "a"]] == ["A", "B", "A", "A"]
    assert calls == ["a", "b"]


def test_by_word_table_stays_bounded_and_keeps_recent_words():
    remembered = memo.by_word(len)
    table = remembered.__self__  # type: ignore[attr-defined]
    for n in range(memo.LIMIT * 3):
        assert remembered(f"w{n}") == len(f"w{n}")
    assert len(table) <= memo.LIMIT
    assert f"w{memo.LIMIT * 3 - 1}" in table


def test_by_key_remembers_by_a_tuple_argument():
    calls = []

    def joined(name: tuple[str, ...]) -> str:
        calls.append(name)
        return " ".join(name)

    remembered = memo.by_key(joined)
    assert remembered(("Kaja", "Kallas")) == "Kaja Kallas"
    assert remembered(("Kaja", "Kallas")) == "Kaja Kallas"
    assert calls == [("Kaja", "Kallas")]
