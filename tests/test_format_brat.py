"""The ``brat`` format: ``.ann`` lines whose offsets fit the ``.txt`` written beside them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .clients import check_brat
from .contract_layers import contract_result

# the console script: it loads the installed plugins, as users run it
ANNOTATE = str(Path(sys.executable).with_name("annotate"))


@pytest.fixture(scope="module")
def rendered():  # type: ignore[no-untyped-def]
    result, host = contract_result()
    fmt = host.format("brat")
    assert fmt.companions is not None
    return result, fmt.render(result), fmt.companions(result)[".txt"]


def test_brat_offsets_cover_the_text_they_quote(rendered):
    result, ann, txt = rendered
    assert txt.decode("utf-8") == result.document.text
    parsed = check_brat(ann, txt)
    spans = [t for t in parsed.values() if "spans" in t]
    assert len(spans) == len(result.annotations)


def test_brat_cuts_a_span_over_a_line_end_into_fragments(rendered):
    _, ann, txt = rendered
    said = [t for t in check_brat(ann, txt).values() if t.get("type") == "said"]
    assert len(said) == 1 and len(said[0]["spans"]) == 2  # type: ignore[arg-type]


def test_brat_pointers_become_normalisations_with_labels(rendered):
    _, ann, _ = rendered
    lines = ann.decode("utf-8").splitlines()
    assert any(line.endswith("who:pers.putin\tVladimir Putin") for line in lines)
    assert any(line.endswith("ana:hedge.evidential\tevidential") for line in lines)
    assert any("\tvalue T" in line and line.endswith(" 3.5") for line in lines)


def test_brat_check_fails_when_the_text_does_not_match(rendered):
    _, ann, txt = rendered
    with pytest.raises(AssertionError, match="offsets cover"):
        check_brat(ann, "\ufeff".encode() + txt)


def test_brat_cli_writes_the_txt_beside_the_ann(tmp_path):
    source = tmp_path / "in" / "story.txt"
    source.parent.mkdir()
    source.write_bytes("Title\n\nA “quote” with 😀.\n".encode())
    annotate = [ANNOTATE]
    out = tmp_path / "out" / "story.ann"
    subprocess.run([*annotate, str(source), "-f", "brat", "-o", str(out)], check=True)
    assert (tmp_path / "out" / "story.txt").read_bytes() == source.read_bytes()
    beside = source.with_suffix(".ann")  # same folder as the input: the input is the .txt
    subprocess.run([*annotate, str(source), "-f", "brat", "-o", str(beside)], check=True)
    assert beside.exists()


def test_brat_cli_refuses_to_replace_an_input_whose_text_differs(tmp_path):
    source = tmp_path / "story.txt"
    source.write_bytes(b"\xef\xbb\xbfTitle\n\nBody.\n")  # the BOM is not part of the text
    done = subprocess.run(
        [ANNOTATE, str(source), "-f", "brat", "-o", str(tmp_path / "story.ann")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "refusing to overwrite an input file" in done.stderr
