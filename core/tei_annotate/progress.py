"""The progress bar of a corpus run: documents, throughput and ETA on a terminal, silence elsewhere.

tqdm draws the bar (rate, ETA, terminal width, redraw throttling).  The total is
counted in a background thread so the run starts at once on a large corpus; until
it is known the bar shows counts and rate without an ETA.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import IO, Any

from tqdm import tqdm

from .runner import Outcome

__all__ = ["Progress"]


class Progress:
    """Reports each outcome: failures as lines, everything on the bar when there is one."""

    def __init__(
        self,
        enabled: bool | None = None,
        count: Callable[[], int] | None = None,
        stream: IO[str] | None = None,
    ) -> None:
        self.stream = stream or sys.stderr
        if enabled is None:
            enabled = self.stream.isatty()
        self.bar: Any = None  # a tqdm bar
        self._size = 0
        self._start = time.perf_counter()
        if enabled:
            self.bar = tqdm(
                total=None, unit="doc", file=self.stream, dynamic_ncols=True, smoothing=0.1
            )
            if count is not None:
                threading.Thread(target=self._count, args=(count,), daemon=True).start()

    def _count(self, count: Callable[[], int]) -> None:
        try:
            total = count()
        except Exception:  # an ETA is a nicety; the run reports real read errors itself
            return
        bar = self.bar
        if bar is not None:
            with bar.get_lock():
                bar.total = total
            bar.refresh()

    def __call__(self, outcome: Outcome) -> None:
        if outcome.status == "failed":
            named = outcome.name in outcome.message  # most of our errors name the file already
            self.write(f"annotate: {'' if named else outcome.name + ': '}{outcome.message}")
        if self.bar is not None:
            self._size += outcome.size
            elapsed = time.perf_counter() - self._start
            if elapsed > 0:
                self.bar.set_postfix_str(f"{self._size / elapsed / 1e6:.2f} MB/s", refresh=False)
            self.bar.update(1)

    def write(self, line: str) -> None:
        """Print a line above the bar (or plainly, without one)."""
        if self.bar is not None:
            self.bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
