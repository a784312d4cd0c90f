"""A rich progress bar per host: report candidates fetched out of those found so far."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn


class CrawlProgress:
    def __init__(self, console: Console | None = None) -> None:
        self._progress = Progress(
            TextColumn("{task.description}", justify="left"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console or Console(stderr=True),
        )
        self._tasks: dict[str, TaskID] = {}
        self._found: dict[str, int] = {}

    def _task(self, host: str) -> TaskID:
        if host not in self._tasks:
            self._tasks[host] = self._progress.add_task(host, total=0)
        return self._tasks[host]

    def found(self, host: str) -> None:
        self._found[host] = self._found.get(host, 0) + 1
        self._progress.update(self._task(host), total=self._found[host])

    def fetched(self, host: str) -> None:
        self._progress.advance(self._task(host))

    def __enter__(self) -> CrawlProgress:
        self._progress.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._progress.stop()
