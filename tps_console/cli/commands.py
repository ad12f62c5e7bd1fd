"""One function per command: parse nothing, decide nothing, call the domain, print the outcome."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tps_console.bench.run import AREAS
from tps_console.cli.paper import paper_verdict, read_paper
from tps_console.cli.prompt import (
    backup_passphrase,
    new_backup_passphrase,
    new_pin,
    officer_pin,
    witness_password,
)
from tps_console.cli.target import station_target
from tps_console.domain.day import backup as backups
from tps_console.domain.day.checkin import check_in, resolve, set_voter_status, undo_check_in
from tps_console.domain.day.drill import refuse_drill_clock, set_drill_clock
from tps_console.domain.day.officers import OfficerInfo, add_officer, authenticate, list_officers
from tps_console.domain.day.passphrase import (
    backup_key,
    check_passphrase,
    generate_passphrase,
    require_backup_key,
    set_backup_passphrase,
)
from tps_console.domain.day.setup import StationPlan, set_up_station
from tps_console.domain.errors import BadInput, Refused
from tps_console.domain.record.clock import Clock, StartedClock
from tps_console.domain.record.copying import copy_station
from tps_console.domain.record.db import is_url
from tps_console.domain.record.events import PLACE_FIELDS
from tps_console.domain.record.proof import noted_code, parse_noted
from tps_console.domain.record.sealed import is_sealed
from tps_console.domain.record.server import (
    readonly_role_sql,
    role_name_valid,
    scram_verifier,
    server_url,
    shown,
)
from tps_console.domain.record.station import (
    DEFAULT_TPS,
    Place,
    Record,
    RollRejected,
    open_record,
    tps_name,
)
from tps_console.domain.record.timefmt import local_time
from tps_console.domain.reports.paper import Paper
from tps_console.domain.roll.parse import ParsedRoll
from tps_console.domain.roll.read import read_roll
from tps_console.domain.verify import VerifyResult
from tps_console.domain.verify import verify as verify_record
from tps_console.domain.views.status import Status, read_status
from tps_console.domain.vocab import VoterStatus
from tps_console.i18n import percent, t
from tps_console.i18n.dates import long_date
from tps_console.i18n.issues import issue_line
from tps_console.paths import data_dir
from tps_console.recent import remember

Command = Callable[..., argparse.ArgumentParser]


def emit_json(obj: object) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


def _open(args: argparse.Namespace, clock: Clock) -> Record:
    """For commands that write. `--now` re-sets a drill station's clock (recorded, and every desk
    and panel on it follows); a real station refuses it before anything is asked or written."""
    rec = open_record(args.db, clock, desk=args.desk)
    if args.drill_at is not None:
        try:
            set_drill_clock(rec, args.drill_at)
        except BaseException:
            rec.close()
            raise
        print(t("drill.clock_set", at=_local(rec)), file=sys.stderr)
    return rec


def _local(rec: Record) -> str:
    return rec.local().strftime("%Y-%m-%d %H:%M %Z")


def _open_to_read(args: argparse.Namespace, clock: Clock) -> Record:
    """For commands that only read: a witness's copy on a write-protected stick opens too.
    `--now` looks at the record as at that instant, on any station, and records nothing."""
    chosen = StartedClock(args.drill_at) if args.drill_at is not None else clock
    return open_record(args.db, chosen, desk=args.desk, readonly=True)


def _sign_in(rec: Record, officer_id: str) -> OfficerInfo:
    return authenticate(rec, officer_id, officer_pin(officer_id))


def _print_sheet(parsed: ParsedRoll) -> None:
    """Which worksheet was read, when the workbook has others: never a silent choice."""
    if len(parsed.sheets) > 1 and parsed.sheet:
        print(
            t("roll.sheet_read", sheet=parsed.sheet, sheets=", ".join(parsed.sheets)),
            file=sys.stderr,
        )


def _print_warnings(parsed: ParsedRoll) -> None:
    for issue in parsed.warnings:
        print(f"{t('warning')}: {issue_line(issue)}", file=sys.stderr)


def _new_passphrase(args: argparse.Namespace) -> tuple[str, bool]:
    """A new backup passphrase and whether it was generated (then it is shown once): generated
    when asked, else TPS_BACKUP_PASSPHRASE or typed twice; a drill with neither gets a generated
    one, shown on the screen, so training needs no typing (it may hold the real roll: never a
    fixed one)."""
    if args.generate_passphrase:
        return generate_passphrase(), True
    given = new_backup_passphrase()
    if given is not None:
        return check_passphrase(given), False
    if args.drill:
        return generate_passphrase(), True
    raise BadInput("passphrase.needed")


def init(args: argparse.Namespace, clock: Clock) -> int:
    from rich.progress import Progress

    if args.drill_at is not None and not args.drill:
        raise BadInput("drill.init_real")
    data = read_roll(args.roll)
    if not is_url(args.db) and Path(args.db).exists():  # before a passphrase is typed for nothing
        raise BadInput("init.exists", path=str(args.db))
    passphrase, generated = _new_passphrase(args)
    with Progress(transient=True, disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task(t("roll.progress"), total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        plan = StationPlan(
            polling_date=args.date,
            chair=None,
            tps=args.tps,
            place=Place(args.rutan, args.desa, args.kecamatan, args.kabupaten, args.provinsi),
            drill=args.drill,
            drill_at=args.drill_at,
            desk=args.desk,
            sheet=args.sheet,
            passphrase=passphrase,
        )
        try:
            parsed = set_up_station(args.db, data, clock, plan, progress)
        except RollRejected as exc:
            bar.stop()
            _print_sheet(exc.parsed)
            for issue in exc.parsed.errors:
                print(issue_line(issue), file=sys.stderr)
            _print_warnings(exc.parsed)
            raise
    _print_sheet(parsed)
    _print_warnings(parsed)
    rec = open_record(args.db, clock)
    remember(data_dir(), rec, rec.local())
    station = rec.station
    if rec.drill:
        print(t("drill.banner"))
        print(t("init.drill", at=_local(rec)))
    print(
        t(
            "init.done",
            tps=station.tps,
            path=shown(args.db),
            date=long_date(station.polling_date),
            opens=station.opens.strftime("%H:%M"),
            closes=station.closes.strftime("%H:%M"),
            zone=rec.local(datetime.combine(station.polling_date, station.opens)).tzname(),
            count=station.roll_count,
            fingerprint=station.roll_fingerprint[:8],
        )
    )
    if generated:
        print(t("passphrase.generated", passphrase=passphrase))
    rec.close()
    return 0


def passphrase(args: argparse.Namespace, clock: Clock) -> int:
    """A station made without a backup passphrase (by an earlier version) gets one."""
    rec = _open(args, clock)
    if backup_key(rec) is not None:
        raise BadInput("passphrase.already_set", tps=rec.station.tps)
    by = _sign_in(rec, args.officer) if args.officer else None
    args.drill = rec.drill
    chosen, generated = _new_passphrase(args)
    set_backup_passphrase(rec, chosen, by=by)
    print(t("passphrase.set", tps=rec.station.tps))
    if generated:
        print(t("passphrase.generated", passphrase=chosen))
    return 0


def officer_add(args: argparse.Namespace, clock: Clock) -> int:
    rec = _open(args, clock)
    by = None
    officers = list_officers(rec)
    if officers:
        chair_id = args.by or _only_chair(officers)
        by = _sign_in(rec, chair_id)
    pin = new_pin(args.id, from_stdin=args.pin_stdin)
    added = add_officer(rec, args.id, args.name, args.role, pin, by=by)
    print(t("officer.added", id=added.id, role=t(f"role.{added.role}")))
    return 0


def _only_chair(officers: list[OfficerInfo]) -> str:
    chairs = [o.id for o in officers if o.is_chair]
    if len(chairs) == 1:
        return chairs[0]
    raise BadInput("cli.by_needed")


def checkin(args: argparse.Namespace, clock: Clock) -> int:
    rec = _open(args, clock)
    officer = _sign_in(rec, args.officer)
    try:
        done = check_in(rec, officer, key=args.key)
    except Refused as exc:
        if "at" in exc.params:
            exc.params["at"] = local_time(rec.station, exc.params["at"])
        raise
    print(
        t(
            "checkin.done",
            name=done.name,
            no=done.voter_no,
            at=local_time(rec.station, done.at),
            ballots=", ".join(done.ballots),
        )
    )
    return 0


def undo(args: argparse.Namespace, clock: Clock) -> int:
    rec = _open(args, clock)
    officer = _sign_in(rec, args.officer)
    print(t("undo.done", id=undo_check_in(rec, officer, args.reason, key=args.key)))
    return 0


def reinstate(args: argparse.Namespace, clock: Clock) -> int:
    rec = _open(args, clock)
    officer = _sign_in(rec, args.officer)
    voter_id = resolve(rec, args.key)
    done = set_voter_status(rec, officer, voter_id, VoterStatus.ELIGIBLE, args.reason)
    print(t("reinstate.done", name=done.name, no=done.no))
    return 0


def status(args: argparse.Namespace, clock: Clock) -> int:
    rec = _open_to_read(args, clock)
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
    rec = _open_to_read(args, clock)
    verdict = _verdict(verify_record(rec, expect=args.expect))
    return max(verdict, paper_verdict(paper, rec)) if paper else verdict


def _verify_backup(args: argparse.Namespace, clock: Clock, paper: Paper | None = None) -> int:
    """`verify BACKUP`: the encrypted backup opened with the passphrase, decrypted into a
    temporary folder on this computer (removed at the end), and verified as a station."""
    with tempfile.TemporaryDirectory(prefix="tps-verify-") as tmp:
        plain = Path(tmp) / "station.db"
        backups.decrypt_backup(args.db, backup_passphrase, plain)
        print(t("verify.backup", path=args.db))
        rec = _open_to_read(argparse.Namespace(**{**vars(args), "db": plain}), clock)
        try:
            verdict = _verdict(verify_record(rec, expect=args.expect))
            return max(verdict, paper_verdict(paper, rec)) if paper else verdict
        finally:
            rec.close()


def _verdict(result: VerifyResult) -> int:
    if result.ok:
        print(t("verify.ok", events=result.events, code=result.code, head=result.head))
        return 0
    print(t("verify.failed", problem=t(result.problem or "", **result.params)), file=sys.stderr)
    return 1


def backup(args: argparse.Namespace, clock: Clock) -> int:
    rec = _open_to_read(args, clock)  # refuses anything that is not a station
    try:
        key = require_backup_key(rec)
    finally:
        rec.close()
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
    check = open_record(args.target, clock, readonly=True)
    try:
        result = verify_record(check, expect=[copied.head])
    finally:
        check.close()
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
        copy = open_record(staged, clock)
        try:
            if args.drill_at is not None:
                refuse_drill_clock(copy)  # a real station's file is never put back on a drill
            result = verify_record(copy)
        finally:
            copy.close()
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


def bench(args: argparse.Namespace, clock: Clock) -> int:
    from tps_console.bench.run import run_all

    results = run_all(quick=args.quick, areas=tuple(args.area))
    if args.json:
        emit_json(results)
    else:
        for name, entry in results.items():
            if "error" in entry:
                print(f"{name:28} {entry['error']}")
                continue
            if "unavailable" in entry:  # e.g. the frozen start-up without an executable
                print(f"{name:28} {'-':>12} {entry['unit']:8} {entry['unavailable']}")
                continue
            print(
                f"{name:28} {entry['value']:>12} {entry['unit']:8} baseline {entry['baseline']:>12}  ratio {entry['ratio']}"
            )
    return 1 if any("error" in entry for entry in results.values()) else 0


def register(cmd: Command, sub: Any) -> None:
    """The record's commands (README, "Command line")."""
    init_p = cmd("init", init, "cli.init")
    init_p.add_argument("db", type=station_target, metavar="DB")
    init_p.add_argument("--roll", type=Path, required=True, metavar="CSV|XLSX")
    init_p.add_argument("--sheet", metavar="NAME", help=t("cli.sheet"))
    init_p.add_argument("--tps", type=tps_name, default=DEFAULT_TPS)
    # Never guessed: a station made on the wrong day would refuse every check-in of the real one.
    init_p.add_argument("--date", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    init_p.add_argument("--drill", action="store_true", help=t("cli.init_drill"))
    # The place lines of the forms (the signed summary's heading); the app's wizard asks them too.
    for name in PLACE_FIELDS:
        init_p.add_argument(f"--{name}", default="", metavar="NAME", help=t(f"cli.init_{name}"))
    init_p.add_argument(
        "--generate-passphrase", action="store_true", help=t("cli.generate_passphrase")
    )

    passphrase_p = cmd("passphrase", passphrase, "cli.passphrase")
    passphrase_p.add_argument("db", type=Path, metavar="DB")
    passphrase_p.add_argument("--officer", metavar="ID")
    passphrase_p.add_argument(
        "--generate-passphrase", action="store_true", help=t("cli.generate_passphrase")
    )

    officer = sub.add_parser("officer", help=t("cli.officer")).add_subparsers(
        dest="officer_command", required=True, metavar="add"
    )
    add = officer.add_parser("add", help=t("cli.officer_add"))
    add.set_defaults(handler=officer_add)
    add.add_argument("db", type=station_target, metavar="DB")
    add.add_argument("id", metavar="ID")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=("chair", "member"))
    add.add_argument("--pin-stdin", action="store_true")
    add.add_argument("--by", metavar="CHAIR_ID", help=t("cli.by"))

    checkin_p = cmd("checkin", checkin, "cli.checkin")
    checkin_p.add_argument("db", type=station_target, metavar="DB")
    checkin_p.add_argument("key", metavar="KEY")
    checkin_p.add_argument("--officer", required=True, metavar="ID")

    undo_p = cmd("undo", undo, "cli.undo")
    undo_p.add_argument("db", type=station_target, metavar="DB")
    undo_p.add_argument("key", metavar="KEY")
    undo_p.add_argument("--officer", required=True, metavar="ID")
    undo_p.add_argument("--reason", required=True)

    reinstate_p = cmd("reinstate", reinstate, "cli.reinstate")
    reinstate_p.add_argument("db", type=Path, metavar="DB")
    reinstate_p.add_argument("key", metavar="KEY")
    reinstate_p.add_argument("--officer", required=True, metavar="ID")
    reinstate_p.add_argument("--reason", required=True)

    status_p = cmd("status", status, "cli.status")
    status_p.add_argument("db", type=station_target, metavar="DB")
    status_p.add_argument("--json", action="store_true")

    verify_p = cmd("verify", verify, "cli.verify")
    verify_p.add_argument("db", type=station_target, metavar="DB")
    verify_p.add_argument(
        "--expect", action="append", default=[], metavar="N:CODE", help=t("cli.verify_expect")
    )
    verify_p.add_argument("--paper", metavar="TEXT", help=t("cli.verify_paper"))

    copy_p = cmd("copy", copy, "cli.copy")
    copy_p.add_argument("source", type=station_target, metavar="SOURCE")
    copy_p.add_argument("target", type=station_target, metavar="TARGET")

    role_p = cmd("pg-readonly-role", readonly_role, "cli.readonly_role")
    role_p.add_argument("db", type=station_target, metavar="DB")
    role_p.add_argument("--role", default="tps_saksi", metavar="NAME")

    backup_p = cmd("backup", backup, "cli.backup")
    backup_p.add_argument("db", type=station_target, metavar="DB")
    backup_p.add_argument("dest", type=Path, metavar="DEST")

    restore_p = cmd("restore", restore, "cli.restore")
    restore_p.add_argument("backup", type=Path, metavar="BACKUP")
    restore_p.add_argument("db", type=station_target, metavar="DB")
    restore_p.add_argument("--force", action="store_true")

    bench_p = cmd("bench", bench, "cli.bench")
    bench_p.add_argument("--json", action="store_true")
    bench_p.add_argument("--quick", action="store_true", help=t("cli.bench_quick"))
    bench_p.add_argument(
        "--area", action="append", default=[], choices=AREAS, help=t("cli.bench_area")
    )
