"""The printable summary handed to the chair, the witnesses and the PTPS as copies.

One A4 page, drill or real, open or closed: the C.Hasil voter and ballot sections, ballots used
per source, the witness code the figures stand on, and the lines the seven KPPS members, the
witnesses and the Pengawas TPS sign, on the same sheet as the figures they sign for. Of people
it names the officers only (on their signature lines): no voter, no NIK. fpdf2's built-in fonts
carry Latin-1 only, which covers Indonesian; other characters are replaced rather than dropped.

The sizes below are a budget: the tallest sheet (a drill, closed, every place line given) holds
the own stock and three lending TPS with 4 mm to spare, one lending TPS with 13 mm; each further
lending TPS takes a 4.5 mm row. With more lending TPS than that (`SOURCES_ON_SHEET`) their table
goes on an attachment page after the sheet, which says so. The incident form (C.Kejadian
Khusus) follows on a page of its own.
"""

from __future__ import annotations

from datetime import datetime

from fpdf import FPDF
from fpdf.fonts import FontFace

from tps_console.domain.record.proof import noted_code
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


# Lending TPS whose per-source table still leaves the summary one sheet (the own stock besides).
SOURCES_ON_SHEET = 4


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
    on_sheet = len(report.sources) <= SOURCES_ON_SHEET
    if on_sheet:
        _sources(pdf, report, tr)
    else:
        # Blora 2024 drew on 13 lending TPS: their table goes on an attachment, so that the
        # summary stays one sheet with its signatures; the totals above are all sources'.
        lenders = len(report.sources) - 1
        pdf.say("pdf.sources_attached", 9, "B", lenders=lenders)
    pdf.say("pdf.sources_note", 7.5)

    pdf.heading("pdf.audit")

    with qr_beside(pdf, report, tr):  # the paper text's QR at the right, its caption below
        if report.closing:
            pdf.say("pdf.closing", 9, "B", seq=report.closing[0])
            _code(pdf, *report.closing)
            pdf.say("pdf.closing_note", 8)
        if not report.closing or report.closing[0] != report.events:
            _code(pdf, report.events, report.audit_head)
        pdf.say("pdf.audit_note", 8, events=report.events)

    pdf.heading("pdf.signatures")
    _signatures(pdf, report, tr)
    if not on_sheet:
        pdf.add_page()
        pdf.say("pdf.sources_page", 12, "B", tps=report.tps)
        pdf.ln(2)
        _sources(pdf, report, tr)
        pdf.say("pdf.sources_note", 7.5)
    _incidents_page(pdf, report, tr)
    return bytes(pdf.output())


def _code(pdf: _Summary, seq: int, event_hash: str) -> None:
    """An event's witness code, large enough to read out across the table, and its full hash."""
    pdf.set_font("Courier", "B", 12)
    pdf.cell(0, 6, latin1(noted_code(seq, event_hash)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Courier", "", 7)
    pdf.cell(0, 4, event_hash, new_x="LMARGIN", new_y="NEXT")


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


# Who signs the incident form: the chair and the witnesses, those named in it first; at least as
# many witness lines as the summary has.
_INCIDENT_WITNESS_LINES = len(_WATCHER_ROWS) - 1


def _incidents_page(pdf: _Summary, report: Report, tr: Translate) -> None:
    """C.Kejadian Khusus dan/atau Keberatan Saksi, on a page of its own: every line recorded,
    corrections beside what they correct; printed and signed even when nothing happened, as
    KPPS practice has it. The voter is named by list number only: every witness takes a copy."""
    pdf.add_page()
    pdf.say("pdf.incidents_title", 14, "B")
    pdf.say("pdf.incidents_station", 10, "B", tps=report.tps)
    _place(pdf, report, tr)
    pdf.ln(3)
    if report.incidents:
        heads = ("pdf.incident_no", "pdf.incident_time", "pdf.incident_officer")
        rows = [[tr(key) for key in (*heads, "pdf.incident_witness", "pdf.incident_text")]]
        for line in report.incidents:
            text = [line.text]
            if line.corrects is not None:
                text.insert(0, tr("pdf.incident_corrects", no=line.corrects) + ":")
            if line.voter_no is not None:
                text.append("(" + tr("pdf.incident_voter", no=line.voter_no) + ")")
            when = line.at.strftime("%H:%M ") + (line.at.tzname() or "")
            rows.append([str(line.no), when, line.officer, line.witness, " ".join(text)])
        _form_table(pdf, rows, (10, 20, 34, 34, 82), line_height=5)
        pdf.ln(1)
        pdf.say("pdf.incidents_note", 8)
    else:
        pdf.say("pdf.incidents_none", 11)
    pdf.ln(6)
    named = list(dict.fromkeys(line.witness for line in report.incidents if line.witness))
    witnesses = named + [""] * max(0, _INCIDENT_WITNESS_LINES - len(named))
    # The place and date and every signature on one sheet: a long list of incidents may leave
    # too little of its last page for them.
    if pdf.get_y() + 9 * (len(witnesses) + 2) + 15 > pdf.page_break_trigger:
        pdf.add_page()
    where = report.place.kabupaten or report.place.desa or "." * 30
    pdf.say("pdf.place_date", 10, place=where, date=long_date(report.polling_date, tr))
    pdf.ln(2)
    signers = [[tr("pdf.sign_chair"), "", ""]]
    signers += [[tr("pdf.sign_witness"), name, ""] for name in witnesses]
    head = [tr("pdf.role"), tr("pdf.name"), tr("pdf.signature")]
    _form_table(pdf, [head, *signers], (40, 80, 60), line_height=9)
    pdf.say("pdf.witness_note", 8)


def _form_table(
    pdf: _Summary, rows: list[list[str]], widths: tuple[float, ...], *, line_height: float
) -> None:
    """Rows of text, left-aligned, the first one the heading; long cells wrap."""
    pdf.set_font("Helvetica", "", 9)
    with pdf.table(
        col_widths=widths,
        line_height=line_height,
        headings_style=_HEADING,
        width=sum(widths),
        align="LEFT",
        text_align="LEFT",
    ) as table:
        for cells in rows:
            row = table.row()
            for cell in cells:
                row.cell(latin1(cell))
