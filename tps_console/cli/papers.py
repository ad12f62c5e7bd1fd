"""What is printed: the report (C.Hasil figures, attendance lists, the PDF), the check-in
slips, and a printed summary's QR text checked against the record (`verify DB --paper TEXT`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tps_console.cli.common import Command, emit_json, json_arg, station, station_arg
from tps_console.domain.record.clock import Clock
from tps_console.domain.record.proof import noted_code
from tps_console.domain.record.station import Record
from tps_console.domain.reports.chasil import BySex, Report, build_report
from tps_console.domain.reports.files import write_report_files
from tps_console.domain.reports.paper import (
    Paper,
    compare,
    figure_label,
    parse_paper,
    report_json,
)
from tps_console.domain.reports.slips import slips_to_print
from tps_console.i18n import t


def report(args: argparse.Namespace, clock: Clock) -> int:
    with station(args, clock, to_read=True) as rec:
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

    with station(args, clock, to_read=True) as rec:
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


def read_paper(text: str) -> Paper:
    """The text given (`-`: the first line on stdin, as a USB scanner types it). Exit 2 before
    anything is opened when it is not a paper text."""
    return parse_paper(sys.stdin.readline() if text == "-" else text)


def paper_verdict(paper: Paper, rec: Record) -> int:
    """0 when the paper is the record's; 1, naming each difference, when not."""
    report = build_report(rec)
    differences = compare(paper, report)
    if not differences:
        code = t("paper.code_closed" if report.closing else "paper.code_open")
        print(t("paper.ok", figures=len(paper.figures), code=code))
        return 0
    print(t("paper.differs", count=len(differences)), file=sys.stderr)
    for d in differences:
        print(
            t(
                "paper.difference",
                name=d.name,
                label=figure_label(d.name, t),
                paper=d.paper,
                record=d.record,
            ),
            file=sys.stderr,
        )
    if not report.closing and not paper.closed and any(d.name == "kode" for d in differences):
        print(t("paper.open_moved"), file=sys.stderr)
    return 1


def register(cmd: Command, sub: Any) -> None:
    """What is printed (README, "Command line")."""
    report_p = cmd("report", report, "cli.report")
    station_arg(report_p)
    json_arg(report_p)
    report_p.add_argument("--out", type=Path, metavar="DIR", help=t("cli.report_out"))
    report_p.add_argument("--full", action="store_true", help=t("cli.report_full"))

    slips_p = cmd("slips", slips, "cli.slips")
    station_arg(slips_p)
    slips_p.add_argument(
        "--out", type=Path, required=True, metavar="FILE.pdf", help=t("cli.slips_out")
    )
    slips_p.add_argument("--block", metavar="B", help=t("cli.slips_block"))
