"""The actors layer: names, types, titles, coreference, descriptions and the registry."""

from __future__ import annotations

import pytest

import tei_annotate_actors
from tei_annotate import annotate, make_host, validate_tei


@pytest.fixture
def actors_host():
    return make_host(load_entrypoints=False, plugins=[tei_annotate_actors])


@pytest.fixture
def run(actors_host):
    def run(text: str):
        return annotate(text, ["actors"], host=actors_host).results["actors"]

    return run


def names(result, text):
    """(surface, element, ref) of every name annotation, in text order."""
    out = []
    for a in sorted(result.annotations, key=lambda a: a.start):
        if a.element in ("persName", "orgName", "placeName"):
            out.append((text[a.start : a.end], a.element, a.link("ref")[0]))
    return out


def body(*paragraphs: str) -> str:
    return "Headline here\n\n" + "\n".join(paragraphs) + "\n"


def test_title_is_role_name_inside_person_name(run):
    text = body("The talks were chaired by President Macron on Monday.")
    result = run(text)
    assert ("President Macron", "persName", "pers.macron") in names(result, text)
    (role,) = result.by_element("roleName")
    assert text[role.start : role.end] == "President"


def test_possessive_ending_stays_outside_name(run):
    text = body("They met Chancellor Scholz’s adviser in Berlin.")
    assert ("Chancellor Scholz", "persName", "pers.scholz") in names(run(text), text)


def test_sentence_initial_adverb_is_not_a_name(run):
    text = body("Meanwhile, prices rose.", "Instead the bank waited.")
    assert names(run(text), text) == []


def test_surname_corefers_with_full_name(run):
    text = body("Angela Merkel arrived.", "Later Merkel spoke to reporters.")
    refs = {ref for _, _, ref in names(run(text), text)}
    assert refs == {"pers.merkel"}


def test_given_name_types_a_person(run):
    text = body("The deal was signed by Maria Okonkwo-Bell in the morning.")
    assert names(run(text), text)[0][1] == "persName"


def test_org_head_word_types_an_organisation(run):
    text = body("A report by the Federal Reserve Board came out.")
    assert ("Federal Reserve Board", "orgName", "org.federal-reserve-board") in names(
        run(text), text
    )


def test_country_and_city_are_places(run):
    text = body("Talks between Brazil and officials from Nairobi ended.")
    assert [n[1] for n in names(run(text), text)] == ["placeName", "placeName"]


def test_country_initials_and_country_name_share_an_entry(run):
    text = body("The United States said so.", "US officials agreed.")
    found = names(run(text), text)
    assert {ref for *_, ref in found} == {"place.united-states"}


def test_acronym_corefers_with_its_expansion(run):
    text = body("The Syrian Democratic Forces advanced.", "The SDF said the town fell.")
    found = names(run(text), text)
    assert [n[1] for n in found] == ["orgName", "orgName"]
    assert len({ref for *_, ref in found}) == 1


def test_group_name_with_digit_is_an_organisation(run):
    text = body("Russia was expelled from the G8 in 2014.")
    assert ("G8", "orgName", "org.g8") in names(run(text), text)


def test_demonym_alone_is_not_a_name(run):
    text = body("A French company and Russian troops were seen.")
    assert names(run(text), text) == []


def test_registry_entry_has_fullest_name_first(run):
    text = body("Olaf Scholz arrived.", "Scholz left.")
    entry = run(text).entry("pers.scholz")
    assert entry.element == "person"
    assert entry.children[0].tag == "persName"
    assert entry.children[0].text == "Olaf Scholz"


def test_apposition_gives_occupation_and_affiliation(run):
    text = body("Ursula Lindqvist, the European Commission’s trade chief, spoke.")
    result = run(text)
    entry = result.entry("pers.lindqvist")
    kids = {(n.tag, n.text) for n in entry.children}
    assert ("occupation", "trade chief") in kids
    assert ("affiliation", "European Commission") in kids
    (rs,) = result.by_element("rs")
    assert rs.link("ref") == ("pers.lindqvist",)
    assert rs.attrib["type"] == "person"


def test_anonymous_source_gets_its_own_person_entry(run):
    text = body("A German diplomat said the plan was dead.")
    result = run(text)
    (rs,) = result.by_element("rs")
    assert text[rs.start : rs.end] == "A German diplomat"
    entry = result.entry(rs.link("ref")[0])
    assert entry.element == "person"


def test_definite_description_refers_back_to_last_person(run):
    text = body("Vladimir Putin spoke first.", "The Russian leader seemed calm.")
    result = run(text)
    (rs,) = result.by_element("rs")
    assert rs.link("ref") == ("pers.putin",)


def test_seed_output_is_valid_tei(actors_host, seed_text, tei_schema):
    xml = annotate(seed_text, ["actors"], host=actors_host).render("tei", actors_host)
    validate_tei(xml)
    assert b'<persName ref="#pers.putin"' in xml
