"""The day's writes, each by a signed-in officer: check-ins and their undoing, ballots, DPK,
the 13:00 queue, closing the polls, incidents."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tps_console.cli.common import (
    Command,
    key_arg,
    officer_arg,
    reason_arg,
    signed_in,
    station_arg,
)
from tps_console.domain.day.ballots import SourceStock, parse_counts, read_stock, receive_ballots
from tps_console.domain.day.checkin import check_in, resolve, set_voter_status, undo_check_in
from tps_console.domain.day.closing import close_polls, record_queue
from tps_console.domain.day.dpk import register_dpk
from tps_console.domain.day.incidents import record_incident
from tps_console.domain.day.replacement import replace_ballot
from tps_console.domain.errors import Refused
from tps_console.domain.record.clock import Clock
from tps_console.domain.record.timefmt import local_time
from tps_console.domain.roll.nik import mask_nik
from tps_console.domain.vocab import ALL_BALLOTS, VoterStatus
from tps_console.i18n import t


def checkin(args: argparse.Namespace, clock: Clock) -> int:
    with signed_in(args, clock) as (rec, officer):
        try:
            done = check_in(rec, officer, key=args.key)
        except Refused as exc:
            if "at" in exc.params:
                exc.params["at"] = local_time(rec.station, exc.params["at"])
            raise
        at = local_time(rec.station, done.at)
    print(
        t("checkin.done", name=done.name, no=done.voter_no, at=at, ballots=", ".join(done.ballots))
    )
    return 0


def undo(args: argparse.Namespace, clock: Clock) -> int:
    with signed_in(args, clock) as (rec, officer):
        undone = undo_check_in(rec, officer, args.reason, key=args.key)
    print(t("undo.done", id=undone))
    return 0


def reinstate(args: argparse.Namespace, clock: Clock) -> int:
    with signed_in(args, clock) as (rec, officer):
        voter_id = resolve(rec, args.key)
        done = set_voter_status(rec, officer, voter_id, VoterStatus.ELIGIBLE, args.reason)
    print(t("reinstate.done", name=done.name, no=done.no))
    return 0


def ballots(args: argparse.Namespace, clock: Clock) -> int:
    counts = parse_counts(args.counts)
    with signed_in(args, clock) as (rec, chair):
        done = receive_ballots(rec, chair, counts, source=args.source)
        stock = read_stock(rec)
    listed = ", ".join(f"{b}={n}" for b, n in done.counts.items())
    print(t("ballots.received", source=done.source, counts=listed))
    if done.new_source and args.source is not None:
        position = next(i for i, s in enumerate(stock) if s.name == done.source)
        print(t("ballots.new_source", source=done.source, position=position))
    print(stock_text(stock))
    return 0


def stock_text(stock: list[SourceStock]) -> str:
    if not stock:
        return t("ballots.no_stock")
    names = [t("ballots.own", name=s.name) if s.own else s.name for s in stock]
    width = max(len(n) for n in names) + 2
    lines = [t("ballots.stock_title"), " " * width + "".join(f"{b:>12}" for b in ALL_BALLOTS)]
    for name, source in zip(names, stock, strict=True):
        cells = (f"{f.remaining}/{f.received}" for f in source.by_type.values())
        lines.append(f"{name:<{width}}" + "".join(f"{c:>12}" for c in cells))
    return "\n".join(lines)


def replace(args: argparse.Namespace, clock: Clock) -> int:
    with signed_in(args, clock) as (rec, chair):
        done = replace_ballot(rec, chair, args.type, args.reason, key=args.key)
    print(t("replace.done", type=done.ballot, spoiled=done.spoiled_source, source=done.source))
    return 0


def dpk_add(args: argparse.Namespace, clock: Clock) -> int:
    with signed_in(args, clock) as (rec, chair):
        added = register_dpk(
            rec,
            chair,
            nik=args.nik,
            name=args.name,
            sex=args.sex,
            birth=args.birth,
            married=args.married,
            disability=args.disability,
        )
    for key in added.warnings:
        print(f"{t('warning')}: {t(key, nik=mask_nik(args.nik.strip()))}", file=sys.stderr)
    print(t("dpk.added", name=added.name, no=added.no))
    return 0


def queue(args: argparse.Namespace, clock: Clock) -> int:
    with signed_in(args, clock) as (rec, chair):
        queued = record_queue(rec, chair, args.keys)
    names = ", ".join(f"{q.name} ({q.no})" for q in queued)
    print(t("queue.done", count=len(queued), names=names))
    return 0


def close(args: argparse.Namespace, clock: Clock) -> int:
    with signed_in(args, clock) as (rec, chair):
        closed = close_polls(rec, chair)
        at = local_time(rec.station, closed.at)
    print(t("close.done", at=at))
    if closed.queue_waiting:
        print(t("close.queue_waiting", count=closed.queue_waiting), file=sys.stderr)
    return 0


def incident(args: argparse.Namespace, clock: Clock) -> int:
    with signed_in(args, clock) as (rec, officer):
        no = record_incident(
            rec,
            officer,
            args.text,
            witness=args.witness,
            voter_key=args.voter,
            corrects=args.corrects,
        )
    print(t("incident.recorded", no=no))
    return 0


def incident_no(raw: str) -> int:
    if not raw.isdigit():
        raise argparse.ArgumentTypeError(t("incident.bad_no", value=raw))
    return int(raw)


def register(cmd: Command, sub: Any) -> None:
    """The day's writes (README, "Command line")."""
    checkin_p = cmd("checkin", checkin, "cli.checkin")
    station_arg(checkin_p)
    key_arg(checkin_p)
    officer_arg(checkin_p)

    undo_p = cmd("undo", undo, "cli.undo")
    station_arg(undo_p)
    key_arg(undo_p)
    officer_arg(undo_p)
    reason_arg(undo_p)

    reinstate_p = cmd("reinstate", reinstate, "cli.reinstate")
    station_arg(reinstate_p)
    key_arg(reinstate_p)
    officer_arg(reinstate_p)
    reason_arg(reinstate_p)

    ballots_p = cmd("ballots", ballots, "cli.ballots")
    station_arg(ballots_p)
    ballots_p.add_argument("counts", nargs="+", metavar="TYPE=N")
    officer_arg(ballots_p)
    ballots_p.add_argument("--source", metavar="NAME", help=t("cli.ballots_source"))

    replace_p = cmd("replace", replace, "cli.replace")
    station_arg(replace_p)
    key_arg(replace_p)
    replace_p.add_argument("type", metavar="TYPE")
    officer_arg(replace_p)
    reason_arg(replace_p)

    dpk = sub.add_parser("dpk", help=t("cli.dpk")).add_subparsers(
        dest="dpk_command", required=True, metavar="add"
    )
    add = dpk.add_parser("add", help=t("cli.dpk_add"), description=t("cli.dpk_add"))
    add.set_defaults(handler=dpk_add)
    station_arg(add)
    officer_arg(add)
    add.add_argument("--nik", required=True, metavar="N")
    add.add_argument("--name", required=True)
    add.add_argument("--sex", required=True, metavar="L|P")
    add.add_argument("--birth", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--married", action="store_true", help=t("cli.dpk_married"))
    add.add_argument("--disability", default="", metavar="TEXT")

    queue_p = cmd("queue", queue, "cli.queue")
    station_arg(queue_p)
    key_arg(queue_p, many=True)
    officer_arg(queue_p)

    close_p = cmd("close", close, "cli.close")
    station_arg(close_p)
    officer_arg(close_p)

    incident_p = cmd("incident", incident, "cli.incident")
    station_arg(incident_p)
    officer_arg(incident_p)
    incident_p.add_argument("--text", required=True, help=t("cli.incident_text"))
    incident_p.add_argument("--witness", default="", metavar="NAME", help=t("cli.incident_witness"))
    incident_p.add_argument("--voter", default="", metavar="KEY", help=t("cli.incident_voter"))
    incident_p.add_argument(
        "--corrects", type=incident_no, metavar="SEQ", help=t("cli.incident_corrects")
    )
