"""docs/robustness.md: every row of its tables names a test, and each named test exists."""

from __future__ import annotations

import ast
import itertools
import re

from .conftest import ROOT

DOC = ROOT / "docs" / "robustness.md"
REFERENCE = re.compile(r"`(tests/[\w/]+\.py)(?:::(\w+))?`")


def tables() -> list[list[str]]:
    lines = DOC.read_text(encoding="utf-8").splitlines()
    groups = itertools.groupby(lines, key=lambda line: line.startswith("|"))
    return [list(rows) for is_table, rows in groups if is_table]


def defined_tests(path: str) -> set[str]:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    return {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}


def test_every_row_of_the_robustness_tables_names_a_test_that_exists():
    tested = [t for t in tables() if t[0].rstrip(" |").endswith("Test")]
    assert len(tested) >= 4
    problems = []
    for row in (row for table in tested for row in table[2:]):
        refs = REFERENCE.findall(row.rstrip(" |").rsplit("|", 1)[-1])
        if not refs:
            problems.append(f"no test named in: {row[:60]}")
        for path, name in refs:
            if not (ROOT / path).exists() or (name and name not in defined_tests(path)):
                problems.append(f"{path}::{name} does not exist")
    assert problems == []
