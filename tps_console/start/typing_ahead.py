"""Keys typed ahead reach what they were typed for, one by one, in order.

A fast typist (or a scanner) sends "n", the polling date, Tab, the roll's path and Enter in one
burst; in the chair's step, "ketua", Tab, "Siti Aminah". Textual hands each key to the widget
focused when the app reads it, and what a key does (Tab moving the focus, Enter opening the next
step, a step setting its first field's focus) happens a few messages later: keys read meanwhile
land in the field or screen before, or on a screen not shown yet, and are merged or lost.

So the start app hands on one key at a time, the next only once the one before has done all it
set off: every message queue of the app and of its screen empty, the screen mounted, and no
worker of the screen or the app running (a step reading the roll or making the station). Keys
typed before the terminal is in raw mode pass its line discipline, which turns Enter into a
line feed (Textual reads Ctrl+J): handed on as Enter, as the desk takes it.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import Any

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import Worker

from tps_console.start.textual_private import waiting_message

LINE_FEED = "ctrl+j"
# Said at once, whatever waits: quitting never queues behind a step that is busy.
QUIT = frozenset({"ctrl+q"})
POLL_S = 0.01  # while a screen mounts or a worker runs
QUIET_ROUNDS = 2
ROUND_TIMEOUT_S = 1.0  # a node removed while a round trip to it was under way never answers


class KeysInOrder:
    """What one app's keys wait in. `takes(event)` in the app's `on_event`: True when the key
    waits here (the app then does nothing more with it); the key handed on is let through."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.waiting: deque[events.Key] = deque()
        self.handed_on: list[events.Key] = []
        self.worker: Worker[None] | None = None

    def takes(self, event: events.Event) -> bool:
        if (
            not isinstance(event, events.Key)
            or event.is_forwarded  # on its way back up from the widget it went to
            or any(event is key for key in self.handed_on)
            or event.key in QUIT
        ):
            return False
        enter = event.key == LINE_FEED
        key = events.Key("enter", "\r") if enter else events.Key(event.key, event.character)
        self.waiting.append(key)
        if self.worker is None:
            self.worker = self.app.run_worker(self._hand_on(), name="keys in order", group="keys")
        return True

    async def _hand_on(self) -> None:
        while True:
            await self._settled()
            if not self.waiting:
                # No await between this look and the next line: a key read after it starts a
                # new worker.
                self.worker = None
                return
            self.handed_on = [self.waiting.popleft()]
            # Characters typed into a text field only go into it, in the order they come:
            # a run of them is handed on at once (the screen is drawn once, not per key).
            if isinstance(self.app.focused, Input) and self.handed_on[0].is_printable:
                while self.waiting and self.waiting[0].is_printable:
                    self.handed_on.append(self.waiting.popleft())
            for key in self.handed_on:
                self.app.post_message(key)

    async def _settled(self) -> None:
        """Until two round trips in a row find nothing left to do. One can miss a message a
        pump is still handling, taken from its queue after the pump answered; the next round
        trip waits for it, and sees what it set off."""
        quiet = 0
        while quiet < QUIET_ROUNDS:
            screen = self.app.screen
            if not screen.is_mounted or self._busy(screen):
                quiet = 0
                await asyncio.sleep(POLL_S)
                continue
            nodes: list[MessagePump] = [self.app, *screen.walk_children(with_self=True)]
            await _round_trip(nodes)
            # What the round trip ran may have opened a screen or started a worker.
            done = (
                self.app.screen is screen
                and all(n.message_queue_size == 0 and not waiting_message(n) for n in nodes)
                and not self._busy(screen)
            )
            quiet = quiet + 1 if done else 0

    def _busy(self, screen: Screen[Any]) -> bool:
        return any(
            not w.is_finished and w is not self.worker and w.node in (screen, self.app)
            for w in self.app.workers
        )


async def _round_trip(nodes: list[MessagePump]) -> None:
    """Until each node has handled every message it had when asked."""
    loop = asyncio.get_running_loop()
    answers: list[asyncio.Future[None]] = []
    for node in nodes:
        answer: asyncio.Future[None] = loop.create_future()
        if node.call_later(answer.set_result, None):
            answers.append(answer)
    if answers:
        await asyncio.wait(answers, timeout=ROUND_TIMEOUT_S)
