"""Running `tps-console ARGS` in the test's own process, as a chair types it: with the laptop's
clock at a given instant, a PIN in TPS_PIN, other environment variables set or not, and what is
piped into stdin."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass, field
from datetime import datetime
from types import EllipsisType
from typing import NamedTuple

import pytest

from tests.helpers import wib
from tps_console.cli.main import main
from tps_console.domain.record.clock import FixedClock


class Ran(NamedTuple):
    code: int
    out: str
    err: str


@dataclass
class Cli:
    """`cli(*args)` runs the command; each keyword given to a call overrides this runner's own
    default for that call (`...`: keep the default). `env`: variables set (None: unset)."""

    capsys: pytest.CaptureFixture[str]
    monkeypatch: pytest.MonkeyPatch
    at: datetime = field(default_factory=lambda: wib(9))
    pin: str | None = None
    env: dict[str, str | None] = field(default_factory=dict)

    def __call__(
        self,
        *args: object,
        pin: str | EllipsisType | None = ...,
        stdin: str = "",
        at: datetime | None = None,
        env: dict[str, str | None] | None = None,
    ) -> Ran:
        variables = {**self.env, **(env or {}), "TPS_PIN": self.pin if pin is ... else pin}
        for name, value in variables.items():
            if value is None:
                self.monkeypatch.delenv(name, raising=False)
            else:
                self.monkeypatch.setenv(name, value)
        self.monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        self.capsys.readouterr()
        try:
            code = main([str(a) for a in args], clock=FixedClock(at or self.at))
        except SystemExit as exc:  # argparse refusing the usage
            code = int(exc.code or 0)
        captured = self.capsys.readouterr()
        return Ran(code, captured.out, captured.err)
