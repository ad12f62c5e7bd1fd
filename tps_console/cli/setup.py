"""Making a station: `init` (from the roll), `passphrase` (for one made without) and
`officer add`."""

from __future__ import annotations

import argparse
import sys
from contextlib import closing
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tps_console.cli.common import (
    Command,
    local_stamp,
    officer_arg,
    sign_in,
    station,
    station_arg,
)
from tps_console.cli.prompt import new_backup_passphrase, new_pin
from tps_console.domain.day.officers import OfficerInfo, add_officer, list_officers
from tps_console.domain.day.passphrase import (
    backup_key,
    check_passphrase,
    generate_passphrase,
    set_backup_passphrase,
)
from tps_console.domain.day.setup import StationPlan, set_up_station
from tps_console.domain.errors import BadInput
from tps_console.domain.record.clock import Clock
from tps_console.domain.record.creation import RollRejected, site_target
from tps_console.domain.record.station import (
    DEFAULT_TPS,
    PLACE_FIELDS,
    Place,
    open_record,
    tps_name,
)
from tps_console.domain.roll.parse import ParsedRoll
from tps_console.domain.roll.read import read_roll
from tps_console.domain.store.db import is_url
from tps_console.domain.store.server import shown
from tps_console.domain.store.site import OnOtherRolls
from tps_console.i18n import t
from tps_console.i18n.dates import long_date
from tps_console.i18n.issues import issue_line
from tps_console.i18n.site_lines import on_other_roll
from tps_console.machine.paths import data_dir
from tps_console.machine.recent import remember


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
    # Beside the TPS already in a site's database (`?tps=` named when the URL names none).
    args.db = site_target(args.db, args.tps)
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
            different_people=frozenset(args.different_person),
        )
        try:
            parsed = set_up_station(args.db, data, clock, plan, progress)
        except OnOtherRolls as exc:
            bar.stop()
            print(t(exc.key, **exc.params), file=sys.stderr)
            print_other_rolls(exc)
            return exc.exit_code
        except RollRejected as exc:
            bar.stop()
            _print_sheet(exc.parsed)
            for issue in exc.parsed.errors:
                print(issue_line(issue), file=sys.stderr)
            _print_warnings(exc.parsed)
            raise
    _print_sheet(parsed)
    _print_warnings(parsed)
    # Made with its clock already (the plan's drill_at): opened as it is, not through `station`.
    with closing(open_record(args.db, clock)) as rec:
        remember(data_dir(), rec, rec.local())
        made = rec.station
        if rec.drill:
            print(t("drill.banner"))
            print(t("init.drill", at=local_stamp(rec)))
        print(
            t(
                "init.done",
                tps=made.tps,
                path=shown(args.db),
                date=long_date(made.polling_date),
                opens=made.opens.strftime("%H:%M"),
                closes=made.closes.strftime("%H:%M"),
                zone=rec.local(datetime.combine(made.polling_date, made.opens)).tzname(),
                count=made.roll_count,
                fingerprint=made.roll_fingerprint[:8],
            )
        )
    if generated:
        print(t("passphrase.generated", passphrase=passphrase))
    return 0


def print_other_rolls(exc: OnOtherRolls) -> None:
    for found in exc.found:
        print("  " + ": ".join(on_other_roll(found)), file=sys.stderr)


def numbers(value: str) -> list[int]:
    """`12,40` or `12`: the roll's numbers."""
    try:
        return [int(part) for part in value.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(value) from None


def different_person_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--different-person",
        type=numbers,
        action="extend",
        default=[],
        metavar="NO",
        help=t("cli.different_person"),
    )


def passphrase(args: argparse.Namespace, clock: Clock) -> int:
    """A station made without a backup passphrase (by an earlier version) gets one."""
    with station(args, clock) as rec:
        if backup_key(rec) is not None:
            raise BadInput("passphrase.already_set", tps=rec.station.tps)
        by = sign_in(rec, args.officer) if args.officer else None
        args.drill = rec.drill
        chosen, generated = _new_passphrase(args)
        set_backup_passphrase(rec, chosen, by=by)
        print(t("passphrase.set", tps=rec.station.tps))
    if generated:
        print(t("passphrase.generated", passphrase=chosen))
    return 0


def officer_add(args: argparse.Namespace, clock: Clock) -> int:
    with station(args, clock) as rec:
        by = None
        officers = list_officers(rec)
        if officers:
            by = sign_in(rec, args.by or _only_chair(officers))
        pin = new_pin(args.id, from_stdin=args.pin_stdin)
        added = add_officer(rec, args.id, args.name, args.role, pin, by=by)
    print(t("officer.added", id=added.id, role=t(f"role.{added.role}")))
    return 0


def _only_chair(officers: list[OfficerInfo]) -> str:
    chairs = [o.id for o in officers if o.is_chair]
    if len(chairs) == 1:
        return chairs[0]
    raise BadInput("cli.by_needed")


def _generate_passphrase_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--generate-passphrase", action="store_true", help=t("cli.generate_passphrase"))


def register(cmd: Command, sub: Any) -> None:
    """Making a station (README, "Command line")."""
    init_p = cmd("init", init, "cli.init")
    station_arg(init_p)
    init_p.add_argument("--roll", type=Path, required=True, metavar="CSV|XLSX")
    init_p.add_argument("--sheet", metavar="NAME", help=t("cli.sheet"))
    init_p.add_argument("--tps", type=tps_name, default=DEFAULT_TPS)
    # Never guessed: a station made on the wrong day would refuse every check-in of the real one.
    init_p.add_argument("--date", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    init_p.add_argument("--drill", action="store_true", help=t("cli.init_drill"))
    # The place lines of the forms (the signed summary's heading); the app's wizard asks them too.
    for name in PLACE_FIELDS:
        init_p.add_argument(f"--{name}", default="", metavar="NAME", help=t(f"cli.init_{name}"))
    _generate_passphrase_arg(init_p)
    different_person_arg(init_p)

    passphrase_p = cmd("passphrase", passphrase, "cli.passphrase")
    station_arg(passphrase_p)
    officer_arg(passphrase_p, required=False)
    _generate_passphrase_arg(passphrase_p)

    officer = sub.add_parser("officer", help=t("cli.officer")).add_subparsers(
        dest="officer_command", required=True, metavar="add"
    )
    add = officer.add_parser("add", help=t("cli.officer_add"))
    add.set_defaults(handler=officer_add)
    station_arg(add)
    add.add_argument("id", metavar="ID")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=("chair", "member"))
    add.add_argument("--pin-stdin", action="store_true")
    add.add_argument("--by", metavar="CHAIR_ID", help=t("cli.by"))
