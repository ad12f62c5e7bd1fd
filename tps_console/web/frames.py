"""What a panel process's frames wrote, as text: for checks that read a web panel's screen (the
selfcheck, the web benchmark, the tests), without the terminal's escape sequences."""

from __future__ import annotations

import re
from collections.abc import Sequence

_ESCAPES = re.compile(
    r"\x1b(?:\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|P[^\x1b]*\x1b\\|[()][0-9A-B]|[=>78])"
)


def screen_text(frames: Sequence[bytes | str]) -> str:
    """What the frames wrote, as text, without the terminal's escape sequences."""
    text = "".join(f.decode("utf-8", "replace") if isinstance(f, bytes) else f for f in frames)
    return _ESCAPES.sub("", text)
