"""Every snapshot file belongs to a test, and every snapshot test has its file.

Run in one process, syrupy fails the run on a snapshot no test uses; split over pytest-xdist
workers it cannot tell, so this test checks it from the collection instead.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.long

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "tests" / "__snapshots__"


def test_every_snapshot_file_has_its_test_and_every_test_its_file() -> None:
    modules = sorted(p.name for p in SNAPSHOTS.iterdir() if p.is_dir())
    collected = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "-n",
            "0",
            "-p",
            "no:cacheprovider",
        ]
        + [f"tests/{module}.py" for module in modules],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert collected.returncode == 0, collected.stdout + collected.stderr
    expected = set()
    for line in collected.stdout.splitlines():
        if "::" in line:
            path, name = line.split("::", 1)
            expected.add(f"{Path(path).stem}/{name}.svg")
    files = {f"{p.parent.name}/{p.name}" for p in SNAPSHOTS.glob("*/*.svg")}
    assert expected, collected.stdout
    assert files - expected == set(), "snapshot files no test uses"
    assert expected - files == set(), "snapshot tests without a file"
