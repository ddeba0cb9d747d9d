"""The actors gazetteer's fast paths give the answers of the data packages they read."""

from __future__ import annotations

import unicodedata

import pytest

from tei_annotate_actors import gazetteer


@pytest.mark.parametrize(
    "word", ["Jeff", "Merrick", "Kaja", "Mevlüt", "Hillary", "Davis", "Kremlin", "Ukraine", "Xq"]
)
def test_is_given_name_agrees_with_the_detector(word):
    detector = gazetteer._given_names()
    assert gazetteer.is_given_name(word) == (detector.get_gender(word) != "unknown")


@pytest.mark.parametrize("word", ["U.S.", "Çavuşoğlu", "Da’esh", "ÉLYSÉE", "al-Abadi", "ﬁnance"])
def test_fold_drops_case_accents_and_dots(word):
    decomposed = unicodedata.normalize("NFKD", word)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    assert gazetteer.fold(word) == plain.casefold().replace(".", "")
