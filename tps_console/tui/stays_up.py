"""The desk and the panel stay up whatever a screen or a worker raises.

A bug that slips past the tests must not end the polling day: the officer would face a traceback
in English and a desk to restart with a queue waiting. Whatever escapes a screen's handler, a key's
action or a thread worker is written to an error note for IT staff (`error_notes`), said on
screen in the day's words (a known fault of the disk or the server as such), and the desk goes
on where it was. Nothing is lost by going on: every change is one transaction, so whatever failed
recorded nothing.

Textual ends the app on any exception that reaches it, and a message loop that raised stops
for good, so the catch must sit where handlers are called: `Guarded` around each screen's own
dispatch, `StaysUp` around the app's actions and as the last stop (workers' failures).
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.message import Message
from textual.worker import WorkerFailed

from tps_console.i18n import t
from tps_console.machine.error_notes import as_fault


class StaysUp:
    """Mix into the app first: `class DeskApp(StaysUp, …, App)`. `fault_path`: the station the
    app works on, named in a fault's words."""

    fault_path: Any = None

    def unforeseen(self, error: BaseException) -> None:
        fault = as_fault(error, self.fault_path)
        app: App[Any] = self  # type: ignore[assignment]
        app.notify(t(fault.key, **fault.params), severity="error", timeout=60, markup=False)

    def _handle_exception(self, error: Exception) -> None:
        if isinstance(error, WorkerFailed) and isinstance(error.error, Exception):
            # The worker has ended; the screens' message loops are untouched.
            self.unforeseen(error.error)
            return
        super()._handle_exception(error)  # type: ignore[misc]

    async def run_action(self, *args: Any, **kwargs: Any) -> bool:
        try:
            return bool(await super().run_action(*args, **kwargs))  # type: ignore[misc]
        except Exception as error:
            self.unforeseen(error)
            return True


class Guarded:
    """Mix into a screen: what its handlers raise is said, and the screen goes on."""

    async def _on_message(self, message: Message) -> None:
        try:
            await super()._on_message(message)  # type: ignore[misc]
        except Exception as error:
            unforeseen = getattr(self.app, "unforeseen", None)  # type: ignore[attr-defined]
            if unforeseen is None:
                raise
            unforeseen(error)
