"""``annotate validate`` for outputs edited by hand: every problem as FILE:LINE: message."""

from __future__ import annotations

import pytest

from tei_annotate.cli import main

from .contract_layers import contract_result

SOURCE = "A title\n\nVladimir Putin said “yes” on 3 May.\nA bell\x07 rang.\n"


def _run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    try:
        main(["validate", *args])
        code = 0
    except SystemExit as done:
        code = int(done.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path):  # type: ignore[no-untyped-def]
    result, host = contract_result(SOURCE)
    tei = tmp_path / "story.xml"
    tei.write_bytes(result.render("tei", host))
    src = tmp_path / "story.txt"
    src.write_text(SOURCE, encoding="utf-8")
    return tei, src


def _line_of(data: str, needle: str) -> int:
    return data[: data.index(needle)].count("\n") + 1


def test_validate_accepts_our_output_and_its_source(capsys, files, tei_schema):
    tei, src = files
    code, out, _ = _run(capsys, str(tei), "--source", str(src))
    assert (code, out) == (0, f"{tei}: valid\n")


def test_validate_reports_schema_and_pointer_errors_at_their_lines(capsys, files, tei_schema):
    tei, _ = files
    data = tei.read_text(encoding="utf-8")
    data = data.replace("<profileDesc>", "<profileDesc><bogus/>", 1)
    data = data.replace('who="#pers.putin"', 'who="#pers.nobody"', 1)
    tei.write_text(data, encoding="utf-8")
    code, _, err = _run(capsys, str(tei))
    assert code == 1
    assert f"{tei}:{_line_of(data, '<bogus/>')}: " in err
    assert f"{tei}:{_line_of(data, '#pers.nobody')}: @who points at '#pers.nobody'" in err


def test_validate_reports_broken_xml_with_its_line(capsys, files):
    tei, _ = files
    data = tei.read_text(encoding="utf-8").replace("</said>", "", 1)
    tei.write_text(data, encoding="utf-8")
    code, _, err = _run(capsys, str(tei))
    assert code == 1 and err.startswith(f"{tei}:") and "not well-formed XML" in err
    assert err.split(":")[1].isdigit()


def test_validate_with_source_finds_a_changed_character(capsys, files, tei_schema):
    tei, src = files
    data = tei.read_text(encoding="utf-8").replace(">3</num>", ">4</num>", 1)
    tei.write_text(data, encoding="utf-8")
    code, _, err = _run(capsys, str(tei), "--source", str(src))
    assert code == 1
    assert (
        f"{tei}:{_line_of(data, '>4</num>')}: the text differs from the source at character" in err
    )
    assert "has '4', the source has '3 May." in err


def test_validate_with_source_finds_a_lost_character_xml_cannot_hold(capsys, files, tei_schema):
    tei, src = files
    data = tei.read_text(encoding="utf-8").replace('<g type="U+0007"/>', "", 1)
    tei.write_text(data, encoding="utf-8")
    code, _, err = _run(capsys, str(tei), "--source", str(src))
    assert code == 1 and "the source has '\\x07 rang" in err
