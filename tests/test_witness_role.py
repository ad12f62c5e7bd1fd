"""The witnesses' role on a server: made by the server's administrator from the SQL that
`pg-readonly-role` prints, it reads what the panel shows and nothing more (no NIK, birth date,
name, PIN hash or event payload), cannot write, and is what the desk's F8 logs the panel in as.

Run under `pg_virtualenv` (see tests/helpers/pg.py): skipped without a server, except in CI."""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.helpers import make_station
from tests.helpers.pg import psql, server_address
from tests.helpers.tmux import cmdline, process_of, tmux_server, wait_for
from tps_console.cli.main import main
from tps_console.cli.screens import panel_launch
from tps_console.desk.app import make_desk
from tps_console.domain.day.checkin import check_in, resolve, set_voter_status
from tps_console.domain.day.incidents import record_incident
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.station import open_record
from tps_console.domain.store.server import panel_login, server_url
from tps_console.domain.views.turnout import read_turnout
from tps_console.domain.views.watch import Watcher

PASSWORD = "saksi-rahasia-901"


@dataclass(frozen=True)
class Server:
    """A station's database owned by a role that may make databases but not roles (as the
    README's `createuser --createdb kpps`), and the name of the witnesses' role to make."""

    database: str
    owner_url: str
    witness: str

    def url(self, user: str, password: str) -> str:
        host, port = server_address()
        return f"postgresql://{user}:{password}@{host}:{port}/{self.database}"

    @property
    def witness_url(self) -> str:
        return self.url(self.witness, PASSWORD)


@pytest.fixture
def server(pg_url: str) -> Iterator[Server]:
    database = pg_url.rsplit("/", 1)[1]
    tag = uuid.uuid4().hex[:8]
    owner, witness = f"kpps_{tag}", f"saksi_{tag}"
    made = psql(
        database,
        "-c",
        f"CREATE ROLE {owner} LOGIN CREATEDB PASSWORD 'kpps-pw'",
        "-c",
        f'ALTER DATABASE "{database}" OWNER TO {owner}',
    )
    assert made.returncode == 0, made.stderr
    host, port = server_address()
    yield Server(database, f"postgresql://{owner}:kpps-pw@{host}:{port}/{database}", witness)
    admin = os.environ.get("PGUSER", "postgres")
    for role in (witness, owner):  # roles outlive the database: each test's own, removed
        psql(database, "-c", f"REASSIGN OWNED BY {role} TO {admin}", "-c", f"DROP OWNED BY {role}")
        psql(database, "-c", f"DROP ROLE {role}")


def printed_sql(
    server: Server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[str, str]:
    monkeypatch.setenv("TPS_WITNESS_PASSWORD", PASSWORD)
    assert main(["pg-readonly-role", server.owner_url, "--role", server.witness]) == 0
    said = capsys.readouterr()
    return said.out, said.err


def make_witness(
    server: Server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sql, _ = printed_sql(server, monkeypatch, capsys)
    made = psql(server.database, "-f", "-", sql=sql)  # as `sudo -u postgres psql -d DB -f FILE`
    assert made.returncode == 0, made.stderr


def test_the_printed_sql_is_for_the_administrator_and_says_so(
    server: Server,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_station(server.owner_url, clock).close()
    sql, hint = printed_sql(server, monkeypatch, capsys)
    assert sql.startswith("-- Run as the server's administrator, not as the station's owner")
    assert "sudo -u postgres psql" in hint and "administrator" in hint and "pgpass" in hint
    assert PASSWORD not in sql + hint  # its SCRAM verifier only
    assert "SCRAM-SHA-256$4096:" in sql

    as_owner = psql(server.owner_url, "-f", "-", sql=sql)
    assert as_owner.returncode != 0 and "permission denied to create role" in as_owner.stderr
    nobody = psql(server.database, "-tA", "-c", f"SELECT 1 FROM pg_roles WHERE rolname = "
                  f"'{server.witness}'")  # fmt: skip
    assert nobody.stdout.strip() == ""  # all or nothing: the owner's try left no role behind

    as_admin = psql(server.database, "-f", "-", sql=sql)
    assert as_admin.returncode == 0, as_admin.stderr
    again = psql(server.database, "-f", "-", sql=sql)  # run twice: the same role, no error
    assert again.returncode == 0, again.stderr


def test_the_witness_role_reads_what_the_panel_shows_and_no_more(
    server: Server,
    clock: FixedClock,
    member: OfficerInfo,
    chair: OfficerInfo,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    desk = make_station(server.owner_url, clock)
    check_in(desk, member, key="3399141702910001")  # PURNOMO HARTONO, before the role
    make_witness(server, monkeypatch, capsys)
    # The record moves on after the views were made: views over the tables follow it.
    check_in(desk, member, key="3399161812970004")  # with a disability
    set_voter_status(desk, chair, resolve(desk, "3399011112980002"), "released", "bebas")
    record_incident(desk, member, "Saksi keberatan atas antrean", witness="Budi")

    watcher = Watcher(server.witness_url, clock)  # the real panel's watch, as the witness
    try:
        seen = watcher.open()
        assert watcher.record is not None
        with watcher.record.engine.connect() as conn:
            assert conn.execute(text("SELECT current_user")).scalar_one() == server.witness
    finally:
        watcher.close()
    assert seen == read_turnout(desk)  # every figure the same as the owner reads them
    assert seen.status.checked_in == 2 and seen.status.expected == 179
    assert seen.disabled.total == 1 and seen.status.incidents == 1
    assert [r.initials for r in seen.recent] == ["A.K.", "P.H."]
    desk.close()

    def as_witness(sql: str) -> subprocess.CompletedProcess[str]:
        return psql(server.witness_url, "-tA", "-c", sql)

    for sql, refusal in [
        ("SELECT nik FROM public.voter", "permission denied"),
        ("SELECT nik FROM voter", 'column "nik" does not exist'),
        ("SELECT birth_date FROM voter", 'column "birth_date" does not exist'),
        ("SELECT register_no FROM voter", 'column "register_no" does not exist'),
        ("SELECT pin_hash FROM public.officer", "permission denied"),
        ("SELECT pin_hash FROM officer", 'relation "officer" does not exist'),
        ("SELECT payload FROM event", 'column "payload" does not exist'),
        ("SELECT payload FROM public.event", "permission denied"),
        ("SELECT text FROM public.incident", "permission denied"),
        ("SELECT text FROM incident", 'column "text" does not exist'),
    ]:
        done = as_witness(sql)
        assert done.returncode != 0 and refusal in done.stderr, (sql, done.stderr)
    names = as_witness("SELECT name FROM voter WHERE no = 1").stdout.split()
    assert names == ["P", "H"]  # what the initials are made of, not the name
    disability = as_witness("SELECT DISTINCT disability FROM voter ORDER BY 1").stdout
    assert disability.split() == ["ya"]  # whether, never which (the other value is '')
    nothing = as_witness(
        "SELECT string_agg(t::text, '') FROM voter t"  # every column of every row, as text
    ).stdout
    assert "3399" not in nothing and "HARTONO" not in nothing and "1991" not in nothing


def test_the_witness_role_cannot_write(
    server: Server,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_station(server.owner_url, clock).close()
    # A role made by an older version's SQL, which granted every table: the new SQL takes it back.
    psql(server.database, "-c", f"CREATE ROLE {server.witness} LOGIN")
    psql(server.database, "-c", f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {server.witness}")
    make_witness(server, monkeypatch, capsys)
    said = psql(server.witness_url, "-tA", "-c", "SHOW default_transaction_read_only")
    assert said.stdout.strip() == "on"
    for sql in [
        "UPDATE voter SET sex = 'P' WHERE no = 1",
        "UPDATE public.voter SET name = 'X' WHERE no = 1",
        "INSERT INTO public.event (seq, at, kind, prev_hash, hash) VALUES (99, '', '', '', '')",
        "DELETE FROM checkin",
        "CREATE TABLE tps_saksi.mine (x int)",
        "CREATE VIEW tps_saksi.niks AS SELECT nik FROM public.voter",
        "SELECT nik FROM public.voter",
    ]:
        # Even with the session's read-only default turned off, as a witness may.
        done = psql(server.witness_url, "-c", "SET default_transaction_read_only = off", "-c", sql)
        assert done.returncode != 0 and "permission denied" in done.stderr, (sql, done.stderr)


def test_the_desk_logs_the_panel_in_as_the_witness_role_when_it_holds_its_password(
    server: Server,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    desk = make_station(server.owner_url, clock)
    try:
        # No witness role yet: the panel logs in as the desk does, with its password.
        assert panel_login(desk.engine) == server.owner_url
        make_witness(server, monkeypatch, capsys)
        # Set up on the server, but this laptop does not hold its password: still the desk's.
        monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
        assert panel_login(desk.engine) == server.owner_url
        # Its password in this laptop's pgpass: the witnesses' role, whatever PGPASSWORD says.
        pgpass = tmp_path / "pgpass"
        host, port = server_address()
        pgpass.write_text(f"{host}:{port}:{server.database}:{server.witness}:{PASSWORD}\n")
        pgpass.chmod(0o600)
        monkeypatch.setenv("PGPASSFILE", str(pgpass))
        login = panel_login(desk.engine)
        assert server_url(login).username == server.witness
        assert login == server.witness_url
    finally:
        desk.close()


async def test_f8_opens_the_panel_as_the_witness_role_with_nothing_on_its_command_line(
    server: Server,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_station(server.owner_url, clock).close()
    make_witness(server, monkeypatch, capsys)
    host, port = server_address()
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"{host}:{port}:{server.database}:{server.witness}:{PASSWORD}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    desk = open_record(server.owner_url, clock, desk="meja-1")
    app = make_desk(desk, panel=panel_launch(desk))
    said: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **_: said.append(message))
    with tmux_server(monkeypatch) as tmux:
        before = set(tmux.panes())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f8")
            await app.workers.wait_for_complete()
            await pilot.pause()
        desk.close()
        assert said == [
            f"Panel saksi dibuka di jendela baru (masuk ke server sebagai {server.witness})"
        ]
        [pane] = set(tmux.panes()) - before
        panel = process_of(pane, "tps_console")
        wait_for(lambda: "TPS 901" in tmux.screen(pane))
        argv = " ".join(cmdline(panel))
        assert argv.endswith(" panel") and "postgresql" not in argv and PASSWORD not in argv
        assert "kpps-pw" not in argv and server.database not in argv
        sessions = psql(
            server.database,
            "-tA",
            "-c",
            "SELECT DISTINCT usename FROM pg_stat_activity WHERE application_name = "
            f"'tps-console' AND datname = '{server.database}'",
        )
        assert sessions.stdout.split() == [server.witness]  # the panel's, as the witness


def test_the_witnesses_role_reads_every_tps_of_a_site_and_no_nik(
    server: Server,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tps_console.domain.record.creation import create_station, site_target
    from tps_console.domain.views.site import site_numbers
    from tps_console.samples.rolls import generate_roll, roll_csv

    everyone = generate_roll(20)
    for number, part in (("901", everyone[:10]), ("902", everyone[10:])):
        roll = [{**row, "no": str(n)} for n, row in enumerate(part, 1)]
        target = site_target(server.owner_url, f"TPS {number}")
        create_station(target, roll_csv(roll), clock, tps=f"TPS {number}")
    make_witness(server, monkeypatch, capsys)
    witness = server.witness_url
    assert site_numbers(witness) == ["901", "902"]
    for number in ("901", "902"):
        watcher = Watcher(f"{witness}?tps={number}", clock)
        assert watcher.open().status.expected == 10
        watcher.close()
    for sql in ("SELECT nik FROM tps_site.roll", "SELECT nik FROM tps_902.voter"):
        refused = psql(witness, "-c", sql)
        assert refused.returncode != 0 and "permission denied" in refused.stderr
