"""Commands of the full-screen apps: the desk and the witness panel."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tps_console.cli.common import Command, station, station_arg, station_target
from tps_console.cli.web import ASK_CODE
from tps_console.domain.errors import BadInput
from tps_console.domain.record.clock import Clock, StartedClock
from tps_console.domain.record.station import Record, ensure_clock_agrees, open_record
from tps_console.i18n import language, t

if TYPE_CHECKING:
    from tps_console.desk.state import PanelLaunch


def run_desk(rec: Record, demo: bool = False) -> int:
    from tps_console.desk.app import DemoLogin, make_desk
    from tps_console.machine.paths import data_dir
    from tps_console.machine.recent import remember
    from tps_console.packaged.startup_probe import startup_probe

    logins: tuple[DemoLogin, ...] = ()
    passphrase = None
    if demo:
        from tps_console.domain.day.passphrase import DEMO_PASSPHRASE
        from tps_console.samples.demo import DEMO_OFFICERS

        logins = tuple(DemoLogin(o.id, o.pin, o.name) for o in DEMO_OFFICERS)
        passphrase = DEMO_PASSPHRASE
    else:  # the demo is made afresh at each run: nothing to offer again
        remember(data_dir(), rec, rec.local())
    make_desk(
        rec,
        lang=language(),
        demo_logins=logins,
        panel=panel_launch(rec),
        demo_passphrase=passphrase,
    ).run(auto_pilot=startup_probe())
    rec.close()
    return 0


def _panel_args() -> tuple[str, ...]:
    """The witness panel, in the language of this window; its station is given after these."""
    lang = ("--lang", language()) if language() != "id" else ()
    return (*lang, "panel")


def panel_launch(rec: Record) -> PanelLaunch | None:
    from tps_console.desk.state import PanelLaunch

    # On a server, which role the panel logs in as is decided when F8 is pressed: the witnesses'
    # one if it has been set up since (server.panel_login).
    where = rec.url or (str(rec.path.resolve()) if rec.path is not None else None)
    return PanelLaunch(_panel_args(), where) if where is not None else None


def desk(args: argparse.Namespace, clock: Clock) -> int:
    with station(args, clock) as rec:
        return _desk_of(rec, clock)


def _desk_of(rec: Record, clock: Clock) -> int:
    try:
        # On a server, desks whose clocks disagree would record times that disagree.
        ensure_clock_agrees(rec, clock)
    except BaseException:
        rec.close()
        raise
    return run_desk(rec)


def start(args: argparse.Namespace, clock: Clock) -> int:
    """No command: the start screen; the station chosen (or just made) opens at its desk."""
    from tps_console.machine.paths import data_dir
    from tps_console.packaged.startup_probe import startup_probe
    from tps_console.start.app import make_start
    from tps_console.start.choice import Then
    from tps_console.start.places import machine_places

    if args.drill_at is not None:
        raise BadInput("start.no_now")
    app = make_start(
        clock, data=data_dir(), places=machine_places(), lang=language(), desk=args.desk
    )
    choice = app.run(auto_pilot=startup_probe())
    if choice is None:
        return 0
    if choice.then is Then.DEMO:
        return _demo(None, clock, desk=args.desk, drill_at=None, no_desk=False)
    assert choice.path is not None  # every other choice names its station
    return _desk_of(open_record(choice.path, clock, desk=args.desk), clock)


def demo(args: argparse.Namespace, clock: Clock) -> int:
    return _demo(args.db, clock, desk=args.desk, drill_at=args.drill_at, no_desk=args.no_desk)


def _demo(
    db: Path | None, clock: Clock, *, desk: str, drill_at: datetime | None, no_desk: bool
) -> int:
    from tps_console.cli.record import status_text
    from tps_console.domain.day.passphrase import DEMO_PASSPHRASE
    from tps_console.domain.views.status import read_status
    from tps_console.machine.launch import shown_command
    from tps_console.machine.paths import fresh_demo_path
    from tps_console.samples.demo import DEMO_OFFICERS, ensure_demo

    path = db or fresh_demo_path()
    rec = ensure_demo(path, clock, desk=desk, drill_at=drill_at)
    if no_desk:
        print(t("demo.location", path=path))
        for officer in DEMO_OFFICERS:
            print(t("demo.officer", id=officer.id, pin=officer.pin, name=officer.name))
        print(t("demo.passphrase", passphrase=DEMO_PASSPHRASE))
        print(status_text(read_status(rec)))
        rec.close()
        # The same station for a second terminal: the panel runs on the station's drill clock.
        print(t("demo.panel_hint", command=shown_command(*_panel_args(), str(path.resolve()))))
    else:
        run_desk(rec, demo=True)
    return 0


def panel(args: argparse.Namespace, clock: Clock) -> int:
    from tps_console.machine.launch import handed_station

    if args.db is None:
        args.db = station_target(handed_station())
    # `--now` only looks: the panel shows the record as at that instant and records nothing.
    looks_at = StartedClock(args.drill_at) if args.drill_at is not None else clock
    _web_options_need_web(args)
    if args.web:
        from tps_console.cli.web import serve_panel

        return serve_panel(args, looks_at)
    from tps_console.panel.app import make_panel

    make_panel(args.db, looks_at).run()
    return 0


def site(args: argparse.Namespace, clock: Clock) -> int:
    """The site overview: every TPS of a prison's database, read-only (domain/store/site.py)."""
    from tps_console.machine.launch import handed_station

    if args.db is None:  # started by `site --web` for its tabs
        args.db = station_target(handed_station())
    _web_options_need_web(args)
    if args.web:
        from tps_console.cli.web import serve_panel

        return serve_panel(args, clock, site=True)
    from tps_console.site.app import make_site

    make_site(str(args.db), clock).run()
    return 0


def _web_options_need_web(args: argparse.Namespace) -> None:
    if not args.web and (args.code is not None or args.host is not None or args.port is not None):
        raise BadInput("web.needs_web")


def _web_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--web", action="store_true", help=t("cli.panel_web"))
    p.add_argument("--host", metavar="H", help=t("cli.panel_host"))
    p.add_argument("--port", type=int, metavar="P", help=t("cli.panel_port"))
    # `--code` alone asks for the code (hidden): one given after it would be in the argv that
    # every user of the computer can read, and is refused (cli/web.py).
    p.add_argument("--code", nargs="?", const=ASK_CODE, help=t("cli.panel_code"))


def register(cmd: Command, sub: Any) -> None:
    demo_p = cmd("demo", demo, "cli.demo")
    demo_p.add_argument("--db", type=Path, help=t("cli.demo_db"))
    demo_p.add_argument("--no-desk", action="store_true", help=t("cli.demo_no_desk"))

    desk_p = cmd("desk", desk, "cli.desk_cmd")
    station_arg(desk_p)

    panel_p = cmd("panel", panel, "cli.panel")
    # A panel this program starts (F8, the web panel's tabs) is given no DB: its station comes
    # from PANEL_STATION_ENV, so that no path or URL, and no password, stands in its argv.
    station_arg(panel_p, optional=True)
    _web_args(panel_p)

    site_p = cmd("site", site, "cli.site")
    station_arg(site_p, optional=True)
    _web_args(site_p)
