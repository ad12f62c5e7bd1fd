"""The printable summary handed to the chair, the witnesses and the PTPS as copies.

One A4 page, drill or real, open or closed: the C.Hasil voter and ballot sections, ballots used
per source, the audit head the figures stand on, and the lines the seven KPPS members, the
witnesses and the Pengawas TPS sign, on the same sheet as the figures they sign for. Of people
it names the officers only (on their signature lines): no voter, no NIK. fpdf2's built-in fonts
carry Latin-1 only, which covers Indonesian; other characters are replaced rather than dropped.

The sizes below are a budget: the tallest sheet (a drill, closed, every place line given) holds
the own stock and three lending TPS with 4 mm to spare, one lending TPS with 13 mm; each further
lending TPS takes a 4.5 mm row, and a fifth source runs the sheet onto a second page.
"""

from __future__ import annotations

from datetime import datetime

from fpdf import FPDF
from fpdf.fonts import FontFace

from tps_console.domain.reports.chasil import BySex, Report, Translate, long_date
from tps_console.domain.reports.latin1 import latin1
from tps_console.domain.reports.paper_qr import qr_beside
from tps_console.domain.vocab import ALL_BALLOTS

_HEADING = FontFace(emphasis="BOLD", fill_color=(230, 230, 230))
# Side by side on the page: the seven KPPS members (the chair is member 1); the witnesses
# present and the Pengawas TPS.
_KPPS_ROWS = ("chair", *("member",) * 6)
_WATCHER_ROWS = (*("witness",) * 6, "ptps")
_SIGNATURE_ROWS = (*_KPPS_ROWS, *_WATCHER_ROWS)
_SIGN_WIDTHS = (25, 38, 27)  # role, name, signature (mm); the watchers' half the same
_SIGN_ROW_MM = 8  # room to sign by hand
_NAME_PT = 8.0
_NAME_MIN_PT = 7.0
_PLACE_LINES = ("desa", "kecamatan", "kabupaten", "provinsi")

Cell = str | tuple[str, int]  # text, or text spanning that many columns


def _when(instant: datetime) -> str:
    return instant.strftime("%d-%m-%Y %H:%M ") + (instant.tzname() or "")


class _Summary(FPDF):
    def __init__(self, tr: Translate, *, drill: bool) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.tr = tr
        self.drill = drill
        self.set_margins(15, 10, 15)
        self.set_auto_page_break(True, margin=10)

    def header(self) -> None:
        # fpdf2 calls this on every page it starts: a drill's copy can't lose its mark by
        # printing one page of it.
        if self.drill:
            self.set_text_color(200, 0, 0)
            self.say("drill.banner", 11, "B")
            self.set_text_color(0, 0, 0)
            self.ln(1)

    def say(self, key: str, size: float = 10, style: str = "", **params: object) -> None:
        self.set_font("Helvetica", style, size)
        self.multi_cell(0, size * 0.5, latin1(self.tr(key, **params)), new_x="LMARGIN")

    def heading(self, key: str) -> None:
        self.ln(2)
        self.say(key, 10.5, "B")
        self.ln(0.5)

    def rows(self, rows: list[list[Cell]], widths: tuple[float, ...], *, headings: int = 1) -> None:
        self.set_font("Helvetica", "", 9)
        align = ("LEFT", *("RIGHT",) * (len(widths) - 1))
        with self.table(
            col_widths=widths,
            text_align=align,
            line_height=4.5,
            headings_style=_HEADING,
            num_heading_rows=headings,
            width=sum(widths),
            align="LEFT",
        ) as table:
            for cells in rows:
                row = table.row()
                for cell in cells:
                    if isinstance(cell, tuple):
                        row.cell(latin1(cell[0]), colspan=cell[1], align="CENTER")
                    else:
                        row.cell(latin1(cell))


def render_pdf(report: Report, tr: Translate) -> bytes:
    pdf = _Summary(tr, drill=report.drill)
    pdf.set_title(latin1(tr("pdf.title", tps=report.tps)))
    pdf.set_creation_date(report.generated_at)
    pdf.add_page()
    pdf.say("pdf.title", 14, "B", tps=report.tps)
    _place(pdf, report, tr)
    pdf.say(
        "pdf.subtitle",
        9,
        date=report.polling_date.strftime("%d-%m-%Y"),
        generated=_when(report.generated_at),
    )
    if report.closed_at:
        pdf.say("pdf.closed", 9, closed=_when(report.closed_at))
    else:
        pdf.say("pdf.not_closed", 9, "B")

    pdf.heading("pdf.voters")
    _voters(pdf, report, tr)
    pdf.heading("pdf.ballots")
    _ballots(pdf, report, tr)
    pdf.heading("pdf.sources")
    _sources(pdf, report, tr)
    pdf.say("pdf.sources_note", 7.5)

    pdf.heading("pdf.audit")

    with qr_beside(pdf, report, tr):  # the paper text's QR at the right, its caption below
        if report.closing:
            pdf.say("pdf.closing", 9, "B", seq=report.closing[0])
            pdf.set_font("Courier", "B", 9)
            pdf.cell(0, 5, report.closing[1], new_x="LMARGIN", new_y="NEXT")
            pdf.say("pdf.closing_note", 8)
        pdf.set_font("Courier", "", 9)
        pdf.cell(0, 5, report.audit_head, new_x="LMARGIN", new_y="NEXT")
        pdf.say("pdf.audit_note", 8, events=report.events)

    pdf.heading("pdf.signatures")
    _signatures(pdf, report, tr)
    return bytes(pdf.output())


def _place(pdf: _Summary, report: Report, tr: Translate) -> None:
    """The form's heading lines: the rutan, then its administrative area, as entered."""
    place = report.place
    if place.rutan:
        pdf.say("pdf.rutan", 10, "B", rutan=place.rutan)
    area = [
        tr(f"pdf.place_{name}", value=getattr(place, name))
        for name in _PLACE_LINES
        if getattr(place, name)
    ]
    if area:
        pdf.say("pdf.area", 9, area="   ".join(area))


def _triple(n: BySex) -> list[str]:
    return [str(n.men), str(n.women), str(n.total)]


def _voters(pdf: _Summary, report: Report, tr: Translate) -> None:
    lp = [tr("pdf.l"), tr("pdf.p"), tr("pdf.j")]
    rows: list[list[Cell]] = [
        [tr("pdf.list"), (tr("pdf.on_list"), 3), (tr("pdf.voted"), 3)],
        ["", *lp, *lp],
    ]
    for key in ("dpt", "dptb", "dpk", "total"):
        rows.append(
            [tr(f"pdf.list_{key}"), *_triple(report.voters[key]), *_triple(report.voted[key])]
        )
    rows.append(
        [
            tr("pdf.disability"),
            *_triple(report.disabled_voters),
            *_triple(report.disabled_voted),
        ]
    )
    pdf.rows(rows, (60, 18, 18, 18, 18, 18, 18), headings=2)


def _ballots(pdf: _Summary, report: Report, tr: Translate) -> None:
    rows: list[list[Cell]] = [
        [
            tr("pdf.ballot_type"),
            tr("pdf.received"),
            tr("pdf.used"),
            tr("pdf.damaged"),
            tr("pdf.remaining"),
        ]
    ]
    for ballot in ALL_BALLOTS:
        f = report.ballots[ballot]
        rows.append(
            [tr(f"ballot.{ballot}"), str(f.received), str(f.used), str(f.damaged), str(f.remaining)]
        )
    pdf.rows(rows, (60, 30, 30, 30, 30))
    # Only what the chair entered: the reserve in the minutes is KPU's, never computed here.
    entered = any(f.received for f in report.ballots.values())
    pdf.say("pdf.received_note" if entered else "pdf.nothing_received", 7.5)
    pdf.say("pdf.identity", 7.5)


def _sources(pdf: _Summary, report: Report, tr: Translate) -> None:
    rows: list[list[Cell]] = [[tr("pdf.source"), *ALL_BALLOTS, tr("pdf.j")]]
    for source in report.sources:
        used = [source.by_type[b].used for b in ALL_BALLOTS]
        label = tr("pdf.own_source", name=source.name) if source.own else source.name
        rows.append([label, *map(str, used), str(sum(used))])
    if len(rows) == 1:
        rows.append([tr("pdf.no_sources"), *("",) * (len(ALL_BALLOTS) + 1)])
    pdf.rows(rows, (48, 20, 20, 20, 24, 24, 24))


def _signatures(pdf: _Summary, report: Report, tr: Translate) -> None:
    # Signed where the station is, on polling day; dots to write the place on if none was given.
    where = report.place.kabupaten or report.place.desa or "." * 30
    pdf.say("pdf.place_date", 10, place=where, date=long_date(report.polling_date, tr))
    pdf.ln(1.5)
    head = [latin1(tr(key)) for key in ("pdf.role", "pdf.name", "pdf.signature")]
    # The names the station knows stand on the KPPS lines; a witness writes theirs by hand.
    names = [latin1(name) for name in report.kpps[: len(_KPPS_ROWS)]]
    names += [""] * (len(_KPPS_ROWS) - len(names))
    pdf.set_font("Helvetica", "", 8)
    with pdf.table(
        col_widths=_SIGN_WIDTHS * 2,
        line_height=4.5,  # a line of text; the rows are as tall as a hand signs
        text_align="LEFT",
        headings_style=_HEADING,
        width=sum(_SIGN_WIDTHS) * 2,
        align="LEFT",
    ) as table:
        table.row([*head, *head])
        for n, (kpps, watcher, name) in enumerate(
            zip(_KPPS_ROWS, _WATCHER_ROWS, names, strict=True), start=1
        ):
            row = table.row(min_height=_SIGN_ROW_MM)
            row.cell(latin1(tr(f"pdf.sign_{kpps}", n=n)))
            row.cell(name, style=_fitted(pdf, name, _SIGN_WIDTHS[1]))
            row.cell("")
            row.cell(latin1(tr(f"pdf.sign_{watcher}")))
            row.cell("")
            row.cell("")
    pdf.say("pdf.witness_note", 7.5)


def _fitted(pdf: _Summary, text: str, width: float) -> FontFace:
    """The size that keeps `text` on one line of a cell `width` wide, down to a size still read
    at arm's length; a name longer than that wraps onto two lines at the usual size."""
    size = _NAME_PT
    while size >= _NAME_MIN_PT:
        pdf.set_font("Helvetica", "", size)
        fits = pdf.get_string_width(text) + 2 * pdf.c_margin <= width
        pdf.set_font("Helvetica", "", _NAME_PT)
        if fits:
            return FontFace(size_pt=size)
        size -= 0.5
    return FontFace(size_pt=_NAME_PT)
