"""Finding a corpus's documents and where their outputs go."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote

import pytest

from tei_annotate import InputError, OutputError
from tei_annotate.corpus import count_documents, plan_run, safe_name


def _tree(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode()
        path.write_bytes(content)


def _targets(plan, output: Path) -> dict[str, str]:
    return {
        t.name: t.target.relative_to(output).as_posix() if t.target else f"ERROR {t.error}"
        for t in plan.tasks
    }


def test_plan_single_file_goes_to_output_or_stdout(tmp_path):
    _tree(tmp_path, {"a.txt": "A"})
    plan = plan_run([str(tmp_path / "a.txt")], None, ".xml")
    assert plan.single
    (task,) = plan.tasks
    assert task.target is None and task.source == tmp_path / "a.txt"
    plan = plan_run([str(tmp_path / "a.txt")], tmp_path / "a.tei", ".xml")
    assert plan.single and next(plan.tasks).target == tmp_path / "a.tei"


def test_plan_nothing_means_stdin():
    plan = plan_run([], None, ".xml")
    assert plan.single and next(plan.tasks).source is None


def test_plan_directory_mirrors_tree_under_output(tmp_path):
    _tree(
        tmp_path / "in",
        {
            "a.txt": "A",
            "2024/05/b.txt": "B",
            "2024/notes.md": "not matched",
            ".git/c.txt": "hidden",
            "sub/.d.txt": "hidden",
        },
    )
    out = tmp_path / "out"
    plan = plan_run([str(tmp_path / "in")], out, ".xml")
    assert not plan.single
    assert _targets(plan, out) == {
        str(tmp_path / "in/2024/05/b.txt"): "2024/05/b.xml",
        str(tmp_path / "in/a.txt"): "a.xml",
    }


def test_plan_glob_selects_files_by_name_or_path_end(tmp_path):
    _tree(tmp_path / "in", {"a.txt": "", "b.md": "", "x/c.md": "", "y/d.md": ""})
    out = tmp_path / "out"
    names = _targets(plan_run([str(tmp_path / "in")], out, ".xml", ["*.md"]), out)
    assert sorted(names.values()) == ["b.xml", "x/c.xml", "y/d.xml"]
    names = _targets(plan_run([str(tmp_path / "in")], out, ".xml", ["x/*.md", "a.*"]), out)
    assert sorted(names.values()) == ["a.xml", "x/c.xml"]


def test_plan_skips_output_directory_inside_input(tmp_path):
    _tree(tmp_path, {"a.txt": "A", "out/old.txt": "an earlier output"})
    out = tmp_path / "out"
    assert list(_targets(plan_run([str(tmp_path)], out, ".txt"), out).values()) == ["a.txt"]


def test_plan_refuses_to_overwrite_input_in_same_directory(tmp_path):
    _tree(tmp_path, {"a.txt": "A", "a.xml": "<x/>"})
    targets = _targets(plan_run([str(tmp_path)], tmp_path, ".xml", ["*"]), tmp_path)
    assert targets[str(tmp_path / "a.txt")].startswith("ERROR refusing to overwrite input")
    assert targets[str(tmp_path / "a.xml")].startswith("ERROR refusing to overwrite input")


def test_plan_same_stem_in_one_directory_fails_the_second(tmp_path):
    _tree(tmp_path / "in", {"a.md": "", "a.txt": ""})
    out = tmp_path / "out"
    targets = _targets(plan_run([str(tmp_path / "in")], out, ".xml", ["*"]), out)
    assert targets[str(tmp_path / "in/a.md")] == "a.xml"
    assert "already writes" in targets[str(tmp_path / "in/a.txt")]


def test_plan_several_inputs_get_their_own_top_names(tmp_path):
    _tree(tmp_path, {"d/a.txt": "A", "b.txt": "B", "c.jsonl": '{"id": "x", "text": "X"}\n'})
    out = tmp_path / "out"
    plan = plan_run([str(tmp_path / p) for p in ("d", "b.txt", "c.jsonl")], out, ".xml")
    assert sorted(_targets(plan, out).values()) == ["b.xml", "c/x.xml", "d/a.xml"]


def test_plan_colliding_inputs_fail_before_running(tmp_path):
    _tree(tmp_path, {"x/a.txt": "A", "y/a.txt": "B"})
    with pytest.raises(OutputError, match="would both write"):
        plan_run([str(tmp_path / "x/a.txt"), str(tmp_path / "y/a.txt")], tmp_path / "o", ".xml")


def test_plan_corpus_needs_output_directory(tmp_path):
    _tree(tmp_path, {"d/a.txt": "A", "f": "not a dir"})
    with pytest.raises(OutputError, match="is a directory: it needs -o DIRECTORY"):
        plan_run([str(tmp_path / "d")], None, ".xml")
    with pytest.raises(OutputError, match="not a directory"):
        plan_run([str(tmp_path / "d")], tmp_path / "f", ".xml")
    with pytest.raises(InputError, match="only once"):
        plan_run(["-", "-"], tmp_path / "o", ".xml")


def test_plan_jsonl_streams_documents_with_safe_names(tmp_path):
    lines = [
        {"id": "2024/05/x", "text": "Héllo"},
        {"id": 7, "text": "Seven"},
        {"id": "..", "text": ""},
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r) for r in lines) + "\n\n")
    out = tmp_path / "out"
    tasks = list(plan_run([str(tmp_path / "c.jsonl")], out, ".xml").tasks)
    assert [t.target.name for t in tasks] == ["2024%2F05%2Fx.xml", "7.xml", "%2E%2E.xml"]
    assert all(t.target.parent == out for t in tasks)
    assert tasks[0].data == "Héllo".encode() and tasks[0].encoding == "utf-8"
    assert tasks[0].document_name == "2024/05/x" and tasks[1].document_name == "7"


def test_safe_name_is_reversible_and_never_a_path():
    for doc_id in [".", "..", "a/b", "a%2Fb", "../x", "ü ñ", "a_b", "con:1"]:
        name = safe_name(doc_id)
        assert "/" not in name and name not in (".", "..")
        assert unquote(name) == doc_id
    assert safe_name("a/b") != safe_name("a%2Fb")


def test_plan_jsonl_bad_lines_become_failed_tasks(tmp_path):
    (tmp_path / "c.jsonl").write_text(
        '{"id": "a", "text": "A"}\n{not json\n["a list"]\n{"id": true, "text": "B"}\n'
        '{"id": "b"}\n{"id": "a", "text": "again"}\n'
    )
    tasks = list(plan_run([str(tmp_path / "c.jsonl")], tmp_path / "o", ".xml").tasks)
    assert [t.error is None for t in tasks] == [True, False, False, False, False, False]
    assert [t.name.split(" ")[0].rsplit(":", 1)[1] for t in tasks] == ["1", "2", "3", "4", "5", "6"]
    assert "appears twice" in tasks[-1].error


def test_plan_reads_gzipped_jsonl(tmp_path):
    import gzip

    with gzip.open(tmp_path / "c.jsonl.gz", "wt") as fh:
        fh.write('{"id": "a", "text": "A"}\n')
    (task,) = plan_run([str(tmp_path / "c.jsonl.gz")], tmp_path / "o", ".xml").tasks
    assert task.target == tmp_path / "o" / "a.xml"


def test_count_documents_matches_the_tasks(tmp_path):
    _tree(tmp_path, {"d/a.txt": "", "d/x/b.txt": "", "d/.h/c.txt": "", "d/n.md": ""})
    (tmp_path / "c.jsonl").write_text('{"id": "a", "text": ""}\n\n{"id": "b", "text": ""}\n')
    inputs = [str(tmp_path / "d"), str(tmp_path / "c.jsonl")]
    tasks = list(plan_run(inputs, tmp_path / "o", ".xml").tasks)
    assert count_documents(inputs) == len(tasks) == 4
