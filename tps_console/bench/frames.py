"""A terminal for the desk benchmarks: keys in through the driver, frames out as a terminal gets them.

`run_test` gives the app a `HeadlessDriver`, and a headless app composes its frames but never
turns them into terminal output (`App._display` returns early). `FrameDriver` is that headless
driver except that it says it is not headless, so the app does everything it does in a real
terminal, down to the escape sequences, and hands each frame to `write` + `flush` as it would to
the terminal. A frame is *drawn* when it is flushed: `flush` stamps it with the clock, the bytes it
carried and what was on screen when it was composed (the screen's type, and whether the focused
widget is an empty text box). The stamp is all the work done inside the app's frame; looking at a
frame's text is done afterwards, by the benchmark's own coroutine.

Keys come in as a terminal sends them: `type` feeds the bytes a USB scanner would type (the
characters, then CR for Enter) to Textual's own xterm parser on a thread of its own, as the Linux
driver's input thread does, and posts each parsed key through `Driver.process_message`.

Textual-private names used here, on purpose and only here: `textual._xterm_parser` (the parser the
real drivers use; there is no public one) and `Driver._app` (the driver's own app).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual._xterm_parser import XTermParser
from textual.drivers.headless_driver import HeadlessDriver
from textual.widgets import Input

TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Frame:
    at: float  # time.perf_counter() when the frame was flushed to the terminal
    data: str  # what the terminal received: text and escape sequences (only what changed)
    screen: type  # the screen on top when the frame was composed
    search_empty: bool  # the focused widget is a text box, and it is empty


class Typed:
    at: float = 0.0  # time.perf_counter() when the bytes arrived, set by the input thread


class FrameDriver(HeadlessDriver):
    """Headless input, but every frame rendered to terminal output and stamped when flushed."""

    current: FrameDriver | None = None  # the one the app under test built (the app builds it)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.frames: list[Frame] = []
        self._pending: list[str] = []
        self._drawn = asyncio.Event()
        self._parser = XTermParser()
        FrameDriver.current = self

    @property
    def is_headless(self) -> bool:
        return False  # render frames to terminal output, as in a terminal

    def write(self, data: str) -> None:
        self._pending.append(data)

    def flush(self) -> None:
        if not self._pending:
            return
        app = self._app
        focused = app.focused
        self.frames.append(
            Frame(
                time.perf_counter(),
                "".join(self._pending),
                type(app.screen),
                isinstance(focused, Input) and not focused.value,
            )
        )
        self._pending.clear()
        self._drawn.set()

    def type(self, text: str) -> Typed:
        """Send `text` as a terminal would, from an input thread of its own (the app's loop runs
        on meanwhile, as it does while a terminal's bytes are read and parsed)."""
        typed = Typed()

        def read() -> None:
            typed.at = time.perf_counter()
            for event in self._parser.feed(text):
                self.process_message(event)

        threading.Thread(target=read, name="bench-terminal-input", daemon=True).start()
        return typed

    async def drawn(self, after: float, done: Callable[[Frame], bool]) -> float:
        """The time of the first frame flushed after `after` for which `done` holds (called on
        every such frame, in order). Waits on the frames themselves, not by polling."""
        deadline = time.perf_counter() + TIMEOUT_S
        seen = 0
        while True:
            for frame in self.frames[seen:]:
                seen += 1
                if frame.at >= after and done(frame):
                    return frame.at
            self._drawn.clear()
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                last = self.frames[-1].screen.__name__ if self.frames else "none"
                raise TimeoutError(f"no such frame drawn (last frame: screen {last})")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._drawn.wait(), remaining)

    def forget(self) -> None:
        """Frames already looked at are not needed again."""
        self.frames.clear()
