"""Step 3: the station itself — its name, the day's hours and time zone, and the place lines the
forms carry (the rutan, desa/kelurahan, kecamatan, kabupaten/kota, provinsi)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.widgets import Input, Label, Select, Static

from tps_console.domain.errors import TpsError
from tps_console.domain.record.station import (
    PLACE_FIELDS,
    TIMEZONES,
    Hours,
    Place,
    hours_from,
    tps_name,
)
from tps_console.i18n import t
from tps_console.i18n.bindings import TranslatedBindings
from tps_console.i18n.dates import long_date
from tps_console.start.draft import Draft
from tps_console.start.step import Step
from tps_console.start.textual_private import SelectCurrent, SelectOverlay

_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})$")


@dataclass(frozen=True)
class StationDetails:
    tps: str
    hours: Hours
    place: Place


def clock_time(raw: str) -> time | None:
    """`07:00`, `7:00` and `07.00` (as Indonesians write the hour) all read 07:00."""
    m = _CLOCK.match(raw.strip())
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        return None
    return time(int(m[1]), int(m[2]))


class ZoneList(TranslatedBindings, SelectOverlay):
    BINDINGS = [Binding("escape", "dismiss", "start.key.close_list")]


class ZoneSelect(Select[str]):
    """Enter opens the list of time zones; Enter on one in it chooses it and goes on to the next
    field, as Enter does in the text fields (Escape closes the list and stays)."""

    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield ZoneList().data_bind(compact=Select.compact)

    @on(SelectOverlay.UpdateSelection)
    def _chosen(self) -> None:
        # Select's own handler gives the focus back to the Select (through the app's queue):
        # going on is queued there after it, once that handler is done.
        self.call_later(self.app.call_later, self.screen.focus_next)


class StationStep(Step[StationDetails]):
    name_key = "station"

    def __init__(self, draft: Draft) -> None:
        super().__init__(drill=draft.drill)
        self.draft = draft

    def body(self) -> ComposeResult:
        d = self.draft
        assert d.roll is not None
        yield Static(t("start.station.day", date=long_date(d.roll.polling_date)), classes="hint")
        with Grid(classes="form"):
            yield Label(t("start.station.tps"))
            yield Input(d.tps, id="tps")
            yield Label(t("start.station.opens"))
            yield Input(f"{d.hours.opens:%H:%M}", id="opens")
            yield Label(t("start.station.closes"))
            yield Input(f"{d.hours.closes:%H:%M}", id="closes")
            yield Label(t("start.station.zone"))
            yield ZoneSelect(
                [(t(f"start.zone.{code}"), zone) for code, zone in TIMEZONES.items()],
                value=d.hours.timezone,
                allow_blank=False,
                id="zone",
                compact=True,
            )
            for name in PLACE_FIELDS:
                yield Label(t(f"start.place.{name}"))
                yield Input(
                    getattr(d.place, name), id=name, placeholder=t(f"start.place.{name}_hint")
                )
        yield Static(t("start.station.help"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#tps", Input).focus()

    def _value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value.strip()

    def action_next(self) -> None:
        tps = tps_name(self._value("tps"))
        if not tps:
            return self._wrong("tps", t("start.station.tps_needed"))
        opens, closes = clock_time(self._value("opens")), clock_time(self._value("closes"))
        if opens is None:
            return self._wrong("opens", t("start.station.bad_time", value=self._value("opens")))
        if closes is None:
            return self._wrong("closes", t("start.station.bad_time", value=self._value("closes")))
        zone = self.query_one("#zone", Select).value
        hours = hours_from(opens, closes, str(zone))
        try:
            hours.check()
        except TpsError as exc:
            return self._wrong("closes", t(exc.key, **exc.params))
        for name in PLACE_FIELDS:
            if not self._value(name):
                return self._wrong(name, t("start.place.needed", what=t(f"start.place.{name}")))
        place = Place(*(self._value(name) for name in PLACE_FIELDS)).tidied()
        self.done(StationDetails(tps, hours, place))

    def _wrong(self, field: str, message: str) -> None:
        self.query_one(f"#{field}", Input).focus()
        self.say_error(message)
