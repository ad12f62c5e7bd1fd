"""Synthetic rolls: the demo's 180 voters and the benchmarks' 10k/100k. No real person's data.

Every NIK uses regency code 99, which no Indonesian province issues, so a generated NIK can never
be a real one. Names are common given names combined at random.
"""

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta

MEN = [
    "Agus",
    "Bambang",
    "Budi",
    "Dwi",
    "Eko",
    "Fajar",
    "Hadi",
    "Hendra",
    "Imam",
    "Joko",
    "Kurniawan",
    "Slamet",
    "Sugeng",
    "Suparman",
    "Supriyanto",
    "Sutrisno",
    "Teguh",
    "Wahyu",
    "Yanto",
    "Yusuf",
    "Rudi",
    "Rahmat",
    "Ahmad",
    "Arif",
    "Bayu",
    "Dedi",
    "Edi",
    "Gunawan",
    "Hari",
    "Irfan",
    "Jumadi",
    "Kasno",
    "Lilik",
    "Mulyono",
    "Nur",
    "Paijo",
    "Riyanto",
    "Sarno",
    "Tarno",
    "Wawan",
    "Yoga",
    "Zainal",
    "Andi",
    "Didik",
    "Heru",
    "Parno",
    "Sukirno",
    "Widodo",
    "Purnomo",
    "Suyatno",
]
WOMEN = [
    "Sri",
    "Siti",
    "Dewi",
    "Endang",
    "Lestari",
    "Rina",
    "Wati",
    "Yuni",
    "Nur",
    "Ani",
    "Sulastri",
    "Sumarni",
    "Tri",
    "Ayu",
    "Fitri",
    "Puji",
    "Ratna",
    "Suci",
    "Wulan",
    "Indah",
]
FAMILY = [
    "Santoso",
    "Wibowo",
    "Prasetyo",
    "Saputra",
    "Hidayat",
    "Nugroho",
    "Setiawan",
    "Susanto",
    "Purwanto",
    "Utomo",
    "Rahayu",
    "Wijaya",
    "Kusuma",
    "Pratama",
    "Handoko",
    "Suryadi",
    "Mulyadi",
    "Haryanto",
    "Sudarsono",
    "Lestari",
    "Maharani",
    "Permana",
    "Hartono",
    "Gunadi",
    "Iskandar",
    "Ma'ruf",
    "Zulkarnain",
    "Syahputra",
    "Darmawan",
    "Kurniasih",
]
BLOCKS = {"A": 6, "B": 6, "C": 5, "D": 4}
DISABILITIES = ("tuna daksa", "tuna netra", "tuna rungu", "lanjut usia, perlu pendamping")
# A DPTb voter's ballots depend on where they moved from (DOMAIN.md).
DPTB_ENTITLEMENTS = (
    ("", 6),
    ("PPWP", 2),
    ("PPWP,DPR,DPD,DPRD_PROV", 1),
    ("PPWP,DPD", 1),
)
HEADER = (
    "no", "nik", "nama", "jenis_kelamin", "tanggal_lahir", "kategori",
    "no_register", "blok", "kamar", "disabilitas", "surat_suara",
)  # fmt: skip


def synthetic_nik(rng: random.Random, birth: date, sex: str, province: str, serial: int) -> str:
    day = birth.day + (40 if sex == "P" else 0)
    district = rng.randint(1, 16)
    return f"{province}99{district:02d}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


def generate_roll(
    count: int, *, seed: int = 901, polling: date = date(2024, 2, 14)
) -> list[dict[str, str]]:
    rng = random.Random(seed)
    weighted_entitlements = [code for code, w in DPTB_ENTITLEMENTS for _ in range(w)]
    rows = []
    used_niks: set[str] = set()
    for no in range(1, count + 1):
        sex = "P" if rng.random() < 0.08 else "L"
        staff = rng.random() < 0.08
        birth = polling - timedelta(days=rng.randint(19 * 365, 66 * 365))
        category = "DPT" if rng.random() < 0.4 else "DPTb"
        province = "33" if category == "DPT" or rng.random() < 0.7 else "35"
        first = rng.choice(WOMEN if sex == "P" else MEN)
        name = first if rng.random() < 0.15 else f"{first} {rng.choice(FAMILY)}"
        if staff:
            register, block, cell = "", "Staf", ""
        else:
            block = "W" if sex == "P" else rng.choice(list(BLOCKS))
            cell = f"{block}{rng.randint(1, BLOCKS.get(block, 2))}"
            kind = rng.choice(("AI", "AII", "AIII", "BI", "BIIa"))
            register = f"{kind}.{no:03d}/{rng.choice((2022, 2023, 2024))}"
        nik = synthetic_nik(rng, birth, sex, province, no % 10000 or 1)
        while nik in used_niks:  # large rolls: same birth day, district and serial
            nik = nik[:12] + f"{(int(nik[12:]) % 9999) + 1:04d}"
        used_niks.add(nik)
        rows.append(
            {
                "no": str(no),
                "nik": nik,
                "nama": name.upper(),
                "jenis_kelamin": sex,
                "tanggal_lahir": birth.strftime("%d-%m-%Y"),
                "kategori": category,
                "no_register": register,
                "blok": block,
                "kamar": cell,
                "disabilitas": rng.choice(DISABILITIES) if rng.random() < 0.03 else "",
                "surat_suara": rng.choice(weighted_entitlements) if category == "DPTb" else "",
            }
        )
    return rows


def roll_csv(rows: list[dict[str, str]], delimiter: str = ",") -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADER, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def sample_roll() -> bytes:
    """The demo's 180-voter roll: the same bytes as data/sample_roll.csv, which is this output
    written out for people to open (a test holds the two equal)."""
    return roll_csv(generate_roll(180))
