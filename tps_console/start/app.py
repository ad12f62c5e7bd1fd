"""The start screen's app: what `tps-console` with no command opens.

Built by `make_start` from an explicit clock and folders, so the CLI and the tests start it the
same way. It owns the new station's draft while the chair goes through the steps; each step gets
what it needs when it opens and hands back what it collected. The app exits with a `Choice`
(open a station's desk, or the demo's): the command line then runs the desk, as `desk DB` does.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual import events, on, work
from textual.app import App
from textual.binding import Binding
from textual.widgets import Input

from tps_console.domain.day.setup import NewOfficer, set_up_station
from tps_console.domain.errors import TpsError
from tps_console.domain.record.clock import Clock
from tps_console.domain.record.creation import site_target
from tps_console.domain.record.station import open_record
from tps_console.i18n import set_language, t
from tps_console.i18n.bindings import TranslatedBindings
from tps_console.machine.recent import read_recent, recent_servers
from tps_console.start.about import AboutScreen
from tps_console.start.ballot_step import BallotsStep
from tps_console.start.browse import STATION_SUFFIXES, FileBrowser
from tps_console.start.choice import Choice, Then
from tps_console.start.draft import Draft, station_file
from tps_console.start.home import HomeScreen
from tps_console.start.officer_steps import ChairStep, MembersStep
from tps_console.start.places import Places
from tps_console.start.roll_steps import PreviewStep, RollStep
from tps_console.start.station_step import StationDetails, StationStep
from tps_console.start.step import Step
from tps_console.start.summary_step import SummaryStep
from tps_console.start.typing_ahead import KeysInOrder

STATIONS_FOLDER = "stations"


class StartApp(TranslatedBindings, App[Choice]):
    CSS_PATH = "start.tcss"
    TITLE = "TPS Console"
    # Every action is a key in the footer; Textual's palette would only add English ones.
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q", "quit", "start.key.quit", priority=True, show=False)]

    def __init__(self, clock: Clock, *, data: Path, places: Places, desk: str = "") -> None:
        super().__init__()
        self.clock = clock
        self.data = data
        self.stations = data / STATIONS_FOLDER
        self.places = places
        self.desk = desk
        self.draft = Draft(drill=False)
        self.keys = KeysInOrder(self)

    async def on_event(self, event: events.Event) -> None:
        if not self.keys.takes(event):
            await super().on_event(event)

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(read_recent(self.data)))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # The cursor does not blink when headless (tests, selfcheck), so that frames repeat, as
        # at the desk (desk/inputs.py).
        if self.is_headless and isinstance(event.widget, Input):
            event.widget.cursor_blink = False

    # --- the start screen ------------------------------------------------------------------------

    @on(HomeScreen.Picked)
    def _picked(self, event: HomeScreen.Picked) -> None:
        match event.action:
            case "recent" if event.path is not None:
                self._try_open(event.path)
            case "open_file":
                browser = FileBrowser(
                    self.places, STATION_SUFFIXES, "browse.station", self.stations, servers=True
                )
                self.push_screen(browser, self._file_chosen)
            case "new" | "drill":
                self.draft = Draft(drill=event.action == "drill")
                self._to_roll()
            case "demo":
                self.exit(Choice(Then.DEMO))
            case "about":
                self.push_screen(AboutScreen(self.data, self.stations))

    def _file_chosen(self, path: Path | str | None) -> None:
        if path is not None:
            self._try_open(path)

    @work(thread=True, exclusive=True, group="open")
    def _try_open(self, path: Path | str) -> None:
        """Only a file or a server that opens as a station leaves the start screen; anything
        else is said here (a URL without its password), and the chair can choose again."""
        try:
            open_record(path, self.clock, readonly=True).close()
        except TpsError as exc:
            self.call_from_thread(self.notify, t(exc.key, **exc.params), severity="error")
            return
        self.call_from_thread(self.exit, Choice(Then.OPEN, path))

    # --- a new station, step by step -----------------------------------------------------------
    # Each step is pushed over the one before: going back pops it, and the step below still
    # holds what was typed in it. The draft changes only when a step is completed.

    @on(Step.Cancelled)
    def _cancelled(self) -> None:
        while not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    @on(Step.Completed)
    def _completed(self, event: Step.Completed) -> None:
        """A step is done: what it collected goes into the draft, and the next step opens over
        it."""
        d = self.draft
        match event.step:
            case RollStep():
                self.draft = replace(d, roll=event.result)
                self.push_screen(PreviewStep(event.result, drill=d.drill))
            case PreviewStep():
                self.push_screen(StationStep(d))
            case StationStep():
                details: StationDetails = event.result
                self.draft = replace(d, tps=details.tps, hours=details.hours, place=details.place)
                self.push_screen(ChairStep(drill=d.drill, previous=d.chair))
            case ChairStep():
                chair: NewOfficer = event.result
                self.draft = replace(d, chair=chair)
                members = tuple(m for m in d.members if m.id != chair.id)
                self.push_screen(MembersStep(chair, members, drill=d.drill))
            case MembersStep():
                self.draft = replace(d, members=event.result)
                self.push_screen(BallotsStep(self.draft))
            case BallotsStep():
                self.draft = replace(d, stock=event.result)
                self._to_summary()
            case SummaryStep():
                self.exit(Choice(Then.OPEN, event.step.target))

    def _to_roll(self) -> None:
        self.push_screen(RollStep(self.places, drill=self.draft.drill))

    def _to_summary(self) -> None:
        draft = self.draft
        assert draft.roll is not None
        day, roll = draft.roll.polling_date, draft.roll.data

        def file_in(folder: Path) -> Path:
            return station_file(folder, draft.tps, day, drill=draft.drill)

        def create(target: Path | str, passphrase: str, different: frozenset[int]) -> Path | str:
            # On a server that holds a TPS already: beside it, as a TPS of the site.
            target = site_target(target, draft.tps)
            set_up_station(target, roll, self.clock, draft.plan(self.desk, passphrase, different))
            return target

        self.push_screen(
            SummaryStep(draft, self.stations, file_in, create, recent_servers(self.data))
        )


def make_start(
    clock: Clock, *, data: Path, places: Places, lang: str = "id", desk: str = ""
) -> StartApp:
    set_language(lang)
    return StartApp(clock, data=data, places=places, desk=desk)
