"""A proof no one can forge: what a witness copies off the panel is an 80-bit code bound to its
event number, and `verify --expect` holds the record to it — at that event and nowhere else.

The attack these tests replay is the one that broke the 8-digit code (70 s on two cores): from
a copy taken before the last check-in, the check-in is cut and one harmless-looking event is
appended in its place, its text varied until its code matches what the witness noted."""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.helpers import make_station, wib
from tests.helpers.cli import Cli
from tps_console.domain.day.checkin import check_in
from tps_console.domain.day.closing import close_polls
from tps_console.domain.day.officers import OfficerInfo, authenticate
from tps_console.domain.errors import BadInput
from tps_console.domain.record import chain
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.proof import (
    ALPHABET,
    CODE_CHARS,
    check_char,
    code_of,
    parse_noted,
    qr_text,
    witness_code,
)
from tps_console.domain.record.station import Record
from tps_console.domain.reports.chasil import build_report
from tps_console.domain.reports.paper import paper_text
from tps_console.domain.verify import verify
from tps_console.domain.views.status import read_status

HASHES = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(40)]


def test_a_code_is_sixteen_characters_of_80_bits_in_groups_and_a_check() -> None:
    code = witness_code(87, HASHES[0])
    groups = code.split("-")
    assert [len(g) for g in groups] == [4, 4, 4, 4, 1]
    assert set("".join(groups)) <= set(ALPHABET) and not set("ILOU") & set(code)
    # The 16 characters are the hash's first 80 bits, nothing else.
    assert int("".join(f"{ALPHABET.index(c):05b}" for c in code_of(HASHES[0])), 2) == int(
        HASHES[0][:20], 16
    )


def test_the_check_character_catches_every_slip_of_one_character_or_a_swap() -> None:
    for seq, digest in enumerate(HASHES, 1):
        code = code_of(digest)
        check = check_char(seq, code)
        for i, wrong in itertools.product(range(CODE_CHARS), ALPHABET):
            if wrong != code[i]:
                assert check_char(seq, code[:i] + wrong + code[i + 1 :]) != check
        for i in range(CODE_CHARS - 1):
            a, b = code[i], code[i + 1]
            if a != b and {a, b} != {"0", "Z"}:  # Luhn mod 32's one blind pair
                swapped = code[:i] + b + a + code[i + 2 :]
                assert check_char(seq, swapped) != check
        assert check_char(seq + 1, code) != check or check_char(seq + 2, code) != check


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(capsys, monkeypatch, at=wib(10))


@pytest.fixture
def day(tmp_path: Path, clock: FixedClock, member: OfficerInfo) -> Record:
    rec = make_station(tmp_path / "tps.db", clock)
    for voter_id in (1, 2, 3):
        check_in(rec, member, voter_id=voter_id)
    return rec


def test_the_genuine_code_passes_as_written_in_lower_case_and_with_o_for_zero(
    day: Record,
) -> None:
    status = read_status(day)
    code = status.proof_code  # "№ 12 · K7QF-…", as the panel shows it
    bare = code.split("· ")[1]
    for noted in (
        code,
        f"{status.events}:{bare}",
        f"{status.events} {bare.lower()}",
        f"{status.events}:{bare.replace('0', 'O').replace('1', 'l')}",
        f"{status.events}:{bare[:-2]}",  # without its check character: still 80 bits
        f"{status.events}:{status.audit_head}",
        status.audit_head,
        qr_text(day.station.tps, day.drill, status.events, status.audit_head),
    ):
        assert verify(day, expect=[noted]).ok, noted


def test_a_code_at_the_wrong_event_fails_naming_the_event(day: Record, cli: Cli) -> None:
    status = read_status(day)
    seq = status.events
    elsewhere = f"{seq - 1}:{witness_code(seq, status.audit_head)}"
    result = verify(day, expect=[elsewhere])
    assert not result.ok and result.problem == "verify.noted_miscopied"  # its check says so
    unchecked = elsewhere[:-2]  # without the check character it is the record that differs
    result = verify(day, expect=[unchecked])
    assert not result.ok and result.problem == "verify.noted_differs"
    assert result.params["seq"] == seq - 1
    ran = cli("verify", str(day.path), "--expect", unchecked)
    assert ran.code == 1 and f"kejadian #{seq - 1} tidak berkode" in ran.err


def test_a_code_with_one_character_changed_fails_as_miscopied(day: Record, cli: Cli) -> None:
    status = read_status(day)
    bare = witness_code(status.events, status.audit_head)
    changed = bare[:5] + ("A" if bare[5] != "A" else "B") + bare[6:]
    ran = cli("verify", str(day.path), "--expect", f"{status.events}:{changed}")
    assert ran.code == 1
    assert f"kejadian #{status.events}" in ran.err and "salah salin" in ran.err


@pytest.mark.parametrize(
    "short", ["{head8}", "{seq}:{head8}", "{seq}:{code12}"], ids=["8 hex", "8 hex at N", "60 bits"]
)
def test_a_code_shorter_than_80_bits_is_refused_saying_why(
    day: Record, cli: Cli, short: str
) -> None:
    status = read_status(day)
    noted = short.format(
        head8=status.audit_head[:8],
        seq=status.events,
        code12=code_of(status.audit_head)[:12],
    )
    ran = cli("verify", str(day.path), "--expect", noted)
    assert ran.code == 2
    assert "terlalu pendek" in ran.err and "32 bit" in ran.err
    english = cli("--lang", "en", "verify", str(day.path), "--expect", noted)
    assert english.code == 2 and "too short" in english.err


def test_a_code_without_its_event_number_is_refused() -> None:
    with pytest.raises(BadInput) as refused:
        parse_noted(witness_code(9, HASHES[0]))
    assert refused.value.key == "proof.no_event"


def test_the_closing_code_holds_only_at_the_closing_event(
    day: Record, clock: FixedClock, chair: OfficerInfo
) -> None:
    clock.set(wib(13, 0))
    close_polls(day, chair)
    authenticate(day, "ketua", "1234", record_success=True)  # the log moves on after closing
    status = read_status(day)
    assert status.closing is not None
    closing_seq, closing_hash = status.closing
    assert status.proof_code == f"№ {closing_seq} · {witness_code(closing_seq, closing_hash)}"
    assert verify(day, expect=[status.proof_code]).ok
    at_newest = f"{status.events}:{witness_code(closing_seq, closing_hash)[:-2]}"
    assert verify(day, expect=[at_newest]).problem == "verify.noted_differs"


def test_a_qr_text_of_another_tps_or_kind_is_refused(day: Record) -> None:
    status = read_status(day)
    other = qr_text("TPS 902", day.drill, status.events, status.audit_head)
    assert verify(day, expect=[other]).problem == "verify.noted_other_tps"
    drill = qr_text(day.station.tps, not day.drill, status.events, status.audit_head)
    assert verify(day, expect=[drill]).problem == "verify.noted_other_kind"


def _forge_in_place_of_the_last_check_in(rec: Record, tries: int) -> str:
    """The attack: cut the newest check-in (its rows and its event) and chain a `pin_failed`
    event at its number, its desk text varied `tries` times, keeping the variant whose code
    comes nearest the noted one. Returns the forged event's code."""
    with rec.engine.begin() as conn:
        last_id = conn.execute(text("SELECT MAX(id) FROM checkin")).scalar_one()
        seq, prev = conn.execute(
            text("SELECT seq, prev_hash FROM event ORDER BY seq DESC LIMIT 1")
        ).one()
        at = conn.execute(text("SELECT at FROM event WHERE seq = :s"), {"s": seq}).scalar_one()
        for statement in (
            "UPDATE ballotstock SET remaining = remaining + 1 WHERE (source, ballot) IN"
            " (SELECT source, ballot FROM issuedballot WHERE checkin_id = :c)",
            "DELETE FROM issuedballot WHERE checkin_id = :c",
            "DELETE FROM checkin WHERE id = :c",
        ):
            conn.execute(text(statement), {"c": last_id})
        conn.execute(text("DELETE FROM event WHERE seq = :s"), {"s": seq})
        best: tuple[int, dict[str, object], str] | None = None
        for i in range(tries):
            fields = {
                "seq": seq,
                "at": at,
                "kind": "pin_failed",
                "officer_id": "anggota4",
                "desk": f"meja-{i}",
                "voter_id": None,
                "drill": rec.drill,
                "payload": chain.canonical({"failures": 1}),
            }
            digest = chain.event_hash(prev, fields)
            if best is None or digest < best[2]:
                best = (i, fields, digest)
        assert best is not None
        _, fields, digest = best
        conn.execute(
            text(
                "INSERT INTO event (seq, at, kind, officer_id, desk, voter_id, drill, payload,"
                " prev_hash, hash) VALUES (:seq, :at, :kind, :officer_id, :desk, :voter_id,"
                " :drill, :payload, :prev_hash, :hash)"
            ),
            {**fields, "prev_hash": prev, "hash": digest},
        )
    return witness_code(int(str(fields["seq"])), digest)


def test_a_check_in_cut_and_replaced_by_a_ground_event_fails_the_noted_code(
    target: Path | str, clock: FixedClock, member: OfficerInfo
) -> None:
    rec = make_station(target, clock)
    try:
        for voter_id in (1, 2):
            check_in(rec, member, voter_id=voter_id)
        noted = read_status(rec).proof_code
        forged = _forge_in_place_of_the_last_check_in(rec, tries=4096)
        assert verify(rec).ok  # a consistent rewrite: chain and tables agree
        result = verify(rec, expect=[noted])
        assert not result.ok
        # Only the noted code shows the record is not the one the witness saw.
        assert result.problem == "verify.noted_differs", result
        assert result.params["now"] == forged != noted.split("· ")[1]
    finally:
        rec.close()


def test_the_summarys_qr_carries_the_closing_events_number_and_verify_paper_checks_it(
    day: Record, clock: FixedClock, chair: OfficerInfo, cli: Cli
) -> None:
    clock.set(wib(13, 0))
    close_polls(day, chair)
    report = build_report(day)
    assert report.closing is not None
    seq, digest = report.closing
    text = paper_text(report)
    assert text.endswith(f";C={seq}:{digest}")
    assert cli("verify", str(day.path), "--paper", text).code == 0
    moved = text.replace(f";C={seq}:", f";C={seq - 1}:")
    ran = cli("verify", str(day.path), "--paper", moved)
    assert ran.code == 1 and f"di catatan C={seq}:{digest}" in ran.err
