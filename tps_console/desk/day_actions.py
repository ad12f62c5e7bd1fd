"""The chair's actions of the day from the desk: register a DPK voter (12:00–13:00), record the
13:00 queue, close the polls, name the backup folder. Each is a `ChairForm`: chair ID and PIN
at that moment. The DPK form gives back the new voter; the others what to say."""

from __future__ import annotations

from tps_console.desk.dialogs import ChairForm, Field, Values
from tps_console.domain.day.backup import set_backup_target
from tps_console.domain.day.closing import close_polls, record_queue
from tps_console.domain.day.dpk import DpkAdded, register_dpk, registration_refusal
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.errors import BadInput
from tps_console.domain.record.station import Record
from tps_console.domain.record.timefmt import local_time
from tps_console.i18n import t

YES = {"y", "ya", "yes"}


def dpk_form(rec: Record, officer: OfficerInfo) -> ChairForm[DpkAdded]:
    def register(chair: OfficerInfo, values: Values) -> DpkAdded:
        def first(name: str) -> str:
            return values[name][0] if values[name] else ""

        return register_dpk(
            rec,
            chair,
            nik=first("nik"),
            name=first("name"),
            sex=first("sex"),
            birth=first("birth"),
            married=first("married").lower() in YES,
            disability=first("disability"),
        )

    return ChairForm(
        rec,
        officer,
        t("desk.dpk.title"),
        register,
        (
            Field("nik", "desk.dpk.nik"),
            Field("name", "desk.dpk.name"),
            Field("sex", "desk.dpk.sex"),
            Field("birth", "desk.dpk.birth"),
            Field("married", "desk.dpk.married", optional=True),
            Field("disability", "desk.dpk.disability", optional=True),
        ),
        notice=lambda: registration_refusal(rec.station, rec.now()),
    )


def queue_form(rec: Record, officer: OfficerInfo) -> ChairForm[str]:
    def queue(chair: OfficerInfo, values: Values) -> str:
        queued = record_queue(rec, chair, values["keys"])
        return t("queue.done", count=len(queued), names=", ".join(q.name for q in queued))

    keys = Field("keys", "desk.queue.keys", many=True)
    return ChairForm(rec, officer, t("desk.queue.title"), queue, (keys,))


def close_form(rec: Record, officer: OfficerInfo) -> ChairForm[str]:
    def close(chair: OfficerInfo, _: Values) -> str:
        closed = close_polls(rec, chair)
        said = t("close.done", at=local_time(rec.station, closed.at, seconds=False))
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
            Field("folder", "desk.backup.folder"),
            Field("minutes", "desk.backup.minutes", optional=True),
            Field("keep", "desk.backup.keep", optional=True),
        ),
    )
