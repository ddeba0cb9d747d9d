"""docs/plugins.md stays true: every hook documented with its signature, every example runs.

As datasette's test_docs: a hook added or changed without its documentation, or
without a ``test_hook_<name>`` test, fails here.
"""

from __future__ import annotations

import inspect
import re
import types
from pathlib import Path

import pytest

from tei_annotate import Annotation, Entry, Layer, Node, hookimpl, hookspecs, make_host
from tei_annotate.testing import SAMPLE_TEXTS, LayerTester

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.S | re.M)


def hook_specs() -> dict[str, inspect.Signature]:
    return {
        name: inspect.signature(fn)
        for name, fn in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(fn, f"{hookspecs.PROJECT}_spec")
    }


def section(heading: str) -> str:
    """The text under a ``### heading`` up to the next heading of level 2 or 3."""
    start = DOC.index(f"\n### {heading}\n")
    rest = DOC[start + len(heading) + 6 :]
    end = re.search(r"^##", rest, re.M)
    return rest[: end.start() if end else None]


def signature_heading(name: str, sig: inspect.Signature) -> str:
    return f"{name}({', '.join(sig.parameters)})"


@pytest.mark.parametrize("name", sorted(hook_specs()))
def test_docs_every_hook_has_a_heading_with_its_exact_signature(name):
    heading = signature_heading(name, hook_specs()[name])
    assert f"\n### {heading}\n" in DOC, f"docs/plugins.md needs a heading '### {heading}'"


@pytest.mark.parametrize("name", sorted(hook_specs()))
def test_docs_every_hook_argument_and_return_is_described(name):
    sig = hook_specs()[name]
    text = section(signature_heading(name, sig))
    for param in sig.parameters:
        assert f"- **`{param}`**:" in text, f"{name}: argument {param!r} is not described"
    assert "- **Returns**:" in text, f"{name}: the return value is not described"
    assert "```python" in text, f"{name}: no example"


@pytest.mark.parametrize("name", sorted(hook_specs()))
def test_docs_firstresult_hooks_say_they_stop_at_the_first_result(name):
    fn = getattr(hookspecs, name)
    firstresult = getattr(fn, f"{hookspecs.PROJECT}_spec")["firstresult"]
    said = "Stops at the first non-None result" in section(
        signature_heading(name, hook_specs()[name])
    )
    assert said == firstresult


@pytest.mark.parametrize("name", sorted(hook_specs()))
def test_docs_every_hook_has_a_test(name):
    tests = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_*.py"))
    assert f"def test_hook_{name}(" in tests, f"add a test_hook_{name} test"


def test_docs_no_heading_for_a_hook_that_does_not_exist():
    documented = set(re.findall(r"^### (\w+)\(", DOC, re.M))
    assert documented <= set(hook_specs())


# ---------------------------------------------------------------- examples
class StandInActors:
    """A tiny actors layer, for doc examples that require the registry."""

    @hookimpl
    def register_layers(self, register):
        def actors(document, context):
            at = document.text.find("Anna Berg")
            if at >= 0:
                yield Annotation(at, at + 9, "persName", links={"ref": "pers.berg"})
                yield Entry("pers.berg", "person", children=[Node("persName", text="Anna Berg")])

        register(Layer("actors", actors, produces=("persName", "person")))


def _layers_of(module: types.ModuleType) -> list[Layer]:
    found: list[Layer] = []
    if hasattr(module, "register_layers"):
        module.register_layers(found.append)
    return found


def _run_blocks() -> list[types.ModuleType]:
    """Each python block as its own module; earlier plugins are visible as ``NAME_plugin``."""
    modules: list[types.ModuleType] = []
    for i, code in enumerate(PYTHON_BLOCK.findall(DOC)):
        module = types.ModuleType(f"docs_example_{i}")
        for earlier in modules:
            for layer in _layers_of(earlier):
                module.__dict__[f"{layer.name}_plugin"] = earlier
        exec(compile(code, f"docs/plugins.md python block {i + 1}", "exec"), module.__dict__)
        modules.append(module)
    return modules


@pytest.fixture(scope="module")
def examples() -> list[types.ModuleType]:
    return _run_blocks()


def _host(modules: list[types.ModuleType]):
    plugins = [m for m in modules if any(hasattr(v, "tei_annotate_impl") for v in vars(m).values())]
    return make_host(load_entrypoints=False, plugins=[StandInActors(), *plugins])


def test_docs_example_layers_keep_the_tei_contract(examples):
    host = _host(examples)
    names = [layer.name for m in examples for layer in _layers_of(m)]
    assert names == ["exclaim", "watchwords", "praise"]
    tester = LayerTester(host)
    for name in names:
        tester.check_layer(name, texts=[*SAMPLE_TEXTS, "Vote\n\nThey praised Anna Berg!\n"])


def test_docs_example_tests_pass(examples):
    tests = [(m, n) for m in examples for n in vars(m) if n.startswith("test_")]
    assert len(tests) == 3
    for module, name in tests:
        fn = getattr(module, name)
        if "tei" in inspect.signature(fn).parameters:
            fn(tei=LayerTester(_host([m for m in examples if m is not module])))
        else:
            fn()


def test_docs_example_format_renders(examples):
    host = _host(examples)
    from tei_annotate import annotate

    result = annotate("Wow\n\nA crisis! A scandal.", ["exclaim", "watchwords"], host=host)
    lines = host.format("tsv").render(result).decode().splitlines()
    assert lines[0] == "layer\tstart\tend\telement\ttext"
    assert "exclaim\t5\t14\tseg\tA crisis!" in lines
    assert "watchwords\t7\t13\tterm\tcrisis" in lines


def test_docs_example_loader_reads_json_articles_and_declines_others(examples):
    host = _host(examples)
    doc = host.load_document(b'{"title": "T", "paragraphs": ["One.", "Two."]}', "a.json")
    assert [(b.kind, doc.block_text(b)) for b in doc.blocks] == [
        ("title", "T"),
        ("p", "One."),
        ("p", "Two."),
    ]
    LayerTester(host).check(
        __import__("tei_annotate").annotate_document(doc, ["exclaim"], host=host)
    )
    assert host.load_document(b"T\n\nOne.", "a.txt").blocks[0].kind == "title"


# Fields the host fills in, which a plugin does not pass.
HOST_FILLED = {"layer", "origin"}


@pytest.mark.parametrize("cls_name", ["Annotation", "Entry", "Node", "Layer", "Option", "Format"])
def test_docs_constructors_list_every_field(cls_name):
    import attrs

    import tei_annotate

    fields = [f.name for f in attrs.fields(getattr(tei_annotate, cls_name))]
    match = re.search(rf"`{cls_name}\(([^`]*)\)`", DOC)
    assert match, f"docs/plugins.md shows no `{cls_name}(...)` signature"
    shown = [a.split("=")[0].strip() for a in re.split(r",\s*(?![^\[(]*[\])])", match.group(1))]
    assert shown == [f for f in fields if f not in HOST_FILLED]
