"""`panel DB --web`: the witness panel served to browser tabs on the LAN (see tps_console/web)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import errno
import signal
import sys
from collections.abc import Coroutine
from typing import Any

from tps_console.domain.errors import BadInput, Refused
from tps_console.domain.record.clock import Clock
from tps_console.i18n import language, t

# Every network of the laptop: `--web` is for other computers (README, "The panel in a browser").
DEFAULT_HOST = "0.0.0.0"
DEFAULT_PORT = 8000
# `--code` alone: the code is asked for (a value after it is refused: see serve_panel).
ASK_CODE = True


def serve_panel(args: argparse.Namespace, clock: Clock, *, site: bool = False) -> int:
    """`panel --web`, or with `site` the site overview's `site --web`: the same server, whose
    tabs share one process of that screen."""
    from tps_console.domain.views.site import site_numbers
    from tps_console.domain.views.watch import Watcher
    from tps_console.machine.launch import panel_environment
    from tps_console.web.access import CodeDoor
    from tps_console.web.lan import reachable_from_lan, urls_to_open
    from tps_console.web.server import PanelServer, lower_priority, panel_command, serve

    if isinstance(args.code, str):  # `--code VALUE`: `ps` shows it to every user
        raise BadInput("web.code_in_argv")
    host = DEFAULT_HOST if args.host is None else args.host
    port = DEFAULT_PORT if args.port is None else args.port
    if not 0 <= port <= 65535:
        raise BadInput("web.bad_port", port=port)
    # Read once here, so a wrong path is said at once rather than in every tab.
    if site:
        tps = t("site.title", count=len(site_numbers(str(args.db))))
        title = tps
    else:
        watcher = Watcher(args.db, clock)
        tps = watcher.open().status.tps
        watcher.close()
        title = t("panel.title", tps=tps)
    beyond = reachable_from_lan(host)
    code, generated = _access_code(ask=args.code is ASK_CODE, beyond=beyond)
    say = _console
    server = PanelServer(
        panel_command(lang=language(), now=args.now, command="site" if site else "panel"),
        title,
        environment=panel_environment(args.db),
        door=CodeDoor(code, say=say) if code else None,
        say=say,
    )

    def ready(port: int) -> None:
        print(t("web.serving", tps=tps))
        for url in urls_to_open(host, port):
            print(f"  {url}")
        if generated:
            print(t("web.code_generated", code=code))
        elif code:
            print(t("web.code_on"))
        if not beyond:
            print(t("web.local_only"))
        print(t("web.stop"))
        sys.stdout.flush()

    lower_priority()  # before the server starts its first panel process, which inherits it
    try:
        asyncio.run(_until_stopped(serve(server, host, port, ready)))
    except OSError as exc:
        if exc.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1)):
            raise Refused("web.port_in_use", port=port) from exc
        if exc.errno in (errno.EADDRNOTAVAIL, getattr(errno, "WSAEADDRNOTAVAIL", -1)):
            raise BadInput("web.bad_host", host=host) from exc
        raise
    except KeyboardInterrupt:
        pass
    print(t("web.stopped"))
    return 0


def _access_code(*, ask: bool, beyond: bool) -> tuple[str | None, bool]:
    """The access code and whether it was made here: TPS_PANEL_CODE or typed when `ask`ed; else,
    for a panel others can reach, a new one (shown once); else none."""
    from tps_console.cli.prompt import panel_code
    from tps_console.domain.record.proof import as_typed
    from tps_console.web.access import MIN_CODE_CHARS, generated_code

    code = panel_code(ask=ask)
    if code is None:
        return (generated_code(), True) if beyond else (None, False)
    if len(as_typed(code)) < MIN_CODE_CHARS:
        raise BadInput("web.code_short", chars=MIN_CODE_CHARS)
    return code, False


def _console(text: str) -> None:
    """What the server tells the chair while it runs (wrong codes, lock-outs, a panel started
    again), at once even when its output goes to a pipe or a file."""
    print(text, flush=True)


async def _until_stopped(serving: Coroutine[Any, Any, None]) -> None:
    """Serve until Ctrl+C or SIGTERM, then close every tab's panel before leaving."""
    task = asyncio.ensure_future(serving)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        # Windows has no signal handlers in asyncio: Ctrl+C raises KeyboardInterrupt there.
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, task.cancel)
    with contextlib.suppress(asyncio.CancelledError):
        await task
