"""The quotes layer over the real actors layer: valid TEI, speakers from the registry."""

from __future__ import annotations

import tei_annotate_actors
import tei_annotate_quotes
from tei_annotate import annotate, make_host, validate_tei


def test_seed_with_actors_and_quotes_is_valid_tei(seed_text, tei_schema):
    host = make_host(load_entrypoints=False, plugins=[tei_annotate_actors, tei_annotate_quotes])
    result = annotate(seed_text, ["quotes"], host=host)
    validate_tei(result.render("tei", host))
    registry = {e.id for e in result.entries}
    whos = [a.link("who") for a in result.results["quotes"].annotations if a.element == "said"]
    assert whos and all(set(w) <= registry for w in whos)


def test_speakers_reuse_the_actors_registry():
    host = make_host(load_entrypoints=False, plugins=[tei_annotate_actors, tei_annotate_quotes])
    text = "Title\n\n“We will win,” said Angela Merkel, the German chancellor.\n"
    result = annotate(text, ["quotes"], host=host)
    (quote,) = [a for a in result.results["quotes"].annotations if a.element == "said"]
    (ref,) = quote.link("who")
    assert result.results["actors"].entry(ref) is not None
