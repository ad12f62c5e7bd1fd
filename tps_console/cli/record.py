"""The record itself: `status`, `verify`, `backup`, `restore`, `copy` and `pg-readonly-role`."""

from __future__ import annotations

import argparse
import sys
import tempfile
from contextlib import closing
from pathlib import Path
from typing import Any

from tps_console.cli.common import Command, emit_json, json_arg, station, station_arg
from tps_console.cli.papers import paper_verdict, read_paper
from tps_console.cli.prompt import backup_passphrase, witness_password
from tps_console.domain.backup import files as backups
from tps_console.domain.backup.copying import copy_station
from tps_console.domain.day.drill import refuse_drill_clock
from tps_console.domain.day.passphrase import require_backup_key
from tps_console.domain.errors import BadInput
from tps_console.domain.record.clock import Clock
from tps_console.domain.record.proof import noted_code, parse_noted
from tps_console.domain.record.station import open_record, tps_name
from tps_console.domain.reports.paper import Paper
from tps_console.domain.store.db import is_url
from tps_console.domain.store.sealed import is_sealed
from tps_console.domain.store.server import (
    is_server,
    readonly_role_sql,
    role_name_valid,
    scram_verifier,
    server_url,
    shown,
    tps_of,
    with_tps,
)
from tps_console.domain.verify import VerifyResult
from tps_console.domain.verify import verify as verify_record
from tps_console.domain.views.site import site_numbers
from tps_console.domain.views.status import Status, read_status
from tps_console.i18n import percent, t


def status(args: argparse.Namespace, clock: Clock) -> int:
    with station(args, clock, to_read=True) as rec:
        s = read_status(rec)
    if args.json:
        emit_json(s.as_json())
    else:
        print(status_text(s))
    return 0


def status_text(s: Status) -> str:
    lines = [
        t("status.title", tps=s.tps, polls=t(f"polls.{s.polls.value}")),
        t(
            "status.turnout",
            checked_in=s.checked_in,
            expected=s.expected,
            pct=percent(s.turnout_pct),
        ),
        "  "
        + "  ".join(f"{k}: {v}" for k, v in s.by_category.items())
        + "   "
        + "  ".join(f"{k}: {v}" for k, v in s.by_gender.items()),
        t("status.refusals", blocked=s.blocked_duplicates, undone=s.undone),
        t("report.incidents_title", count=s.incidents),
        t("status.audit", code=noted_code(s.events, s.audit_head), events=s.events),
    ]
    if s.closing:
        lines.append(t("status.closing", code=noted_code(*s.closing)))
    if s.drill:
        lines.insert(0, t("drill.banner"))
    return "\n".join(lines)


def verify(args: argparse.Namespace, clock: Clock) -> int:
    # What was given is read first: a code too short to prove anything is refused (exit 2)
    # before the station is opened.
    args.expect = [parse_noted(text) for text in args.expect]
    paper = read_paper(args.paper) if args.paper is not None else None
    if not is_url(args.db) and is_sealed(Path(args.db)):
        return _verify_backup(args, clock, paper)
    return _verify_station(args, clock, paper)


def _verify_station(args: argparse.Namespace, clock: Clock, paper: Paper | None) -> int:
    numbers = _site_tps(args) if not args.expect and paper is None else []
    if len(numbers) > 1:
        return _verify_site(args, clock, numbers)
    with station(args, clock, to_read=True) as rec:
        verdict = _verdict(verify_record(rec, expect=args.expect))
        return max(verdict, paper_verdict(paper, rec)) if paper else verdict


def _site_tps(args: argparse.Namespace) -> list[str]:
    """The TPS of the site a server's URL without `?tps=` names: all of them are verified, in
    turn (what a witness noted names one TPS: `--expect` and `--paper` go with `?tps=`)."""
    if not is_server(args.db) or tps_of(str(args.db)) is not None:
        return []
    try:
        return site_numbers(str(args.db))
    except BadInput:  # no station there: opening it says so, as for any station
        return []


def _verify_site(args: argparse.Namespace, clock: Clock, numbers: list[str]) -> int:
    """Every TPS of the site, each its own verdict (the site's rows of it included); 0 only if
    every one is intact."""
    failed = []
    for number in numbers:
        tps = tps_name(number)
        print(t("verify.site_tps", tps=tps))
        one = argparse.Namespace(**{**vars(args), "db": with_tps(str(args.db), number)})
        with station(one, clock, to_read=True) as rec:
            if _verdict(verify_record(rec)):
                failed.append(tps)
    if failed:
        print(
            t("verify.site_failed", failed=", ".join(failed), count=len(numbers)), file=sys.stderr
        )
        return 1
    print(t("verify.site_ok", count=len(numbers)))
    return 0


def _verify_backup(args: argparse.Namespace, clock: Clock, paper: Paper | None) -> int:
    """`verify BACKUP`: the encrypted backup opened with the passphrase, decrypted into a
    temporary folder on this computer (removed at the end), and verified as a station."""
    with tempfile.TemporaryDirectory(prefix="tps-verify-") as tmp:
        plain = Path(tmp) / "station.db"
        backups.decrypt_backup(args.db, backup_passphrase, plain)
        print(t("verify.backup", path=args.db))
        return _verify_station(argparse.Namespace(**{**vars(args), "db": plain}), clock, paper)


def _verdict(result: VerifyResult) -> int:
    if result.ok:
        print(t("verify.ok", events=result.events, code=result.code, head=result.head))
        return 0
    print(t("verify.failed", problem=t(result.problem or "", **result.params)), file=sys.stderr)
    return 1


def backup(args: argparse.Namespace, clock: Clock) -> int:
    with station(args, clock, to_read=True) as rec:  # refuses anything that is not a station
        key = require_backup_key(rec)
    if rec.url is not None:
        # A server's station: copied into a station file (checked on arrival) in a folder of
        # this laptop's own that is removed at once, then sealed onto the stick like any other.
        with tempfile.TemporaryDirectory() as folder:
            plain = Path(folder) / "station.db"
            copy_station(rec.url, plain, clock)
            made = backups.seal_copy(plain, args.dest, key, drill=rec.drill)
            print(t("backup.done", path=made))
        return 0
    made = backups.seal_copy(Path(args.db), args.dest, key, drill=rec.drill)
    print(t("backup.done", path=made))
    return 0


def copy(args: argparse.Namespace, clock: Clock) -> int:
    copied = copy_station(args.source, args.target, clock)
    with closing(open_record(args.target, clock, readonly=True)) as check:
        result = verify_record(check, expect=[copied.head])
    if not result.ok:
        problem = t(result.problem or "", **result.params)
        print(t("verify.failed", problem=problem), file=sys.stderr)
        return 1
    print(
        t(
            "copy.done",
            source=shown(args.source),
            target=shown(args.target),
            events=copied.events,
            head=copied.head[:8],
        )
    )
    return 0


def readonly_role(args: argparse.Namespace, clock: Clock) -> int:
    """The SQL that makes the witnesses' role: it reads the witness views only, never a NIK,
    and can write nothing. Printed for the server's administrator to run; the password is asked
    here (or TPS_WITNESS_PASSWORD) and only its verifier goes into the SQL."""
    if not is_url(args.db):
        raise BadInput("role.not_a_server", path=str(args.db))
    url = server_url(args.db)
    database = url.database or url.username or ""
    if not role_name_valid(args.role):
        raise BadInput("role.bad_name", role=args.role)
    try:
        verifier = scram_verifier(witness_password(args.role))
    except ValueError:
        raise BadInput("role.bad_password") from None
    print(readonly_role_sql(args.role, database, verifier))
    host = f"{url.host or 'localhost'}:{url.port or 5432}"
    print(t("role.hint", role=args.role, database=database, host=host), file=sys.stderr)
    return 0


def restore(args: argparse.Namespace, clock: Clock) -> int:
    def intact(staged: Path) -> None:
        with closing(open_record(staged, clock)) as check:
            if args.drill_at is not None:
                refuse_drill_clock(check)  # a real station's file is never put back on a drill
            result = verify_record(check)
        if not result.ok:
            problem = t(result.problem or "", **result.params)
            raise BadInput("restore.not_intact", path=str(args.backup), problem=problem)

    def unsealed(into: Path) -> Path:
        restored = backups.restore(
            args.backup, into, force=args.force, check=intact, passphrase=backup_passphrase
        )
        if restored.plain:
            print(t("restore.plain_warning", path=args.backup), file=sys.stderr)
        return into

    if is_url(args.db):
        # Onto a server: opened into a file of this laptop's own, removed at once, then copied
        # into an empty database as `copy` does it (checked on arrival).
        with tempfile.TemporaryDirectory() as folder:
            plain = unsealed(Path(folder) / "station.db")
            return copy(argparse.Namespace(source=plain, target=args.db), clock)
    unsealed(args.db)
    print(t("restore.done", path=shown(args.db)))
    return 0


def register(cmd: Command, sub: Any) -> None:
    """The record's commands (README, "Command line")."""
    status_p = cmd("status", status, "cli.status")
    station_arg(status_p)
    json_arg(status_p)

    verify_p = cmd("verify", verify, "cli.verify")
    station_arg(verify_p)
    verify_p.add_argument(
        "--expect", action="append", default=[], metavar="N:CODE", help=t("cli.verify_expect")
    )
    verify_p.add_argument("--paper", metavar="TEXT", help=t("cli.verify_paper"))

    backup_p = cmd("backup", backup, "cli.backup")
    station_arg(backup_p)
    backup_p.add_argument("dest", type=Path, metavar="DEST")

    restore_p = cmd("restore", restore, "cli.restore")
    restore_p.add_argument("backup", type=Path, metavar="BACKUP")
    station_arg(restore_p)
    restore_p.add_argument("--force", action="store_true")

    copy_p = cmd("copy", copy, "cli.copy")
    station_arg(copy_p, "source", "SOURCE")
    station_arg(copy_p, "target", "TARGET")

    role_p = cmd("pg-readonly-role", readonly_role, "cli.readonly_role")
    station_arg(role_p)
    role_p.add_argument("--role", default="tps_saksi", metavar="NAME")
