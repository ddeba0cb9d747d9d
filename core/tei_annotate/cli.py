"""The ``annotate`` command.

``annotate [INPUT]...`` runs the default ``run`` command; ``annotate plugins`` lists
what is installed.  Our own errors print as one line on stderr with exit code 1;
anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from .api import annotate_bytes
from .config import load_config
from .errors import InputError, OptionError, OutputError, TeiAnnotateError
from .formats import Format
from .inventory import describe, describe_lines
from .loader import decode
from .output import write_atomic
from .plugins import get_host
from .result import Result
from .validate import validate_tei

__all__ = ["main"]


class DefaultGroup(click.Group):
    """A group whose arguments go to ``run`` unless the first one names a subcommand."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (
            args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")
        ):
            args = ["run", *args]
        return super().parse_args(ctx, args)


def _version() -> str:
    from .plugins import _own_version

    return _own_version()


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(_version(), prog_name="annotate")
def cli() -> None:
    """Turn plain news text into TEI P5 XML with annotation layers.

    \b
    annotate [INPUT]... [--plugins a,b] [--format tei] [-o OUT]   (the run command)
    annotate plugins [--json]                                    (installed layers)
    """


def _split_plugins(values: Sequence[str]) -> list[str]:
    return [n.strip() for v in values for n in v.split(",") if n.strip()]


def _parse_options(values: Sequence[str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for v in values:
        key, sep, value = v.partition("=")
        layer, dot, name = key.partition(".")
        if not sep or not dot or not layer or not name:
            raise OptionError(f"--option {v!r}: write it as LAYER.KEY=VALUE")
        out.setdefault(layer.strip(), {})[name.strip()] = value
    return out


def _read(source: str) -> tuple[bytes, str, Path | None]:
    if source == "-":
        return sys.stdin.buffer.read(), "<stdin>", None
    path = Path(source)
    try:
        return path.read_bytes(), path.name, path
    except IsADirectoryError:
        raise InputError(f"{source}: is a directory") from None
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc.strerror}") from None


@cli.command()
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("-p", "--plugins", "plugins", multiple=True, help="Layers to run, comma-separated.")
@click.option("-f", "--format", "fmt", default="tei", show_default=True, help="Output format.")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Output file (one input) or directory."
)
@click.option("--validate", is_flag=True, help="Check TEI output against tei_all and its pointers.")
@click.option("--encoding", help="Read inputs in this encoding instead of UTF-8.")
@click.option(
    "-O",
    "--option",
    "options",
    multiple=True,
    metavar="LAYER.KEY=VALUE",
    help="Set a layer option.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Settings file (default: annotate.toml or [tool.tei-annotate] in pyproject.toml).",
)
def run(
    inputs: tuple[str, ...],
    plugins: tuple[str, ...],
    fmt: str,
    output: Path | None,
    validate: bool,
    encoding: str | None,
    options: tuple[str, ...],
    config_path: Path | None,
) -> None:
    """Annotate INPUT files (or stdin, given '-' or nothing) and write the result."""
    host = get_host()
    for broken in host.broken.values():
        click.echo(f"annotate: warning: {broken}", err=True)
    config = load_config(config_path)
    layers, opts = config.settings(host, _split_plugins(plugins), _parse_options(options))
    fmt_obj = host.format(fmt)
    sources = list(inputs) or ["-"]
    if sources.count("-") > 1:
        raise InputError("stdin ('-') can be read only once")
    many = len(sources) > 1
    if many and output is None:
        raise OutputError("several inputs need -o DIRECTORY for their outputs")
    if many and output is not None and output.exists() and not output.is_dir():
        raise OutputError(f"{output}: exists and is not a directory")
    targets = _targets(sources, output, fmt_obj.suffix, many)
    failures: list[str] = []
    for source, target in zip(sources, targets, strict=True):
        try:
            data, name, _ = _read(source)
            result = annotate_bytes(
                data, layers, options=opts, name=name, encoding=encoding, host=host
            )
            rendered = fmt_obj.render(result)
            if validate:
                validate_tei(
                    rendered if fmt_obj.is_tei else result.render("tei", host),
                    name,
                    source=result.document.text,
                )
            if target is None:
                sys.stdout.buffer.write(rendered)
                sys.stdout.buffer.flush()
            else:
                write_atomic(target, rendered, inputs=_input_paths(sources))
                _write_companions(fmt_obj, result, target, _input_paths(sources))
        except TeiAnnotateError as exc:
            if not many:
                raise
            failures.append(str(exc))
            click.echo(f"annotate: {exc}", err=True)
    if failures:
        raise click.exceptions.Exit(1)


def _write_companions(fmt: Format, result: Result, target: Path, inputs: list[Path]) -> None:
    """Write the files a format's readers need beside ``target``; an identical file is kept."""
    for suffix, data in (fmt.companions(result) if fmt.companions else {}).items():
        path = target.with_name(target.stem + suffix)
        if not (path.is_file() and path.read_bytes() == data):
            write_atomic(path, data, inputs=inputs)


def _input_paths(sources: Sequence[str]) -> list[Path]:
    return [Path(s) for s in sources if s != "-"]


def _targets(sources: list[str], output: Path | None, suffix: str, many: bool) -> list[Path | None]:
    if not many:
        return [output]
    assert output is not None
    stems: dict[str, str] = {}
    out: list[Path | None] = []
    for s in sources:
        stem = "stdin" if s == "-" else Path(s).stem
        if stem in stems:
            raise OutputError(f"inputs {stems[stem]} and {s} would both write {stem}{suffix}")
        stems[stem] = s
        out.append(output / f"{stem}{suffix}")
    return out


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def plugins(as_json: bool) -> None:
    """List the installed layers (with options), formats, and broken plugins."""
    host = get_host()
    if as_json:
        click.echo(json.dumps(describe(host), indent=2))
    else:
        click.echo("\n".join(describe_lines(host)))


@cli.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--source",
    type=click.Path(path_type=Path),
    help="The plain text FILE came from: also check its text was not changed.",
)
@click.option("--encoding", help="Read --source in this encoding instead of UTF-8.")
def validate_cmd(files: tuple[Path, ...], source: Path | None, encoding: str | None) -> None:
    """Check TEI FILES against tei_all and their pointers; problems as FILE:LINE: message."""
    if source is not None and len(files) > 1:
        raise InputError("--source checks one FILE at a time")
    text = decode(_read(str(source))[0], str(source), encoding) if source else None
    bad = 0
    for f in files:
        data, _, _ = _read(str(f))
        try:
            validate_tei(data, str(f), source=text)
        except TeiAnnotateError as exc:
            bad += 1
            problems = getattr(exc, "problems", ()) or (str(exc),)
            for p in problems:  # FILE:LINE: message, as compilers write it for editors
                line, colon, message = p.removeprefix("line ").partition(": ")
                where = f"{line}:" if colon and line.isdigit() else ""
                click.echo(f"{f}:{where} {message if where else p}", err=True)
        else:
            click.echo(f"{f}: valid")
    if bad:
        raise click.exceptions.Exit(1)


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point: our errors as one line, exit code 1."""
    try:
        code = cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="annotate",
            standalone_mode=False,
        )
    except TeiAnnotateError as exc:
        click.echo(f"annotate: {exc}", err=True)
        sys.exit(1)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted!", err=True)
        sys.exit(1)
    except BrokenPipeError:
        sys.exit(1)
    if isinstance(code, int):
        sys.exit(code)
