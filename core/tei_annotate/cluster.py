"""Running a corpus on a Dask distributed cluster instead of a local process pool.

Dask does the scheduling, worker management and failure handling we would
otherwise have to write; this module only feeds it one task per document, a
bounded number at a time.  Workers read inputs and write outputs themselves, so
they need the paths on a shared filesystem and tei-annotate (with the same plugins)
installed.  Dask is an optional extra: ``pip install 'tei-annotate[dask]'``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .corpus import Task
from .errors import CorpusError
from .runner import Outcome, RunConfig, run_task

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["DaskBackend"]


def _client(scheduler: str | Client, timeout: str) -> Client:
    try:
        from distributed import Client
    except ImportError:
        raise CorpusError(
            "--scheduler needs Dask distributed: pip install 'tei-annotate[dask]'"
        ) from None
    if isinstance(scheduler, Client):
        return scheduler
    try:
        return Client(scheduler, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        raise CorpusError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None


class DaskBackend:
    """Submit tasks to a Dask cluster, keeping ``per_thread`` tasks per worker thread in flight.

    ``scheduler`` is an address (``tcp://host:8786``) or a ``distributed.Client``;
    a client made here is closed by :meth:`shutdown`.
    """

    def __init__(
        self, scheduler: str | Client, per_thread: int = 4, connect_timeout: str = "10s"
    ) -> None:
        self.client = _client(scheduler, connect_timeout)
        self._own = isinstance(scheduler, str)
        threads = sum(self.client.nthreads().values()) or 1
        self.capacity = threads * per_thread
        self._futures: dict[Any, str] = {}

    def submit(self, task: Task, config: RunConfig) -> None:
        future = self.client.submit(run_task, task, config, pure=False)
        self._futures[future] = task.name

    def pending(self) -> int:
        return len(self._futures)

    def wait(self) -> list[Outcome]:
        from distributed import wait

        done = wait(list(self._futures), return_when="FIRST_COMPLETED").done
        out = []
        for fut in done:
            name = self._futures.pop(fut)
            try:
                out.append(fut.result())
            except Exception as exc:  # the worker died or the task was lost
                out.append(Outcome(name, "failed", message=f"Dask task failed: {exc!r}"))
        return out

    def shutdown(self, cancel: bool) -> None:
        if cancel and self._futures:
            self.client.cancel(list(self._futures))
        self._futures = {}
        if self._own:
            self.client.close()
