"""One long engine call (a pull, a push, a save, a load, a build) on a thread and client of
its own, which the asyncio side awaits and can cancel.

Why a thread of its own: such calls stream for minutes and would hold one of the engine's
few executor workers that short calls need. Why cancel by shutting the socket: a thread
blocked reading an answer cannot be interrupted otherwise, and the engine stops its work
(a pull, a build) when its client goes away.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from services.errors import translate_error

if TYPE_CHECKING:
    import docker

T = TypeVar("T")


class Stopped(Exception):
    """The job was cancelled; raised on its thread to leave the loop it is in."""


def shut(response: Any) -> None:
    """Shut an answer's socket from any thread, which wakes the thread blocked reading it."""
    import docker.types  # loaded by now: the answer is one the SDK's client gave

    with contextlib.suppress(Exception):
        docker.types.CancellableStream(iter(()), response).close()


class StreamJob(Generic[T]):
    """Run `work(job, client)` on a thread with a client of its own.

    `wait()` returns its result or raises its error, translated like every engine error
    (errors of the `keep` types stay as they are); cancelling the awaiting task, or
    `close()`, cancels: `stopped` turns true, the answer given to `hold()` is shut, and
    whatever the shut socket makes the work raise ends as a cancellation. A cancelled
    `wait()` returns only once the work has ended, so that its own clean-up (a partial
    file removed) is over by the time the cancel is told.
    """

    def __init__(
        self,
        make_client: Callable[[], docker.APIClient],
        endpoint: str,
        work: Callable[[StreamJob[T], docker.APIClient], T],
        name: str,
        keep: tuple[type[Exception], ...] = (),
    ) -> None:
        self._make_client = make_client
        self._endpoint = endpoint
        self._work = work
        self._keep = keep
        self._loop = asyncio.get_running_loop()
        self._done: asyncio.Future[T] = self._loop.create_future()
        self._ended: asyncio.Future[None] = self._loop.create_future()
        self._lock = threading.Lock()
        self._response: Any = None
        self.stopped = False
        self.thread = threading.Thread(target=self._main, name=name, daemon=True)
        self.thread.start()

    async def wait(self) -> T:
        try:
            return await self._done
        except asyncio.CancelledError:
            self.close()
            await self._ended
            raise
        finally:
            self.close()

    def close(self) -> None:
        with self._lock:
            self.stopped = True
            response = self._response
        if response is not None:
            shut(response)

    def hold(self, response: Any) -> None:
        """Keep the open answer so a cancel can shut it; when already cancelled, shut it
        and raise Stopped."""
        with self._lock:
            self._response = response
            stopped = self.stopped
        if stopped:
            shut(response)
            raise Stopped

    def post(self, call: Callable[..., None], *args: Any) -> None:
        """Call `call(*args)` on the loop's thread, from the job's."""
        with contextlib.suppress(RuntimeError):  # the loop is already closed: nobody listens
            self._loop.call_soon_threadsafe(call, *args)

    def _main(self) -> None:
        result: Any = None
        error: BaseException | None = None
        client = None
        try:
            client = self._make_client()
            result = self._work(self, client)
        except Stopped:
            pass  # settled as a cancellation below
        except self._keep as failure:
            error = failure
        except Exception as failure:
            error = translate_error(failure, self._endpoint)
        finally:
            if client is not None:
                client.close()
        self.post(self._settle, result, error)

    def _settle(self, result: Any, error: BaseException | None) -> None:
        if not self._ended.done():
            self._ended.set_result(None)
        if self._done.done():
            return
        if self.stopped:
            self._done.cancel()  # whatever the shut socket raised, the user cancelled it
        elif error is not None:
            self._done.set_exception(error)
        else:
            self._done.set_result(result)
