"""Shared fixtures: a fresh plugin host per test, the seed article, and a compiled schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_annotate import make_host
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
