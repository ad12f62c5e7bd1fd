"""What every command shares: its arguments declared once, and the station opened, the officer
signed in and the record closed in one place."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from tps_console.cli.prompt import officer_pin
from tps_console.domain.record.clock import Clock, StartedClock
from tps_console.domain.record.station import Record, open_record
from tps_console.domain.store.db import is_url
from tps_console.i18n import t

if TYPE_CHECKING:
    from tps_console.domain.day.officers import OfficerInfo

# `cmd(name, handler, help_key)` of cli/main.py: a command's parser, its handler set.
Command = Callable[..., argparse.ArgumentParser]


def station_target(value: str) -> Path | str:
    """What `DB` names: a server's `postgresql://` URL stays as typed (a `Path` would fold its
    `//`); anything else is a station file's path."""
    return value if is_url(value) else Path(value)


def station_arg(
    p: argparse.ArgumentParser, dest: str = "db", metavar: str = "DB", *, optional: bool = False
) -> None:
    p.add_argument(dest, type=station_target, metavar=metavar, nargs="?" if optional else None)


def officer_arg(p: argparse.ArgumentParser, *, required: bool = True) -> None:
    p.add_argument("--officer", required=required, metavar="ID")


def key_arg(p: argparse.ArgumentParser, *, many: bool = False) -> None:
    """A voter: NIK (spaces and dots ignored) or register number; `many`: one or more."""
    if many:
        p.add_argument("keys", nargs="+", metavar="KEY")
    else:
        p.add_argument("key", metavar="KEY")


def reason_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--reason", required=True)


def json_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true")


def emit_json(obj: object) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


def local_stamp(rec: Record) -> str:
    """The station's time now, as a chair reads it on the command line."""
    return rec.local().strftime("%Y-%m-%d %H:%M %Z")


@contextmanager
def station(args: argparse.Namespace, clock: Clock, *, to_read: bool = False) -> Iterator[Record]:
    """The station `DB` names, closed when the command ends, whatever happened in it.

    To write: `--now` re-sets a drill station's clock (recorded, and every desk and panel on it
    follows); a real station refuses it before anything is asked or written.
    To read (`to_read`): a witness's copy on a write-protected stick opens too; `--now` looks at
    the record as at that instant, on any station, and records nothing."""
    if to_read:
        looks_at = StartedClock(args.drill_at) if args.drill_at is not None else clock
        rec = open_record(args.db, looks_at, desk=args.desk, readonly=True)
    else:
        rec = open_record(args.db, clock, desk=args.desk)
    try:
        if not to_read and args.drill_at is not None:
            # The day's rules load with what needs them: the desk's first frame does not.
            from tps_console.domain.day.drill import set_drill_clock

            set_drill_clock(rec, args.drill_at)
            print(t("drill.clock_set", at=local_stamp(rec)), file=sys.stderr)
        yield rec
    finally:
        rec.close()


def sign_in(rec: Record, officer_id: str) -> OfficerInfo:
    """The officer's PIN from TPS_PIN, else asked at a hidden prompt; a wrong one is recorded."""
    from tps_console.domain.day.officers import authenticate

    return authenticate(rec, officer_id, officer_pin(officer_id))


@contextmanager
def signed_in(args: argparse.Namespace, clock: Clock) -> Iterator[tuple[Record, OfficerInfo]]:
    """For what an officer does (`--officer ID`): the station opened to write, as `station`
    does, and the officer signed in on it."""
    with station(args, clock) as rec:
        yield rec, sign_in(rec, args.officer)
