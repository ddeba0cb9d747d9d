"""A broken third-party plugin is named with its distribution, and the others keep working.

Each test installs a small distribution the way pip would leave it (a module plus a
``.dist-info`` folder with ``entry_points.txt``) on a fresh path, then runs the real
``annotate`` command in a subprocess with that path on ``PYTHONPATH``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = """
from tei_annotate import Annotation, Layer, hookimpl

def _mark(document, context):
    yield Annotation(0, 1, "seg", attrs={"type": "first"})

@hookimpl
def register_layers(register):
    register(Layer("good", _mark, version="1.0", produces=("seg",)))
"""

BROKEN_IMPORT = "import a_module_that_does_not_exist\n"

RAISES = """
from tei_annotate import Layer, hookimpl

def _boom(document, context):
    raise ZeroDivisionError("division by zero\\nsecond line")

@hookimpl
def register_layers(register):
    register(Layer("raises", _boom, version="1.0", produces=("seg",)))
"""

INVALID = """
from tei_annotate import Annotation, Layer, hookimpl

def _bad(document, context):
    yield Annotation(0, 10**6, "seg")

@hookimpl
def register_layers(register):
    register(Layer("invalid", _bad, version="1.0", produces=("seg",)))
"""

MISSPELLED = """
from tei_annotate import hookimpl

@hookimpl
def register_layer(register):
    pass
"""


@pytest.fixture
def site(tmp_path: Path, install_plugin) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    install_plugin(site, "annotate-good", "1.0", "good", GOOD)
    install_plugin(site, "annotate-broken", "2.3", "broken_import", BROKEN_IMPORT)
    install_plugin(site, "annotate-raises", "0.1", "raises", RAISES)
    install_plugin(site, "annotate-invalid", "0.2", "invalid", INVALID)
    install_plugin(site, "annotate-misspelled", "0.3", "misspelled", MISSPELLED)
    (tmp_path / "in.txt").write_text("Title\n\nA paragraph.\n", encoding="utf-8")
    return site


def annotate(site: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("TEI_ANNOTATE_")}
    environ.update(PYTHONPATH=str(site), **env)
    return subprocess.run(
        [sys.executable, "-c", "from tei_annotate.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=environ,
        cwd=site.parent,
        timeout=120,
    )


def test_broken_plugins_listed_with_reason_beside_working_ones(site):
    proc = annotate(site, "plugins", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert {"good", "raises", "invalid"} <= {layer["name"] for layer in data["layers"]}
    broken = {b["name"]: b for b in data["broken"]}
    assert set(broken) == {"broken_import", "misspelled"}
    assert broken["broken_import"]["distribution"] == "annotate-broken"
    assert broken["broken_import"]["version"] == "2.3"
    assert "a_module_that_does_not_exist" in broken["broken_import"]["error"]
    assert "register_layer" in broken["misspelled"]["error"]


def test_broken_plugins_table_names_plugin_and_distribution(site):
    proc = annotate(site, "plugins")
    assert proc.returncode == 0, proc.stderr
    line = next(x for x in proc.stdout.splitlines() if "broken_import" in x)
    assert "'annotate-broken' 2.3 is broken: import: ModuleNotFoundError" in line
    assert any(x.startswith("good 1.0") for x in proc.stdout.splitlines())


def test_broken_plugin_warns_in_one_line_and_run_goes_on(site):
    proc = annotate(site, "in.txt", "--plugins", "good")
    assert proc.returncode == 0, proc.stderr
    assert 'type="first"' in proc.stdout
    warnings = proc.stderr.splitlines()
    assert len(warnings) == 2
    assert all(w.startswith("annotate: warning: plugin '") for w in warnings)
    assert any("'broken_import' from distribution 'annotate-broken' 2.3" in w for w in warnings)


def test_broken_plugin_not_loaded_when_excluded_by_env(site):
    proc = annotate(site, "in.txt", "--plugins", "good", TEI_ANNOTATE_LOAD_PLUGINS="good")
    assert proc.returncode == 0
    assert proc.stderr == ""


def test_layer_exception_is_one_line_naming_plugin_and_distribution(site):
    proc = annotate(site, "in.txt", "--plugins", "raises", TEI_ANNOTATE_LOAD_PLUGINS="raises")
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        "annotate: [E300] layer 'raises' (plugin 'raises' from distribution 'annotate-raises' "
        "0.1) failed on in.txt: ZeroDivisionError: division by zero second line"
    ]


def test_invalid_annotation_is_one_line_naming_plugin_and_distribution(site):
    proc = annotate(site, "in.txt", "--plugins", "invalid", TEI_ANNOTATE_LOAD_PLUGINS="invalid")
    assert proc.returncode == 1
    (line,) = proc.stderr.splitlines()
    assert line.startswith(
        "annotate: [E300] layer 'invalid' (plugin 'invalid' from distribution "
        "'annotate-invalid' 0.2) on in.txt: span 0..1000000"
    )


def test_asking_for_a_layer_of_a_broken_plugin_names_it(site):
    proc = annotate(site, "in.txt", "--plugins", "broken_import", TEI_ANNOTATE_LOAD_PLUGINS="")
    assert "unknown layer 'broken_import'" in proc.stderr
    proc = annotate(site, "in.txt", "--plugins", "broken_import")
    assert proc.returncode == 1
    last = proc.stderr.splitlines()[-1]
    assert last.startswith("annotate: [E200] unknown layer 'broken_import'")
    assert "also installed but plugin 'broken_import' from distribution 'annotate-broken'" in last
