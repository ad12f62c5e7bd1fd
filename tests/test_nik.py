"""NIK normalisation: spaces and dots ignored, spreadsheet damage named, structure checked strictly.

Every NIK here uses regency code 99, which no province issues (see samples/rolls.py): none is a real one.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tps_console.domain.roll.nik import (
    PROVINCES,
    NikProblem,
    mask_nik,
    nik_mismatches,
    nik_sex,
    normalise_nik,
)
from tps_console.i18n import MESSAGES, set_language, t

MAN = "3399141702910001"  # Central Java, regency 99, district 14, born 17-02-1991, serial 0001
WOMAN = "3399145702910002"  # the same birth date: a woman's day carries +40 (17 + 40 = 57)

PROPERTIES = settings(derandomize=True, database=None, deadline=None)


def problem(raw: str) -> NikProblem:
    result = normalise_nik(raw)
    assert isinstance(result, NikProblem), f"{raw!r} was accepted as {result!r}"
    return result


@pytest.mark.parametrize(
    "raw",
    [
        MAN,
        "3399 1417 0291 0001",
        "3399.1417.0291.0001",
        "339914.170291.0001",
        "  3399141702910001  ",
        "3399\u00a01417\u00a00291\u00a00001",
        "3 3 9 9 1 4 1 7 0 2 9 1 0 0 0 1",
    ],
)
def test_spaces_and_dots_are_ignored(raw: str) -> None:
    assert normalise_nik(raw) == MAN


# Each way a spreadsheet damages a NIK gets its own key, so the message says what happened.
SPREADSHEET_DAMAGE = [
    ("3.31601E+15", "nik.scientific"),
    ("3,31601E+15", "nik.scientific"),  # Indonesian locale: decimal comma
    ("3.39914e15", "nik.scientific"),
    ("3399141702910001.0", "nik.float"),
    ("3399141702910001,00", "nik.float"),
    ("3,399,141,702,910,001", "nik.separators"),
    ("3'399'141'702'910'001", "nik.separators"),
    ("399141702910001", "nik.lost_digit"),  # 15 digits: the leading one went missing
]


@pytest.mark.parametrize(("raw", "key"), SPREADSHEET_DAMAGE)
def test_spreadsheet_damage_is_named(raw: str, key: str) -> None:
    found = problem(raw)
    assert found.key == key
    assert found.params["value"] == raw


def test_each_kind_of_damage_has_its_own_key_and_message() -> None:
    keys = {key for _, key in SPREADSHEET_DAMAGE}
    assert keys == {"nik.scientific", "nik.float", "nik.separators", "nik.lost_digit"}
    for raw, key in SPREADSHEET_DAMAGE:
        for lang in ("id", "en"):
            set_language(lang)
            message = t(key, **problem(raw).params)
            assert key in MESSAGES and message != key
            assert raw in message  # the person fixing the roll sees the value they typed
    set_language("id")
    messages = {t(key, value="X") for key in keys}
    assert len(messages) == len(keys)


@pytest.mark.parametrize(
    ("raw", "key", "params"),
    [
        ("", "nik.empty", {}),
        ("   ", "nik.empty", {}),
        ("33991417029100", "nik.length", {"count": 14}),
        ("33991417029100011", "nik.length", {"count": 17}),
        ("33991417O2910001", "nik.not_digits", {}),  # letter O for zero
        ("3399-1417-0291-0001", "nik.not_digits", {}),
        ("٣٣٩٩١٤١٧٠٢٩١٠٠٠١", "nik.not_digits", {}),  # Arabic-Indic digits are not a NIK
        ("9999141702910001", "nik.province", {"code": "99"}),
        ("0099141702910001", "nik.province", {"code": "00"}),
        ("2099141702910001", "nik.province", {"code": "20"}),
        ("3300141702910001", "nik.region", {}),  # regency 00
        ("3399001702910001", "nik.region", {}),  # district 00
        ("3399140002910001", "nik.birth_part", {"part": "000291"}),  # day 00
        ("3399143202910001", "nik.birth_part", {"part": "320291"}),  # day 32
        ("3399144002910001", "nik.birth_part", {"part": "400291"}),  # 40: neither man nor woman
        ("3399147202910001", "nik.birth_part", {"part": "720291"}),  # 72 = 32 + 40
        ("3399141700910001", "nik.birth_part", {"part": "170091"}),  # month 00
        ("3399141713910001", "nik.birth_part", {"part": "171391"}),  # month 13
        ("3399141702910000", "nik.serial", {}),
    ],
)
def test_structure_is_checked_strictly(raw: str, key: str, params: dict[str, object]) -> None:
    found = problem(raw)
    assert found.key == key
    assert params.items() <= found.params.items()
    assert t(key, **found.params) != key


@pytest.mark.parametrize("day", ["01", "31", "41", "71"])
def test_day_bounds_for_men_and_women_are_accepted(day: str) -> None:
    nik = f"339914{day}0291" + "0001"
    assert normalise_nik(nik) == nik


def test_sex_is_read_from_the_day() -> None:
    assert nik_sex(MAN) == "L"
    assert nik_sex(WOMAN) == "P"


def test_mismatches_with_the_roll_are_only_warnings() -> None:
    born = date(1991, 2, 17)
    assert nik_mismatches(MAN, born, "L") == []
    assert nik_mismatches(WOMAN, born, "P") == []  # day 57 is the 17th for a woman
    assert nik_mismatches(MAN, date(1991, 2, 18), "L") == ["warn.nik_birth"]
    assert nik_mismatches(MAN, date(1991, 3, 17), "L") == ["warn.nik_birth"]
    assert nik_mismatches(MAN, date(1981, 2, 17), "L") == ["warn.nik_birth"]
    assert nik_mismatches(MAN, born, "P") == ["warn.nik_sex"]
    assert nik_mismatches(WOMAN, born, "L") == ["warn.nik_sex"]
    assert nik_mismatches(WOMAN, date(1990, 1, 1), "L") == ["warn.nik_birth", "warn.nik_sex"]
    # The NIK itself stays valid: a mismatch never turns it into a problem.
    assert normalise_nik(MAN) == MAN and normalise_nik(WOMAN) == WOMAN


def test_masked_nik_shows_only_the_region() -> None:
    masked = mask_nik(MAN)
    assert masked.startswith("3399")
    assert sum(c.isdigit() for c in masked) == 4
    assert len(masked) == 16


# Property-based ------------------------------------------------------------------------------


@st.composite
def valid_niks(draw: st.DrawFn) -> tuple[str, date, str]:
    """A structurally valid synthetic NIK (regency 99) with the birth date and sex it encodes."""
    province = draw(st.sampled_from(sorted(PROVINCES)))
    district = draw(st.integers(1, 99))
    born = draw(st.dates(date(1925, 1, 1), date(2024, 2, 14)))
    sex = draw(st.sampled_from("LP"))
    serial = draw(st.integers(1, 9999))
    day = born.day + (40 if sex == "P" else 0)
    nik = (
        f"{province:02d}99{district:02d}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"
    )
    return nik, born, sex


@PROPERTIES
@given(st.text())
def test_normalise_never_raises_and_returns_a_nik_or_a_problem(raw: str) -> None:
    result = normalise_nik(raw)
    if isinstance(result, NikProblem):
        assert result.key in MESSAGES
        t(result.key, **result.params)  # every problem formats into a message
    else:
        assert isinstance(result, str)
        assert len(result) == 16 and result.isascii() and result.isdigit()


@PROPERTIES
@given(st.text(alphabet="0123456789 .,eE+-'\u00a0", max_size=30))
def test_normalise_of_digit_like_text_never_raises(raw: str) -> None:
    result = normalise_nik(raw)
    assert isinstance(result, NikProblem) or (len(result) == 16 and result.isdigit())


@PROPERTIES
@given(valid_niks(), st.data())
def test_valid_niks_survive_spacing(generated: tuple[str, date, str], data: st.DataObject) -> None:
    nik, born, sex = generated
    assert normalise_nik(nik) == nik
    assert nik_mismatches(nik, born, sex) == []
    assert nik_sex(nik) == sex
    grouped = data.draw(
        st.sampled_from(
            [
                " ".join([nik[0:4], nik[4:8], nik[8:12], nik[12:16]]),
                ".".join([nik[0:4], nik[4:8], nik[8:12], nik[12:16]]),
                ".".join([nik[0:6], nik[6:12], nik[12:16]]),
            ]
        )
    )
    assert normalise_nik(grouped) == nik
    gaps = data.draw(st.lists(st.sampled_from([" ", "  "]), min_size=15, max_size=15))
    spaced = nik[0] + "".join(gap + digit for gap, digit in zip(gaps, nik[1:], strict=True))
    assert normalise_nik(spaced) == nik


@PROPERTIES
@given(valid_niks())
def test_spreadsheet_damage_of_any_valid_nik_is_named(generated: tuple[str, date, str]) -> None:
    nik = generated[0]
    as_number = int(nik)
    assert problem(f"{as_number:.5E}").key == "nik.scientific"  # 3.39914E+15
    assert problem(f"{as_number / 1e15:.5f}E+15").key == "nik.scientific"
    assert problem(nik + ".0").key == "nik.float"
    assert problem(f"{as_number:,}").key == "nik.separators"
    assert problem(nik[1:]).key == "nik.lost_digit"
