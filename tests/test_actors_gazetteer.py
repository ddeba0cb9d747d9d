"""The actors gazetteer's fast paths give the answers of the data packages they read."""

from __future__ import annotations

import unicodedata

import pytest

from tei_annotate_actors import gazetteer


@pytest.fixture(scope="module")
def detector():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


@pytest.mark.parametrize(
    "word", ["Jeff", "Merrick", "Kaja", "Mevlüt", "Hillary", "Davis", "Kremlin", "Ukraine", "Xq"]
)
def test_is_given_name_agrees_with_the_detector(word, detector):
    assert gazetteer.is_given_name(word) == (detector.get_gender(word) != "unknown")


def test_the_given_name_table_gives_the_detectors_gender_for_every_name(detector):
    table = gazetteer._given_names()
    assert table.keys() == detector.names.keys()
    for name in detector.names:
        gender = detector.get_gender(name)
        assert table[name] == (gender.removeprefix("mostly_") if gender.endswith("male") else "")


@pytest.mark.parametrize("word", ["Hillary", "HILLARY", "Jean", "Andrea", "Kremlin", "Al", "X"])
def test_given_name_gender_is_the_detectors_gender_without_mostly(word, detector):
    gender = detector.get_gender(word)
    expected = gender.removeprefix("mostly_") if gender.endswith("male") else None
    if not gazetteer.is_given_name(word):  # "Al" of "Al Huwayjah", a single letter
        expected = None
    assert gazetteer.given_name_gender(word) == expected


def test_subdivisions_and_languages_are_read_without_loading_pycountrys_shared_databases():
    import pycountry

    gazetteer._subdivisions.cache_clear()
    gazetteer._demonym_data.cache_clear()
    assert gazetteer._subdivisions() and gazetteer._demonym_data()[0]
    assert not pycountry.subdivisions._is_loaded and not pycountry.languages._is_loaded


@pytest.mark.parametrize("word", ["U.S.", "Çavuşoğlu", "Da’esh", "ÉLYSÉE", "al-Abadi", "ﬁnance"])
def test_fold_drops_case_accents_and_dots(word):
    decomposed = unicodedata.normalize("NFKD", word)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    assert gazetteer.fold(word) == plain.casefold().replace(".", "")
