"""What both one-file builds share: tps-console.spec, and hello.spec (the start-up benchmark's
hello-world baseline), so that the two executables differ only in the program they carry."""

import shutil
import sys

from PyInstaller.utils.hooks import collect_submodules

EXCLUDES = [
    # Development tools, and what only they bring in.
    "tkinter",
    "pytest",
    "_pytest",
    "hypothesis",
    "mypy",
    "syrupy",
    "pypdf",
    # The web benchmark's browser driver (bench/browser.py imports it only when run from
    # source): with it comes a Node.js runtime of some 60 MB.
    "playwright",
    "pyee",
    "pypdfium2",
    "zxingcpp",
    "IPython",
    "setuptools",
    "distutils",
    "_distutils_hack",
    "pkg_resources",
    # Named only by libraries' `if __name__ == "__main__"` self-tests (fontTools runs its
    # doctests so): never run here. With pdb go cmd, code and readline, whose C library is
    # unpacked at every one-file start.
    "doctest",
    "pdb",
    # Pillow is reached only through optional imports (Pygments' image formatter, fpdf2's raster
    # images); the report's PDF is text only. Left out, a one-file start unpacks 15 MB less.
    "PIL",
]


def textual_hiddenimports() -> list[str]:
    """Textual imports its widgets lazily (`textual.widgets.__getattr__`), which the import scan
    cannot see (Textual issue 4912); Rich >= 14.3 loads its unicode tables by name (PyInstaller
    issue 9387). Collected whole, so that none is missed."""
    return collect_submodules("textual") + collect_submodules("rich._unicode_data")


# A one-file executable unpacks its native libraries into a temporary folder at every start.
# Stored uncompressed they are copied, not inflated first: the executable is larger on the USB
# stick (about 115 MB instead of 52), and each start is shorter by the time zlib took on them.
UNPACKED_AS_STORED = {"EXTENSION": False, "BINARY": False}

# Symbols and debug information stripped from every native library (binutils' `strip`, Linux):
# Python's own library alone carries 18 MB of debug information, and a one-file start copies
# every byte out again. Windows' DLLs come without them.
STRIPPED = sys.platform != "win32" and shutil.which("strip") is not None
