"""Messages of the day's rules: ballots, DPK, queue, closing, report (see i18n/__init__.py)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {}
