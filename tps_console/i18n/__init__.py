"""All user-facing text, in Bahasa Indonesia (default) and English, from one catalogue."""

from __future__ import annotations

from typing import Any

from tps_console.i18n import core, day, desk, package, panel

# One catalogue, kept in one module per area so the areas can grow independently.
# tests/test_i18n.py checks that no key is defined twice and every key has both languages.
PARTS = (core.MESSAGES, desk.MESSAGES, panel.MESSAGES, day.MESSAGES, package.MESSAGES)
MESSAGES: dict[str, dict[str, str]] = {k: v for part in PARTS for k, v in part.items()}

LANGUAGES = ("id", "en")
_current = "id"


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(lang)
    _current = lang


def language() -> str:
    return _current


def t(key: str, /, **params: Any) -> str:
    """The message for `key` in the current language, with `{params}` filled in."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = entry[_current] if _current in entry else entry["id"]
    return text.format(**params) if params else text


def decimal(value: float) -> str:
    """A figure with one decimal as the reader writes it: `31,7` in Indonesian, `31.7` in English."""
    return f"{value:.1f}".replace(".", t("number.decimal_mark"))


def percent(value: float) -> str:
    """A percentage as the reader writes it: `2,2 %` in Indonesian, `2.2%` in English."""
    return t("number.percent", value=decimal(value))
