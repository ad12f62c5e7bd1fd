"""The KPPS's guide (`panduan-kpps.md`, in Bahasa Indonesia): read in the repository as
`docs/panduan-kpps.md`, and printed from the chair's menu (F3 → P) by `guide_pdf`. It lives in
the package so that the one-file build carries it."""

from __future__ import annotations

from pathlib import Path

GUIDE = Path(__file__).with_name("panduan-kpps.md")
