"""Messages of the witness panel (see i18n/__init__.py)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {}
