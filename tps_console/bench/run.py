"""`tps-console bench`: every figure measured beside its baseline in the same run.

Each area has a module here with `measure(quick: bool) -> dict[str, dict]`; `run_all` merges them.
An entry is {"value", "baseline", "ratio", "unit"} (see `entry`).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable
from typing import Any

AREAS = ("core", "checkin", "backup", "desk", "panel", "startup", "pg", "web", "site")


def entry(value: float, baseline: float, unit: str, **extra: Any) -> dict[str, Any]:
    ratio = round(value / baseline, 3) if baseline else None
    return {
        "value": round(value, 3),
        "baseline": round(baseline, 3),
        "ratio": ratio,
        "unit": unit,
        **extra,
    }


def unavailable(unit: str, why: str) -> dict[str, Any]:
    """An entry that could not be measured on this machine, and why."""
    return {"value": None, "baseline": None, "ratio": None, "unit": unit, "unavailable": why}


def without_server(area: str, figures: Iterable[tuple[str, str]]) -> dict[str, Any] | None:
    """Each of `area`'s figures (name, unit) unavailable when no PostgreSQL server is named in
    the environment (`PG*`), else None: the area measures them."""
    if os.environ.get("PGHOST") or os.environ.get("PGPORT"):
        return None
    why = f"no PostgreSQL server: set PG* (e.g. pg_virtualenv -t tps-console bench --area {area})"
    return {name: unavailable(unit, why) for name, unit in figures}


def p99(samples: list[float]) -> float:
    return quantile(samples, 0.99)


def quantile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def run_all(*, quick: bool = False, areas: tuple[str, ...] = ()) -> dict[str, Any]:
    """Every area's figures (or only `areas`, to measure one thing again without the whole ten
    minutes). An area that fails is reported as `{area}_failed` with the reason, and the other
    areas' figures are still measured and printed."""
    results: dict[str, Any] = {}
    for area in areas or AREAS:
        try:
            module = importlib.import_module(f"tps_console.bench.{area}")
            results.update(module.measure(quick))
        except Exception as exc:
            results[f"{area}_failed"] = {"error": f"{type(exc).__name__}: {exc}"}
    return results
