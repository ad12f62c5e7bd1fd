"""`tps-console selfcheck`, the packaged build's smoke test, run here from source.

CI runs the same command on the one-file executable after building it (.ci/run).
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from tps_console.cli.main import main
from tps_console.i18n import set_language, t
from tps_console.packaged import selfcheck

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.long
def test_selfcheck_passes_every_step_from_source() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "tps_console", "--lang", "en", "selfcheck"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    set_language("en")
    assert len(lines) == len(selfcheck.STEPS) + 1
    for line, (key, _) in zip(lines, selfcheck.STEPS, strict=False):
        assert line.startswith(f"ok      {t(key)}: "), line
    assert lines[-1] == t("selfcheck.all_ok", count=len(selfcheck.STEPS))
    assert "exit code 3" in next(line for line in lines if t("selfcheck.duplicate") in line)


def test_a_failing_step_is_named_and_the_rest_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(day: selfcheck.Day) -> str:
        raise selfcheck.Failed("the check-in screen did not appear")

    steps = list(selfcheck.STEPS)
    at = next(i for i, (key, _) in enumerate(steps) if key == "selfcheck.desk")
    steps[at] = ("selfcheck.desk", broken)
    monkeypatch.setattr(selfcheck, "STEPS", tuple(steps))

    out = io.StringIO()
    assert selfcheck.run_selfcheck(out) is False
    lines = out.getvalue().splitlines()
    assert all(line.startswith("ok ") for line in lines[:at])
    assert lines[at] == f"FAILED  {t('selfcheck.desk')}: the check-in screen did not appear"
    assert all(line.endswith(t("selfcheck.skipped")) for line in lines[at + 1 : -1])
    assert lines[-1] == t("selfcheck.failed", step=t("selfcheck.desk"))


def test_the_command_exits_1_when_a_step_fails(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(selfcheck, "run_selfcheck", lambda out: False)
    assert main(["selfcheck"]) == 1
