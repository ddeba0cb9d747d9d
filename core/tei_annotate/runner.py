"""Running a corpus: one task per document, on this process, a process pool, or a cluster.

The main process only walks the inputs and keeps a bounded number of tasks in
flight; workers read, annotate, render and write each document themselves, so
nothing grows with the corpus.  Each worker builds its plugin host once and keeps
it.  A document that fails is reported by name and the run goes on, unless told to
stop at the first failure.

A process of ours (the CLI's, a pool worker) :func:`~.collector.settle` s after its
first document: its plugins and their lexicons, loaded by then, leave the cycle
collector's walks.  A process of someone else's (a Python session, a Dask worker) is
left as it is.
"""

from __future__ import annotations

import concurrent.futures as cf
import itertools
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

import attrs

from .api import annotate_bytes
from .collector import settle
from .corpus import DEFAULT_GLOB, Task, plan_run, read_input
from .errors import OutputError, TeiAnnotateError
from .formats import Format
from .output import write_atomic
from .plugins import PluginHost, get_host
from .validate import validate_tei

__all__ = [
    "Backend",
    "InProcess",
    "Outcome",
    "ProcessPool",
    "Rendered",
    "RunConfig",
    "Summary",
    "annotate_corpus",
    "default_jobs",
    "is_complete",
    "render_task",
    "run_corpus",
    "run_task",
    "write_outputs",
]

MAX_FAILURES_KEPT = 1000
# Below this many documents a pool costs more to start than it saves.
SMALL_RUN = 8


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen
class RunConfig:
    """What to do with every document; sent to each worker, so it must pickle.

    ``host_factory`` is a module-level function returning the plugin host; a worker
    calls it once and keeps the host for all its documents.  ``fsync`` syncs every
    output to disk; a corpus run does without (4 ms a file here) because a resumed
    run's ``--skip-existing`` redoes any output a crash left short.  ``timeout`` is the
    seconds each layer may take on one document before it is stopped (``--timeout``).
    """

    layers: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    options: Mapping[str, Mapping[str, object]] = attrs.field(factory=dict)
    format: str = "tei"
    validate: bool = False
    encoding: str | None = None
    host_factory: Callable[[], PluginHost] = get_host
    fsync: bool = False
    timeout: float | None = None


@attrs.frozen
class Outcome:
    """What became of one document."""

    name: str
    status: str  # "done", "failed" or "skipped"
    size: int = 0
    message: str = ""


@attrs.define
class Summary:
    """Counts for the end of a run; ``failures`` keeps the first names and messages."""

    done: int = 0
    failed: int = 0
    skipped: int = 0
    size: int = 0
    seconds: float = 0.0
    stopped: bool = False
    failures: list[tuple[str, str]] = attrs.Factory(list)

    def add(self, outcome: Outcome) -> None:
        if outcome.status == "done":
            self.done += 1
            self.size += outcome.size
        elif outcome.status == "skipped":
            self.skipped += 1
        else:
            self.failed += 1
            if len(self.failures) < MAX_FAILURES_KEPT:
                self.failures.append((outcome.name, outcome.message))

    def __str__(self) -> str:
        rate = ""
        if self.seconds > 0 and self.done:
            rate = f" ({self.done / self.seconds:,.1f} docs/s, {self.size / self.seconds / 1e6:,.2f} MB/s)"
        stop = "; stopped at the first failure" if self.stopped else ""
        return (
            f"{self.done:,} done, {self.failed:,} failed, {self.skipped:,} skipped "
            f"in {self.seconds:,.1f} s{rate}{stop}"
        )


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


_HOSTS: dict[Callable[[], PluginHost], PluginHost] = {}
_HOSTS_LOCK = threading.Lock()


def _worker_host(factory: Callable[[], PluginHost]) -> PluginHost:
    """The host for this worker, built on its first document (workers may be threads)."""
    with _HOSTS_LOCK:
        if factory not in _HOSTS:
            _HOSTS[factory] = factory()
        return _HOSTS[factory]


@attrs.frozen
class Rendered:
    """One document's output: the file's bytes, the files a reader needs beside it, the input size."""

    data: bytes
    companions: Mapping[str, bytes] = attrs.field(factory=dict)
    size: int = 0


def render_task(task: Task, config: RunConfig, host: PluginHost) -> Rendered:
    """Annotate and render one task; raises our errors."""
    data = task.data if task.data is not None else read_input(task.source)
    fmt: Format = host.format(config.format)
    result = annotate_bytes(
        data,
        config.layers,
        options=config.options,
        name=task.document_name,
        encoding=task.encoding or config.encoding,
        host=host,
        timeout=config.timeout,
    )
    try:
        rendered = fmt.render(result)
        companions = fmt.companions(result) if fmt.companions else {}
    except TeiAnnotateError:
        raise
    except Exception as exc:  # a format is plugin code: name it, let the run go on
        plugin = host.format_plugin.get(fmt.name, "?")
        raise OutputError(
            f"{task.name}: format {fmt.name!r} (plugin {plugin!r}) failed: "
            f"{type(exc).__name__}: {exc}"
        ) from exc
    if not isinstance(rendered, bytes):
        raise OutputError(
            f"{task.name}: format {fmt.name!r} returned {type(rendered).__name__}, not bytes"
        )
    if config.validate:
        tei = rendered if fmt.is_tei else result.render("tei", host)
        validate_tei(tei, task.name, source=result.document.text)
    return Rendered(rendered, companions, len(data))


def write_outputs(target: Path, rendered: Rendered, source: Path | None, durable: bool) -> None:
    """Write the output and its companions (same stem, their suffix) atomically, never over
    the input; a companion already there with the same bytes is left alone.  Companions
    go first, so an output exists only once everything beside it is written."""
    inputs = [source] if source is not None else []
    for suffix, data in rendered.companions.items():
        path = target.with_name(target.stem + suffix)
        if not (path.is_file() and path.read_bytes() == data):
            write_atomic(path, data, inputs=inputs, durable=durable)
    write_atomic(target, rendered.data, inputs=inputs, durable=durable)


_OURS = threading.Event()  # this process is ours alone: see own_process


def own_process() -> None:
    """Declare this process ours alone (the CLI's, a pool worker): it
    :func:`~.collector.settle` s once it has run its first document."""
    _OURS.set()


def run_task(task: Task, config: RunConfig, host: PluginHost | None = None) -> Outcome:
    """Annotate one document and write its output: what a worker runs.  Never raises.

    ``host`` defaults to this worker's own, built once from ``config.host_factory``.
    """
    outcome = _run_task(task, config, host)
    if _OURS.is_set():
        settle()  # acts on the first document only
    return outcome


def _run_task(task: Task, config: RunConfig, host: PluginHost | None) -> Outcome:
    if task.error is not None:
        return Outcome(task.name, "failed", message=task.error)
    try:
        assert task.target is not None
        rendered = render_task(task, config, host or _worker_host(config.host_factory))
        write_outputs(task.target, rendered, task.source, durable=config.fsync)
    except TeiAnnotateError as exc:
        return Outcome(task.name, "failed", message=str(exc))
    except Exception as exc:
        detail = "".join(traceback.format_exception(exc)).rstrip()
        return Outcome(task.name, "failed", message=f"internal error, please report:\n{detail}")
    return Outcome(task.name, "done", size=rendered.size)


def is_complete(path: Path, fmt: Format) -> bool:
    """Whether ``path`` holds a whole output: outputs are written atomically, so a file at
    the final name is whole unless something else wrote it; TEI and JSON also end right."""
    try:
        size = path.stat().st_size
        if size == 0 or not path.is_file():
            return False
        with path.open("rb") as fh:
            fh.seek(max(0, size - 64))
            tail = fh.read().rstrip()
    except OSError:
        return False
    if fmt.is_tei:
        return tail.endswith(b"</TEI>")
    if fmt.suffix == ".json":
        return tail.endswith((b"}", b"]"))
    return True


class Backend(Protocol):
    """Where tasks run: ``submit`` up to ``capacity`` tasks, ``wait`` for some to finish."""

    capacity: int

    def submit(self, task: Task, config: RunConfig) -> None: ...
    def pending(self) -> int: ...
    def wait(self) -> list[Outcome]: ...
    def shutdown(self, cancel: bool) -> None: ...


class InProcess:
    """Runs each task as it is submitted, in this process (``--jobs 1``), with ``host``
    (default: the one ``host_factory`` builds)."""

    capacity = 1

    def __init__(self, host: PluginHost | None = None) -> None:
        self._done: list[Outcome] = []
        self.host = host

    def submit(self, task: Task, config: RunConfig) -> None:
        self._done.append(run_task(task, config, self.host))

    def pending(self) -> int:
        return len(self._done)

    def wait(self) -> list[Outcome]:
        done, self._done = self._done, []
        return done

    def shutdown(self, cancel: bool) -> None:
        self._done = []


class ProcessPool:
    """A pool of ``jobs`` worker processes, started fresh (spawn) so no thread or lock leaks in.

    A worker that dies (a crash in a C extension, ``os._exit``, out of memory) breaks
    the whole pool.  The documents it held are then run again one at a time in a new
    pool, so only the document that kills a worker fails, named, and the others go on.
    """

    def __init__(self, jobs: int, per_worker: int = 4) -> None:
        self.jobs = jobs
        self.capacity = jobs * per_worker
        self._pool = self._new_pool()
        self._futures: dict[cf.Future[Outcome], tuple[Task, RunConfig]] = {}

    def _new_pool(self) -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(
            self.jobs, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker
        )

    def _renew(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()

    def submit(self, task: Task, config: RunConfig) -> None:
        self._futures[self._pool.submit(run_task, task, config)] = (task, config)

    def pending(self) -> int:
        return len(self._futures)

    def wait(self) -> list[Outcome]:
        done, _ = cf.wait(self._futures, return_when=cf.FIRST_COMPLETED)
        out = []
        suspects = []
        for fut in done:
            task, config = self._futures.pop(fut)
            try:
                out.append(fut.result())
            except Exception:  # the worker process died: the pool is broken
                suspects.append((task, config))
        if suspects:
            suspects += self._futures.values()
            self._futures = {}
            self._renew()
            out += [self._alone(task, config) for task, config in suspects]
        return out

    def _alone(self, task: Task, config: RunConfig) -> Outcome:
        """Run one task by itself, so a worker that dies names its own document."""
        try:
            return self._pool.submit(run_task, task, config).result()
        except Exception as exc:
            self._renew()
            return Outcome(task.name, "failed", message=f"the worker process died on it: {exc!r}")

    def shutdown(self, cancel: bool) -> None:
        self._pool.shutdown(wait=True, cancel_futures=cancel)
        self._futures = {}


def _start_worker() -> None:
    """Workers ignore Ctrl-C: the main process gets it, cancels the queue and lets them
    finish.  A worker is a process of ours alone (see :func:`own_process`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    own_process()


class StopRun(Exception):
    """Raised by an outcome callback to end the run early."""


def run_corpus(
    tasks: Iterable[Task],
    config: RunConfig,
    *,
    backend: Backend | None = None,
    jobs: int | None = None,
    skip_existing: bool = False,
    fail_fast: bool = False,
    on_outcome: Callable[[Outcome], None] | None = None,
    host: PluginHost | None = None,
) -> Summary:
    """Run every task and return the counts; a failed document never stops the others
    unless ``fail_fast``.  ``backend`` defaults to a process pool of ``jobs`` workers
    (all cores), or this process when ``jobs`` is 1 or the run is small; ``host`` is
    the one to use in this process (workers build theirs with ``config.host_factory``)."""
    host = host or config.host_factory()
    fmt = host.format(config.format)  # fail on a bad format before starting workers
    if backend is None:
        jobs = jobs or default_jobs()
        tasks = iter(tasks)
        first = list(itertools.islice(tasks, SMALL_RUN))
        small = len(first) < SMALL_RUN
        tasks = itertools.chain(first, tasks)
        backend = InProcess(host) if jobs == 1 or small else ProcessPool(jobs)
    summary = Summary()
    start = time.perf_counter()

    def handle(outcomes: Iterable[Outcome]) -> None:
        for outcome in outcomes:
            summary.add(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
            if fail_fast and outcome.status == "failed":
                summary.stopped = True
                raise StopRun

    cancel = False
    try:
        for task in _checked(tasks):
            if skip_existing and task.target is not None and is_complete(task.target, fmt):
                handle([Outcome(task.name, "skipped")])
                continue
            while backend.pending() >= backend.capacity:
                handle(backend.wait())
            backend.submit(task, config)
        while backend.pending():
            handle(backend.wait())
    except StopRun:
        cancel = True
    except BaseException:
        cancel = True
        raise
    finally:
        backend.shutdown(cancel=cancel)
        summary.seconds = time.perf_counter() - start
    return summary


def _checked(tasks: Iterable[Task]) -> Iterator[Task]:
    for task in tasks:
        if task.target is None and task.error is None:
            raise OutputError(f"{task.name}: a corpus run needs an output path for every document")
        yield task


def annotate_corpus(
    inputs: Iterable[str | Path],
    output: str | Path,
    config: RunConfig | None = None,
    *,
    globs: Iterable[str] = DEFAULT_GLOB,
    jobs: int | None = None,
    scheduler: str | Any | None = None,
    skip_existing: bool = False,
    fail_fast: bool = False,
    on_outcome: Callable[[Outcome], None] | None = None,
    host: PluginHost | None = None,
) -> Summary:
    """Annotate files, directories and JSONL corpora into ``output``, mirroring the inputs.

    Runs on ``jobs`` local processes (default: every core), or on the Dask cluster
    whose scheduler address (or ``distributed.Client``) is ``scheduler``.

    >>> config = RunConfig(layers=["numbers"], format="tei")
    >>> summary = annotate_corpus(["news/"], "tei/", config, jobs=4)  # doctest: +SKIP
    >>> summary.failed, summary.failures[:1]  # doctest: +SKIP
    """
    config = config or RunConfig()
    host = host or config.host_factory()
    suffix = host.format(config.format).suffix
    plan = plan_run([str(i) for i in inputs], Path(output), suffix, tuple(globs))
    backend: Backend | None = None
    if scheduler is not None:
        from .cluster import DaskBackend

        backend = DaskBackend(scheduler)
    return run_corpus(
        plan.tasks,
        config,
        backend=backend,
        jobs=jobs,
        skip_existing=skip_existing,
        fail_fast=fail_fast,
        on_outcome=on_outcome,
        host=host,
    )
