"""Finding a voter at the desk as the officer types: names, NIK and register fragments, ranking."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import make_station, wib
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.views.search import SearchIndex, load_index
from tps_console.samples.rolls import HEADER

# (no, name, sex, birth DD-MM-YYYY, register). Synthetic people; NIKs use regency 99.
PEOPLE = [
    (1, "EKO PRASETYO", "L", "17-02-1991", "BI.012/2023"),
    (2, "MA'RUF HIDAYAT", "L", "03-05-1985", "AI.004/2024"),
    (3, "ÉKO SUSANTO", "L", "21-09-1979", "ABI.012/2023"),
    (4, "SITI RAHAYU", "P", "09-11-1990", ""),
    (5, "BUDI SANTOSO", "L", "15-08-1985", "BIIA.013/2022"),
    (6, "EKOWATI LESTARI", "P", "30-06-1988", "AIII.020/2023"),
    (7, "JOKO HANDOKO", "L", "02-01-1970", "AII.031/2022"),
    (8, "PRASETYA UTOMO", "L", "11-12-1999", "AIII.044/2024"),
    (9, "MA’RUF ISKANDAR", "L", "05-04-1982", "AI.055/2024"),  # apostrophe as Excel types it
]


def nik(no: int, birth: str, sex: str) -> str:
    day, month, year = birth.split("-")
    return f"339912{int(day) + (40 if sex == 'P' else 0):02d}{month}{year[2:]}{no:04d}"


NIK = {no: nik(no, birth, sex) for no, _, sex, birth, _ in PEOPLE}


def roll() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for no, name, sex, birth, register in PEOPLE:
        writer.writerow([no, NIK[no], name, sex, birth, "DPT", register, "A", "A1", "", ""])
    return out.getvalue().encode()


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    path: Path = tmp_path_factory.mktemp("search") / "tps.db"
    rec = make_station(path, FixedClock(wib(9)), roll())
    yield load_index(rec)
    rec.close()


def found(index: SearchIndex, query: str) -> list[int]:
    """List numbers of the voters found, best first."""
    return [hit.voter.no for hit in index.search(query).hits]


@pytest.mark.parametrize("query", ["eko", "EKO", "Eko", "éko", "ÉKO", " eko "])
def test_names_ignore_case_and_accents(index: SearchIndex, query: str) -> None:
    # Exact word first (name order), then the name that only starts with it.
    assert found(index, query) == [1, 3, 6]


@pytest.mark.parametrize("query", ["ma'ruf hidayat", "MA'RUF H", "ma`ruf hid", "maruf hidayat"])
def test_names_ignore_punctuation(index: SearchIndex, query: str) -> None:
    assert found(index, query) == [2]


@pytest.mark.parametrize(
    ("query", "expected"), [("maruf", [2, 9]), ("ma’ruf", [2, 9]), ("Ma’ruf hidayat", [2])]
)
def test_names_ignore_typographic_apostrophes(
    index: SearchIndex, query: str, expected: list[int]
) -> None:
    assert sorted(found(index, query)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("hid", [2]),
        ("pras", [1, 8]),
        ("lest", [6]),  # a family name's prefix
        ("santo", [5]),  # SUSANTO contains "santo" but does not start with it
        ("rahay", [4]),
    ],
)
def test_any_words_prefix(index: SearchIndex, query: str, expected: list[int]) -> None:
    assert found(index, query) == expected


@pytest.mark.parametrize(
    "query",
    [
        "hidayut",  # substitution
        "hidaayat",  # insertion
        "hdayat",  # deletion
        "hiadyat",  # transposition
        "HIDAYTA",  # transposition at the end, any case
    ],
)
def test_one_typo_is_tolerated(index: SearchIndex, query: str) -> None:
    assert found(index, query) == [2]


@pytest.mark.parametrize("query", ["hdiayut", "xyzabc", "hidayatxx"])
def test_two_typos_are_not(index: SearchIndex, query: str) -> None:
    assert found(index, query) == []


def test_exact_words_rank_before_typos(index: SearchIndex) -> None:
    hits = index.search("prasetyo").hits
    assert [h.voter.no for h in hits] == [1, 8]  # PRASETYA is one letter off
    assert hits[0].tier < hits[1].tier


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("eko pras", [1]),
        ("pras eko", [1]),
        ("eko susanto", [3]),
        ("budi santoso", [5]),
        ("eko lestari", [6]),
        ("siti eko", []),
        ("joko utomo", []),
    ],
)
def test_every_word_must_match(index: SearchIndex, query: str, expected: list[int]) -> None:
    assert found(index, query) == expected


def test_nik_fragment_of_four_or_more_digits(index: SearchIndex) -> None:
    assert found(index, NIK[5][6:10]) == [5]  # day and month: 1508
    assert found(index, NIK[5][6:12]) == [5]
    assert found(index, NIK[5][6:8] + " " + NIK[5][8:12]) == [5]  # spaces ignored
    assert sorted(found(index, "3399")) == sorted(NIK)  # every synthetic NIK
    assert found(index, NIK[5][7:10]) == []  # three digits are not enough


def test_full_nik_finds_exactly_one(index: SearchIndex) -> None:
    for no, value in NIK.items():
        hits = index.search(value).hits
        assert [h.voter.no for h in hits] == [no]
        assert hits[0].voter.nik == value
        spaced = " ".join([value[:4], value[4:8], value[8:12], value[12:]])
        assert found(index, spaced) == [no]


def test_register_fragment(index: SearchIndex) -> None:
    assert found(index, "013/2022") == [5]
    assert found(index, "biia.013") == [5]  # any case
    assert sorted(found(index, "012/2023")) == [1, 3]
    assert sorted(found(index, "aiii.")) == [6, 8]  # a `.` or digit makes it a register search
    assert found(index, "aiii") == []  # letters alone are a name


def test_exact_identifier_ranks_first(index: SearchIndex) -> None:
    # BI.012/2023 is voter 1's register number and also part of voter 3's (ABI.012/2023).
    hits = index.search("BI.012/2023").hits
    assert [h.voter.no for h in hits] == [1, 3]
    assert hits[0].tier < hits[1].tier
    assert [h.voter.no for h in index.search("abi.012/2023").hits] == [3]
    assert index.search("bi.012/2023").hits[0].voter.no == 1


def test_search_reports_the_total(index: SearchIndex) -> None:
    result = index.search("3399", limit=3)
    assert len(result.hits) == 3
    assert result.total == len(PEOPLE)
