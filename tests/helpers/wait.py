"""Waiting in tests on a condition, never on the clock: a fixed pause is either too short on a
loaded machine (a flaky test) or longer than needed everywhere (a slow one)."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerState

STEP_S = 0.02
WITHIN_S = 10.0


async def wait_for(
    pilot: Pilot[Any], done: Callable[[], object], *, within: float = WITHIN_S
) -> None:
    """Let the app run on its own timers and workers until `done()` holds; fail if it never does
    within `within` seconds (generous: a loaded CI machine is slow, not wrong)."""
    deadline = time.monotonic() + within
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"not so within {within} s: {getattr(done, '__name__', done)}")
        await pilot.pause(STEP_S)


async def eventually(done: Callable[[], object], *, within: float = WITHIN_S) -> None:
    """The same in a test's own event loop (a web server's clients, no app)."""
    deadline = time.monotonic() + within
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"not so within {within} s: {getattr(done, '__name__', done)}")
        await asyncio.sleep(STEP_S)


def until(done: Callable[[], object], *, within: float = WITHIN_S) -> None:
    """The same outside an app: `done()` is asked again and again until it holds."""
    deadline = time.monotonic() + within
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"not so within {within} s: {getattr(done, '__name__', done)}")
        time.sleep(STEP_S)


async def settle(pilot: Pilot[Any]) -> None:
    """Let thread workers finish and their results reach the screen.

    A worker cancelled on the way counts as finished: a dialog that closes cancels its own (and
    WorkerManager.wait_for_complete would raise WorkerCancelled and stop waiting for the rest).
    A worker that failed still raises."""
    app = pilot.app
    for _ in range(3):
        for worker in list(app.workers):
            if worker.state is not WorkerState.PENDING:
                with contextlib.suppress(WorkerCancelled):
                    await worker.wait()
        await pilot.pause()
