"""Commands of the full-screen apps: the desk and the witness panel."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tps_console.cli.commands import Command, _open, read_status, status_text
from tps_console.domain.errors import BadInput
from tps_console.domain.record.clock import Clock, StartedClock
from tps_console.domain.record.station import Record
from tps_console.i18n import language, t


def run_desk(rec: Record, demo: bool = False) -> int:
    from tps_console.bench.probe import startup_probe
    from tps_console.demo import DEMO_OFFICERS
    from tps_console.desk.app import DemoLogin, make_desk

    logins = tuple(DemoLogin(o.id, o.pin, o.name) for o in DEMO_OFFICERS) if demo else ()
    make_desk(rec, lang=language(), demo_logins=logins).run(auto_pilot=startup_probe())
    rec.close()
    return 0


def desk(args: argparse.Namespace, clock: Clock) -> int:
    return run_desk(_open(args, clock))


def demo(args: argparse.Namespace, clock: Clock) -> int:
    from tps_console.demo import DEMO_OFFICERS, ensure_demo
    from tps_console.paths import fresh_demo_path

    path = args.db or fresh_demo_path()
    rec = ensure_demo(path, clock, desk=args.desk, drill_at=args.drill_at)
    if args.no_desk:
        print(t("demo.location", path=path))
        for officer in DEMO_OFFICERS:
            print(t("demo.officer", id=officer.id, pin=officer.pin, name=officer.name))
        print(status_text(read_status(rec)))
        rec.close()
    else:
        run_desk(rec, demo=True)
    # The same station for a second terminal: the panel runs on the station's own drill clock.
    print(t("demo.panel_hint", command=f"tps-console panel {path}"))
    return 0


def panel(args: argparse.Namespace, clock: Clock) -> int:
    # `--now` only looks: the panel shows the record as at that instant and records nothing.
    looks_at = StartedClock(args.drill_at) if args.drill_at is not None else clock
    if not args.web and (args.code is not None or args.host is not None or args.port is not None):
        raise BadInput("web.needs_web")
    if args.web:
        from tps_console.cli.web import serve_panel

        return serve_panel(args, looks_at)
    from tps_console.panel.app import make_panel

    make_panel(args.db, looks_at).run()
    return 0


def register(cmd: Command, sub: Any) -> None:
    demo_p = cmd("demo", demo, "cli.demo")
    demo_p.add_argument("--db", type=Path, help=t("cli.demo_db"))
    demo_p.add_argument("--no-desk", action="store_true", help=t("cli.demo_no_desk"))

    desk_p = cmd("desk", desk, "cli.desk_cmd")
    desk_p.add_argument("db", type=Path, metavar="DB")

    panel_p = cmd("panel", panel, "cli.panel")
    panel_p.add_argument("db", type=Path, metavar="DB")
    panel_p.add_argument("--web", action="store_true", help=t("cli.panel_web"))
    panel_p.add_argument("--host", metavar="H", help=t("cli.panel_host"))
    panel_p.add_argument("--port", type=int, metavar="P", help=t("cli.panel_port"))
    panel_p.add_argument("--code", metavar="C", help=t("cli.panel_code"))
