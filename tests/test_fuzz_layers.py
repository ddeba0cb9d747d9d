"""Adversarial texts through every installed layer: valid, lossless TEI, in time linear in the input.

Layers are found the way ``annotate`` finds them (entry points), so each layer is
covered as soon as it is installed; the core alone is always one of the cases.
``TEI_ANNOTATE_FUZZ_SCALE=10`` runs the timing cases on texts ten times longer.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import os
import pkgutil
import re
import sys
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tei_annotate import PluginHost, annotate, make_host, validate_tei
from tei_annotate.invariants import check_lossless, check_nothing_dropped

from .conftest import SEED
from .test_properties import ALPHABET

SCALE = float(os.environ.get("TEI_ANNOTATE_FUZZ_SCALE", "1"))
# Time on the longer text over time on the shorter one, which is a quarter of it:
# linear work gives at most 4, quadratic 16; the slack absorbs a busy machine.
MAX_GROWTH = 10.0
# Adversarial text may cost this many times the seconds per MB of ordinary prose, or
# (text dense in elements, such as a line per character) this many seconds per MB.
MAX_SLOWDOWN = 30.0
FLOOR_SECONDS_PER_MB = 30.0
# Below this many seconds a timing says nothing about growth.
NOISE = 0.05
# No single run may take longer than this (the layer is stopped, the test fails).
CAP = 10.0 * SCALE


@functools.cache
def installed() -> PluginHost:
    """A host with every installed plugin, as the ``annotate`` command builds it."""
    return make_host()


LAYER_SETS = [(), *((name,) for name in sorted(installed().layers))]
IDS = ["core"] + [name for (name,) in LAYER_SETS[1:]]

PROSE = (
    "The minister said on Tuesday that the plan, which costs $4.5bn, “may well fail”. "
    "According to officials, about 30 per cent of the 1,200 staff could leave by 2026.\n"
)
NEWS = SEED.read_text(encoding="utf-8").partition("\n")[2].lstrip("\n")
# What each text is made of, repeated to the size wanted: each one a shape that
# makes a careless regular expression or tokenizer loop backtrack or rescan.
PATTERNS: dict[str, Callable[[int], str]] = {
    "straight quotes": lambda n: '"' * n,
    "curly quotes": lambda n: "“" * n,
    "alternating quotes": lambda n: ("“”" * n)[:n],
    "quoted words": lambda n: ('"a ' * n)[:n],
    "reported speech": lambda n: ('"Yes," he said. ' * n)[:n],
    "apostrophes": lambda n: "'" * n,
    "apostrophe words": lambda n: ("don't o'clock ’tis " * n)[:n],
    "open brackets": lambda n: "(" * n,
    "one long word": lambda n: "a" * n,
    "capitalised words": lambda n: ("Mr John Smith of The Big Org " * n)[:n],
    "initials": lambda n: ("A. " * n)[:n],
    "digits": lambda n: "1" * n,
    "number groups": lambda n: ("1,000.5 " * n)[:n],
    "number words": lambda n: ("twenty-one million per cent " * n)[:n],
    "currency": lambda n: ("$£€1bn " * n)[:n],
    "dots": lambda n: "." * n,
    "dashes": lambda n: ("—-" * n)[:n],
    "spaces inside a line": lambda n: "a" + " " * (n - 2) + "b",
    "hedges": lambda n: ("may might perhaps reportedly according to " * n)[:n],
    "markup characters": lambda n: ("<&>" * n)[:n],
    "combining marks": lambda n: "e" + "\u0301" * (n - 1),
    "right to left": lambda n: ("\u202bقال الرئيس\u202c " * n)[:n],
    "many short paragraphs": lambda n: ("A.\n" * n)[:n],
    "one long paragraph": lambda n: (PROSE.replace("\n", " ") * (n // len(PROSE) + 1))[:n],
    "the seed article repeated": lambda n: (NEWS * (n // len(NEWS) + 1))[:n],
    "many blank lines": lambda n: "Title\n" + "\n" * (n - 6),
    "control characters": lambda n: ("a\x00\x07" * n)[:n],
}


def article(body: str) -> str:
    return f"Title of the article\n\n{body}\n"


def seconds(text: str, layers: tuple[str, ...]) -> float:
    """Best of two runs of the layers and the TEI renderer; each layer stopped after CAP s."""
    host = installed()
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        annotate(text, layers, host=host, timeout=CAP).render("tei", host)
        best = min(best, time.perf_counter() - start)
    return best


def check_output(text: str, layers: tuple[str, ...]) -> None:
    host = installed()
    result = annotate(text, layers, host=host)
    xml = result.render("tei", host)
    validate_tei(xml)
    assert check_lossless(xml, text) == []
    assert check_nothing_dropped(xml, result) == []


@functools.cache
def prose_seconds_per_char(layers: tuple[str, ...], size: int) -> float:
    return seconds(article((PROSE * (size // len(PROSE) + 1))[:size]), layers) / size


# Findings not yet fixed in the layer that owns them: (layer, pattern) -> what is wrong.
# Each stays a test (xfail, not skip): it reports XPASS once the layer is fixed.
KNOWN_SLOW: dict[tuple[str, str], str] = {}


def _cases() -> list[object]:
    cases = []
    for pattern in PATTERNS:
        for layers, ident in zip(LAYER_SETS, IDS, strict=True):
            reason = KNOWN_SLOW.get((ident, pattern))
            marks = [pytest.mark.xfail(reason=reason, strict=False)] if reason else []
            cases.append(pytest.param(layers, pattern, id=f"{pattern}-{ident}", marks=marks))
    return cases


@pytest.mark.parametrize(("layers", "pattern"), _cases())
def test_adversarial_text_gives_valid_tei_in_linear_time(layers, pattern):
    small = int(5_000 * SCALE)
    short, long = article(PATTERNS[pattern](small)), article(PATTERNS[pattern](4 * small))
    check_output(short, layers)
    t_short, t_long = seconds(short, layers), seconds(long, layers)
    for _ in range(2):  # a busy moment of a shared machine is not a finding
        if t_long / max(t_short, NOISE) < MAX_GROWTH:
            break
        t_short, t_long = min(t_short, seconds(short, layers)), min(t_long, seconds(long, layers))
    if t_long > NOISE:
        growth = t_long / max(t_short, NOISE)
        assert growth < MAX_GROWTH, (
            f"{pattern!r}: {4 * small} characters took {growth:.1f}x the time of {small}"
        )
    mb = len(long.encode()) / 2**20
    budget = MAX_SLOWDOWN * prose_seconds_per_char(layers, 4 * small) * len(long)
    assert t_long < max(budget, FLOOR_SECONDS_PER_MB * mb, NOISE), (
        f"{pattern!r}: {t_long / mb:.1f} s/MB, over {MAX_SLOWDOWN:g}x the rate on prose"
    )


def test_a_million_apostrophes_in_a_line_take_linear_time_in_the_core():
    text = article("'" * 1_000_000)
    assert seconds(text, ()) < 100 * prose_seconds_per_char((), 1_000_000) * len(text) + 1


TOKENS = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        " said ",
        " told ",
        ", according to ",
        "Mr ",
        "Dr. ",
        "President ",
        "The ",
        "of the ",
        "1",
        "1,000",
        "2.5",
        " per cent",
        "%",
        "$",
        "£",
        "bn",
        " million",
        "twenty-one",
        "Monday",
        "March 3",
        "may",
        " might ",
        "perhaps",
        "clearly",
        ".",
        ". ",
        ",",
        "—",
        "-",
        "(",
        ")",
        "\n",
        "\r\n",
        "\n\n",
        " ",
        "\t",
        "\u00a0",
        "\u200b",
    ]
)
PIECES = TOKENS | st.text(ALPHABET, max_size=6)


@st.composite
def adversarial_texts(draw: st.DrawFn) -> str:
    """News-like fragments, typography and noise, in any order."""
    return "".join(draw(st.lists(PIECES, max_size=120)))


@pytest.mark.parametrize("layers", LAYER_SETS, ids=IDS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=adversarial_texts())
def test_any_adversarial_text_gives_valid_lossless_complete_tei(layers, text):
    check_output(text, layers)


SCANS = ("search", "finditer", "findall", "sub", "subn", "split")


def _patterns_of(module: object) -> list[tuple[str, re.Pattern[str], bool]]:
    """(name, pattern, whether it may scan text) for each module-level pattern.

    A pattern the module only calls ``.match``/``.fullmatch`` on is tried at one place;
    any other (or one inside a container) may be scanned along a whole text.
    """
    source = inspect.getsource(module)
    found = []
    for name, value in vars(module).items():
        if isinstance(value, re.Pattern):
            scans = re.search(rf"\b{name}\.({'|'.join(SCANS)})\(", source) is not None
            held = [(value, scans or f"{name}." not in source)]
        elif isinstance(value, dict):
            held = [(v, True) for v in [*value, *value.values()]]
        elif isinstance(value, list | tuple | set | frozenset):
            held = [(v, True) for v in value]
        else:
            continue
        found += [
            (name, p, scans)
            for p, scans in held
            if isinstance(p, re.Pattern) and isinstance(p.pattern, str)
        ]
    return found


def layer_patterns() -> list[tuple[str, re.Pattern[str], bool]]:
    """Every compiled regular expression held at module level by the core or an installed layer."""
    host = installed()
    packages = {"tei_annotate"} | {
        plugin.__name__.partition(".")[0]
        for _, plugin in host.pm.list_name_plugin()
        if isinstance(getattr(plugin, "__name__", None), str)
    }
    out = []
    for package in sorted(packages):
        paths = getattr(sys.modules[package], "__path__", [])
        found = pkgutil.walk_packages(paths, f"{package}.")
        names = [package] + [m.name for m in found if not m.name.endswith("__main__")]
        for module_name in names:
            module = importlib.import_module(module_name)
            out += [(f"{module_name}.{name}", p, scans) for name, p, scans in _patterns_of(module)]
    return out


# Patterns only ever applied to a short window (name -> its longest window, where it is
# used): these are timed at that length instead of along a whole text.
BOUNDED = {
    "tei_annotate_hedging.tokens.WORD_BEFORE": 12,  # .search(text, dot - 12, dot)
    "tei_annotate_quotes.text.ABBREVIATION": 40,  # the last ABBREVIATION_TAIL characters
}
# Quadratic patterns not yet fixed in their layer: name -> what is wrong (xfail, not skip).
KNOWN_QUADRATIC: dict[str, str] = {}


def _pattern_cases() -> list[object]:
    cases = []
    for where, pattern, scans in layer_patterns():
        reason = KNOWN_QUADRATIC.get(where)
        marks = [pytest.mark.xfail(reason=reason, strict=False)] if reason else []
        cases.append(pytest.param(where, pattern, scans, id=where, marks=marks))
    return cases


CHUNKS = ["a", "A", "1", " ", "a ", "A ", "1,", "1.", ".", "'", '"', "“", "-", "A.", "aA1 ", "\n"]


def _run_time(pattern: re.Pattern[str], text: str, scans: bool) -> float:
    start = time.perf_counter()
    if scans:
        pattern.search(text)
        for _ in zip(range(10_000), pattern.finditer(text), strict=False):
            pass
    else:
        pattern.match(text)
    return time.perf_counter() - start


@pytest.mark.parametrize(("where", "pattern", "scans"), _pattern_cases())
def test_layer_regular_expression_runs_in_linear_time(where, pattern, scans):
    """Each chunk repeated, then the pattern's own words repeated, then with a spoiler at the end."""
    if where in BOUNDED:  # a short window: it cannot take long, however it is written
        texts = [(chunk * BOUNDED[where])[: BOUNDED[where]] for chunk in CHUNKS]
        assert sum(_run_time(pattern, text, True) for text in texts) < NOISE
        return
    words = re.findall(r"[A-Za-z]{2,}", pattern.pattern)[:8]
    chunks = CHUNKS + [f"{w} " for w in words] + [w.capitalize() for w in words]
    for chunk in chunks:
        for spoiler in ("", "!", "\x00"):
            short = chunk * (2_000 // len(chunk)) + spoiler
            long = chunk * (16_000 // len(chunk)) + spoiler
            t_long = _run_time(pattern, long, scans)
            if t_long < NOISE:
                continue
            growth = t_long / max(_run_time(pattern, short, scans), NOISE / 8)
            assert growth < 2 * MAX_GROWTH, f"{where} on {chunk!r}*n: 8x text took {growth:.0f}x"
