"""Start-up and memory of the desk, each beside a hello-world Textual + SQLModel app.

- `startup_ms_source`: from starting `python -m tps_console desk DB` (a station of 180) to the
  first painted frame of the sign-in screen; baseline: `python -m tps_console.bench.hello DB`.
- `startup_ms_frozen`: the same for the one-file executable (`dist/tps-console`, or
  `TPS_FROZEN_EXE`) against a one-file build of the hello-world (build/hello.spec, built like
  the desk's), made here with PyInstaller and cached in the user's cache folder (rebuilt when
  the hello-world, the specs or PyInstaller change). Without PyInstaller (`uv run --group
  build`), the executable or the project root as working folder, the entry says why.
- `desk_peak_mib_100k` (not with --quick): peak resident memory of the desk process on a roll
  of 100,000 once the search index has loaded; baseline: the hello-world's peak. `frozen_mib`
  is the same for the executable.

Every process runs in a real terminal (a pseudo-terminal on Linux and macOS, a new console on
Windows), so the first frame includes writing it out. Processes report through probe.py: the
frame's wall-clock time once painted, and their own peak memory. Runs are interleaved and the
first of each kind is left out (it fills the disk cache and, from source, writes the compiled
bytecode that the later runs load, as an installed program's would); medians are reported.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from tps_console.bench.run import entry, unavailable
from tps_console.bench.stations import fresh_station
from tps_console.packaged import startup_probe as probe

RUNS = 15
QUICK_RUNS = 3
GOAL_RATIO = 1.3
GOAL_MIB = 150
TIMEOUT_S = 180.0
SIZE = (120, 40)
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
# The hello-world's build, beside the desk's (run the benchmark from the project root).
HELLO_SPEC = Path("build") / "hello.spec"

Command = list[str]


class Unavailable(Exception):
    """A figure that cannot be measured on this machine, and why."""


def measure(quick: bool) -> dict[str, Any]:
    runs = QUICK_RUNS if quick else RUNS
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="tps-bench-startup-") as tmp:
        work = Path(tmp)
        desk_db, hello_db = str(fresh_station(180, "startup")), str(work / "hello.db")
        kinds: dict[str, tuple[Command, Command] | Unavailable] = {}
        try:
            kinds["source"] = ([*_source_desk(), "desk", desk_db], [*_source_hello(), hello_db])
        except Unavailable as exc:
            kinds["source"] = exc
        try:
            kinds["frozen"] = (
                [str(_frozen_desk()), "desk", desk_db],
                [str(_frozen_hello()), hello_db],
            )
        except Unavailable as exc:
            kinds["frozen"] = exc
        ready = {k: v for k, v in kinds.items() if not isinstance(v, Unavailable)}
        frames = _frames(ready, work, runs)
        for kind, commands in kinds.items():
            name = f"startup_ms_{kind}"
            if isinstance(commands, Unavailable):
                results[name] = unavailable("ms", str(commands))
                continue
            desk, hello = frames[kind]
            results[name] = entry(
                statistics.median(desk),
                statistics.median(hello),
                "ms",
                runs=len(desk),
                goal_ratio=GOAL_RATIO,
                desk_min=round(min(desk), 1),
                hello_min=round(min(hello), 1),
                command=" ".join(Path(c).name if i == 0 else c for i, c in enumerate(commands[0])),
            )
        if not quick:
            results["desk_peak_mib_100k"] = _peak_100k(ready, work)
    return results


# --- what is started ----------------------------------------------------------------------------


def _source_desk() -> Command:
    if getattr(sys, "frozen", False):
        raise Unavailable("running from the executable: there is no Python source to start")
    return [sys.executable, "-m", "tps_console"]


def _source_hello() -> Command:
    return [*_source_desk()[:1], "-m", "tps_console.bench.hello"]


def _frozen_desk() -> Path:
    if getattr(sys, "frozen", False):
        return Path(sys.executable)
    exe = Path(os.environ.get("TPS_FROZEN_EXE") or Path("dist") / f"tps-console{EXE_SUFFIX}")
    if not exe.is_file():
        raise Unavailable(f"no executable at {exe}: build it first (README) or set TPS_FROZEN_EXE")
    return exe.resolve()


def _frozen_hello() -> Path:
    """The one-file build of hello.py, built once per version of it, its spec and PyInstaller."""
    _source_desk()
    try:
        import PyInstaller
    except ImportError as exc:
        raise Unavailable("PyInstaller is not installed: uv sync --group build") from exc
    from platformdirs import user_cache_path

    if not HELLO_SPEC.is_file():
        raise Unavailable(f"no {HELLO_SPEC}: run the benchmark from the project root")
    spec = importlib.util.find_spec("tps_console.bench.hello")
    assert spec is not None and spec.origin is not None
    digest = hashlib.sha256(f"{PyInstaller.__version__} {sys.version}".encode())
    for source in (
        Path(spec.origin),
        Path(probe.__file__),
        *HELLO_SPEC.parent.glob("*.py"),
        HELLO_SPEC,
    ):
        digest.update(source.read_bytes())
    cache = (
        user_cache_path("tps-console", appauthor=False) / "startup-hello" / digest.hexdigest()[:16]
    )
    exe = cache / "dist" / f"tps-hello{EXE_SUFFIX}"
    if exe.is_file():
        return exe
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(HELLO_SPEC),
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            f"--distpath={cache / 'dist'}",
            f"--workpath={cache / 'work'}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if built.returncode != 0 or not exe.is_file():
        last = (built.stderr.strip().splitlines() or ["no output"])[-1]
        raise Unavailable(f"the hello-world build failed: {last}")
    return exe


# --- running them -------------------------------------------------------------------------------


def _frames(
    kinds: dict[str, tuple[Command, Command]], work: Path, runs: int
) -> dict[str, tuple[list[float], list[float]]]:
    """Milliseconds to the first frame, per kind: (desk runs, hello-world runs)."""
    frames: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in kinds}
    for n in range(runs + 1):
        for kind, commands in kinds.items():
            for samples, command in zip(frames[kind], commands, strict=True):
                started, marks = _probe(command, work)
                if n:  # the first run of each only warms the caches
                    samples.append((marks["frame"][0] - started) * 1000)
    return frames


def _peak_100k(kinds: dict[str, tuple[Command, Command]], work: Path) -> dict[str, Any]:
    if "source" in kinds:
        desk, hello = kinds["source"]
    elif "frozen" in kinds:
        desk, hello = kinds["frozen"]
    else:
        return unavailable("MiB", "neither the source nor the executable can be started")
    station = str(fresh_station(100_000, "startup-100k"))
    extra: dict[str, Any] = {}
    _, marks = _probe([*desk[:-1], station], work)
    _, baseline = _probe(hello, work)
    if "frozen" in kinds and desk is not kinds["frozen"][0]:
        frozen_desk, frozen_hello = kinds["frozen"]
        extra["frozen_mib"] = _mib(_probe([*frozen_desk[:-1], station], work)[1]["ready"][1])
        extra["frozen_hello_mib"] = _mib(_probe(frozen_hello, work)[1]["ready"][1])
    return entry(
        _mib(marks["ready"][1]),
        _mib(baseline["ready"][1]),
        "MiB",
        goal_mib=GOAL_MIB,
        measured="peak RSS of the desk process once the search index has loaded",
        **extra,
    )


def _mib(n: float) -> float:
    return n / 2**20


def _probe(command: Command, work: Path) -> tuple[float, dict[str, tuple[float, int]]]:
    """Start `command` with the probe on; when it started, and its marks: time and peak bytes."""
    marks_file = work / "probe.txt"
    marks_file.unlink(missing_ok=True)
    env = {**os.environ, probe.ENV: str(marks_file), "TERM": "xterm-256color"}
    # As an installed program starts: from compiled bytecode, written on the first (warm-up) run
    # beside the run's files rather than into the installation.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    started = _run_in_terminal(command, env)
    marks: dict[str, tuple[float, int]] = {}
    if marks_file.exists():
        for line in marks_file.read_text(encoding="utf-8").splitlines():
            what, at, peak = line.split()
            marks[what] = (float(at), int(peak))
    if "frame" not in marks or "ready" not in marks:
        raise RuntimeError(f"no first frame from: {' '.join(command)}")
    return started, marks


def _run_in_terminal(command: Command, env: dict[str, str]) -> float:
    """Run `command` to its end in a terminal of its own; the wall-clock time it was started."""
    if sys.platform == "win32":
        started = time.time()
        proc = subprocess.Popen(command, env=env, creationflags=subprocess.CREATE_NEW_CONSOLE)
        _wait(proc)
        return started
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    columns, rows = SIZE
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    # The terminal's output is read and dropped, as a screen would show it and move on.
    drain = threading.Thread(target=_drain, args=(leader,), daemon=True)
    drain.start()
    started = time.time()
    proc = subprocess.Popen(
        command, stdin=follower, stdout=follower, stderr=follower, env=env, start_new_session=True
    )
    os.close(follower)
    try:
        _wait(proc)
    finally:
        drain.join(timeout=5)  # ends once the last holder of the terminal has gone
        os.close(leader)
    return started


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass


def _wait(proc: subprocess.Popen[bytes]) -> None:
    try:
        proc.wait(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise


if __name__ == "__main__":
    # This area alone: `uv run --group build python -m tps_console.bench.startup [--quick]`.
    import json

    print(json.dumps(measure("--quick" in sys.argv[1:]), indent=2))
