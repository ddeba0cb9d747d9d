from tei_annotate import annotate, validate_tei


def test_seed_without_layers_renders_valid_tei(host, seed_text, tei_schema):
    xml = annotate(seed_text, host=host).render("tei", host)
    validate_tei(xml)
