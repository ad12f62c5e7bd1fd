"""All user-facing text, in Bahasa Indonesia (default) and English, from one catalogue."""

from __future__ import annotations

import os
from typing import Any

from tps_console.i18n import (
    backup,
    cli,
    day,
    desk,
    incidents,
    package,
    panel,
    paper,
    record,
    roll,
    site,
    slips,
    start,
    web,
)
from tps_console.i18n.plural import Catalogue, Plural

# One catalogue, kept in one module per area so the areas can grow independently.
# tests/test_i18n.py checks that no key is defined twice, every key has both languages, and every
# key the code uses is in the catalogue.
PARTS = (
    cli.MESSAGES,
    roll.MESSAGES,
    record.MESSAGES,
    backup.MESSAGES,
    desk.MESSAGES,
    panel.MESSAGES,
    day.MESSAGES,
    package.MESSAGES,
    web.MESSAGES,
    slips.MESSAGES,
    start.MESSAGES,
    paper.MESSAGES,
    incidents.MESSAGES,
    site.MESSAGES,
)
MESSAGES: Catalogue = {k: v for part in PARTS for k, v in part.items()}

LANGUAGES = ("id", "en")
_current = "id"

# With this set to 1 (the tests set it, for their child processes too), an unknown key raises
# instead of showing the key itself, as it does in production.
STRICT_ENV = "TPS_STRICT_MESSAGES"
_strict = os.environ.get(STRICT_ENV) == "1"


class UnknownMessage(LookupError):
    """A key that is not in the catalogue (raised only in strict mode)."""


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(lang)
    _current = lang


def language() -> str:
    return _current


def set_strict(strict: bool) -> None:
    global _strict
    _strict = strict


def has(key: str) -> bool:
    return key in MESSAGES


def t(key: str, /, **params: Any) -> str:
    """The message for `key` in the current language, with `{params}` filled in. A message with
    singular and plural forms (Plural) takes the form for its count parameter."""
    entry = MESSAGES.get(key)
    if entry is None:
        if _strict:
            raise UnknownMessage(key)
        return key
    text = entry[_current] if _current in entry else entry["id"]
    if isinstance(text, Plural):
        text = text.form(params)
    return text.format(**params) if params else text


def decimal(value: float) -> str:
    """A figure with one decimal as the reader writes it: `31,7` in Indonesian, `31.7` in English."""
    return f"{value:.1f}".replace(".", t("number.decimal_mark"))


def percent(value: float) -> str:
    """A percentage as the reader writes it: `2,2 %` in Indonesian, `2.2%` in English."""
    return t("number.percent", value=decimal(value))
