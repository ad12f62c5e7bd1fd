"""The access code of the panel in a browser, and the one door that checks it.

A code is guessed only as fast as this door lets anyone try, wherever the guesses come from:
- one check at a time for every client together (a lock), so guesses sent in parallel queue;
- each wrong code since the last right one makes the next wait longer (1, 2, 4, ... s, at most
  LONGEST_WAIT_S), inside the lock, so that the queue moves at that pace;
- after WRONG_BEFORE_LOCKOUT wrong codes the door is shut for LOCKOUT_S: every attempt is
  refused, the right code too, and each wrong code after that shuts it again. The server's
  console says so (and names the address of each wrong attempt), so the chair sees a guesser.

Ten guesses, then one per five minutes: a four-digit code holds for weeks, the 40-bit code made
when none is given (`generated_code`) for longer than any election.
"""

from __future__ import annotations

import asyncio
import enum
import hmac
import secrets
import time
from collections.abc import Callable

from tps_console.domain.record.proof import ALPHABET, GROUP, as_typed
from tps_console.i18n import t

FIRST_WAIT_S = 1.0
LONGEST_WAIT_S = 30.0
WRONG_BEFORE_LOCKOUT = 10
LOCKOUT_S = 300.0
MIN_CODE_CHARS = 4  # as typed (see `as_typed`): a code of spaces and hyphens would be no code
GENERATED_CHARS = 8  # 40 bits, in Crockford's base 32: typed from the console into a phone


def generated_code() -> str:
    """A new code, `XXXX-XXXX`: drawn with `secrets`, read back in any case (see `as_typed`)."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(GENERATED_CHARS))
    return "-".join(chars[i : i + GROUP] for i in range(0, GENERATED_CHARS, GROUP))


class Verdict(enum.Enum):
    RIGHT = "right"
    WRONG = "wrong"
    LOCKED = "locked"  # refused unheard: the door is shut for a while


class CodeDoor:
    """Checks codes for every client of one server, one at a time (see the module's doc)."""

    def __init__(
        self,
        code: str,
        *,
        first_wait_s: float = FIRST_WAIT_S,
        longest_wait_s: float = LONGEST_WAIT_S,
        wrong_before_lockout: int = WRONG_BEFORE_LOCKOUT,
        lockout_s: float = LOCKOUT_S,
        say: Callable[[str], None] = print,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._code = as_typed(code).encode()
        self.first_wait_s = first_wait_s
        self.longest_wait_s = longest_wait_s
        self.wrong_before_lockout = wrong_before_lockout
        self.lockout_s = lockout_s
        self._say = say
        self._clock = clock
        self._lock = asyncio.Lock()
        self.wrong = 0  # wrong codes since the last right one
        self._shut_until = 0.0

    def shut_for_s(self) -> float:
        """How long the door stays shut (0: open)."""
        return max(0.0, self._shut_until - self._clock())

    async def check(self, given: str, client: str) -> Verdict:
        async with self._lock:
            if self.shut_for_s() > 0:
                return Verdict.LOCKED
            if hmac.compare_digest(as_typed(given).encode(), self._code):
                self.wrong = 0
                return Verdict.RIGHT
            self.wrong += 1
            self._say(t("web.code_wrong_from", client=client, count=self.wrong))
            if self.wrong >= self.wrong_before_lockout:
                self._shut_until = self._clock() + self.lockout_s
                self._say(t("web.locked_out", count=self.wrong, minutes=self.minutes_shut()))
                return Verdict.LOCKED
            await asyncio.sleep(self.wait_s(self.wrong))
            return Verdict.WRONG

    def wait_s(self, wrong: int) -> float:
        """The wait after the `wrong`-th wrong code in a row."""
        return min(self.longest_wait_s, self.first_wait_s * 2 ** (wrong - 1))

    def minutes_shut(self) -> int:
        return max(1, round(self.shut_for_s() / 60))
