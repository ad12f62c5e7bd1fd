"""`tps-console`: the fixed command line (README, "Command line") over the domain. Thin on purpose."""

from __future__ import annotations

import argparse
import importlib
import os
import socket
import sys
from collections.abc import Callable, Sequence

from tps_console.cli.argparse_words import speak_argparse
from tps_console.domain.errors import EXIT_BAD_INPUT, TpsError
from tps_console.domain.record.clock import Clock, parse_instant
from tps_console.domain.store.faults import explain
from tps_console.i18n import set_language, t

Handler = Callable[[argparse.Namespace, Clock], int]

# Textual draws at most this many frames a second (its own setting, read when Textual is first
# imported, which is after this). At its default of 60 a scanned voter's card waits up to 17 ms
# for each of the frames it takes; the screens redraw only when something changed, so a higher
# cap costs nothing while the desk is idle. An officer's own TEXTUAL_FPS is kept.
os.environ.setdefault("TEXTUAL_FPS", "120")


# The module of `tps_console.cli` that registers each command. A command imports its own area
# only, so that the start screen and the desk are on screen sooner; help, and a command not
# named here, import every area (tests/test_cli.py holds this equal to what the areas register).
AREAS = ("setup", "day", "record", "papers", "screens", "package", "bench")
COMMAND_AREAS = {
    **dict.fromkeys(("init", "officer", "passphrase"), "setup"),
    **dict.fromkeys(
        ("ballots", "checkin", "close", "dpk", "incident", "queue", "reinstate", "replace", "undo"),
        "day",
    ),
    **dict.fromkeys(
        ("backup", "copy", "pg-readonly-role", "restore", "status", "verify"), "record"
    ),
    **dict.fromkeys(("report", "slips"), "papers"),
    **dict.fromkeys(("demo", "desk", "panel", "site"), "screens"),
    "selfcheck": "package",
    "bench": "bench",
}
_GLOBAL_VALUES = ("--lang", "--now", "--desk")  # the global options that take a value


def areas_for(argv: Sequence[str]) -> tuple[str, ...]:
    """The areas `argv` needs: its command's, or all (help before any command lists them all)."""
    command = _command_of(argv)
    before = argv[: list(argv).index(command)] if command is not None else argv
    if any(arg in ("-h", "--help") for arg in before):
        return AREAS
    if command is None:
        return ("screens",)  # the start screen
    return (COMMAND_AREAS[command],) if command in COMMAND_AREAS else AREAS


def _command_of(argv: Sequence[str]) -> str | None:
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _GLOBAL_VALUES:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def build_parser(areas: Sequence[str] = AREAS) -> argparse.ArgumentParser:
    # No abbreviated options: `areas_for` reads the command from argv as it is written.
    p = argparse.ArgumentParser(
        prog="tps-console", description=t("cli.description"), allow_abbrev=False
    )
    p.add_argument("--lang", choices=("id", "en"), default="id", help=t("cli.lang"))
    p.add_argument("--now", metavar="ISO-8601", help=t("cli.now"))
    p.add_argument("--desk", default=socket.gethostname() or "desk", help=t("cli.desk"))
    sub = p.add_subparsers(dest="command", metavar="COMMAND", help=t("cli.start"))

    def cmd(name: str, handler: Handler, help_key: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=t(help_key), description=t(help_key))
        sp.set_defaults(handler=handler)
        return sp

    for area in areas:
        module = importlib.import_module(f"tps_console.cli.{area}")
        module.register(cmd, sub)
        if area == "screens":  # no command is the start screen: a double-clicked executable
            p.set_defaults(handler=module.start)
    return p


def _language(argv: Sequence[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return "id"


def main(argv: Sequence[str] | None = None, clock: Clock | None = None) -> int:
    """`clock`: the real time (tests give a polling day's); `--now` is a drill's, see common.station."""
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _language(argv)
    set_language(lang if lang in ("id", "en") else "id")
    speak_argparse()
    args = build_parser(areas_for(argv)).parse_args(argv)
    try:
        args.drill_at = parse_instant(args.now) if args.now else None
    except ValueError:
        print(t("cli.bad_now", value=args.now), file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return int(args.handler(args, clock or Clock()))
    except TpsError as exc:
        return _refuse(exc)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`status | head`): not a fault. Python would complain again when
        # it flushes stdout at exit, so that goes nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:
        # No traceback, ever: a fault of the disk or the file is said in the day's words, anything
        # else is kept in a file for whoever looks after the laptop.
        fault = explain(exc, _path_of(exc) or getattr(args, "db", None))
        return _refuse(fault) if fault is not None else _unexpected(exc)


def _refuse(exc: TpsError) -> int:
    print(t(exc.key, **exc.params), file=sys.stderr)
    return exc.exit_code


def _path_of(exc: BaseException) -> str | None:
    """The file an OS error names (a backup's target folder, not the station)."""
    return getattr(exc, "filename", None) if isinstance(exc, OSError) else None


def _unexpected(exc: Exception) -> int:
    from tps_console.machine.error_notes import write_note

    print(t("fault.unexpected", error=type(exc).__name__, log=write_note(exc)), file=sys.stderr)
    return EXIT_BAD_INPUT
