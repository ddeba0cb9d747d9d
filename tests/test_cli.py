"""The annotate command: inputs, outputs, errors as one line."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tei_annotate import Annotation, validate_tei
from tei_annotate.invariants import check_lossless

from .conftest import SEED
from .helpers import LayerPlugin, static_layer


@pytest.fixture
def with_layer(host):
    host.register(LayerPlugin(static_layer("marks", [Annotation(10, 15, "seg", {"type": "x"})])))
    return host


def test_seed_without_layers_prints_valid_lossless_tei(run):
    code, out, err = run(str(SEED), "--validate")
    assert (code, err) == (0, "")
    assert check_lossless(out, SEED.read_text(encoding="utf-8")) == []


def test_seed_with_a_test_layer_stays_valid_and_lossless(run, with_layer):
    code, out, _ = run(str(SEED), "--plugins", "marks", "--validate")
    assert code == 0 and b'<seg type="x" resp="#app.marks">' in out
    assert check_lossless(out, SEED.read_text(encoding="utf-8")) == []


def test_no_input_reads_stdin(run):
    code, out, _ = run(stdin=b"Title\n\nBody.\n")
    assert code == 0 and b'<p xml:id="p1">Body.</p>' in out


def test_output_file_is_written(run, tmp_path):
    target = tmp_path / "sub" / "out.xml"
    assert run(str(SEED), "-o", str(target))[0] == 0
    validate_tei(target.read_bytes())


def test_several_inputs_write_one_file_each_in_the_directory(run, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("A\n\nx.\n")
    b.write_text("B\n\ny.\n")
    code, _, _ = run(str(a), str(b), "--format", "json", "-o", str(tmp_path / "out"))
    assert code == 0
    assert json.loads((tmp_path / "out" / "a.json").read_text())["text"] == "A\n\nx.\n"
    assert (tmp_path / "out" / "b.json").exists()


def test_several_inputs_without_output_directory_is_an_error(run, tmp_path):
    code, _, err = run(str(SEED), str(SEED))
    assert code == 1 and err.startswith("annotate: [E400] several inputs need -o")


def test_unknown_layer_is_one_line_listing_available_layers(run, with_layer):
    code, out, err = run(str(SEED), "--plugins", "nope")
    assert code == 1 and out == b""
    assert err == "annotate: [E200] unknown layer 'nope' (available: marks)\n"


def test_unknown_format_lists_formats(run):
    code, _, err = run(str(SEED), "--format", "docx")
    assert code == 1 and "available: json, tei, tei-standoff" in err


def test_missing_input_file_is_one_line(run, tmp_path):
    code, _, err = run(str(tmp_path / "missing.txt"))
    assert code == 1 and err.count("\n") == 1 and "no such file" in err


def test_invalid_utf8_names_the_byte_offset(run, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Title\n\ncaf\xe9\n")
    code, _, err = run(str(bad))
    assert code == 1 and "not valid utf-8 at byte offset 10" in err


def test_encoding_option_reads_other_encodings(run, tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Title\n\ncafé\n".encode("latin-1"))
    code, out, _ = run(str(latin), "--encoding", "latin-1")
    assert code == 0 and "café".encode() in out


def test_an_input_file_is_never_overwritten(run, tmp_path):
    src = tmp_path / "in.txt"
    shutil.copy(SEED, src)
    before = src.read_bytes()
    code, _, err = run(str(src), "-o", str(src))
    assert code == 1 and "refusing to overwrite an input" in err
    assert src.read_bytes() == before


def test_bad_option_syntax_is_one_line(run):
    code, _, err = run(str(SEED), "--option", "nodot=1")
    assert code == 1 and "write it as LAYER.KEY=VALUE" in err


def test_plugins_lists_layers_with_their_distribution(run, with_layer):
    _code, out, _ = run("plugins", "--json")
    data = json.loads(out)
    (layer,) = data["layers"]
    assert layer["name"] == "marks" and layer["version"] == "1.0"
    assert {f["name"] for f in data["formats"]} >= {"tei", "tei-standoff", "json"}


def test_validate_command_reports_problems_with_line_numbers(run, tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text ref="#nowhere"/></TEI>')
    code, _, err = run("validate", str(bad))
    assert code == 1 and f"{bad}:2: " in err  # FILE:LINE: message


def test_console_script_reports_version():
    exe = shutil.which("annotate")
    if exe is None:
        pytest.fail("the annotate console script is not installed")
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, check=True).stdout
    assert out.startswith("annotate, version ")
