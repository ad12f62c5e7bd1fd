"""A station on a PostgreSQL server: the URL, the connections, and what the server adds.

Several desks on several laptops share one record on a server (issue 13). Only the database
layer (this module and db.py) knows the difference; the domain runs the same statements on both.

- A URL is `postgresql://user@host:port/dbname` (or `postgres://`). What it leaves out, libpq
  takes from the `PG*` environment variables, and the password from `PGPASSWORD` or `~/.pgpass`
  (`%APPDATA%\\postgresql\\pgpass.conf` on Windows). The driver is psycopg 3.
- Every write transaction takes `CHAIN_LOCK` first (see db.py for why READ COMMITTED + this lock).
- Each event's insert notifies `CHANNEL` with its seq (a trigger, so a row put in with `psql`
  notifies too); a notification is delivered only once its transaction committed.
- A server on another computer is reached over TLS, never in plain text (`tls_mode`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import os
import re
import secrets
import shlex
import weakref
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import unquote

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from tps_console.domain.errors import BadInput

SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
CHANNEL = "tps_event"
# The write lock: one advisory lock per station, which is its schema (the server scopes locks by
# database, and a site's database holds a station per schema: see site.py). Desks of different
# TPS of a site do not wait for each other; what they must agree on (one NIK, one vote) the
# site's unique index decides.
CHAIN_LOCK = "SELECT pg_advisory_xact_lock(901202414, hashtext(current_schema()))"
# `?tps=902` in a URL: which TPS of a site's database (not a libpq parameter: taken out of the
# URL before it reaches the driver).
TPS_PARAM = "tps"
# An unreachable server is said within this, not after the operating system's minutes.
CONNECT_TIMEOUT_S = 2

# Made in the station's schema (the first of its search path): each station notifies a channel
# of its own (`channel`), so a site's panels wake for their own TPS only.
_NOTIFY_FUNCTION = f"""
CREATE OR REPLACE FUNCTION tps_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(CASE TG_TABLE_SCHEMA WHEN 'public' THEN '{CHANNEL}'
                    ELSE '{CHANNEL}_' || TG_TABLE_SCHEMA END, NEW.seq::text);
  RETURN NULL;
END $$
"""
_NOTIFY_TRIGGER = """
CREATE TRIGGER tps_event_notify AFTER INSERT ON event
FOR EACH ROW EXECUTE FUNCTION tps_event_notify()
"""
NOTIFY_DDL = (_NOTIFY_FUNCTION, _NOTIFY_TRIGGER)


def is_server(target: object) -> bool:
    return str(target).startswith(SCHEMES)


def _given_url(target: str) -> URL:
    url = make_url(target)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def server_url(target: str) -> URL:
    """The URL the driver is given: the `tps` of a site taken out (see `tps_of`)."""
    return _given_url(target).difference_update_query([TPS_PARAM])


def with_tps(target: str, number: str) -> str:
    """`target` addressing TPS `number` of its site."""
    url = _given_url(target).update_query_dict({TPS_PARAM: number})
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def site_database(target: str) -> str:
    """The database a URL addresses, without the TPS of its site: where another TPS is made."""
    return server_url(target).set(drivername="postgresql").render_as_string(hide_password=False)


def tps_of(target: str) -> str | None:
    """The TPS a site's URL addresses (`?tps=902`: "902"), or None for a one-TPS URL."""
    value = _query(_given_url(target), TPS_PARAM)
    return value.strip().lower() if value and value.strip() else None


def station_schema(number: str) -> str:
    """The schema a site's TPS is kept in: "tps_902"."""
    return f"tps_{number}"


def witness_schema(schema: str) -> str:
    """The schema of a station's witness views (see `readonly_role_sql`)."""
    return WITNESS_SCHEMA if schema == "public" else f"{schema}_saksi"


def station_of(schema: str) -> str:
    """The station schema a session reads, from the first schema of its path (a witness's
    session reads the station's witness views)."""
    if schema == WITNESS_SCHEMA:
        return "public"
    return schema.removesuffix("_saksi")


def channel(schema: str) -> str:
    """The channel a station's events are notified on (see `_NOTIFY_FUNCTION`)."""
    return CHANNEL if schema == "public" else f"{CHANNEL}_{schema}"


def search_path(number: str, *, readonly: bool) -> str:
    """Where a site's TPS is looked for: its own schema, else the database's first station
    (public), which is how the TPS that was alone there before the site joins it unchanged.
    `open_record` checks that the station found is the TPS asked for. A read-only session looks
    in the witness views first: a witness's role may read nothing else (a schema it has no right
    to is passed over), a desk's own role has no right to those and reads the station's tables."""
    schema = station_schema(number)
    if readonly:
        return f"{witness_schema(schema)},{schema},{WITNESS_SCHEMA},public"
    return f"{schema},public"


def shown(target: object) -> str:
    """The target as messages show it: a URL without its password."""
    if not is_server(target):
        return str(target)
    try:
        url = _given_url(str(target))
    except Exception:
        return re.sub(r":[^:@/]*@", ":***@", str(target))
    # A CA file's path read as typed, not percent-encoded (the password is masked before).
    return unquote(url.set(drivername="postgresql").render_as_string(hide_password=True))


def without_password(target: str) -> str:
    """The URL to keep or hand on (the recent list, the panel's command line) with no password
    in it: the server's password then comes from `PGPASSWORD` or pgpass, as for a URL typed
    without one. Never a secret in a file or on a command line."""
    url = _given_url(target)
    kept = URL.create("postgresql", url.username, None, url.host, url.port, url.database, url.query)
    return kept.render_as_string(hide_password=False)


def shown_engine(engine: Engine) -> str:
    return engine.url.set(drivername="postgresql").render_as_string(hide_password=True)


# libpq's modes that may send the record in plain text: `prefer`, its default, falls back to it
# without a word when the server has no TLS; `allow` and `disable` start there.
PLAIN_TEXT_MODES = frozenset({"disable", "allow", "prefer"})


def is_loopback(host: str) -> bool:
    """A host reached without a network: a Unix socket (a folder, or nothing given: libpq's
    default), `localhost`, 127.0.0.0/8 or ::1."""
    host = host.strip().removeprefix("[").removesuffix("]")
    if not host or host.startswith(("/", "@")) or host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name: whatever it resolves to, it is another computer's


def _hosts(url: URL, environ: Mapping[str, str]) -> list[str]:
    """Every host (and host address) the connection may go to: the URL's, else PGHOST's."""
    given: list[str] = []
    for value in (url.host, url.query.get("host"), url.query.get("hostaddr")):
        given += [value] if isinstance(value, str) else list(value or ())
    if not given:
        given = [environ.get("PGHOST", ""), environ.get("PGHOSTADDR", "")]
    return [host for value in given for host in value.split(",")]


def _query(url: URL, name: str) -> str | None:
    value = url.query.get(name)
    return value if isinstance(value, str) else (value[-1] if value else None)


def tls_mode(url: URL, environ: Mapping[str, str] = os.environ) -> str | None:
    """The `sslmode` a connection to `url` is made with, or None to leave it to libpq.

    To any host but this computer's own (loopback or a socket) the record — NIKs, birth dates,
    who is detained — crosses the rutan's LAN, so it goes encrypted: `require` at least. Given
    the server's CA (`sslrootcert=` in the URL, or `PGSSLROOTCERT`), to any host, `verify-full`:
    the server must also prove it is the one IT made the certificate for, not a laptop posing as
    it. A URL (or `PGSSLMODE`) naming a mode keeps it, except a mode that may send plain text
    (`disable`, `allow`, `prefer`) to another host: refused rather than honoured with a warning,
    since a warning is lost on a desk's screen while the URL, kept in the recent list and copied
    to every desk, would carry the roll in clear all day, and turning TLS on at the server takes
    the IT officer a few commands (README). On this computer alone, without a CA, libpq's own
    choice stands: nothing crosses a network."""
    remote = not all(is_loopback(host) for host in _hosts(url, environ))
    asked = _query(url, "sslmode") or environ.get("PGSSLMODE") or None
    if remote and asked in PLAIN_TEXT_MODES:
        shown_url = url.set(drivername="postgresql").render_as_string(hide_password=True)
        raise BadInput("server.plain_text", path=shown_url, mode=asked)
    if asked:
        return asked
    if _query(url, "sslrootcert") or environ.get("PGSSLROOTCERT"):
        return "verify-full"
    return "require" if remote else None


def _tls_args(url: URL) -> dict[str, str]:
    mode = tls_mode(url)
    return {} if mode is None else {"sslmode": mode}


def server_engine(target: str, *, readonly: bool) -> Engine:
    # The panel's session cannot write: every transaction it opens is READ ONLY (a read-only
    # role, `pg-readonly-role`, makes that the server's rule rather than the session's).
    options = "-c default_transaction_read_only=on" if readonly else "-c synchronous_commit=on"
    number = tps_of(target)
    if number is not None:
        if not TPS_NUMBER.fullmatch(number):
            raise BadInput("site.bad_tps", tps=number)
        options += f" -c search_path={search_path(number, readonly=readonly)}"
    url = server_url(target)
    engine = create_engine(
        url,
        # A connection the server dropped (restarted, cable pulled) is replaced, not reused.
        pool_pre_ping=True,
        pool_size=2,
        isolation_level="READ COMMITTED",
        hide_parameters=True,  # no NIK in an error's text, nor in an error note
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": "tps-console",
            "options": options,
            # A server gone silent (no reset, no answer) is noticed in seconds, not hours.
            "keepalives": 1,
            "keepalives_idle": 5,
            "keepalives_interval": 1,
            "keepalives_count": 3,
            "tcp_user_timeout": 5000,
            **_tls_args(url),
        },
    )
    if number is not None:
        _TPS_OF_ENGINE[engine] = number
    return engine


# The site's TPS each engine was opened on: its URL no longer says (the driver's has no `tps`).
_TPS_OF_ENGINE: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()


def engine_tps(engine: Engine) -> str | None:
    return _TPS_OF_ENGINE.get(engine)


def is_server_engine(engine: Engine | Connection) -> bool:
    return engine.dialect.name == "postgresql"


def create_database_if_missing(target: str) -> None:
    """Make the URL's database on its server if there is none yet (the user needs CREATEDB);
    an existing one is left as it is, for the caller to check that it is empty."""
    url = server_url(target)
    engine = create_engine(
        url.set(database="postgres"),
        isolation_level="AUTOCOMMIT",
        poolclass=NullPool,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S, **_tls_args(url)},
    )
    name = url.database
    try:
        with engine.connect() as conn:
            if name is None:
                name = conn.execute(text("SELECT current_user")).scalar_one()
            found = conn.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
            ).first()
            if found is None:
                conn.exec_driver_sql('CREATE DATABASE "' + name.replace('"', '""') + '"')
    except DBAPIError as exc:
        # No maintenance database to ask, or no right to create one: the station's own
        # database, opened next, says what is wrong with it.
        if getattr(exc.orig, "sqlstate", None) is None:
            raise
    finally:
        engine.dispose()


def begin_snapshot(conn: Connection) -> None:
    """Several reads that see one state: READ COMMITTED would give each statement its own."""
    conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")


def server_now(conn: Connection) -> datetime:
    return conn.execute(text("SELECT statement_timestamp()")).scalar_one()


def user_tables(conn: Connection) -> list[str]:
    """The tables in the database's search path: a fresh database has none."""
    rows = conn.execute(
        text(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() ORDER BY table_name"
        )
    )
    return [r[0] for r in rows]


def reset_sequences(conn: Connection, tables: list[Any]) -> None:
    """After rows were copied in with their ids: each serial column's next value follows them."""
    for table in tables:
        for column in table.primary_key.columns:
            if column.autoincrement is not True and not (
                column.autoincrement == "auto" and len(table.primary_key.columns) == 1
            ):
                continue
            sequence = conn.execute(
                text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column.name}
            ).scalar()
            if sequence is None:
                continue
            conn.execute(
                text(
                    f'SELECT setval(:s, COALESCE((SELECT max("{column.name}") '
                    f'FROM "{table.name}"), 0) + 1, false)'
                ),
                {"s": sequence},
            )


# What a witness may read, column by column: the panel's reads and no more (tests/test_pg.py runs
# the panel through them). Views in a schema of their own carry the tables' names, so that the
# witness role, whose search_path is that schema, runs the panel's statements unchanged; being
# views over the tables, they follow the roll and every check-in as the tables change. No NIK,
# birth date, register number, cell or officer (no PIN hash); a name only as each word's first
# letter (what the panel's initials are made of), a disability only as whether there is one
# (the count of voters with disabilities), an event without its payload, officer, desk or voter
# (the chain's seq, kind, time and hashes: the witness code and the newest seq).
WITNESS_SCHEMA = "tps_saksi"
WITNESS_ROLE = "tps_saksi"  # the role `pg-readonly-role` makes unless told another name
WITNESS_VIEWS = {
    # Settings only (hours, place, backup folder): whole, as opening a station reads it whole,
    # which is how a station of another version is told apart (its columns differ).
    "station": "*",
    "voter": "id, no, regexp_replace(name, '(\\S)\\S*', '\\1', 'g') AS name, sex, category, "
    "block, status, CASE WHEN disability <> '' THEN 'ya' ELSE '' END AS disability",
    "checkin": "id, voter_id, at, active",
    "queueentry": "voter_id",
    "incident": "no",
    "event": "seq, at, kind, prev_hash, hash",
}
# A site's TPS are numbered (their schemas are named after the number): 901, 902, 12a.
TPS_NUMBER = re.compile(r"[0-9]{1,6}[a-z]?")
_ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
# SCRAM-SHA-256 as the server stores it (RFC 5802/7677; PostgreSQL's default iterations): the
# printed SQL carries this, never the password itself.
_SCRAM_ITERATIONS = 4096


def scram_verifier(password: str) -> str:
    """The server's SCRAM-SHA-256 verifier of `password`: what `ALTER ROLE ... PASSWORD` stores
    when given it, so the SQL file and the server's log never hold the password. Printable ASCII
    only: the server would normalise other characters (SASLprep) in ways not redone here."""
    if not password or not all(" " <= c <= "~" for c in password):
        raise ValueError(password)
    salt = secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, _SCRAM_ITERATIONS)
    client_key = hmac.digest(salted, b"Client Key", "sha256")
    server_key = hmac.digest(salted, b"Server Key", "sha256")
    stored_key = hashlib.sha256(client_key).digest()

    def b64(raw: bytes) -> str:
        return base64.b64encode(raw).decode()

    return f"SCRAM-SHA-256${_SCRAM_ITERATIONS}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def role_name_valid(role: str) -> bool:
    """A name the SQL may use as it is, unquoted."""
    return _ROLE_NAME.fullmatch(role) is not None


def readonly_role_sql(role: str, database: str, verifier: str) -> str:
    """The SQL the server's administrator (a superuser: it makes a role and a schema) runs in the
    station's database to make the witnesses' role: it logs in with the password whose verifier
    is given, reads the witness views only, and can write nothing. Run again, it brings a role
    made earlier (by an older version, which granted every table) to the same.

    Every station of the database gets its views (a site's TPS each in a schema of their own:
    `site.py`), in the witness schema beside it (`witness_schema`): the SQL finds them itself,
    so the same file serves one TPS or twelve, and is run again after a TPS is added."""
    if not role_name_valid(role):
        raise ValueError(role)
    db = '"' + database.replace('"', '""') + '"'
    views = [
        f"    EXECUTE format('CREATE VIEW %I.{name} AS SELECT {columns.replace(chr(39), chr(39) * 2)} "
        f"FROM %I.{name}', w, s);"
        for name, columns in WITNESS_VIEWS.items()
    ]
    return "\n".join(
        [
            "-- Run as the server's administrator, not as the station's owner (it makes a role):",
            f"--   sudo -u postgres psql -d {shlex.quote(database)} -f this-file.sql",
            f"-- Makes role {role}: it reads the witness views of each TPS only (schema",
            f"-- {WITNESS_SCHEMA}, or tps_NNN_saksi on a site: no NIK, birth date, name, PIN hash or",
            "-- event payload) and writes nothing. Run it again after a TPS is added to the site.",
            "\\set ON_ERROR_STOP on",
            "SET client_min_messages = warning;  -- no notice for a view not made yet",
            "BEGIN;",
            "DO $$ BEGIN",
            f"  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN",
            f"    CREATE ROLE {role};",
            "  END IF;",
            "END $$;",
            f"ALTER ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
            f"NOBYPASSRLS PASSWORD '{verifier}';",
            f"ALTER ROLE {role} SET default_transaction_read_only = on;",
            f"ALTER ROLE {role} SET search_path = {WITNESS_SCHEMA};",
            f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role};",
            f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {role};",
            f"REVOKE ALL ON SCHEMA public FROM {role};",
            f"GRANT CONNECT ON DATABASE {db} TO {role};",
            "DO $$ DECLARE s text; w text; BEGIN",
            "  FOR s IN SELECT table_schema FROM information_schema.tables",
            "      WHERE table_name = 'station' AND table_type = 'BASE TABLE'",
            f"      AND table_schema ~ '^(public|tps_{TPS_NUMBER.pattern})$' LOOP",
            f"    w := CASE s WHEN 'public' THEN '{WITNESS_SCHEMA}' ELSE s || '_saksi' END;",
            "    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', w);",
            *(f"    EXECUTE format('DROP VIEW IF EXISTS %I.{name}', w);" for name in WITNESS_VIEWS),
            *views,
            f"    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM {role}', s);",
            f"    EXECUTE format('REVOKE ALL ON SCHEMA %I FROM {role}', s);",
            "    EXECUTE format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', w);",
            f"    EXECUTE format('GRANT USAGE ON SCHEMA %I TO {role}', w);",
            f"    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO {role}', w);",
            "  END LOOP;",
            "END $$;",
            "COMMIT;",
        ]
    )


_WITNESS_ROLES = text(
    "SELECT r.rolname FROM pg_roles r JOIN pg_namespace n ON n.nspname = :schema "
    "WHERE r.rolcanlogin AND NOT r.rolsuper AND r.rolname <> current_user "
    "AND has_schema_privilege(r.oid, n.oid, 'USAGE') ORDER BY r.rolname"
)


def panel_login(engine: Engine) -> str:
    """The URL, password and all, that a witness panel this desk opens logs in with: as the
    witnesses' role where one is set up (a role that may read WITNESS_SCHEMA, its password in this
    laptop's pgpass), else as this desk's own role (the panel's session is read-only then, not
    the role). Handed to the panel through its environment or a private file, never argv."""
    with engine.connect() as conn:
        schema = witness_schema(conn.execute(text("SELECT current_schema()")).scalar_one())
        roles = conn.execute(_WITNESS_ROLES, {"schema": schema}).scalars().all()
        own = conn.connection.driver_connection.info.password  # type: ignore[union-attr]
    url = engine.url
    number = engine_tps(engine)
    if number is not None:
        url = url.update_query_dict({TPS_PARAM: number})
    for role in roles:
        password = _password_for(engine, role)
        if password is not None:
            return _login_url(url, role, password)
    return _login_url(url, engine.url.username, own)


def _password_for(engine: Engine, role: str) -> str | None:
    """The password `role` logs in with from this laptop (pgpass), or None if it cannot. The
    desk's own `PGPASSWORD` is kept out of it (an empty password makes libpq look in pgpass)."""
    import psycopg

    _args, kwargs = engine.dialect.create_connect_args(engine.url.set(username=role))
    kwargs.update(password="", connect_timeout=CONNECT_TIMEOUT_S, **_tls_args(engine.url))
    try:
        with psycopg.connect(**kwargs) as conn:
            return conn.info.password or ""
    except psycopg.Error:
        return None


def _login_url(url: URL, user: str | None, password: str | None) -> str:
    login = url.set(drivername="postgresql", username=user, password=password or None)
    return login.render_as_string(hide_password=False)
