"""`tps-console`: the fixed command line of DESIGN.md over the domain. Thin on purpose."""

from __future__ import annotations

import argparse
import socket
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from tps_console.domain.clock import Clock, DrillClock, parse_instant
from tps_console.domain.errors import EXIT_BAD_INPUT, TpsError
from tps_console.domain.station import DEFAULT_TPS
from tps_console.i18n import set_language, t

Handler = Callable[[argparse.Namespace, Clock], int]


def build_parser() -> argparse.ArgumentParser:
    from tps_console.cli import commands as c

    p = argparse.ArgumentParser(prog="tps-console", description=t("cli.description"))
    p.add_argument("--lang", choices=("id", "en"), default="id", help=t("cli.lang"))
    p.add_argument("--now", metavar="ISO-8601", help=t("cli.now"))
    p.add_argument("--desk", default=socket.gethostname() or "desk", help=t("cli.desk"))
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def cmd(name: str, handler: Handler, help_key: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=t(help_key), description=t(help_key))
        sp.set_defaults(handler=handler)
        return sp

    demo = cmd("demo", c.demo, "cli.demo")
    demo.add_argument("--db", type=Path, help=t("cli.demo_db"))

    init = cmd("init", c.init, "cli.init")
    init.add_argument("db", type=Path, metavar="DB")
    init.add_argument("--roll", type=Path, required=True, metavar="CSV")
    init.add_argument("--tps", default=DEFAULT_TPS)
    init.add_argument("--date", type=date.fromisoformat, metavar="YYYY-MM-DD")

    officer = sub.add_parser("officer", help=t("cli.officer")).add_subparsers(
        dest="officer_command", required=True, metavar="add"
    )
    add = officer.add_parser("add", help=t("cli.officer_add"))
    add.set_defaults(handler=c.officer_add)
    add.add_argument("db", type=Path, metavar="DB")
    add.add_argument("id", metavar="ID")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=("chair", "member"))
    add.add_argument("--pin-stdin", action="store_true")
    add.add_argument("--by", metavar="CHAIR_ID", help=t("cli.by"))

    checkin = cmd("checkin", c.checkin, "cli.checkin")
    checkin.add_argument("db", type=Path, metavar="DB")
    checkin.add_argument("key", metavar="KEY")
    checkin.add_argument("--officer", required=True, metavar="ID")

    undo = cmd("undo", c.undo, "cli.undo")
    undo.add_argument("db", type=Path, metavar="DB")
    undo.add_argument("key", metavar="KEY")
    undo.add_argument("--officer", required=True, metavar="ID")
    undo.add_argument("--reason", required=True)

    status = cmd("status", c.status, "cli.status")
    status.add_argument("db", type=Path, metavar="DB")
    status.add_argument("--json", action="store_true")

    verify = cmd("verify", c.verify, "cli.verify")
    verify.add_argument("db", type=Path, metavar="DB")

    backup = cmd("backup", c.backup, "cli.backup")
    backup.add_argument("db", type=Path, metavar="DB")
    backup.add_argument("dest", type=Path, metavar="DEST")

    restore = cmd("restore", c.restore, "cli.restore")
    restore.add_argument("backup", type=Path, metavar="BACKUP")
    restore.add_argument("db", type=Path, metavar="DB")
    restore.add_argument("--force", action="store_true")

    bench = cmd("bench", c.bench, "cli.bench")
    bench.add_argument("--json", action="store_true")
    bench.add_argument("--quick", action="store_true", help=t("cli.bench_quick"))
    return p


def _language(argv: Sequence[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return "id"


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _language(argv)
    set_language(lang if lang in ("id", "en") else "id")
    args = build_parser().parse_args(argv)
    try:
        clock: Clock = DrillClock(parse_instant(args.now)) if args.now else Clock()
    except ValueError:
        print(t("cli.bad_now", value=args.now), file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return int(args.handler(args, clock))
    except TpsError as exc:
        print(t(exc.key, **exc.params), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130

