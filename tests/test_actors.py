"""The actors layer: names, types, titles, coreference, descriptions and the registry."""

from __future__ import annotations

import gc
import time

import pytest

import tei_annotate_actors
from tei_annotate import OptionError, annotate, make_host, validate_tei
from tei_annotate_actors.tokens import tokenize


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


def test_unknown_backend_lists_valid_ones(actors_host):
    with pytest.raises(OptionError, match="rules, spacy"):
        annotate(
            "T\n\nAngela Merkel.\n",
            ["actors"],
            options={"actors": {"backend": "x"}},
            host=actors_host,
        )


def test_section_head_is_not_a_description(run):
    text = body("Olaf Scholz spoke.", "The diplomat", "He left at noon.")
    assert run(text).by_element("rs") == ()


def test_sentence_initial_as_does_not_hide_a_source(run):
    text = body("As a former Kremlin insider admitted: “It was hard.”")
    (rs,) = run(text).by_element("rs")
    assert text[rs.start : rs.end] == "a former Kremlin insider"


def test_description_before_name_points_at_it(run):
    text = body("They met the Russian business envoy Kirill Dmitriev in Riyadh.")
    (rs,) = run(text).by_element("rs")
    assert rs.link("ref") == ("pers.dmitriev",)


def test_hyphenated_countries_are_two_places(run):
    text = body("The US-Ukraine talks ended.")
    assert [n[0] for n in names(run(text), text)] == ["US", "Ukraine"]


def test_ship_is_not_an_actor(run):
    text = body("The sailors of USS Hopper arrived in Bahrain.")
    assert [n[0] for n in names(run(text), text)] == ["Bahrain"]


def test_qualified_title_stays_in_role_name(run):
    text = body("They met Turkish Foreign Minister Mevlut Cavusoglu on Monday.")
    result = run(text)
    assert ("Turkish Foreign Minister Mevlut Cavusoglu", "persName", "pers.cavusoglu") in names(
        result, text
    )
    (role,) = result.by_element("roleName")
    assert text[role.start : role.end] == "Turkish Foreign Minister"


def test_locative_preposition_types_unknown_place(run):
    text = body("Near Qaryat Zubayr, two strikes hit a depot.")
    assert names(run(text), text)[0][1] == "placeName"


def test_adjective_suffix_is_outside_the_name(run):
    text = body("Fighters left an ISIL-held building.")
    assert [n[0] for n in names(run(text), text)] == ["ISIL"]


def test_law_is_not_an_actor(run):
    text = body("It is an offence under the Criminal Code.")
    assert names(run(text), text) == []


def test_title_case_heading_keeps_only_names(run):
    text = "Wealthy Voters Abandon Republican Party for Hillary Clinton\n\nA poll came out.\n"
    assert [n[0] for n in names(run(text), text)] == ["Republican Party", "Hillary Clinton"]


def test_contraction_is_not_a_name(run):
    text = body("“I’m tired,” he said.")
    assert names(run(text), text) == []


def test_two_people_of_one_surname_get_two_entries(run):
    text = body("Hillary Clinton met Bill Clinton.", "Mrs. Clinton spoke, then Mr. Clinton did.")
    refs = [ref for *_, ref in names(run(text), text)]
    assert refs == ["pers.clinton", "pers.bill-clinton", "pers.clinton", "pers.bill-clinton"]


def test_title_before_a_town_name_is_still_a_person(run):
    text = body("President Clinton spoke in Reading.")
    assert names(run(text), text) == [
        ("President Clinton", "persName", "pers.clinton"),
        ("Reading", "placeName", "place.reading"),
    ]


def test_transcript_speaker_in_capitals_is_the_person(run):
    text = body("Mike Pence was asked.", "PENCE: Well, no.")
    found = names(run(text), text)
    assert [(s, el) for s, el, _ in found] == [("Mike Pence", "persName"), ("PENCE", "persName")]
    assert len({ref for *_, ref in found}) == 1


def test_organisation_short_form_joins_its_entry(run):
    text = body("Students at Hofstra University cheered.", "Hofstra said so.")
    assert [(s, ref) for s, _, ref in names(run(text), text)] == [
        ("Hofstra University", "org.hofstra-university"),
        ("Hofstra", "org.hofstra-university"),
    ]


@pytest.mark.parametrize(
    "piece", ["a-", "A.", "A-", "a’", "U.S.-", "Al-", "’s ", "of the ", "and ", "Mr. "]
)
def test_tokenizer_stays_linear_on_pathological_runs(piece):
    text = piece * 50_000
    start = time.process_time()
    tokens = tokenize(text, 0, len(text))
    assert tokens
    assert time.process_time() - start < 5  # quadratic behaviour would take minutes


def test_long_document_of_names_annotates_in_linear_time(run):
    words = [
        "the",
        "Bank",
        "of",
        "England",
        "and",
        "Iraq",
        "’s",
        "a",
        "French",
        "diplomat",
        "President",
        "Smith",
        ",",
        ".",
        "de",
        "al-Abadi",
        "Mr.",
        "U.S.",
        "G8",
        "said",
        "in",
        "Moscow",
    ]
    text = body(" ".join(words[i * 7 % len(words)] for i in range(60_000)))
    start = time.process_time()
    result = run(text)
    assert result.annotations
    assert time.process_time() - start < 30


@pytest.mark.parametrize(
    ("sentence", "name", "ref", "role"),
    [
        (
            "It was said by Del. Stacey Plaskett on Monday.",
            "Del. Stacey Plaskett",
            "pers.plaskett",
            "Del.",
        ),
        (
            "The winner was Republican Donald Trump, not a Democrat.",
            "Republican Donald Trump",
            "pers.trump",
            "Republican",
        ),
    ],
)
def test_abbreviated_title_and_party_label_are_roles(run, sentence, name, ref, role):
    text = body(sentence)
    result = run(text)
    assert names(result, text) == [(name, "persName", ref)]
    assert [text[r.start : r.end] for r in result.by_element("roleName")] == [role]


def test_surname_that_is_a_title_word_stays_a_name(run):
    text = body("said Charlie King, and Mr. King agreed.")
    assert [(s, ref) for s, _, ref in names(run(text), text)] == [
        ("Charlie King", "pers.king"),
        ("Mr. King", "pers.king"),
    ]


def test_capitalised_common_noun_after_article_is_not_a_name(run):
    text = body("He is a Democrat, and proud of it.")
    assert names(run(text), text) == []


def test_place_and_plural_name_a_team(run):
    text = body("Fans of the Minnesota Vikings cheered.")
    assert names(run(text), text)[0][1] == "orgName"


def test_province_and_compass_region_are_places(run):
    text = body("Protests spread across Punjab and Northern India.")
    assert [(s, el) for s, el, _ in names(run(text), text)] == [
        ("Punjab", "placeName"),
        ("Northern India", "placeName"),
    ]


def test_surname_beats_a_province_of_that_name(run):
    text = body("John Kerry flew in.", "Later Kerry said so.")
    assert {ref for *_, ref in names(run(text), text)} == {"pers.kerry"}


def test_line_in_capitals_keeps_only_known_names(run):
    text = body("Merrick Garland was nominated.", "GARLAND STEPS ASIDE", "He said so.")
    assert [s for s, *_ in names(run(text), text)] == ["Merrick Garland", "GARLAND"]


def test_policy_names_are_not_actors(run):
    text = body("The Clean Power Plan and World War II were discussed.")
    assert names(run(text), text) == []


def test_town_renaming_is_not_a_spelling(run):
    text = body("Shares of Google rose.")
    assert names(run(text), text)[0][1] != "placeName"


def test_sentence_opening_full_name_is_kept(run):
    text = body("Merrick Garland was nominated.", "Confident Putin smiled.")
    assert [s for s, *_ in names(run(text), text)] == ["Merrick Garland", "Putin"]


def test_office_without_a_name_points_at_its_holder(run):
    text = body(
        "Prime Minister Theresa May arrived.",
        "The Prime Minister said so, and the Foreign Secretary agreed.",
        "Later the Foreign Secretary left.",
    )
    result = run(text)
    rs = sorted(result.by_element("rs"), key=lambda a: a.start)
    assert [(text[a.start : a.end], a.link("ref")[0]) for a in rs] == [
        ("The Prime Minister", "pers.may"),
        ("the Foreign Secretary", "pers.anon-foreign-secretary"),
        ("the Foreign Secretary", "pers.anon-foreign-secretary"),
    ]


@pytest.mark.parametrize("enabled", [True, False])
def test_layer_leaves_cycle_collector_as_it_found_it(run, enabled):
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        text = body("President Putin met Angela Merkel in Berlin.")
        assert names(run(text), text)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_office_holder_is_the_last_person_named_with_the_title_before_it(run):
    text = body(
        "Prime Minister Theresa May spoke first.",
        "Later Prime Minister Boris Johnson met Angela Merkel.",
        "The Prime Minister was asked about trade.",
    )  # not the last person named (Merkel), not the first Prime Minister (May)
    result = run(text)
    (rs,) = [a for a in result.by_element("rs") if text[a.start : a.end] == "The Prime Minister"]
    assert rs.link("ref")[0] == "pers.johnson"


@pytest.mark.parametrize("space", ["\x0b", "\x0c", "\x1c", "\x1f"])
def test_name_split_by_a_separator_control_gets_a_space_in_the_header(actors_host, space):
    # Python counts these controls as whitespace, so they split a name's words; XML cannot
    # hold them, so the registry's name has a space (the text keeps the control as <g/>).
    text = body(f"Alice{space}Brown went home.")
    result = annotate(text, ["actors"], host=actors_host)
    names = [e.children[0].text for e in result.results["actors"].entries]
    assert "Alice Brown" in names
    validate_tei(result.render("tei", actors_host))
