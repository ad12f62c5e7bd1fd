"""Dates written out as the forms write them: "Rabu, 14 Februari 2024", "Wednesday, 14 February 2024"."""

from __future__ import annotations

from datetime import date

from tps_console.domain.reports import chasil
from tps_console.i18n import t


def long_date(day: date) -> str:
    """In the language chosen; the names come from the catalogue (see `chasil.long_date`)."""
    return chasil.long_date(day, t)
