"""Every example in docs/encoding.md is cut from the real output for the seed article."""

import re
import subprocess
import sys

import pytest

from .conftest import ROOT, SEED

DOC = ROOT / "docs" / "encoding.md"
EXAMPLE = re.compile(r"<!-- seed-example(?: plugins=([\w,-]+))? -->\n```xml\n(.*?)```", re.S)


def examples():
    return [
        (m.group(1) or "", m.group(2)) for m in EXAMPLE.finditer(DOC.read_text(encoding="utf-8"))
    ]


def test_encoding_doc_has_seed_examples():
    assert len(examples()) >= 3


@pytest.mark.parametrize(("plugins", "snippet"), examples())
def test_encoding_doc_example_appears_in_the_seed_output(plugins, snippet):
    args = [sys.executable, "-m", "tei_annotate", str(SEED)]
    if plugins:
        args += ["--plugins", plugins]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    assert snippet.rstrip("\n") in out
