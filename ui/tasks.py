"""Engine work started from a widget: kept alive until done, its failure handed back.

asyncio is imported with the first task: the pages are made before start-up imports it
(main.py paints the first rows first).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import asyncio


class TaskKeeper:
    """Holds strong references to a widget's tasks (asyncio keeps only weak ones).

    `on_error` gets the exception of a task that failed; `on_done` runs after every task.
    """

    def __init__(
        self, on_error: Callable[[BaseException], None], on_done: Callable[[], None] | None = None
    ) -> None:
        self._tasks: set[asyncio.Task] = set()
        self._on_error = on_error
        self._on_done = on_done

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def launch(self, work: Coroutine[Any, Any, Any]) -> asyncio.Task:
        import asyncio

        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def cancel_all(self) -> None:
        """Cancel every task still running: their widget is closing."""
        for task in list(self._tasks):
            task.cancel()

    def _finished(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        error = None if task.cancelled() else task.exception()
        if error is not None:
            self._on_error(error)
        if self._on_done is not None:
            self._on_done()
