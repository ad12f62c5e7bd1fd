"""`tps-console bench`: the only module of the product outside `bench/` that imports it (an
import contract in pyproject.toml keeps it so)."""

from __future__ import annotations

import argparse
from typing import Any

from tps_console.bench.run import AREAS, run_all
from tps_console.cli.common import Command, emit_json, json_arg
from tps_console.domain.record.clock import Clock
from tps_console.i18n import t


def bench(args: argparse.Namespace, clock: Clock) -> int:
    results = run_all(quick=args.quick, areas=tuple(args.area))
    if args.json:
        emit_json(results)
    else:
        for name, entry in results.items():
            if "error" in entry:
                print(f"{name:28} {entry['error']}")
                continue
            if "unavailable" in entry:  # e.g. the frozen start-up without an executable
                print(f"{name:28} {'-':>12} {entry['unit']:8} {entry['unavailable']}")
                continue
            print(
                f"{name:28} {entry['value']:>12} {entry['unit']:8} baseline {entry['baseline']:>12}  ratio {entry['ratio']}"
            )
    return 1 if any("error" in entry for entry in results.values()) else 0


def register(cmd: Command, sub: Any) -> None:
    bench_p = cmd("bench", bench, "cli.bench")
    json_arg(bench_p)
    bench_p.add_argument("--quick", action="store_true", help=t("cli.bench_quick"))
    bench_p.add_argument(
        "--area", action="append", default=[], choices=AREAS, help=t("cli.bench_area")
    )
