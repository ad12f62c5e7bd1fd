"""Dates written out as the forms write them: "Rabu, 14 Februari 2024", "Wednesday, 14 February 2024"."""

from __future__ import annotations

from datetime import date

from tps_console.i18n import language

# Monday first, as `date.weekday()` counts.
_WEEKDAYS = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTHS = {
    "id": (
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip


def long_date(day: date) -> str:
    """Not strftime: the laptop's own locale must not decide the language of the polling date."""
    lang = language()
    return f"{_WEEKDAYS[lang][day.weekday()]}, {day.day} {_MONTHS[lang][day.month - 1]} {day.year}"
