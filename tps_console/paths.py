"""Where data lives by default: the user's data folder, never beside the program (a one-file build
unpacks itself into a temporary folder that is deleted on exit)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path


def data_dir() -> Path:
    return user_data_path("tps-console", appauthor=False, ensure_exists=True)


def fresh_demo_path() -> Path:
    """The demo station, created anew on each plain `demo` so every try starts at zero."""
    path = data_dir() / "demo" / "demo.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path
