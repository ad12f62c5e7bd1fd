"""A tmux server of the test's own, as the desk finds one when it runs inside tmux: F8 opens the
panel in a new window of it, and the test reads that panel's process from /proc."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class Tmux:
    socket: str

    def run(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return done.stdout

    def panes(self) -> list[int]:
        return [int(pid) for pid in self.run("list-panes", "-a", "-F", "#{pane_pid}").split()]

    def screen(self, pane: int) -> str:
        target = self.run("list-panes", "-a", "-F", "#{pane_pid} #{pane_id}").split()
        ids = dict(zip(target[::2], target[1::2], strict=True))
        return self.run("capture-pane", "-pt", ids[str(pane)])


@contextmanager
def tmux_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Tmux]:
    """A tmux server started with this process's environment as it is now, and `TMUX` set so
    that this process counts as running inside it. Killed at the end with all it runs."""
    if not sys.platform.startswith("linux") or shutil.which("tmux") is None:
        pytest.skip("needs tmux and /proc (Linux)")
    tmux = Tmux(f"tps-test-{uuid.uuid4().hex[:8]}")
    tmux.run("-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", "sleep 600")
    try:
        socket = tmux.run("display-message", "-p", "#{socket_path}").strip()
        server = tmux.run("display-message", "-p", "#{pid}").strip()
        monkeypatch.setenv("TMUX", f"{socket},{server},0")
        yield tmux
    finally:
        subprocess.run(["tmux", "-L", tmux.socket, "kill-server"], capture_output=True)


def process_of(pane: int, word: str, within: float = 10.0) -> int:
    """The process in `pane` (or under it: a shell may not exec) whose command line has `word`."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        for pid in [pane, *descendants(pane)]:
            if word in " ".join(cmdline(pid)):
                return pid
        time.sleep(0.05)
    raise AssertionError(f"no process with {word!r} in pane {pane}")


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def cmdline(pid: int) -> list[str]:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    return [word.decode(errors="replace") for word in raw.split(b"\0") if word]


def environ(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes()
    pairs = (word.decode(errors="replace").partition("=") for word in raw.split(b"\0") if word)
    return {name: value for name, _, value in pairs}


def wait_for(done: Callable[[], bool], within: float = 15.0) -> None:
    """Wait until `done()` is true (a panel takes a second or two to start and draw)."""
    deadline = time.monotonic() + within
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.1)
