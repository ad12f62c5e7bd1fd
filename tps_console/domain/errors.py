"""What the domain says when it will not do something. The UI layers turn keys into words."""

from __future__ import annotations

from typing import Any

EXIT_BAD_INPUT = 2
EXIT_ALREADY_VOTED = 3
EXIT_REFUSED = 4


ECHO_LIMIT = 40


def echoed(text: str) -> str:
    """What of an officer's input a message repeats: at most 40 characters (a paste or a stuck
    scanner must not fill the screen or the terminal)."""
    text = " ".join(text.split())
    return text if len(text) <= ECHO_LIMIT else text[: ECHO_LIMIT - 1] + "…"


class TpsError(Exception):
    exit_code = EXIT_REFUSED
    # Set once the refusal itself was written to the record (a refused check-in is an event):
    # only then may a screen say "this attempt is logged".
    logged = False

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class Refused(TpsError):
    """A rule of the day forbids it (unknown voter, outside hours, wrong PIN …): exit 4."""


class Frozen(Refused):
    """The polls are closed and the record is final: nothing is written, not even the refusal."""


class AlreadyVoted(Refused):
    """The voter already has an active check-in: exit 3. `params` say when, who and where."""

    exit_code = EXIT_ALREADY_VOTED


class BadInput(TpsError):
    """The request itself is malformed (bad roll, bad option): exit 2. Nothing was changed."""

    exit_code = EXIT_BAD_INPUT
