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

from .config import load_config
from .corpus import DEFAULT_GLOB, Task, count_documents, plan_run, read_input
from .errors import InputError, OptionError, TeiAnnotateError
from .inventory import describe, describe_lines
from .loader import decode
from .plugins import PluginHost, get_host
from .progress import Progress
from .runner import (
    RunConfig,
    annotate_corpus,
    is_complete,
    own_process,
    render_task,
    write_outputs,
)
from .validate import validate_tei
from .version import own_version

__all__ = ["main"]


class DefaultGroup(click.Group):
    """A group whose arguments go to ``run`` unless the first one names a subcommand."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (
            args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")
        ):
            args = ["run", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(own_version(), prog_name="annotate")
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
@click.option(
    "-g",
    "--glob",
    "globs",
    multiple=True,
    metavar="PATTERN",
    help="Files to take from input directories (default *.txt; repeatable).",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: all cores)."
)
@click.option("--skip-existing", is_flag=True, help="Skip documents whose output is complete.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first failed document.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("--scheduler", metavar="ADDRESS", help="Run on a Dask cluster (tcp://HOST:PORT).")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Stop a layer that runs longer than this on one document (that document fails).",
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
    globs: tuple[str, ...],
    jobs: int | None,
    skip_existing: bool,
    fail_fast: bool,
    quiet: bool,
    scheduler: str | None,
    timeout: float | None,
) -> None:
    """Annotate INPUT files, directories or JSONL corpora (or stdin) and write the results.

    One file goes to OUT or stdout; several inputs, a directory (walked recursively)
    or a JSONL corpus ({"id", "text"} per line) go under -o DIRECTORY, mirrored.
    """
    host = get_host()
    for broken in host.broken.values():
        click.echo(f"annotate: warning: {broken}", err=True)
    settings = load_config(config_path)
    layers, opts = settings.settings(host, _split_plugins(plugins), _parse_options(options))
    fmt_obj = host.format(fmt)
    config = RunConfig(
        layers=layers,
        options=opts,
        format=fmt,
        validate=validate,
        encoding=encoding,
        timeout=timeout,
    )
    plan = plan_run(inputs, output, fmt_obj.suffix, globs or DEFAULT_GLOB)
    if plan.single:
        _run_single(next(plan.tasks), config, host, skip_existing)
        return
    assert output is not None  # plan_run insists on it for a corpus
    own_process()  # with --jobs 1, the documents run here
    progress = Progress(
        enabled=False if quiet else None,
        count=lambda: count_documents(inputs, globs or DEFAULT_GLOB, output),
    )
    try:
        summary = annotate_corpus(
            inputs,
            output,
            config,
            globs=globs or DEFAULT_GLOB,
            jobs=jobs,
            scheduler=scheduler,
            skip_existing=skip_existing,
            fail_fast=fail_fast,
            on_outcome=progress,
            host=host,
        )
    finally:
        progress.close()
    if not quiet:
        click.echo(f"annotate: {summary}", err=True)
    if summary.failed:
        raise click.exceptions.Exit(1)


def _run_single(task: Task, config: RunConfig, host: PluginHost, skip_existing: bool) -> None:
    """One input to one file or stdout; its errors stop the command."""
    target = task.target
    if skip_existing and target is not None and is_complete(target, host.format(config.format)):
        return
    rendered = render_task(task, config, host)
    if target is None:
        sys.stdout.buffer.write(rendered.data)
        sys.stdout.buffer.flush()
    else:
        write_outputs(target, rendered, task.source, durable=True)


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
    text = decode(read_input(source), str(source), encoding) if source else None
    bad = 0
    for f in files:
        data = read_input(f)
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
    except KeyboardInterrupt:
        click.echo("annotate: interrupted", err=True)
        sys.exit(130)
    if isinstance(code, int):
        sys.exit(code)
