"""Desks reach a server on another laptop over TLS: never the roll in plain text on the LAN.

The rule (`server.tls_mode`) is checked for every kind of host first; then, on a server of the
test's own with TLS on (tests/helpers/tls.py, made as README's LAN section tells the IT
officer), a desk's connection is seen encrypted by the server itself (`pg_stat_ssl`), through
this machine's LAN address too, and each way a connection fails for want of TLS is said in
words that say what to do.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from tests.helpers import POLLING_DAY, wib
from tests.helpers.tls import TlsServer, tls_server
from tps_console.cli.main import main
from tps_console.domain.errors import EXIT_BAD_INPUT, EXIT_REFUSED, BadInput, TpsError
from tps_console.domain.record.clock import FixedClock
from tps_console.domain.record.creation import create_station
from tps_console.domain.record.station import Record, open_record
from tps_console.domain.store.db import read
from tps_console.domain.store.server import is_loopback, shown, tls_mode
from tps_console.i18n import set_language, t
from tps_console.samples.rolls import sample_roll
from tps_console.web.lan import lan_addresses

SERVER = "postgresql://kpps@192.168.1.10/tps901"


@pytest.mark.parametrize(
    "host",
    ["", "localhost", "LOCALHOST", "127.0.0.1", "127.8.9.10", "::1", "[::1]", "/run/postgresql"],
)
def test_this_computer_is_loopback(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize(
    "host", ["192.168.1.10", "10.0.0.2", "server.lan", "localhost.example.org", "::ffff:a00:2"]
)
def test_every_other_host_is_across_a_network(host: str) -> None:
    assert not is_loopback(host)


@pytest.mark.parametrize(
    ("url", "environ", "mode"),
    [
        (SERVER, {}, "require"),  # encrypted at least, without a word from the chair
        (SERVER + "?sslrootcert=/media/usb/ca.crt", {}, "verify-full"),
        (SERVER, {"PGSSLROOTCERT": "C:\\tps\\ca.crt"}, "verify-full"),
        (SERVER + "?sslmode=verify-ca", {}, "verify-ca"),  # a stronger mode asked is kept
        (SERVER + "?sslmode=require&sslrootcert=/ca.crt", {}, "require"),
        (SERVER, {"PGSSLMODE": "verify-full"}, "verify-full"),
        ("postgresql://kpps@server.lan:5433/tps901", {}, "require"),
        ("postgresql://kpps@[fd00::10]/tps901", {}, "require"),
        ("postgresql:///tps901", {"PGHOST": "192.168.1.10"}, "require"),
        ("postgresql:///tps901", {"PGHOSTADDR": "192.168.1.10"}, "require"),
        ("postgresql:///tps901?host=localhost&host=192.168.1.11", {}, "require"),
        # This computer: nothing crosses a network, libpq's own choice stands ...
        ("postgresql://kpps@localhost/tps901", {}, None),
        ("postgresql://kpps@127.0.0.1:5433/tps901", {}, None),
        ("postgresql:///tps901", {}, None),
        ("postgresql:///tps901", {"PGHOST": "/var/run/postgresql"}, None),
        ("postgresql:///tps901?host=/var/run/postgresql", {"PGHOST": "10.0.0.2"}, None),
        ("postgresql://kpps@localhost/tps901?sslmode=disable", {}, "disable"),
        # ... unless the chair gave the CA: then the server proves who it is, here too.
        ("postgresql://kpps@localhost/tps901?sslrootcert=/ca.crt", {}, "verify-full"),
    ],
)
def test_a_server_on_another_computer_is_reached_over_tls(
    url: str, environ: dict[str, str], mode: str | None
) -> None:
    assert tls_mode(make_url(url), environ) == mode


@pytest.mark.parametrize(
    ("url", "environ"),
    [
        (SERVER + "?sslmode=disable", {}),
        (SERVER + "?sslmode=allow", {}),
        (SERVER + "?sslmode=prefer", {}),  # libpq's default: plain text if the server has no TLS
        (SERVER, {"PGSSLMODE": "disable"}),
        ("postgresql:///tps901?sslmode=prefer", {"PGHOST": "192.168.1.10"}),
    ],
)
def test_plain_text_to_another_computer_is_refused(url: str, environ: dict[str, str]) -> None:
    with pytest.raises(BadInput) as refused:
        tls_mode(make_url(url.replace("kpps@", "kpps:rahasia@")), environ)
    assert refused.value.key == "server.plain_text"
    assert "rahasia" not in refused.value.params["path"]  # the message never shows a password
    assert refused.value.params["mode"] in ("disable", "allow", "prefer")


def test_the_refusal_says_why_and_what_to_do() -> None:
    assert "sslmode=disable" in t("server.plain_text", path=SERVER, mode="disable")
    set_language("en")
    said = t("server.plain_text", path=SERVER, mode="disable")
    assert "unencrypted" in said and "Remove that sslmode" in said


# On a server with TLS on ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def server() -> Iterator[TlsServer]:
    with tls_server() as made:
        yield made


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(wib(9))


def encrypted(rec: Record) -> bool:
    with read(rec.engine) as conn:
        query = "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
        return bool(conn.execute(text(query)).scalar_one())


def sslmode_used(rec: Record) -> str:
    """The sslmode libpq connected with, as its connection says."""
    with rec.engine.connect() as conn:
        dbapi = conn.connection.dbapi_connection
        assert dbapi is not None
        return str(dbapi.info.get_parameters().get("sslmode", "prefer"))


def fresh(server: TlsServer, name: str) -> str:
    """A station database on the TLS server, made over a verified connection."""
    url = server.url("localhost", name, f"sslrootcert={server.ca}")
    create_station(url, sample_roll(), FixedClock(wib(7)), polling_date=POLLING_DAY)
    return name


def refusal(target: str, clock: FixedClock) -> TpsError:
    with pytest.raises(TpsError) as refused:
        open_record(target, clock).close()
    return refused.value


def test_a_desk_given_the_ca_is_encrypted_and_verifies_the_server(
    server: TlsServer, clock: FixedClock
) -> None:
    url = server.url("localhost", fresh(server, "given_ca"), f"sslrootcert={server.ca}")
    rec = open_record(url, clock, desk="meja-1")
    try:
        assert encrypted(rec)
        assert sslmode_used(rec) == "verify-full"
    finally:
        rec.close()


def test_a_server_proving_itself_with_another_ca_is_refused_in_words(
    server: TlsServer, clock: FixedClock
) -> None:
    url = server.url("localhost", fresh(server, "wrong_ca"), f"sslrootcert={server.other_ca}")
    refused = refusal(url, clock)
    assert (refused.key, refused.exit_code) == ("fault.server_certificate", EXIT_BAD_INPUT)
    missing = server.url("localhost", "wrong_ca", f"sslrootcert={server.folder / 'nope.crt'}")
    assert refusal(missing, clock).key == "fault.server_ca_file"
    # At the command line: the words, the exit code, no traceback.
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(["status", url]) == EXIT_BAD_INPUT
    assert err.getvalue().strip() == t("fault.server_certificate", path=shown(url))
    assert "Traceback" not in err.getvalue()


def test_a_plain_connection_to_a_server_taking_tls_only_says_so(
    server: TlsServer, clock: FixedClock
) -> None:
    """pg_hba.conf with `hostssl` lines only, a desk on this computer turning TLS off."""
    url = server.url("localhost", fresh(server, "tls_only"), "sslmode=disable")
    refused = refusal(url, clock)
    assert (refused.key, refused.exit_code) == ("fault.server_tls_only", EXIT_BAD_INPUT)


def lan_address() -> str:
    found = lan_addresses()
    if not found:
        pytest.skip("this machine has no address but loopback")
    return found[0]


def test_a_desk_on_another_computer_is_encrypted_without_being_told(
    server: TlsServer, clock: FixedClock
) -> None:
    """Through this machine's LAN address, as a desk on another laptop reaches the server: no
    sslmode in the URL, and the connection is encrypted all the same."""
    url = server.url(lan_address(), fresh(server, "lan"))
    rec = open_record(url, clock, desk="meja-2")
    try:
        assert encrypted(rec)
        assert sslmode_used(rec) == "require"
    finally:
        rec.close()
    # The certificate names localhost, not this address: with the CA given it does not verify.
    refused = refusal(url + f"?sslrootcert={server.ca}", clock)
    assert refused.key == "fault.server_certificate"
    # Asking for plain text is refused before anything is sent.
    assert refusal(url + "?sslmode=prefer", clock).key == "server.plain_text"


def test_a_server_without_tls_says_how_to_turn_it_on(server: TlsServer, clock: FixedClock) -> None:
    """A server nobody turned TLS on for (`ssl = off`): a desk on another computer is refused,
    in words that say what the IT officer does."""
    url = server.url(lan_address(), fresh(server, "no_tls"))
    with server.without_tls():
        refused = refusal(url, clock)
        here = refusal(server.url("localhost", "no_tls", "sslmode=require"), clock)
    assert (refused.key, refused.exit_code) == ("fault.server_no_tls", EXIT_REFUSED)
    assert here.key == "fault.server_no_tls"  # a URL on this computer asking for TLS alike
    set_language("en")
    said = t(refused.key, **refused.params)
    assert "ssl = on" in said and "hostssl" in said and "README" in said


def test_messages_show_no_password(server: TlsServer, clock: FixedClock) -> None:
    url = server.url("localhost", "postgres", f"sslrootcert={server.other_ca}")
    refused = refusal(url.replace("postgres@", "postgres:rahasia@"), clock)
    assert "rahasia" not in refused.params["path"]
