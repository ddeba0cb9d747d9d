"""What the quotes layer marks and whom it credits, over a stand-in actors layer."""

from __future__ import annotations

import time

from tei_annotate import validate_tei

from .quotes_helpers import run, said

PUTIN = {"Vladimir Putin": ("persName", "pers.putin"), "Putin": ("persName", "pers.putin")}
PEOPLE = {
    **PUTIN,
    "Angela Merkel": ("persName", "pers.merkel"),
    "Merkel": ("persName", "pers.merkel"),
    "the Kremlin": ("orgName", "org.kremlin"),
}


def quotes_of(text: str, names=PEOPLE) -> list[tuple[str, str, dict, dict]]:
    result, _ = run(text, names)
    return [x for x in said(result) if x[1] in ("said", "soCalled")]


def who(item) -> tuple[str, ...]:
    return item[3].get("who", ())


def test_said_keeps_the_quotation_marks_inside():
    (q,) = quotes_of("Title\n\nPutin said: “We will win.”")
    assert q[0] == "“We will win.”"
    assert q[1:3] == ("said", {"direct": "true"})


def test_speaker_before_quote_with_colon_is_the_subject():
    (q,) = quotes_of("Title\n\nAngela Merkel told reporters: “We will not give in.”")
    assert who(q) == ("pers.merkel",)


def test_speaker_after_quote_in_either_order():
    a, b = quotes_of("Title\n\n“We will win,” said Merkel. Later: “No,” Putin replied.")
    assert (who(a), who(b)) == (("pers.merkel",), ("pers.putin",))


def test_split_quote_is_two_fragments_chained_by_next_and_prev():
    result, _ = run("Title\n\n“We will win,” Putin said. “That’s that.”", PEOPLE)
    first, second = [a for a in result.results["quotes"].annotations if a.element == "said"]
    assert first.link("next") == (second.id,) and second.link("prev") == (first.id,)
    assert first.link("who") == second.link("who") == ("pers.putin",)


def test_quote_running_over_paragraphs_is_chained_and_inherits():
    text = "Title\n\nPutin said:\n“The first part of it\n“and the second part.”\nThe end."
    result, _ = run(text, PEOPLE)
    first, second = [a for a in result.results["quotes"].annotations if a.element == "said"]
    assert text[first.start : first.end] == "“The first part of it"
    assert first.link("next") == (second.id,)
    assert second.link("who") == ("pers.putin",)


def test_follow_on_paragraph_inherits_the_previous_speaker():
    text = "Title\n\n“We will win,” Merkel said.\n“Nobody doubts it.”\nThe end of it all."
    a, b = quotes_of(text)
    assert who(a) == who(b) == ("pers.merkel",)


def test_according_to_names_the_speaker():
    (q,) = quotes_of("Title\n\nAccording to Merkel, the deal is “a serious mistake” for all.")
    assert who(q) == ("pers.merkel",)


def test_pronoun_speaker_resolves_to_the_nearest_person_and_is_marked():
    text = "Title\n\nPutin spoke on Friday. Then he told a press conference: “That’s that.”"
    result, _ = run(text, PEOPLE)
    items = said(result)
    rs = [x for x in items if x[1] == "rs"]
    assert rs == [("he", "rs", {"type": "person"}, {"ref": ("pers.putin",)})]
    assert [who(x) for x in items if x[1] == "said"] == [("pers.putin",)]


def test_description_of_a_known_actor_points_at_that_actor():
    text = "Title\n\nPutin was asked. The Russian leader mockingly wondered: “What now?”"
    result, _ = run(text, PEOPLE)
    items = said(result)
    assert ("The Russian leader", "rs", {"type": "person"}, {"ref": ("pers.putin",)}) in items


def test_anonymous_source_gets_its_own_registry_entry():
    text = "Title\n\nA French diplomat grumbled to me that “she epitomises the worst of it”."
    result, _ = run(text, PEOPLE)
    (q,) = [x for x in said(result) if x[1] == "said"]
    (ref,) = who(q)
    entry = result.results["quotes"].entry(ref)
    assert entry is not None and entry.element == "person"
    assert entry.label == "A French diplomat"
    assert ("A French diplomat", "rs", {"type": "person"}, {"ref": (ref,)}) in said(result)


def test_scare_quote_without_speaker_is_so_called():
    (q,) = quotes_of("Title\n\nFirms compete with the “special military operation” for workers.")
    assert q[:2] == ("“special military operation”", "soCalled")


def test_partial_quote_in_a_reported_clause_is_said_inside_the_report():
    text = "Title\n\nPutin has said that the plan is the basis for “serious discussion”."
    report, quote = quotes_of(text)
    assert report[0] == "that the plan is the basis for “serious discussion”"
    assert report[2] == {"direct": "false"} and who(report) == ("pers.putin",)
    assert quote[:3] == ("“serious discussion”", "said", {"direct": "true"})
    assert who(quote) == ("pers.putin",)


def test_nested_quotation_is_marked_inside_its_parent():
    text = "Title\n\nPutin asked: “What, we turn up, say ‘Hallo’, and then frown?”"
    items = quotes_of(text)
    assert [x[0] for x in items] == [text[20:], "‘Hallo’"]


def test_reported_speech_is_said_direct_false_with_its_speaker():
    text = "Title\n\nMerkel said on Thursday that every point was important to Berlin."
    result, _ = run(text, PEOPLE)
    (r,) = [x for x in said(result) if x[2] == {"direct": "false"}]
    assert r[0] == "that every point was important to Berlin"
    assert who(r) == ("pers.merkel",)


def test_impersonal_report_has_no_speaker():
    text = "Title\n\nIt has been reported that the Americans have agreed to remove several."
    (r,) = quotes_of(text)
    assert r[2] == {"direct": "false"} and who(r) == ()


def test_reported_clause_holding_a_quotation_is_left_to_the_quotation():
    text = "Title\n\nMerkel said last week that “not a single sane person would sign it”."
    (q,) = quotes_of(text)
    assert q[2] == {"direct": "true"} and who(q) == ("pers.merkel",)


def test_trailing_attribution_of_reported_speech():
    text = "Title\n\nThe team avoided the hospital to keep the details quiet, sources said."
    (r,) = quotes_of(text)
    assert r[0] == "The team avoided the hospital to keep the details quiet"
    assert r[2] == {"direct": "false"} and len(who(r)) == 1


def test_transcript_label_names_the_speaker_and_stays_outside_the_speech():
    text = 'Title\n\nTranscript:\n"MERKEL: We will not give in.\n"PUTIN: Nor will we."'
    names = {"MERKEL": ("persName", "pers.merkel"), "PUTIN": ("persName", "pers.putin")}
    a, b = quotes_of(text, names)
    assert a[0] == "We will not give in." and who(a) == ("pers.merkel",)
    assert b[0] == 'Nor will we."' and who(b) == ("pers.putin",)


def test_dash_after_quotation_names_the_speaker():
    (q,) = quotes_of("Title\n\n“Build a wall around him.” ― Angela Merkel")
    assert who(q) == ("pers.merkel",)


def test_unmarked_name_next_to_a_reporting_verb_becomes_a_speaker():
    result, _ = run("Title\n\n“I would,” Melanie said to the TV.", {})
    (q,) = [x for x in said(result) if x[1] == "said"]
    (ref,) = who(q)
    assert result.results["quotes"].entry(ref).label == "Melanie"


def test_apposition_of_the_speaker_is_part_of_the_marked_phrase():
    text = "Title\n\n“It is hard,” said Angela Merkel, the German chancellor, on Friday."
    result, _ = run(text, PEOPLE)
    rs = [x for x in said(result) if x[1] == "rs"]
    assert rs == [
        (
            "Angela Merkel, the German chancellor",
            "rs",
            {"type": "person"},
            {"ref": ("pers.merkel",)},
        )
    ]


def test_output_is_valid_tei_and_keeps_the_text(seed_text, tei_schema):
    result, host = run(seed_text, PEOPLE)
    xml = result.render("tei", host)
    validate_tei(xml)
    assert len(result.results["quotes"].annotations) > 10


def test_layer_time_grows_linearly_with_the_text():
    para = "“We will win,” Merkel said. He added that “it is over” and left. It's done.\n"
    small, big = "Title\n\n" + para * 50, "Title\n\n" + para * 400
    t0 = time.perf_counter()
    run(small, PEOPLE)
    t1 = time.perf_counter()
    run(big, PEOPLE)
    t2 = time.perf_counter()
    assert (t2 - t1) < 20 * (t1 - t0) + 0.5


def test_a_flood_of_unbalanced_marks_is_handled_quickly():
    text = "Title\n\n" + '“a ‘b " c « d ' * 3000
    t0 = time.perf_counter()
    run(text, {})
    assert time.perf_counter() - t0 < 5


def reported(text: str, names=PEOPLE) -> list[tuple[str, tuple[str, ...]]]:
    result, _ = run(text, names)
    return [(x[0], who(x)) for x in said(result) if x[2] == {"direct": "false"}]


def test_reported_speech_without_that():
    text = "Title\n\nMerkel said the credibility of the union was on the line."
    assert reported(text) == [("the credibility of the union was on the line", ("pers.merkel",))]


def test_reported_clause_before_a_parenthetical_attribution():
    text = "Title\n\nThe deal will fail within a year, Merkel said, because nobody wants it."
    assert reported(text) == [("The deal will fail within a year", ("pers.merkel",))]


def test_introductory_phrase_is_not_the_reported_clause():
    text = "Title\n\nAt the summit on Monday, Merkel said she would not give in."
    assert reported(text) == [("she would not give in", ("pers.merkel",))]


def test_belief_is_reported_with_its_holder():
    text = "Title\n\nMerkel believes the treaty can still be saved."
    assert reported(text) == [("the treaty can still be saved", ("pers.merkel",))]


def test_speaker_named_before_a_long_apposition_and_the_verb():
    text = (
        "Title\n\n“It is fiscally responsible,” Angela Merkel, director of a policy centre and"
        " a professor at a school in Berlin, said of the plan. “It does no harm.”"
    )
    result, _ = run(text, PEOPLE)
    first, second = [a for a in result.results["quotes"].annotations if a.element == "said"]
    assert first.link("who") == ("pers.merkel",) and second.link("prev") == (first.id,)


def test_split_quote_chains_across_a_quoted_title_in_the_attribution():
    text = "Title\n\n“He is right,” Merkel said on “Fox and Friends.” “I mean it.”"
    result, _ = run(text, PEOPLE)
    anns = result.results["quotes"].annotations
    (first, second) = [a for a in anns if a.element == "said"]
    assert second.link("prev") == (first.id,) and second.link("who") == ("pers.merkel",)
    assert [result.document.text[a.start : a.end] for a in anns if a.element == "soCalled"] == [
        "“Fox and Friends.”"
    ]


def test_participle_after_a_comma_shares_the_main_subject():
    text = "Title\n\nMerkel attacked Putin in Riga on Friday, saying, “He is not to be trusted.”"
    (q,) = quotes_of(text)
    assert who(q) == ("pers.merkel",)


def test_inverted_speaker_is_the_name_after_its_premodifiers():
    names = {**PEOPLE, "NATO": ("orgName", "org.nato")}
    text = "Title\n\n“It is over,” said NATO envoy Angela Merkel."
    (q,) = quotes_of(text, names)
    assert who(q) == ("pers.merkel",)


def test_reported_clause_ends_before_the_writers_contrast():
    text = "Title\n\nMerkel has admitted that the plan failed, although nobody expected it to work."
    assert reported(text) == [("that the plan failed", ("pers.merkel",))]


def test_a_parenthesis_after_the_name_is_never_the_speaker():
    names = {**PEOPLE, "Rep. Gwen Moore": ("persName", "pers.moore"), "D-Wis": ("persName", "x.dw")}
    text = "Title\n\n“It’s a dog whistle,” Rep. Gwen Moore (D-Wis.) said Friday."
    (q,) = quotes_of(text, names)
    assert who(q) == ("pers.moore",)


def test_she_resolves_past_a_nearer_man_to_a_woman():
    text = "Title\n\nAngela Merkel met Vladimir Putin on Friday. She said: “It went well.”"
    (q,) = quotes_of(text)
    assert who(q) == ("pers.merkel",)


def test_a_phrase_someone_used_is_their_wording():
    (q,) = quotes_of("Title\n\nMerkel has used the phrase “strategic patience” often.")
    assert q[1] == "said" and who(q) == ("pers.merkel",)


def test_a_show_named_after_the_reporting_verb_is_not_the_speech():
    text = "Title\n\n“He is right,” Merkel said on Friday on Fox’s “Morning Show.” “I mean it.”"
    items = quotes_of(text)
    assert [(x[0], x[1]) for x in items] == [
        ("“He is right,”", "said"),
        ("“Morning Show.”", "soCalled"),
        ("“I mean it.”", "said"),
    ]
    assert who(items[2]) == ("pers.merkel",)


def test_state_as_a_noun_does_not_report_anything():
    assert (
        reported("Title\n\nThe United States version of the plan failed in the state senate.") == []
    )


def test_a_belief_inside_a_report_stays_in_that_report():
    text = "Title\n\nMerkel said she finally believes the treaty can be saved."
    assert reported(text) == [("she finally believes the treaty can be saved", ("pers.merkel",))]


def test_a_new_speaker_after_an_unclosed_paragraph_is_not_a_continuation():
    text = "Title\n\nMerkel said:\n“We will not give in\n“Nor will we,” Putin said.\nThe end."
    result, _ = run(text, PEOPLE)
    first, second = [a for a in result.results["quotes"].annotations if a.element == "said"]
    assert second.link("prev") == () and first.link("next") == ()
    assert (first.link("who"), second.link("who")) == (("pers.merkel",), ("pers.putin",))


def test_an_attribution_closing_a_multi_paragraph_quote_names_all_of_it():
    text = "Title\n\nThe talks went on.\n“We will not give in\n“and nor will anyone,” Merkel said.\nEnd."
    result, _ = run(text, PEOPLE)
    first, second = [a for a in result.results["quotes"].annotations if a.element == "said"]
    assert second.link("prev") == (first.id,)
    assert first.link("who") == second.link("who") == ("pers.merkel",)


def test_a_clause_after_the_speakers_name_is_not_an_apposition():
    text = "Title\n\nAccording to Angela Merkel, the deal is “a serious mistake” for all."
    result, _ = run(text, PEOPLE)
    assert [x for x in said(result) if x[1] == "rs"] == []
    assert [who(x) for x in said(result) if x[1] == "said"] == [("pers.merkel",)]
