"""What the domain says when it will not do something. The UI layers turn keys into words."""

from __future__ import annotations

from typing import Any

EXIT_BAD_INPUT = 2
EXIT_ALREADY_VOTED = 3
EXIT_REFUSED = 4


class TpsError(Exception):
    exit_code = EXIT_REFUSED

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class Refused(TpsError):
    """A rule of the day forbids it (unknown voter, outside hours, wrong PIN …): exit 4."""


class AlreadyVoted(Refused):
    """The voter already has an active check-in: exit 3. `params` say when, who and where."""

    exit_code = EXIT_ALREADY_VOTED


class BadInput(TpsError):
    """The request itself is malformed (bad roll, bad option): exit 2. Nothing was changed."""

    exit_code = EXIT_BAD_INPUT
