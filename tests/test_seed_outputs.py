"""The seed article through every installed layer, read back by every real client.

Uses the installed plugins (entry points), so it checks the real layers together
as soon as they are installed; with none it still checks the bare document.
"""

from __future__ import annotations

import pytest

from tei_annotate import annotate, make_host, validate_tei

from .clients import check_brat, check_jing, check_standoff, check_xmi


@pytest.fixture(scope="module")
def seed_result(seed_text):  # type: ignore[no-untyped-def]
    host = make_host()
    return annotate(seed_text, sorted(host.layers), name="seed.txt", host=host), host


def test_seed_tei_outputs_pass_jing_lxml_and_standoffconverter(seed_result, tmp_path, tei_schema):
    result, host = seed_result
    paths = []
    for name, fmt in sorted(host.formats.items()):
        if fmt.is_tei:
            data = fmt.render(result)
            validate_tei(data, name, source=result.document.text)
            check_standoff(data, result.document.text)
            paths.append(tmp_path / f"seed.{name}.xml")
            paths[-1].write_bytes(data)
    check_jing(paths)


def test_seed_xmi_passes_cassis(seed_result):
    result, host = seed_result
    fmt = host.format("xmi")
    assert fmt.companions is not None
    check_xmi(fmt.render(result), fmt.companions(result)[".typesystem.xml"], result)


def test_seed_annotations_start_and_end_on_xmi_tokens(seed_result):
    from tei_annotate_formats.tokens import tokens

    result, _ = seed_result
    toks = tokens(result)
    starts, ends = {s for s, _ in toks}, {e for _, e in toks}
    text = result.document.text
    unanchored = [
        text[a.start : a.end]
        for a in result.annotations
        if not (a.start in starts and a.end in ends)
    ]
    assert unanchored == []


def test_seed_brat_offsets_fit_its_text(seed_result):
    result, host = seed_result
    fmt = host.format("brat")
    assert fmt.companions is not None
    parsed = check_brat(fmt.render(result), fmt.companions(result)[".txt"])
    assert sum("spans" in t for t in parsed.values()) == len(result.annotations)
