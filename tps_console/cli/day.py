"""Commands of the day's rules: ballots, DPK, queue, closing, report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tps_console.cli.commands import Command, _open, _open_to_read, _sign_in, emit_json
from tps_console.cli.target import station_target
from tps_console.domain.day.ballots import SourceStock, parse_counts, read_stock, receive_ballots
from tps_console.domain.day.closing import close_polls, record_queue
from tps_console.domain.day.dpk import register_dpk
from tps_console.domain.day.incidents import record_incident
from tps_console.domain.day.replacement import replace_ballot
from tps_console.domain.record.clock import Clock
from tps_console.domain.record.proof import noted_code
from tps_console.domain.record.timefmt import local_time
from tps_console.domain.reports.chasil import BySex, Report, build_report
from tps_console.domain.reports.files import write_report_files
from tps_console.domain.reports.paper import report_json
from tps_console.domain.reports.slips import slips_to_print
from tps_console.domain.roll.nik import mask_nik
from tps_console.domain.vocab import ALL_BALLOTS
from tps_console.i18n import t


def ballots(args: argparse.Namespace, clock: Clock) -> int:
    counts = parse_counts(args.counts)
    rec = _open(args, clock)
    chair = _sign_in(rec, args.officer)
    done = receive_ballots(rec, chair, counts, source=args.source)
    listed = ", ".join(f"{b}={n}" for b, n in done.counts.items())
    print(t("ballots.received", source=done.source, counts=listed))
    stock = read_stock(rec)
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
    rec = _open(args, clock)
    chair = _sign_in(rec, args.officer)
    done = replace_ballot(rec, chair, args.type, args.reason, key=args.key)
    print(t("replace.done", type=done.ballot, spoiled=done.spoiled_source, source=done.source))
    return 0


def dpk_add(args: argparse.Namespace, clock: Clock) -> int:
    rec = _open(args, clock)
    chair = _sign_in(rec, args.officer)
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
    rec = _open(args, clock)
    chair = _sign_in(rec, args.officer)
    queued = record_queue(rec, chair, args.keys)
    names = ", ".join(f"{q.name} ({q.no})" for q in queued)
    print(t("queue.done", count=len(queued), names=names))
    return 0


def close(args: argparse.Namespace, clock: Clock) -> int:
    rec = _open(args, clock)
    chair = _sign_in(rec, args.officer)
    closed = close_polls(rec, chair)
    print(t("close.done", at=local_time(rec.station, closed.at)))
    if closed.queue_waiting:
        print(t("close.queue_waiting", count=closed.queue_waiting), file=sys.stderr)
    return 0


def incident(args: argparse.Namespace, clock: Clock) -> int:
    rec = _open(args, clock)
    officer = _sign_in(rec, args.officer)
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


def report(args: argparse.Namespace, clock: Clock) -> int:
    rec = _open_to_read(args, clock)
    figures = build_report(rec)
    if args.json:
        emit_json(report_json(figures))
    else:
        print(report_text(figures))
    if args.out:
        # With --json, stdout stays pure JSON.
        where = sys.stderr if args.json else sys.stdout
        for path in write_report_files(figures, args.out, t, full=args.full):
            print(t("report.written", path=path), file=where)
    return 0


def slips(args: argparse.Namespace, clock: Clock) -> int:
    # fpdf2 and the barcode encoder take half a second to import: only when slips are printed.
    from tps_console.domain.reports.slips_pdf import write_slips

    rec = _open_to_read(args, clock)
    run = slips_to_print(rec, args.block)
    path = write_slips(run, args.out, t)
    print(t("slips.written", count=len(run.slips), path=path))
    if run.without_register:
        print(t("slips.without_register", count=run.without_register))
    return 0


def report_text(r: Report) -> str:
    def lpj(n: BySex) -> str:
        return f"{n.men} / {n.women} / {n.total}"

    lines = [
        t(
            "report.title",
            tps=r.tps,
            date=r.polling_date.isoformat(),
            generated=r.generated_at.strftime("%H:%M %Z"),
        )
    ]
    if r.drill:
        lines.insert(0, t("drill.banner"))
    lines.append(t("report.voters_title"))
    rows = [(t(f"pdf.list_{k}"), r.voters[k], r.voted[k]) for k in ("dpt", "dptb", "dpk", "total")]
    rows.append((t("pdf.disability"), r.disabled_voters, r.disabled_voted))
    for label, on_list, voted in rows:
        lines.append(t("report.voters_line", list=label, on_list=lpj(on_list), voted=lpj(voted)))
    lines.append(t("report.ballots_title"))
    for ballot, f in r.ballots.items():
        lines.append(
            t(
                "report.ballots_line",
                type=ballot,
                received=f.received,
                used=f.used,
                damaged=f.damaged,
                remaining=f.remaining,
            )
        )
    lines.append(t("report.sources_title"))
    for source in r.sources:
        used = "  ".join(f"{b} {f.used}" for b, f in source.by_type.items())
        lines.append(f"  {source.name}: {used}")
    lines.append(t("report.incidents_title", count=len(r.incidents)))
    for line in r.incidents:
        said = f"  {line.no}. {line.at.strftime('%H:%M')} {line.officer_id}"
        if line.witness:
            said += f" · {t('pdf.incident_witness')} {line.witness}"
        said += ":"
        if line.corrects is not None:
            said += " " + t("pdf.incident_corrects", no=line.corrects) + ":"
        lines.append(f"{said} {line.text}")
    if r.closing:
        lines.append(t("report.closing", code=noted_code(*r.closing), head=r.closing[1]))
    lines.append(t("report.audit", code=noted_code(r.events, r.audit_head), head=r.audit_head))
    return "\n".join(lines)


def register(cmd: Command, sub: Any) -> None:
    """The day's commands (README, "Command line")."""
    ballots_p = cmd("ballots", ballots, "cli.ballots")
    ballots_p.add_argument("db", type=station_target, metavar="DB")
    ballots_p.add_argument("counts", nargs="+", metavar="TYPE=N")
    ballots_p.add_argument("--officer", required=True, metavar="ID")
    ballots_p.add_argument("--source", metavar="NAME", help=t("cli.ballots_source"))

    replace_p = cmd("replace", replace, "cli.replace")
    replace_p.add_argument("db", type=station_target, metavar="DB")
    replace_p.add_argument("key", metavar="KEY")
    replace_p.add_argument("type", metavar="TYPE")
    replace_p.add_argument("--officer", required=True, metavar="ID")
    replace_p.add_argument("--reason", required=True)

    dpk = sub.add_parser("dpk", help=t("cli.dpk")).add_subparsers(
        dest="dpk_command", required=True, metavar="add"
    )
    add = dpk.add_parser("add", help=t("cli.dpk_add"), description=t("cli.dpk_add"))
    add.set_defaults(handler=dpk_add)
    add.add_argument("db", type=station_target, metavar="DB")
    add.add_argument("--officer", required=True, metavar="ID")
    add.add_argument("--nik", required=True, metavar="N")
    add.add_argument("--name", required=True)
    add.add_argument("--sex", required=True, metavar="L|P")
    add.add_argument("--birth", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--married", action="store_true", help=t("cli.dpk_married"))
    add.add_argument("--disability", default="", metavar="TEXT")

    queue_p = cmd("queue", queue, "cli.queue")
    queue_p.add_argument("db", type=station_target, metavar="DB")
    queue_p.add_argument("keys", nargs="+", metavar="KEY")
    queue_p.add_argument("--officer", required=True, metavar="ID")

    close_p = cmd("close", close, "cli.close")
    close_p.add_argument("db", type=station_target, metavar="DB")
    close_p.add_argument("--officer", required=True, metavar="ID")

    incident_p = cmd("incident", incident, "cli.incident")
    incident_p.add_argument("db", type=station_target, metavar="DB")
    incident_p.add_argument("--officer", required=True, metavar="ID")
    incident_p.add_argument("--text", required=True, help=t("cli.incident_text"))
    incident_p.add_argument("--witness", default="", metavar="NAME", help=t("cli.incident_witness"))
    incident_p.add_argument("--voter", default="", metavar="KEY", help=t("cli.incident_voter"))
    incident_p.add_argument(
        "--corrects", type=incident_no, metavar="SEQ", help=t("cli.incident_corrects")
    )

    report_p = cmd("report", report, "cli.report")
    report_p.add_argument("db", type=station_target, metavar="DB")
    report_p.add_argument("--json", action="store_true")
    report_p.add_argument("--out", type=Path, metavar="DIR", help=t("cli.report_out"))
    report_p.add_argument("--full", action="store_true", help=t("cli.report_full"))

    slips_p = cmd("slips", slips, "cli.slips")
    slips_p.add_argument("db", type=station_target, metavar="DB")
    slips_p.add_argument(
        "--out", type=Path, required=True, metavar="FILE.pdf", help=t("cli.slips_out")
    )
    slips_p.add_argument("--block", metavar="B", help=t("cli.slips_block"))
