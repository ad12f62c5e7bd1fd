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


def serve_panel(args: argparse.Namespace, clock: Clock) -> int:
    from tps_console.panel.watch import Watcher
    from tps_console.web.lan import reachable_from_lan, urls_to_open
    from tps_console.web.server import PanelServer, lower_priority, panel_command, serve

    host = DEFAULT_HOST if args.host is None else args.host
    port = DEFAULT_PORT if args.port is None else args.port
    # Read once here, so a wrong path is said at once rather than in every tab.
    watcher = Watcher(args.db, clock)
    tps = watcher.open().status.tps
    watcher.close()
    if not 0 <= port <= 65535:
        raise BadInput("web.bad_port", port=port)
    server = PanelServer(
        panel_command(args.db, lang=language(), now=args.now),
        t("panel.title", tps=tps),
        code=args.code,
    )

    def ready(port: int) -> None:
        lower_priority()
        print(t("web.serving", tps=tps))
        for url in urls_to_open(host, port):
            print(f"  {url}")
        if args.code:
            print(t("web.code_on"))
        # Only a panel others can reach is watched by "anyone on this network".
        if not reachable_from_lan(host):
            print(t("web.local_only"))
        elif not args.code:
            print(t("web.no_code"))
        print(t("web.stop"))
        sys.stdout.flush()

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
