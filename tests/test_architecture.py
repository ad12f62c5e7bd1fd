"""The domain never imports the UI: the CLI, the desk, the panel and the tests share one domain."""

from __future__ import annotations

import json
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import tps_console.domain

ROOT = Path(__file__).resolve().parent.parent
UI = (
    "textual",
    "rich",
    "tps_console.desk",
    "tps_console.panel",
    "tps_console.cli",
    "tps_console.start",
)


def domain_modules() -> list[str]:
    found = [
        m.name for m in pkgutil.walk_packages(tps_console.domain.__path__, "tps_console.domain.")
    ]
    assert len(found) >= 25, found  # the walk found the package, not an empty folder
    return sorted(found)


def test_importing_the_domain_loads_no_ui() -> None:
    script = (
        "import importlib, json, sys\n"
        f"for name in {domain_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    loaded = json.loads(out.stdout)
    assert "tps_console.domain.day.checkin" in loaded
    leaks = [m for m in loaded if any(m == ui or m.startswith(ui + ".") for ui in UI)]
    assert leaks == []


def lint_imports(*args: str) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is a dev dependency"
    return subprocess.run(
        [exe, "--no-cache", *args], capture_output=True, text=True, cwd=ROOT, check=False
    )


def test_import_linter_contract_is_kept() -> None:
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def sibling_cycles() -> list[list[str]]:
    """Import circles among the modules (or sub-packages) of each package, counting imports made
    inside functions: a circle hidden in a function is still two modules that cannot be read,
    tested or moved apart."""
    import grimp

    graph = grimp.build_graph("tps_console")
    cycles: list[list[str]] = []
    for package in sorted(m for m in graph.modules if graph.find_children(m)):
        children = sorted(graph.find_children(package))
        edges = {
            a: [
                b
                for b in children
                if b != a and graph.direct_import_exists(importer=a, imported=b, as_packages=True)
            ]
            for a in children
        }
        cycles.extend(_cycles(edges))
    return cycles


def _cycles(edges: dict[str, list[str]]) -> list[list[str]]:
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in edges[node]:
            if state.get(nxt) == 1:
                found.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in edges:
        if node not in state:
            visit(node)
    return found


def test_no_import_circle_among_sibling_modules() -> None:
    assert sibling_cycles() == []
