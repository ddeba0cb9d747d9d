"""Layer options from annotate.toml, pyproject.toml and --option, checked against declarations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tei_annotate import Annotation, Layer, Option, hookimpl, make_host, plugins
from tei_annotate.cli import main
from tei_annotate.config import Config, find_config, load_config


def _cue(document, context):
    word = context.options["word"]
    start = document.text.find(word)
    if start >= 0 and context.options["enabled"]:
        yield Annotation(start, start + len(word), "seg", attrs={"n": context.options["times"]})


class CuePlugin:
    @hookimpl
    def register_layers(self, register):
        register(
            Layer(
                "cue",
                _cue,
                version="1.0",
                produces=("seg",),
                options=(
                    Option("word", str, "paragraph", "the word to mark"),
                    Option("times", int, 1, "a number"),
                    Option("enabled", bool, True, "mark at all"),
                    Option("lexicon", Path, None, "a file"),
                ),
            )
        )


@pytest.fixture
def cue_host(monkeypatch):
    host = make_host(load_entrypoints=False, plugins=[CuePlugin()])
    monkeypatch.setattr(plugins, "_HOST", host)
    return host


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.txt").write_text("Title\n\nA paragraph here.\n", encoding="utf-8")
    return tmp_path


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_config_annotate_toml_sets_layers_and_typed_options(cue_host, project, capsys):
    (project / "annotate.toml").write_text(
        'plugins = ["cue"]\n[options.cue]\nword = "here"\ntimes = 3\n', encoding="utf-8"
    )
    code, out, err = run_cli(capsys, "in.txt")
    assert (code, err) == (0, "")
    assert '<seg n="3" resp="#app.cue">here</seg>' in out


def test_config_command_line_overrides_file(cue_host, project, capsys):
    (project / "annotate.toml").write_text('[options.cue]\nword = "here"\n', encoding="utf-8")
    code, out, _ = run_cli(capsys, "in.txt", "--plugins", "cue", "--option", "cue.times=7")
    assert code == 0
    assert '<seg n="7" resp="#app.cue">here</seg>' in out


def test_config_pyproject_tool_table_is_read(cue_host, project):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.tei-annotate]\nplugins = "cue"\n'
        "[tool.tei-annotate.options.cue]\nenabled = false\n",
        encoding="utf-8",
    )
    config = load_config()
    assert config.plugins == ("cue",)
    assert config.settings(cue_host) == (["cue"], {"cue": {"enabled": False}})


def test_config_search_stops_at_first_pyproject(tmp_path):
    (tmp_path / "annotate.toml").write_text("plugins = []\n", encoding="utf-8")
    inner = tmp_path / "project" / "src"
    inner.mkdir(parents=True)
    assert find_config(inner) == tmp_path / "annotate.toml"
    (tmp_path / "project" / "pyproject.toml").write_text("[project]\n", encoding="utf-8")
    assert find_config(inner) == tmp_path / "project" / "pyproject.toml"
    assert load_config(start=inner) == Config()


def test_config_relative_path_option_is_relative_to_the_file(cue_host, tmp_path):
    (tmp_path / "annotate.toml").write_text('[options.cue]\nlexicon = "words.tsv"\n')
    config = load_config(tmp_path / "annotate.toml")
    _, options = config.settings(cue_host, ["cue"])
    assert options["cue"]["lexicon"] == tmp_path / "words.tsv"


def test_config_options_of_unselected_layers_are_checked_but_not_passed(cue_host, tmp_path):
    (tmp_path / "annotate.toml").write_text("[options.cue]\ntimes = 2\n")
    assert load_config(tmp_path / "annotate.toml").settings(cue_host, []) == ([], {})


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[options.cue]\ntimes = 'many'\n", "option cue.times expects int, got 'many'"),
        ("[options.cue]\ntimez = 2\n", "layer 'cue' has no option 'timez' (its options: enabled,"),
        ("[options.nope]\nx = 1\n", "options for unknown layer 'nope' (available: cue)"),
        ("plugin = ['cue']\n", "unknown key 'plugin' (valid: plugins, options)"),
        ("plugins = [1]\n", "'plugins' must be a list of layer names"),
        ("options = 3\n", "'options' must hold one table per layer"),
        ("plugins = [\n", "not valid TOML"),
    ],
)
def test_config_errors_are_one_line_naming_the_file(cue_host, project, capsys, toml, message):
    (project / "annotate.toml").write_text(toml, encoding="utf-8")
    code, out, err = run_cli(capsys, "in.txt")
    assert (code, out) == (1, "")
    (line,) = err.splitlines()
    assert line.startswith(f"annotate: [E210] {project / 'annotate.toml'}: ")
    assert message in line


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("cue.times=x", "[E210] option cue.times expects int, got 'x'"),
        ("cue.colour=red", "[E210] layer 'cue' has no option 'colour' (its options: enabled,"),
        ("cue.enabled=maybe", "[E210] option cue.enabled expects bool, got 'maybe'"),
        ("cuetimes=1", "[E210] --option 'cuetimes=1': write it as LAYER.KEY=VALUE"),
        ("other.x=1", "[E210] options given for layer 'other', which is not selected"),
    ],
)
def test_option_flag_rejects_bad_values_in_one_line(cue_host, project, capsys, option, message):
    code, out, err = run_cli(capsys, "in.txt", "--plugins", "cue", "--option", option)
    assert (code, out) == (1, "")
    (line,) = err.splitlines()
    assert message in line


def test_config_explicit_file_flag(cue_host, project, capsys):
    (project / "settings.toml").write_text('plugins = ["cue"]\n', encoding="utf-8")
    code, out, _ = run_cli(capsys, "in.txt", "--config", "settings.toml")
    assert code == 0
    assert '<seg n="1" resp="#app.cue">paragraph</seg>' in out


def test_plugins_json_shows_options_with_types_and_defaults(cue_host, capsys):
    code, out, _ = run_cli(capsys, "plugins", "--json")
    assert code == 0
    (layer,) = json.loads(out)["layers"]
    assert layer["options"][1] == {"name": "times", "type": "int", "default": 1, "help": "a number"}
    assert layer["options"][3]["type"] == "Path"
