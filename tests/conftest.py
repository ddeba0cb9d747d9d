"""Shared fixtures: a fresh plugin host per test, the seed article, and a compiled schema."""

from __future__ import annotations

import io
import sys
import textwrap
from pathlib import Path

import pytest

from tei_annotate import cli, make_host
from tei_annotate.validate import schema

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))


@pytest.fixture
def host():
    """A host with only the core plugin: installed plugins never leak into a test."""
    return make_host(load_entrypoints=False)


@pytest.fixture(scope="session")
def tei_schema():
    return schema()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def install_plugin():
    """Install a module as a distribution with a ``tei_annotate`` entry point, as pip would."""

    def install(site: Path, dist: str, version: str, module: str, source: str) -> None:
        (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
        info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8"
        )
        (info / "entry_points.txt").write_text(
            f"[tei_annotate]\n{module} = {module}\n", encoding="utf-8"
        )

    return install


@pytest.fixture
def run(host, monkeypatch, capfdbinary):
    """Run the CLI in-process against the test host; returns (exit code, stdout, stderr)."""
    monkeypatch.setattr(cli, "get_host", lambda: host)

    def invoke(*args: str, stdin: bytes | None = None):
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", type("In", (), {"buffer": io.BytesIO(stdin)})())
        try:
            cli.main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code or 0
        out, err = capfdbinary.readouterr()
        return code, out, err.decode()

    return invoke
