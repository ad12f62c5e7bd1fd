"""`tps-console selfcheck`: the smoke test of an installed or packaged build.

In a temporary folder it goes through a polling day in miniature with what the program carries:
a station from the bundled roll, the same roll read from an Excel workbook, officers, ballot
stock, a check-in, the duplicate refused, the desk and the witness panel drawn headless, and
`verify`. Each step prints `ok` or `FAILED` with
what went wrong; after a failure the remaining steps are skipped, since each builds on the one
before. The files a one-file build must carry (screen styles, sample roll, time zones) are
checked by name, so a packaging mistake is named rather than shown as a crash later.
"""

from __future__ import annotations

import asyncio
import csv
import html
import io
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.errors import AlreadyVoted, TpsError
from tps_console.domain.record.clock import StartedClock
from tps_console.domain.record.station import DEFAULT_TIMEZONE, Record
from tps_console.i18n import language, t
from tps_console.samples.demo import DEMO_OFFICERS, add_demo_officers

POLLING_MORNING = datetime(2024, 2, 14, 9, 0, tzinfo=ZoneInfo(DEFAULT_TIMEZONE))
STOCK = 200  # ballots of each type: more than the sample roll's voters
SETTLE_S = 15.0
# A tab's panel is a new process of this program: a one-file build unpacks itself first.
WEB_SETTLE_S = 30.0
SIXTEEN_DIGITS = re.compile(r"\d{16}")


class Failed(Exception):
    """A step found something wrong; the message says what."""


@dataclass
class Day:
    """What the steps share: the temporary station and who works at it."""

    folder: Path
    clock: StartedClock = field(default_factory=lambda: StartedClock(POLLING_MORNING))
    rec: Record | None = None
    chair: OfficerInfo | None = None
    member: OfficerInfo | None = None
    voter_nik: str = ""

    @property
    def db(self) -> Path:
        return self.folder / "selfcheck.db"

    @property
    def record(self) -> Record:
        assert self.rec is not None
        return self.rec


Step = Callable[[Day], str]


def bundled_files(_: Day) -> str:
    from tps_console.samples.rolls import sample_roll

    bundled = (
        ("tps_console.desk", "desk.tcss"),
        ("tps_console.panel", "panel.tcss"),
        ("tps_console.guide", "panduan-kpps.md"),  # printed from the chair's menu
    )
    for package, name in bundled:
        if not resources.files(package).joinpath(name).is_file():
            raise Failed(f"{package}/{name} missing")
    roll = sample_roll()
    # Windows has no time-zone database of its own: zoneinfo must find tzdata's copy.
    area, city = DEFAULT_TIMEZONE.split("/")
    if not resources.files(f"tzdata.zoneinfo.{area}").joinpath(city).is_file():
        raise Failed(f"tzdata: {DEFAULT_TIMEZONE} missing")
    ZoneInfo(DEFAULT_TIMEZONE)
    return (
        f"sample_roll.csv {len(roll)} B, desk.tcss, panel.tcss, panduan-kpps.md, {DEFAULT_TIMEZONE}"
    )


def data_folder(_: Day) -> str:
    from tps_console.machine.paths import data_dir

    folder = data_dir().resolve()
    unpacked = getattr(sys, "_MEIPASS", None)  # a one-file build's temporary unpack folder
    program = Path(unpacked or Path(sys.executable).parent).resolve()
    if folder.is_relative_to(program):
        raise Failed(f"{folder} is inside {program}")
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".selfcheck-"):
        pass
    return str(folder)


def station(day: Day) -> str:
    from tps_console.domain.record.creation import create_station
    from tps_console.domain.record.station import open_record
    from tps_console.samples.rolls import sample_roll

    roll = sample_roll()
    create_station(day.db, roll, day.clock, polling_date=POLLING_MORNING.date())
    day.rec = open_record(day.db, day.clock, desk="selfcheck")
    first = next(csv.DictReader(io.StringIO(roll.decode("utf-8-sig"))))
    day.voter_nik = first["nik"]
    return t("selfcheck.voters", count=day.record.station.roll_count)


def workbook(day: Day) -> str:
    """The bundled roll as an Excel workbook gives the same voters: openpyxl travels too."""
    from tps_console.domain.roll.read import parse_roll
    from tps_console.samples.rolls import generate_roll, sample_roll
    from tps_console.samples.workbook import roll_xlsx

    polling_day = POLLING_MORNING.date()
    parsed = parse_roll(roll_xlsx(generate_roll(180)), polling_day)
    if parsed.errors:
        first = parsed.errors[0]
        raise Failed(t(first.key, **first.params))
    if parsed.entries != parse_roll(sample_roll(), polling_day).entries:
        raise Failed(t("selfcheck.workbook_differs"))
    return t("selfcheck.voters", count=len(parsed.entries))


def officers(day: Day) -> str:
    day.chair, day.member = add_demo_officers(day.record)
    return ", ".join(o.id for o in DEMO_OFFICERS)


def ballots(day: Day) -> str:
    from tps_console.domain.day.ballots import receive_ballots
    from tps_console.domain.vocab import ALL_BALLOTS

    assert day.chair is not None
    receive_ballots(day.record, day.chair, dict.fromkeys(ALL_BALLOTS, STOCK))
    return t("selfcheck.per_type", count=STOCK)


def checkin(day: Day) -> str:
    from tps_console.domain.day.checkin import check_in

    assert day.member is not None
    done = check_in(day.record, day.member, key=day.voter_nik)
    return f"no. {done.voter_no}, {', '.join(done.ballots)}"


def duplicate(day: Day) -> str:
    from tps_console.domain.day.checkin import check_in

    assert day.member is not None
    try:
        check_in(day.record, day.member, key=day.voter_nik)
    except AlreadyVoted as exc:
        return t("selfcheck.exit_code", code=exc.exit_code)
    raise Failed(t("selfcheck.not_refused"))


def desk(day: Day) -> str:
    return asyncio.run(_drive_desk(day))


async def _drive_desk(day: Day) -> str:
    from tps_console.desk.app import make_desk
    from tps_console.desk.checkin_screen import CheckInScreen
    from tps_console.desk.signin import SignInScreen

    member = next(o for o in DEMO_OFFICERS if day.member and o.id == day.member.id)
    app = make_desk(day.record, lang=language(), refresh_seconds=60.0)
    async with app.run_test(size=(100, 30)) as pilot:
        await _until(pilot, lambda: isinstance(app.screen, SignInScreen) and app.index is not None)
        signin = _screen_text(app)
        if t("desk.signin.title") not in signin:
            raise Failed(f"sign-in screen without its title: {signin[:80]!r}")
        await pilot.press(*member.id, "tab", *member.pin, "enter")
        await _until(pilot, lambda: isinstance(app.screen, CheckInScreen))
        shown = _screen_text(app)
    return f"{SignInScreen.__name__} {len(signin)} + {CheckInScreen.__name__} {len(shown)} chars"


def panel(day: Day) -> str:
    return asyncio.run(_drive_panel(day))


async def _drive_panel(day: Day) -> str:
    from tps_console.panel.app import PanelScreen, make_panel

    app = make_panel(day.db, day.clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: isinstance(app.screen, PanelScreen))
        screen = app.screen
        assert isinstance(screen, PanelScreen)
        shown = screen.turnout.status.checked_in if screen.turnout else None
        text = _screen_text(app)
    if shown != 1:
        raise Failed(f"the panel shows {shown} check-ins, not 1")
    if SIXTEEN_DIGITS.search(text):
        raise Failed("a full NIK is on the witnesses' screen")
    return f"{PanelScreen.__name__} {len(text)} chars"


async def _until(pilot: Any, condition: Callable[[], bool]) -> None:
    """Let thread workers finish and their results reach the screen, until `condition`."""
    app = pilot.app
    deadline = asyncio.get_running_loop().time() + SETTLE_S
    while True:
        await app.workers.wait_for_complete()
        await pilot.pause()
        if condition():
            return
        if asyncio.get_running_loop().time() > deadline:
            raise Failed(f"gave up waiting; the screen is {type(app.screen).__name__}")
        await pilot.pause(0.05)


def _screen_text(app: Any) -> str:
    """What is painted on the screen, as plain text: rendering it is part of the check."""
    svg: str = app.export_screenshot()
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", svg[svg.index("<g ") :])).split())


def slips(day: Day) -> str:
    from tps_console.domain.reports.slips import slips_to_print
    from tps_console.domain.reports.slips_pdf import render_slips

    run = slips_to_print(day.record)
    pdf = render_slips(run, t)
    if not pdf.startswith(b"%PDF") or not run.slips:
        raise Failed("no slip was printed")
    return t("selfcheck.slips_detail", count=len(run.slips), size=len(pdf))


def web_panel(day: Day) -> str:
    return asyncio.run(_serve_panel(day))


async def _serve_panel(day: Day) -> str:
    """The page and its assets served from the bundled files, and one tab's panel, run by this
    very program under Textual's web driver, drawing the turnout into the tab's websocket."""
    import aiohttp
    from aiohttp import web

    from tps_console.machine.launch import panel_environment
    from tps_console.web.frames import screen_text
    from tps_console.web.server import HERE, STATIC, PanelServer, panel_command

    for path in (
        STATIC / "js/textual.js",
        STATIC / "css/xterm.css",
        STATIC / "fonts/RobotoMono-VariableFont_wght.ttf",
        HERE / "panel.html",
        HERE / "code.html",
    ):
        if not path.is_file():
            raise Failed(f"{path} missing")
    server = PanelServer(
        panel_command(lang=language()), "selfcheck", environment=panel_environment(day.db)
    )
    runner = web.AppRunner(server.application(), access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        url = f"http://127.0.0.1:{runner.addresses[0][1]}"
        async with aiohttp.ClientSession() as session:
            page = await (await session.get(f"{url}/")).text()
            script = await session.get(f"{url}/static/js/textual.js")
            if "textual.js" not in page or script.status != 200:
                raise Failed("the page or its script is not served")
            socket = await session.ws_connect(f"{url}/ws?width=120&height=40")
            frames: list[bytes] = []
            deadline = asyncio.get_running_loop().time() + WEB_SETTLE_S
            while not re.search(r"\b1 / \d+ ", screen_text(frames)):
                left = deadline - asyncio.get_running_loop().time()
                if left <= 0:
                    raise Failed("the tab's panel drew no turnout")
                try:
                    message = await asyncio.wait_for(socket.receive(), left)
                except TimeoutError:
                    continue
                if message.type == aiohttp.WSMsgType.BINARY:
                    frames.append(message.data)
                elif message.type != aiohttp.WSMsgType.TEXT:
                    raise Failed(f"the tab's panel ended: {message.type.name}")
            await socket.close()
        while server.tabs:  # the tab is let go (its panel stops with the server, below)
            await asyncio.sleep(0.05)
    finally:
        await runner.cleanup()
    return t("selfcheck.web_detail", size=len(screen_text(frames)))


def verify(day: Day) -> str:
    from tps_console.domain.verify import verify as verify_record

    result = verify_record(day.record)
    if not result.ok:
        raise Failed(t(result.problem or "", **result.params))
    return t("selfcheck.events", count=result.events)


def server_driver(_: Day) -> str:
    """A station on a server needs psycopg's compiled driver with its own libpq (the laptop has
    no PostgreSQL client of its own) and SQLAlchemy's dialect for it, found by name."""
    import psycopg
    from sqlalchemy.dialects import registry

    if psycopg.pq.__impl__ != "binary":
        raise Failed(f"psycopg: {psycopg.pq.__impl__} implementation, not binary")
    registry.load("postgresql.psycopg")
    return f"psycopg {psycopg.__version__}, libpq {psycopg.pq.version()}"


STEPS: tuple[tuple[str, Step], ...] = (
    ("selfcheck.files", bundled_files),
    ("selfcheck.server_driver", server_driver),
    ("selfcheck.data_dir", data_folder),
    ("selfcheck.station", station),
    ("selfcheck.workbook", workbook),
    ("selfcheck.officers", officers),
    ("selfcheck.ballots", ballots),
    ("selfcheck.checkin", checkin),
    ("selfcheck.duplicate", duplicate),
    ("selfcheck.desk", desk),
    ("selfcheck.panel", panel),
    ("selfcheck.web", web_panel),
    ("selfcheck.slips", slips),
    ("selfcheck.verify", verify),
)


def run_selfcheck(out: TextIO) -> bool:
    """Run every step, printing one line each to `out`; True if all passed."""
    failed: str | None = None
    with tempfile.TemporaryDirectory(prefix="tps-selfcheck-", ignore_cleanup_errors=True) as tmp:
        day = Day(Path(tmp))
        try:
            for key, step in STEPS:
                label = t(key)
                if failed is not None:
                    print(f"{'-':<7} {label}: {t('selfcheck.skipped')}", file=out, flush=True)
                    continue
                try:
                    detail = step(day)
                except Exception as exc:  # every failure is named, whatever it is
                    failed = label
                    print(f"{'FAILED':<7} {label}: {_describe(exc)}", file=out, flush=True)
                else:
                    print(f"{'ok':<7} {label}: {detail}", file=out, flush=True)
        finally:
            if day.rec is not None:
                day.rec.close()
    if failed is None:
        print(t("selfcheck.all_ok", count=len(STEPS)), file=out)
        return True
    print(t("selfcheck.failed", step=failed), file=out)
    return False


def _describe(exc: Exception) -> str:
    if isinstance(exc, Failed):
        return str(exc)
    if isinstance(exc, TpsError):
        return t(exc.key, **exc.params)
    return f"{type(exc).__name__}: {exc}"
