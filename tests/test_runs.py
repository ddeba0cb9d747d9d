"""Overlapping spans as nested runs for the HTML page."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tei_annotate_formats.runs import Close, Open, Text, runs


def _replay(events):  # type: ignore[no-untyped-def]
    """(covering indexes per character, max open at once) after checking proper nesting."""
    stack: list[int] = []
    cover: dict[int, frozenset[int]] = {}
    for ev in events:
        if isinstance(ev, Open):
            assert ev.index not in stack
            stack.append(ev.index)
        elif isinstance(ev, Close):
            assert stack and stack[-1] == ev.index, "closes a span that is not innermost"
            stack.pop()
        else:
            for x in range(ev.start, ev.end):
                cover[x] = frozenset(stack)
    assert not stack
    return cover


spans_strategy = st.lists(
    st.tuples(st.integers(0, 30), st.integers(0, 30)).map(sorted), max_size=8
).map(lambda pairs: [(i, s, e) for i, (s, e) in enumerate(pairs)])


@given(spans_strategy, st.integers(0, 15), st.integers(15, 30))
def test_runs_nest_properly_and_cover_exactly_the_spans(spans, start, end):
    cover = _replay(runs(spans, start, end))
    assert sorted(cover) == list(range(start, end))
    for x in range(start, end):
        assert cover[x] == {i for i, s, e in spans if s <= x < e}


def test_runs_cut_a_crossing_span_once():
    events = runs([(0, 0, 10), (1, 5, 15)], 0, 20)
    assert events == [
        Open(0),
        Text(0, 5),
        Open(1),
        Text(5, 10),
        Close(1),
        Close(0),
        Open(1),
        Text(10, 15),
        Close(1),
        Text(15, 20),
    ]


def test_runs_keep_a_nested_span_inside_its_container():
    events = runs([(1, 3, 5), (0, 0, 10)], 0, 10)
    assert [e for e in events if not isinstance(e, Text)] == [Open(0), Open(1), Close(1), Close(0)]
