"""NIK (Nomor Induk Kependudukan): normalising, strict format checks, birth-date/sex decoding.

A NIK is 16 digits: province (2) + regency (2) + district (2) + birth date DDMMYY, women's day + 40,
+ serial (4). Spreadsheets damage NIKs in recognisable ways; each gets its own message so that the
person fixing the roll knows what happened instead of just "invalid".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# Province codes as issued by Dukcapil (incl. the Papua provinces formed in 2022).
PROVINCES = frozenset(
    {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53}
    | {61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97}
)

_SCIENTIFIC = re.compile(r"^[0-9]+([.,][0-9]+)?[eE][+-]?[0-9]+$")
_FLOAT_TAIL = re.compile(r"^[0-9 .]{15,}[.,]0+$")
_IGNORED = re.compile(r"[ .\u00a0]")


@dataclass(frozen=True)
class NikProblem:
    """Why a value is not a NIK: a catalogue key and its parameters."""

    key: str
    params: dict[str, object]


def normalise_nik(raw: str) -> str | NikProblem:
    """Return the 16-digit NIK, or the problem with it. Spaces and dots are ignored."""
    value = raw.strip()
    if not value:
        return NikProblem("nik.empty", {})
    if value.startswith("'"):
        return NikProblem("nik.apostrophe", {"value": value})
    if _SCIENTIFIC.match(value):
        return NikProblem("nik.scientific", {"value": value})
    if _FLOAT_TAIL.match(value):
        return NikProblem("nik.float", {"value": value})
    if "," in value or "'" in value:
        return NikProblem("nik.separators", {"value": value})
    digits = _IGNORED.sub("", value)
    if not digits.isdigit() or not digits.isascii():
        return NikProblem("nik.not_digits", {"value": value})
    if len(digits) == 15:
        return NikProblem("nik.lost_digit", {"value": value})
    if len(digits) != 16:
        return NikProblem("nik.length", {"value": value, "count": len(digits)})
    return _check_structure(digits) or digits


def _check_structure(nik: str) -> NikProblem | None:
    if int(nik[0:2]) not in PROVINCES:
        return NikProblem("nik.province", {"value": nik, "code": nik[0:2]})
    if nik[2:4] == "00" or nik[4:6] == "00":
        return NikProblem("nik.region", {"value": nik})
    day, month = int(nik[6:8]), int(nik[8:10])
    if not (1 <= day <= 31 or 41 <= day <= 71) or not 1 <= month <= 12:
        return NikProblem("nik.birth_part", {"value": nik, "part": nik[6:12]})
    if nik[12:16] == "0000":
        return NikProblem("nik.serial", {"value": nik})
    return None


def nik_sex(nik: str) -> str:
    """'P' when the NIK's day carries the +40 for women, else 'L'."""
    return "P" if int(nik[6:8]) > 40 else "L"


def nik_mismatches(nik: str, birth: date, sex: str) -> list[str]:
    """Catalogue keys for where the NIK disagrees with the roll. Only warnings: real NIKs may differ."""
    found = []
    day = int(nik[6:8]) % 40
    if (day, int(nik[8:10]), int(nik[10:12])) != (birth.day, birth.month, birth.year % 100):
        found.append("warn.nik_birth")
    if nik_sex(nik) != sex:
        found.append("warn.nik_sex")
    return found


def mask_nik(nik: str) -> str:
    """What may appear where a witness can see it: region code only."""
    return nik[:4] + "•" * 12
