"""The chair's actions of the day from the desk: register a DPK voter (12:00–13:00), record the
13:00 queue, close the polls, name the backup folder, back up now, enter more ballot stock, add
an officer, check the record, write the report, record an incident. Each is a `ChairForm`: chair
ID and PIN at that moment (an incident: any officer's). The DPK form gives back the new voter;
the others what to say."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tps_console.desk.dialogs import ChairForm, Field, Values
from tps_console.desk.footer import DeskFooter
from tps_console.desk.strip import DrillBanner
from tps_console.domain.backup.files import backup_now, backup_target, set_backup_target
from tps_console.domain.day.ballots import parse_counts, receive_ballots
from tps_console.domain.day.closing import close_polls, record_queue
from tps_console.domain.day.dpk import DpkAdded, register_dpk, registration_refusal
from tps_console.domain.day.incidents import record_incident
from tps_console.domain.day.officers import OfficerInfo, add_officer
from tps_console.domain.errors import BadInput
from tps_console.domain.record.station import Record
from tps_console.domain.record.timefmt import local_time
from tps_console.domain.reports.chasil import build_report
from tps_console.domain.reports.files import write_report_files
from tps_console.domain.reports.slips import slips_to_print
from tps_console.domain.verify import verify
from tps_console.domain.vocab import Role
from tps_console.i18n import t
from tps_console.i18n.bindings import TranslatedBindings
from tps_console.tui.small_window import SaysTooSmall

YES = {"y", "ya", "yes"}
# A report's or the slips' folder that cannot be written to (a missing drive, a full disk).
FOLDER_ERRORS = ("output.",)


GUIDE_PDF = "panduan-kpps.pdf"


def first(values: Values, name: str) -> str:
    """A field's value, empty if it was left empty."""
    return values[name][0] if values[name] else ""


def dpk_form(rec: Record, officer: OfficerInfo) -> ChairForm[DpkAdded]:
    def register(chair: OfficerInfo, values: Values) -> DpkAdded:
        return register_dpk(
            rec,
            chair,
            nik=first(values, "nik"),
            name=first(values, "name"),
            sex=first(values, "sex"),
            birth=first(values, "birth"),
            married=first(values, "married").lower() in YES,
            disability=first(values, "disability"),
        )

    return ChairForm(
        rec,
        officer,
        t("desk.dpk.title"),
        register,
        (
            Field("nik", "desk.dpk.nik", errors=("nik.", "dpk.on_roll")),
            Field("name", "desk.dpk.name", errors=("dpk.empty_name",)),
            Field("sex", "desk.dpk.sex", errors=("dpk.bad_sex",)),
            Field(
                "birth",
                "desk.dpk.birth",
                errors=("dpk.bad_birth", "dpk.future_birth", "dpk.under_17"),
            ),
            Field("married", "desk.dpk.married", optional=True),
            Field("disability", "desk.dpk.disability", optional=True),
        ),
        notice=lambda: registration_refusal(rec.station, rec.now()),
    )


def queue_form(rec: Record, officer: OfficerInfo) -> ChairForm[str]:
    def queue(chair: OfficerInfo, values: Values) -> str:
        queued = record_queue(rec, chair, values["keys"])
        return t("queue.done", count=len(queued), names=", ".join(q.name for q in queued))

    keys = Field("keys", "desk.queue.keys", many=True, errors=("queue.", "checkin."))
    return ChairForm(rec, officer, t("desk.queue.title"), queue, (keys,))


def close_form(rec: Record, officer: OfficerInfo) -> ChairForm[str]:
    def close(chair: OfficerInfo, _: Values) -> str:
        closed = close_polls(rec, chair)
        said = t("desk.close.done", at=local_time(rec.station, closed.at, seconds=False))
        if closed.queue_waiting:
            said += " " + t("close.queue_waiting", count=closed.queue_waiting)
        return said

    return ChairForm(rec, officer, t("desk.close.title"), close)


def backup_form(rec: Record, officer: OfficerInfo) -> ChairForm[str]:
    def choose(chair: OfficerInfo, values: Values) -> str:
        minutes = values["minutes"][0] if values["minutes"] else "5"
        keep = values["keep"][0] if values["keep"] else "12"
        if not (minutes.isdigit() and keep.isdigit()):
            raise BadInput("backup.bad_setting", minutes=minutes, keep=keep)
        target = set_backup_target(
            rec, chair, values["folder"][0], every_minutes=int(minutes), keep=int(keep)
        )
        return t("desk.backup.set", folder=target.folder, minutes=target.every_minutes)

    return ChairForm(
        rec,
        officer,
        t("desk.backup.title"),
        choose,
        (
            Field(
                "folder",
                "desk.backup.folder",
                errors=("backup.no_folder", "backup.not_made_here", *FOLDER_ERRORS),
            ),
            Field("minutes", "desk.backup.minutes", optional=True, errors=("backup.bad_setting",)),
            Field("keep", "desk.backup.keep", optional=True),
        ),
    )


def backup_now_form(rec: Record, officer: OfficerInfo) -> ChairForm[str]:
    def copy(_: OfficerInfo, __: Values) -> str:
        target = backup_target(rec)
        if target is None:
            raise BadInput("desk.backup.none")
        return t("desk.backup.made", path=backup_now(rec, target))

    return ChairForm(rec, officer, t("desk.backup_now.title"), copy)


def ballots_form(rec: Record, officer: OfficerInfo) -> ChairForm[str]:
    def receive(chair: OfficerInfo, values: Values) -> str:
        source = values["source"][0] if values["source"] else None
        done = receive_ballots(rec, chair, parse_counts(values["counts"]), source=source)
        listed = ", ".join(f"{b}={n}" for b, n in done.counts.items())
        return t("ballots.received", source=done.source, counts=listed)

    return ChairForm(
        rec,
        officer,
        t("desk.ballots.title"),
        receive,
        (
            Field("counts", "desk.ballots.counts", many=True, errors=("ballots.",)),
            Field("source", "desk.ballots.source", optional=True, errors=("ballots.bad_source",)),
        ),
    )


def officer_form(rec: Record, officer: OfficerInfo) -> ChairForm[str]:
    def add(chair: OfficerInfo, values: Values) -> str:
        pin, again = values["new_pin"][0], values["new_pin_again"][0]
        if pin != again:
            raise BadInput("officer.pin_differs")
        role = (values["role"][0] if values["role"] else Role.MEMBER).lower()
        role = {"ketua": Role.CHAIR, "anggota": Role.MEMBER}.get(role, role)
        added = add_officer(rec, values["id"][0], values["name"][0], role, pin, by=chair)
        return t("officer.added", id=added.id, role=t(f"role.{added.role}"))

    return ChairForm(
        rec,
        officer,
        t("desk.officer.title"),
        add,
        (
            Field("id", "desk.officer.id", errors=("officer.bad_id", "officer.exists")),
            Field("name", "desk.officer.name", errors=("officer.empty_name",)),
            Field("role", "desk.officer.role", optional=True, errors=("officer.bad_role",)),
            Field(
                "new_pin",
                "desk.officer.pin",
                password=True,
                errors=("officer.bad_pin", "officer.pin_differs"),
            ),
            Field("new_pin_again", "desk.officer.pin_again", password=True),
        ),
    )


def verify_form(rec: Record, officer: OfficerInfo) -> ChairForm[str]:
    def check(_: OfficerInfo, __: Values) -> str:
        result = verify(rec)
        if result.ok:
            return t("desk.verify.ok", events=result.events, code=result.code)
        raise BadInput("verify.failed", problem=t(result.problem or "", **result.params))

    return ChairForm(rec, officer, t("desk.verify.title"), check)


def report_form(rec: Record, officer: OfficerInfo) -> ChairForm[str]:
    def write(_: OfficerInfo, values: Values) -> str:
        written = write_report_files(build_report(rec), Path(values["folder"][0]), t)
        return t("desk.report.written", count=len(written), folder=written[0].parent)

    return ChairForm(
        rec,
        officer,
        t("desk.report.title"),
        write,
        (Field("folder", "desk.report.folder", errors=FOLDER_ERRORS),),
    )


def slips_form(rec: Record, officer: OfficerInfo) -> ChairForm[str]:
    def write(_: OfficerInfo, values: Values) -> str:
        # fpdf2 and the barcode encoder take half a second to import: only when slips are printed.
        from tps_console.domain.reports.slips_pdf import write_slips

        block = values["block"][0] if values["block"] else None
        run = slips_to_print(rec, block)
        name = "slip" + (f"-blok-{block}" if block else "") + ".pdf"
        path = write_slips(run, Path(values["folder"][0]) / name, t)
        said = t("slips.written", count=len(run.slips), path=path)
        if run.without_register:
            said += " " + t("slips.without_register", count=run.without_register)
        return said

    return ChairForm(
        rec,
        officer,
        t("desk.slips.title"),
        write,
        (
            Field("folder", "desk.report.folder", errors=FOLDER_ERRORS),
            Field("block", "desk.slips.block", optional=True, errors=("slips.unknown_block",)),
        ),
    )


def guide_form(rec: Record, officer: OfficerInfo) -> ChairForm[str]:
    def write(_: OfficerInfo, values: Values) -> str:
        from tps_console.guide.pdf import write_guide  # fpdf2: only when printed

        return t("desk.guide.written", path=write_guide(Path(values["folder"][0]) / GUIDE_PDF))

    return ChairForm(
        rec,
        officer,
        t("desk.guide.title"),
        write,
        (Field("folder", "desk.report.folder", errors=FOLDER_ERRORS),),
    )


def incident_form(rec: Record, officer: OfficerInfo) -> ChairForm[str]:
    def record(by: OfficerInfo, values: Values) -> str:
        corrects = first(values, "corrects")
        if corrects and not corrects.isdigit():
            raise BadInput("incident.bad_no", value=corrects)
        no = record_incident(
            rec,
            by,
            first(values, "text"),
            witness=first(values, "witness"),
            voter_key=first(values, "voter"),
            corrects=int(corrects) if corrects else None,
        )
        return t("incident.recorded", no=no)

    # Any officer, not only the chair: an objection is written down where and when it is raised
    # (see domain/day/incidents.py). In the chair's menu all the same, with the day's other
    # records that are not a check-in.
    return ChairForm(
        rec,
        officer,
        t("desk.incident.title"),
        record,
        (
            Field("text", "desk.incident.text"),
            Field("witness", "desk.incident.witness", optional=True),
            Field("voter", "desk.incident.voter", optional=True),
            Field("corrects", "desk.incident.corrects", optional=True),
        ),
        chair_only=False,
    )


# The chair's menu (F3): the day's occasional actions, each a letter away, and where the others are.
CHAIR_MENU = (
    ("b", "backup_now", "desk.menu.backup_now"),
    ("s", "ballots", "desk.menu.ballots"),
    ("o", "officer", "desk.menu.officer"),
    ("v", "verify", "desk.menu.verify"),
    ("l", "report", "desk.menu.report"),
    ("c", "slips", "desk.menu.slips"),
    ("k", "incident", "desk.menu.incident"),
    ("p", "guide", "desk.menu.guide"),
)
FORMS = {
    "backup_now": backup_now_form,
    "ballots": ballots_form,
    "officer": officer_form,
    "verify": verify_form,
    "report": report_form,
    "slips": slips_form,
    "incident": incident_form,
    "guide": guide_form,
}


class ChairMenu(SaysTooSmall, TranslatedBindings, ModalScreen[str | None]):
    """Which of the chair's occasional actions: the screen below opens its form."""

    BINDINGS = [
        *(Binding(key, f"choose('{action}')", label) for key, action, label in CHAIR_MENU),
        Binding("escape", "choose('')", "desk.key.cancel"),
    ]

    def __init__(self, drill: bool) -> None:
        super().__init__()
        self.drill = drill

    def compose(self) -> ComposeResult:
        if self.drill:
            yield DrillBanner()
        with Vertical(id="chair-box"):
            yield Static(t("desk.menu.title"), classes="title")
            for key, _, label in CHAIR_MENU:
                yield Static(f" {key.upper()}  {t(label)}")
            yield Static(t("desk.menu.also"), classes="hint")
        # Each letter is in the box already: where the footer has no room, its keys give way.
        yield DeskFooter(give_way=[[f"choose('{action}')" for _, action, _ in CHAIR_MENU]])

    def action_choose(self, action: str) -> None:
        self.dismiss(action or None)
