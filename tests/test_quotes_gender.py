"""Pronoun gender reads given names as the ``gender-guesser`` detector does."""

from __future__ import annotations

import pytest

from tei_annotate_quotes import gender


@pytest.fixture(scope="module")
def detector():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


def test_the_gender_table_holds_the_names_the_detector_calls_male_or_female(detector):
    expected = {}
    for name in detector.names:
        guess = detector.get_gender(name)
        if guess in ("male", "female", "mostly_male", "mostly_female"):
            expected[name] = guess.removeprefix("mostly_")
    assert gender._genders() == expected


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (("Hillary Clinton",), "female"),
        (("JOHN KERRY",), "male"),
        (("Mrs. Jordan Smith",), "female"),  # the honorific first
        (("Clinton",), None),  # a single word is a surname as often as a given name
        (("Kremlin Press Office",), None),
        (("the Secretary", "Angela Merkel"), "female"),
    ],
)
def test_gender_of_reads_honorifics_then_given_names(names, expected):
    assert gender.gender_of(*names) == expected
