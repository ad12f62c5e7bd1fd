"""Keys typed ahead on the start screen and in the new station's steps: every key reaches the
field it was typed for, in order, however fast it comes — a chair who types on without looking
up, or a scanner. The keys are sent as a terminal delivers a burst (`burst`: all of them before
the app has handled the first; Pilot.press would wait for each), from the moment the app runs."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select

from tests.helpers import make_station
from tests.helpers.desk import burst
from tests.helpers.start import GOOD_ROLL, PLACE, start_for, write_rolls
from tests.helpers.wait import settle
from tps_console.domain.day.setup import Stock
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.events import PLACE_FIELDS
from tps_console.domain.record.station import Place
from tps_console.domain.vocab import ALL_BALLOTS
from tps_console.machine.recent import remember
from tps_console.start.app import StartApp
from tps_console.start.ballot_step import BallotsStep
from tps_console.start.choice import Choice, Then
from tps_console.start.officer_steps import ChairStep, MembersStep
from tps_console.start.roll_steps import RollStep
from tps_console.start.station_step import StationStep
from tps_console.start.summary_step import SummaryStep

COUNTS = (184, 185, 186, 187, 188)  # the own stock of each ballot type, told apart


def field(keys: list[str], text: str, then: str = "tab") -> None:
    """`text` typed into a field, then `then` (Tab to the next field)."""
    keys += ["space" if c == " " else c for c in text]
    keys.append(then)


def fields_of(app: StartApp, step: type) -> dict[str, str]:
    """What each text field of the step still open under the summary holds."""
    screen = next(s for s in app.screen_stack if isinstance(s, step))
    return {str(i.id): i.value for i in screen.query(Input)}


async def test_a_whole_new_station_typed_in_one_burst_puts_every_key_in_its_field(
    tmp_path: Path, clock: FixedClock
) -> None:
    """From the start screen's first instant to the summary, without one pause: the start
    screen's `n`, every field of every step with Tab between them, Enter (as the terminal's
    line discipline delivers it before raw mode: a line feed) to read the roll, Ctrl+N on."""
    docs = tmp_path / "Dokumen"
    write_rolls(docs)
    roll = str(docs / GOOD_ROLL)
    keys: list[str] = ["n"]
    field(keys, "14-02-2024")
    field(keys, roll, then="ctrl+j")  # read while the keys after it wait
    keys.append("ctrl+n")  # the preview: on
    field(keys, "TPS 901")  # over the TPS offered
    field(keys, "07.00")
    field(keys, "13.00")
    keys.append("tab")  # past the time zone
    for line in PLACE[:-1]:
        field(keys, line)
    field(keys, PLACE[-1], then="enter")  # the last field: on to the chair
    field(keys, "ketua")
    field(keys, "Siti Aminah")
    field(keys, "1234")
    field(keys, "1234", then="enter")  # on to the members
    field(keys, "anggota4")
    field(keys, "Budi Santoso")
    field(keys, "4444")
    field(keys, "4444", then="enter")  # added; the form is empty again
    field(keys, "anggota5")
    field(keys, "Dewi Lestari")
    field(keys, "5555")
    field(keys, "5555", then="ctrl+n")  # added too, then on to the ballots
    for count in COUNTS:
        field(keys, str(count))
    field(keys, "TPS 905")
    field(keys, "20", then="ctrl+n")

    app = start_for(tmp_path / "data", docs, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, *keys)
        await settle(pilot)
        assert isinstance(app.screen, SummaryStep)
        assert fields_of(app, RollStep) == {"date": "14-02-2024", "roll": roll}
        zone = next(s for s in app.screen_stack if isinstance(s, StationStep)).query_one(Select)
        assert zone.value == "Asia/Jakarta"
        assert fields_of(app, StationStep) == {
            "tps": "TPS 901",
            "opens": "07.00",
            "closes": "13.00",
            **dict(zip(PLACE_FIELDS, PLACE, strict=True)),
        }
        assert fields_of(app, ChairStep) == {
            "chair-id": "ketua",
            "chair-name": "Siti Aminah",
            "chair-pin": "1234",
            "chair-pin2": "1234",
        }
        assert set(fields_of(app, MembersStep).values()) == {""}  # each one added
        own = {f"own-{b}": str(n) for b, n in zip(ALL_BALLOTS, COUNTS, strict=True)}
        lender = {f"lender1-{b}": "" for b in ALL_BALLOTS} | {"lender1-PPWP": "20"}
        assert fields_of(app, BallotsStep) == {**own, "lender1-name": "TPS 905", **lender}

        draft = app.draft
        assert draft.tps == "TPS 901" and draft.place == Place(*PLACE)
        assert draft.chair is not None
        assert (draft.chair.id, draft.chair.name) == ("ketua", "Siti Aminah")
        assert [(m.id, m.name) for m in draft.members] == [
            ("anggota4", "Budi Santoso"),
            ("anggota5", "Dewi Lestari"),
        ]
        assert draft.stock == (
            Stock(dict(zip(ALL_BALLOTS, COUNTS, strict=True)), ""),
            Stock({"PPWP": 20}, "TPS 905"),
        )


async def test_keys_typed_the_instant_the_start_screen_opens_are_not_lost(
    tmp_path: Path, clock: FixedClock
) -> None:
    """`n`, the date and a path typed while the start screen is still being drawn: the new
    station's first step opens with the date and the path in their fields, none dropped on
    the way nor read as the start screen's keys (the `d` of the path would start the demo)."""
    docs = tmp_path / "Dokumen"
    write_rolls(docs)
    app = start_for(tmp_path / "data", docs, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, "n", *"14-02-2024", "tab", *"/data/dpt.csv")
        await settle(pilot)
        assert isinstance(app.screen, RollStep)
        assert fields_of(app, RollStep) == {"date": "14-02-2024", "roll": "/data/dpt.csv"}


async def test_enter_typed_ahead_as_a_line_feed_opens_the_recent_station(
    tmp_path: Path, clock: FixedClock
) -> None:
    rec = make_station(tmp_path / "tps.db", clock)
    remember(tmp_path / "data", rec, clock.now())
    rec.close()
    app = start_for(tmp_path / "data", tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, "ctrl+j")
        await settle(pilot)
    assert app.return_value == Choice(Then.OPEN, (tmp_path / "tps.db").resolve())
