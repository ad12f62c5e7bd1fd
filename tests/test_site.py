"""Every TPS of a prison on one server (a site): three TPS in one database, each its own record;
one NIK one vote across them; a voter brought to the wrong TPS sent on.

Each test gets a fresh database on the run's PostgreSQL server (`pg_url`); without one they are
skipped, except in CI (see tests/helpers/pg.py)."""

from __future__ import annotations

import operator
import threading
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import text
from textual.widgets import OptionList, Static

from tests.helpers import furnish, make_station, rolls, wib
from tests.helpers.desk import desk_for, sign_in, type_text
from tests.helpers.pg import psql, server_address
from tests.helpers.wait import settle, wait_for
from tps_console.cli.main import main
from tps_console.desk.checkin_screen import CheckInScreen
from tps_console.desk.dialogs import RefusalScreen
from tps_console.domain.backup.copying import copy_station
from tps_console.domain.day.checkin import check_in, undo_check_in
from tps_console.domain.day.dpk import register_dpk
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.errors import AlreadyVoted, BadInput, Refused, TpsError
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.creation import create_station, site_target
from tps_console.domain.record.station import Record, open_record
from tps_console.domain.reports.chasil import Report, build_report
from tps_console.domain.roll.nik import mask_nik
from tps_console.domain.store.db import read
from tps_console.domain.store.site import OnOtherRolls
from tps_console.domain.verify import verify
from tps_console.domain.views.status import read_status
from tps_console.samples.demo import add_demo_officers
from tps_console.samples.rolls import roll_csv

EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
CHAIR = OfficerInfo("ketua", "Ketua KPPS (demo)", "chair")
NUMBERS = ("901", "902", "903")


def furnished(url: str, clock: FixedClock) -> Record:
    """The TPS at `url` opened at a desk, with the demo officers and 100 ballots of each type."""
    return furnish(open_record(url, clock, desk="meja-1"), 100)


def tps_url(pg_url: str, number: str) -> str:
    return f"{pg_url}?tps={number}"


@pytest.fixture
def site(pg_url: str, clock: FixedClock) -> Iterator[dict[str, Record]]:
    """TPS 901, 902 and 903 in one database, each made from its own roll of 40: 901 alone first
    (in the database's first schema, as a single TPS is), then the others beside it."""
    made: dict[str, Record] = {}
    for number, roll in zip(NUMBERS, rolls(40), strict=True):
        target = site_target(pg_url, f"TPS {number}")
        create_station(target, roll_csv(roll), clock, tps=f"TPS {number}")
        made[number] = furnished(tps_url(pg_url, number), clock)
    yield made
    for rec in made.values():
        rec.close()


def nik_of(rec: Record, no: int) -> str:
    with read(rec.engine) as conn:
        return str(conn.execute(text("SELECT nik FROM voter WHERE no = :n"), {"n": no}).scalar())


def report(rec: Record) -> Report:
    """The report as the others' day could change it: the instant it was made left out."""
    made = build_report(rec)
    return replace(made, generated_at=EPOCH)


def events(rec: Record) -> int:
    with read(rec.engine) as conn:
        return int(conn.execute(text("SELECT count(*) FROM event")).scalar_one())


def test_three_tps_share_one_database_each_its_own_record(
    pg_url: str, site: dict[str, Record], clock: FixedClock
) -> None:
    assert site_target(pg_url, "TPS 902") == f"{pg_url}?tps=902"
    for number, rec in site.items():
        assert rec.station.tps == f"TPS {number}"
        assert read_status(rec).expected == 40
        assert verify(rec).ok
    # The URL without a TPS opens the database's first station, as before it was a site.
    alone = open_record(pg_url, clock)
    assert alone.station.tps == "TPS 901"
    alone.close()
    with pytest.raises(BadInput) as missing:
        open_record(tps_url(pg_url, "904"), clock)
    assert missing.value.key == "site.no_such_tps"
    assert missing.value.params["found"] == "TPS 901, TPS 902, TPS 903"
    with pytest.raises(BadInput) as twice:
        create_station(tps_url(pg_url, "902"), roll_csv(rolls(5)[0]), clock, tps="TPS 902")
    assert twice.value.key == "site.tps_exists"


def test_a_person_on_two_rolls_is_named_at_import_and_made_only_once_confirmed(
    pg_url: str, site: dict[str, Record], clock: FixedClock
) -> None:
    roll = rolls(40, 4)[3][:10]
    with read(site["902"].engine) as conn:
        twin = dict(conn.execute(text("SELECT * FROM voter WHERE no = 7")).one()._mapping)
    roll.append(
        {**roll[0], "no": "11", "nik": twin["nik"], "nama": twin["name"], "no_register": ""}
    )
    target = tps_url(pg_url, "904")
    with pytest.raises(OnOtherRolls) as named:
        create_station(target, roll_csv(roll), clock, tps="TPS 904")
    [found] = named.value.found
    assert (found.no, found.tps, found.other_no, found.same_nik) == (11, "TPS 902", 7, True)
    with pytest.raises(BadInput):  # nothing of TPS 904 was made
        open_record(target, clock)
    create_station(target, roll_csv(roll), clock, tps="TPS 904", different_people=frozenset({11}))
    rec = open_record(target, clock)
    assert read_status(rec).expected == 11
    rec.close()


def test_the_command_line_names_the_person_on_two_rolls(
    pg_url: str, site: dict[str, Record], capsys: pytest.CaptureFixture[str], tmp_path: object
) -> None:

    roll = rolls(40, 4)[3][:3]
    nik = nik_of(site["901"], 5)
    roll.append({**roll[0], "no": "4", "nik": nik, "no_register": ""})
    path = Path(str(tmp_path)) / "r904.csv"
    path.write_bytes(roll_csv(roll))
    args = ["init", pg_url, "--roll", str(path), "--date", "2024-02-14", "--tps", "904"]
    args += ["--generate-passphrase"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "no. 4" in err and "TPS 901 no. 5" in err
    assert nik not in err and mask_nik(nik) in err  # masked, as on screens
    assert main([*args, "--different-person", "4"]) == 0
    assert "?tps=904" in capsys.readouterr().out


def test_four_desks_of_three_tps_race_the_same_nik_and_exactly_one_checks_in(
    pg_url: str, clock: FixedClock
) -> None:
    base = rolls(30)
    # The same person stands on all three rolls (the chair confirmed "another person" each time,
    # wrongly): one NIK, and still one vote.
    twin = base[0][0]
    for roll in base[1:]:
        roll.append({**twin, "no": str(len(roll) + 1), "no_register": ""})
    recs: list[Record] = []
    for number, roll in zip(NUMBERS, base, strict=True):
        confirmed = frozenset() if number == "901" else frozenset({31})
        create_station(
            site_target(pg_url, f"TPS {number}"),
            roll_csv(roll),
            clock,
            tps=f"TPS {number}",
            different_people=confirmed,
        )
        recs.append(furnished(tps_url(pg_url, number), clock))
    desks = [recs[0], open_record(tps_url(pg_url, "901"), clock, desk="meja-2"), *recs[1:]]
    start = threading.Barrier(len(desks))
    outcomes: list[object] = [None] * len(desks)

    def desk(i: int) -> None:
        start.wait()
        try:
            outcomes[i] = check_in(desks[i], CHAIR, key=twin["nik"])
        except AlreadyVoted as exc:
            outcomes[i] = exc

    threads = [threading.Thread(target=desk, args=(i,)) for i in range(len(desks))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    refused = [o for o in outcomes if isinstance(o, AlreadyVoted)]
    assert len(refused) == 3, outcomes
    with read(recs[0].engine) as conn:
        votes = conn.execute(text("SELECT count(*) FROM tps_site.vote WHERE active")).scalar()
    assert votes == 1
    assert sum(read_status(rec).checked_in for rec in recs) == 1
    for rec in recs:
        assert verify(rec).ok
    desks[1].close()
    for rec in recs:
        rec.close()


def test_a_voter_brought_to_the_wrong_tps_is_sent_on_with_nothing_written(
    site: dict[str, Record],
) -> None:
    here, theirs = site["901"], site["903"]
    with read(theirs.engine) as conn:
        voter = conn.execute(text("SELECT * FROM voter WHERE no = 4")).one()
    before = events(here)
    for key in (voter.nik, voter.register_no):
        with pytest.raises(Refused) as sent:
            check_in(here, CHAIR, key=key)
        assert sent.value.key == "checkin.other_tps"
        assert sent.value.params == {
            "name": voter.name,
            "tps": "TPS 903",
            "block": voter.block,
            "cell": voter.cell,
        }
    assert events(here) == before
    assert read_status(here).checked_in == 0


def readme_desk_role(role: str, password: str) -> str:
    """The README's lines for TPS 902's desk role, as the IT officer copies them, for `role`."""
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    start = readme.index("`CREATE ROLE kpps902") + 1
    end = readme.index("TO kpps902;`", start) + len("TO kpps902;")
    sql = " ".join(readme[start:end].split())
    return sql.replace("kpps902", role).replace("'…'", f"'{password}'")


def test_tps_902s_desk_role_from_the_readme_checks_in_there_and_reads_no_other_tps(
    pg_url: str, site: dict[str, Record], clock: FixedClock
) -> None:
    """One role per TPS's desks: with it, TPS 902's desk checks in, undoes and sends on a voter
    of TPS 903 as any desk does; the roll and the record of TPS 901 and 903 it cannot read."""
    database = pg_url.rsplit("/", 1)[1]
    role = f"kpps902_{uuid.uuid4().hex[:8]}"
    made = psql(database, "-c", readme_desk_role(role, "meja-902-rahasia"))
    assert made.returncode == 0, made.stderr
    host, port = server_address()
    url = f"postgresql://{role}:meja-902-rahasia@{host}:{port}/{database}"
    try:
        desk = open_record(f"{url}?tps=902", clock, desk="meja-902")
        try:
            assert desk.station.tps == "TPS 902" and desk.site
            assert check_in(desk, CHAIR, key=nik_of(site["902"], 1)).voter_no == 1
            undo_check_in(desk, CHAIR, "salah orang", key=nik_of(site["902"], 1))
            assert check_in(desk, CHAIR, key=nik_of(site["902"], 1)).voter_no == 1
            with pytest.raises(Refused) as sent:
                check_in(desk, CHAIR, key=nik_of(site["903"], 2))
            assert sent.value.key == "checkin.other_tps"
            assert read_status(desk).checked_in == 1 and verify(desk).ok
        finally:
            desk.close()
        for sql in ("SELECT nik FROM public.voter", "SELECT nik FROM tps_903.voter"):
            refused = psql(url, "-c", sql)
            assert refused.returncode != 0 and "permission denied" in refused.stderr, sql
        with pytest.raises(TpsError):  # nor open TPS 901's record
            open_record(url, clock, desk="meja-902").close()
    finally:
        psql(database, "-c", f"DROP OWNED BY {role}", "-c", f"DROP ROLE {role}")


async def test_a_name_typed_at_tps_901_finds_tps_903s_voters_marked_and_sends_them_on(
    pg_url: str, site: dict[str, Record], clock: FixedClock
) -> None:
    """After this TPS's own matches, the other TPS's voters of that name, each marked with its
    TPS; Enter on one says where to take them, and nothing is written here."""
    here = open_record(tps_url(pg_url, "901"), clock, desk="meja-1")  # a desk of the site now
    with read(site["903"].engine) as conn:
        voter = conn.execute(text("SELECT * FROM voter WHERE no = 6")).one()
    app = desk_for(here)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot)
        await wait_for(pilot, lambda: app.elsewhere is not None)
        before = events(here)  # the sign-in recorded
        await type_text(pilot, voter.name)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CheckInScreen)
        results = screen.query_one("#results", OptionList)
        lines = [str(results.get_option_at_index(n).prompt) for n in range(results.option_count)]
        marked = ["→ 903" in line for line in lines]
        assert any(marked) and marked == sorted(marked)  # after TPS 901's own matches
        theirs = marked.index(True)
        assert voter.name in lines[theirs] and voter.nik not in lines[theirs]
        results.highlighted = theirs
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RefusalScreen) and not app.screen.logged
        said = str(screen.query_one("#message", Static).render())
        assert "antar ke TPS 903" in said and f"kamar {voter.cell}" in said
    assert events(here) == before
    here.close()


def two_tps_with_one_person_on_both(
    pg_url: str, clock: FixedClock, early: bool = False
) -> tuple[Record, Record, str]:
    """TPS 901 and 902, each with its own roll of 10, and one person on both (no. 3 at 901,
    no. 11 at 902: confirmed, wrongly, as another person). `early`: TPS 901's desk opened
    before TPS 902 joined it (the URL without `?tps=`, as the TPS alone had)."""
    base = rolls(10, 2)
    base[1].append({**base[0][2], "no": "11", "no_register": ""})
    create_station(pg_url, roll_csv(base[0]), clock, tps="TPS 901")
    first = furnished(pg_url, clock) if early else None
    create_station(
        tps_url(pg_url, "902"),
        roll_csv(base[1]),
        clock,
        tps="TPS 902",
        different_people=frozenset({11}),
    )
    if first is None:
        first = furnished(tps_url(pg_url, "901"), clock)
    return first, furnished(tps_url(pg_url, "902"), clock), base[0][2]["nik"]


def test_a_nik_checked_in_at_one_tps_is_refused_at_another_until_undone(
    pg_url: str, clock: FixedClock
) -> None:
    first, second, nik = two_tps_with_one_person_on_both(pg_url, clock)
    check_in(first, CHAIR, key=nik)
    with pytest.raises(AlreadyVoted) as refused:
        check_in(second, CHAIR, key=nik)
    assert refused.value.key == "checkin.voted_elsewhere"
    assert refused.value.params["tps"] == "TPS 901"
    assert refused.value.logged  # the attempt is on TPS 902's record
    assert read_status(second).blocked_duplicates == 1
    undo_check_in(first, CHAIR, "salah orang", key=nik)
    assert check_in(second, CHAIR, key=nik).voter_no == 11
    for rec in (first, second):
        assert verify(rec).ok
        rec.close()


def test_a_desk_opened_before_its_tps_joined_the_site_is_held_to_it(
    pg_url: str, clock: FixedClock
) -> None:
    early, later, nik = two_tps_with_one_person_on_both(pg_url, clock, early=True)
    assert not early.site
    check_in(later, CHAIR, key=nik)
    with pytest.raises(AlreadyVoted) as refused:
        check_in(early, CHAIR, key=nik)
    assert refused.value.key == "checkin.voted_elsewhere"
    early.close()
    later.close()


def test_dpk_add_refuses_a_nik_on_another_tps_roll(
    site: dict[str, Record], clock: FixedClock
) -> None:
    clock.set(wib(12, 10))
    nik = nik_of(site["901"], 3)
    with pytest.raises(Refused) as refused:
        register_dpk(site["902"], CHAIR, nik=nik, name="ORANG BARU", sex="L", birth="1990-01-01")
    assert refused.value.key == "dpk.other_tps"
    assert refused.value.params["tps"] == "TPS 901"
    assert nik not in str(refused.value.params)


def test_each_tps_record_and_report_is_unchanged_by_the_others_day(
    site: dict[str, Record],
) -> None:
    quiet = site["902"]
    before = (verify(quiet).head, read_status(quiet).as_json(), report(quiet))
    for number in ("901", "903"):
        for no in range(1, 6):
            check_in(site[number], CHAIR, key=nik_of(site[number], no))
    assert (verify(quiet).head, read_status(quiet).as_json(), report(quiet)) == before
    assert [read_status(site[n]).checked_in for n in NUMBERS] == [5, 0, 5]


def test_a_station_file_is_copied_into_a_site(
    pg_url: str, site: dict[str, Record], clock: FixedClock, tmp_path: object
) -> None:

    path = Path(str(tmp_path)) / "tps-904.db"
    roll = rolls(40, 4)[3][:20]
    create_station(path, roll_csv(roll), clock, tps="TPS 904")
    make = open_record(path, clock)
    add_demo_officers(make)
    make.close()
    target = site_target(pg_url, "TPS 904")
    assert target == tps_url(pg_url, "904")
    copy_station(path, target, clock)
    rec = open_record(target, clock)
    assert rec.site and read_status(rec).expected == 20 and verify(rec).ok
    with read(rec.engine) as conn:
        on_site = conn.execute(
            text("SELECT count(*) FROM tps_site.roll WHERE tps = 'TPS 904'")
        ).scalar()
    assert on_site == 20
    rec.close()


def test_a_lone_station_file_is_no_site(tmp_path: object, clock: FixedClock) -> None:

    rec = make_station(Path(str(tmp_path)) / "tps.db", clock)
    assert not rec.site
    rec.close()


async def test_the_site_overview_follows_check_ins_at_each_tps(
    pg_url: str, site: dict[str, Record], clock: FixedClock
) -> None:
    from tests.helpers.panel import screen_text
    from tests.helpers.wait import wait_for
    from tps_console.site.app import SiteApp, make_site

    shown: list[tuple[str, int]] = []

    class Probe(SiteApp):
        def on_site_app_shown(self, message: SiteApp.Shown) -> None:
            shown.append((message.number, message.turnout.status.checked_in))

    app = make_site(pg_url, clock, app_class=Probe)
    async with app.run_test(size=(100, 24)) as pilot:
        assert "TPS 903" in screen_text(app) and "0/120" in screen_text(app)
        for number, count in (("902", 2), ("903", 1)):
            for no in range(1, count + 1):
                check_in(site[number], CHAIR, key=nik_of(site[number], no))
            await wait_for(pilot, partial(operator.contains, shown, (number, count)))
        text = screen_text(app)
        assert "2/40" in text and "1/40" in text and "3/120" in text


def test_the_administrators_edits_of_the_sites_tables_are_named_by_each_tps_verify(
    site: dict[str, Record], pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Whoever holds the server's administrator account can write the site's tables directly.
    A vote slipped in has every TPS refuse a NIK; one taken out lets a voter vote again at
    another TPS: each TPS's `verify` holds the site's rows of it to its own record."""
    tps901, tps902, tps903 = (site[n] for n in NUMBERS)
    checked = check_in(tps902, CHAIR, voter_id=1)
    assert all(verify(rec).ok for rec in site.values())
    database = pg_url.rsplit("/", 1)[1]

    def as_administrator(sql: str) -> None:
        done = psql(database, sql=sql)
        assert done.returncode == 0, done.stderr

    nik = nik_of(tps901, 5)
    as_administrator(
        "INSERT INTO tps_site.vote VALUES ('tps_903', 999, 'TPS 903', 1, "
        f"'{nik}', '2024-02-14T02:00:00Z', 'meja-1', 'Ketua KPPS (demo)', true)"
    )
    with pytest.raises(AlreadyVoted):  # what the forged row does: TPS 901 turns its voter away
        check_in(tps901, CHAIR, key=nik)
    found = verify(tps903)
    assert (found.problem, found.params) == ("verify.site_vote_unrecorded", {"id": 999})
    assert verify(tps901).ok and verify(tps902).ok  # each TPS answers for its own rows
    as_administrator("DELETE FROM tps_site.vote WHERE checkin_id = 999")
    assert verify(tps903).ok

    as_administrator("DELETE FROM tps_site.vote WHERE station = 'tps_902'")
    found = verify(tps902)
    assert (found.problem, found.params) == ("verify.site_vote_missing", {"id": checked.checkin_id})
    capsys.readouterr()
    assert main(["--lang", "en", "verify", tps_url(pg_url, "902")]) == 1
    assert "could vote again at another TPS" in capsys.readouterr().err

    as_administrator(
        "UPDATE tps_site.roll SET name = 'ORANG LAIN' WHERE station = 'public' AND no = 7"
    )
    found = verify(tps901)
    assert (found.problem, found.params) == ("verify.site_roll_changed", {"id": 7})

    as_administrator(
        "INSERT INTO tps_site.roll VALUES "
        f"('tps_999', 1, 'TPS 999', 1, '{nik}', NULL, 'ORANG LAIN', 'A', 'A1')"
    )
    found = verify(tps903)
    assert (found.problem, found.params) == ("verify.site_no_such_station", {"station": "tps_999"})


def test_verify_of_the_sites_database_verifies_every_tps_and_names_the_one_that_fails(
    site: dict[str, Record], pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The IT officer's one command for the whole site: the database's URL without `?tps=`."""
    capsys.readouterr()
    assert main(["--lang", "en", "verify", pg_url]) == 0
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if line.startswith("— ")] == [
        f"— TPS {number}" for number in NUMBERS
    ]
    assert out.count("Audit chain intact") == 3 and "All 3 TPS of this database" in out
    database = pg_url.rsplit("/", 1)[1]
    done = psql(database, sql="DELETE FROM tps_site.roll WHERE station = 'tps_903' AND no = 2")
    assert done.returncode == 0, done.stderr
    assert main(["--lang", "en", "verify", pg_url]) == 1
    out, err = capsys.readouterr()
    assert out.count("Audit chain intact") == 2
    assert "voter no. 2 of this TPS is missing from the site's roll" in err
    assert "VERIFICATION FAILED at TPS 903 (of the 3 TPS of this database)" in err
