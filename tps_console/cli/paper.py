"""`verify DB --paper TEXT`: a printed summary's QR text checked against the record."""

from __future__ import annotations

import sys

from tps_console.domain.record.station import Record
from tps_console.domain.reports.chasil import build_report
from tps_console.domain.reports.paper import Paper, compare, figure_label, parse_paper
from tps_console.i18n import t


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
