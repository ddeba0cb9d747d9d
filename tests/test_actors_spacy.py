"""The actors layer's optional spaCy backend (tox env ``spacy``).

Skipped, with the reason, where spaCy or an English model is not installed.
"""

from __future__ import annotations

import pytest

import tei_annotate_actors
from tei_annotate import OptionError, annotate, make_host

spacy = pytest.importorskip(
    "spacy", reason="spaCy is not installed (pip install tei-annotate[spacy])"
)
if not any(m.startswith("en_") for m in spacy.util.get_installed_models()):
    pytest.skip("no English spaCy model installed", allow_module_level=True)

SPACY = {"actors": {"backend": "spacy"}}


@pytest.fixture
def actors_host():
    return make_host(load_entrypoints=False, plugins=[tei_annotate_actors])


def names(text, host, options=SPACY):
    result = annotate(text, ["actors"], options=options, host=host).results["actors"]
    return [
        (text[a.start : a.end], a.element, a.link("ref")[0])
        for a in sorted(result.annotations, key=lambda a: a.start)
        if a.element in ("persName", "orgName", "placeName")
    ], result


def test_spacy_backend_keeps_title_inside_person_name(actors_host):
    text = "Talks\n\nPresident Emmanuel Macron met reporters in Paris on Monday.\n"
    found, result = names(text, actors_host)
    assert ("President Emmanuel Macron", "persName", "pers.macron") in found
    assert [text[a.start : a.end] for a in result.by_element("roleName")] == ["President"]


def test_spacy_backend_shares_registry_rules(actors_host):
    text = "Talks\n\nAngela Merkel arrived in Berlin.\nLater Merkel spoke to the press.\n"
    found, _ = names(text, actors_host)
    assert {ref for s, el, ref in found if el == "persName"} == {"pers.merkel"}


def test_spacy_backend_unknown_model_is_an_option_error(actors_host):
    with pytest.raises(OptionError, match="actors.model"):
        names(
            "T\n\nAngela Merkel.\n",
            actors_host,
            {"actors": {"backend": "spacy", "model": "xx_none"}},
        )
