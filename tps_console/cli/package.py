"""Commands about the program itself rather than a station: the packaged build's smoke test."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tps_console.cli.common import Command
from tps_console.domain.record.clock import Clock

EXIT_SELFCHECK_FAILED = 1


def selfcheck(args: argparse.Namespace, clock: Clock) -> int:
    from tps_console.packaged.selfcheck import run_selfcheck

    return 0 if run_selfcheck(sys.stdout) else EXIT_SELFCHECK_FAILED


def register(cmd: Command, sub: Any) -> None:
    cmd("selfcheck", selfcheck, "cli.selfcheck")
