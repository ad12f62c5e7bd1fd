"""Every TPS of a prison in one PostgreSQL database: a site.

Each TPS is a station of its own, in a schema of its own (`tps_902`; the database's first
station may stay in `public`, where it was made before the site). A schema rather than a
station key in every table: every statement of the domain runs unchanged on a site's TPS (the
connection's search path names its schema, see `server.search_path`), each TPS keeps its own
chain, officers, ballots, clock, reports and `verify`, and a TPS copied out of the site is the
same station file it would have been alone.

What the site adds is one schema, `tps_site`, that no TPS writes by itself: triggers on each
station's tables keep it, in the same transaction as the change.
- `tps_site.roll`: every voter of every TPS (NIK, register number, name, block and cell), for
  the checks at import and DPK (one NIK on one roll) and for sending a voter brought to the wrong
  TPS on to the right one.
- `tps_site.vote`: every check-in of every TPS, with a unique index over the active ones' NIK:
  the database itself refuses a second vote of one NIK anywhere on the site, whatever any desk
  looked up, exactly as each station's own index does within it.
Being kept by the database, the site holds even for a desk opened before its TPS joined a site,
and for a row put in with `psql`. The projection knows nothing of it: `verify` replays a TPS's
own log into its tables, then holds the site's rows of that TPS to what those tables make them
(`site_difference`, the triggers' own SELECTs): a vote slipped into `tps_site.vote` would have
every TPS refuse that NIK, and one taken out would let it vote again elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Boolean, Column, Connection, Integer, MetaData, Table, Text, select, text

from tps_console.domain.errors import BadInput
from tps_console.domain.store import server

SITE_SCHEMA = "tps_site"
VOTE_INDEX = "uq_site_vote_nik"
# Forming the site, or adding a TPS to it, one at a time (two TPS made at once would both try
# to make the site's tables).
_SITE_LOCK = "SELECT pg_advisory_xact_lock(901202414, 0)"

_site = MetaData(schema=SITE_SCHEMA)
ROLL = Table(
    "roll",
    _site,
    Column("station", Text, primary_key=True),  # the TPS's schema
    Column("voter_id", Integer, primary_key=True),
    Column("tps", Text, nullable=False),  # its name, "TPS 902"
    Column("no", Integer, nullable=False),
    Column("nik", Text, nullable=False),
    Column("register_no", Text),
    Column("name", Text, nullable=False),
    Column("block", Text, nullable=False),
    Column("cell", Text, nullable=False),
)
VOTE = Table(
    "vote",
    _site,
    Column("station", Text, primary_key=True),
    Column("checkin_id", Integer, primary_key=True),
    Column("tps", Text, nullable=False),
    Column("voter_id", Integer, nullable=False),
    Column("nik", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("desk", Text, nullable=False),
    Column("officer", Text, nullable=False),  # the officer's name
    Column("active", Boolean, nullable=False),
)

_TABLES = f"""
CREATE SCHEMA IF NOT EXISTS {SITE_SCHEMA};
CREATE TABLE IF NOT EXISTS {SITE_SCHEMA}.roll (
  station text NOT NULL, voter_id integer NOT NULL, tps text NOT NULL, no integer NOT NULL,
  nik text NOT NULL, register_no text, name text NOT NULL, block text NOT NULL,
  cell text NOT NULL, PRIMARY KEY (station, voter_id));
CREATE INDEX IF NOT EXISTS ix_site_roll_nik ON {SITE_SCHEMA}.roll (nik);
CREATE INDEX IF NOT EXISTS ix_site_roll_register ON {SITE_SCHEMA}.roll (register_no);
CREATE TABLE IF NOT EXISTS {SITE_SCHEMA}.vote (
  station text NOT NULL, checkin_id integer NOT NULL, tps text NOT NULL,
  voter_id integer NOT NULL, nik text NOT NULL, at text NOT NULL, desk text NOT NULL,
  officer text NOT NULL, active boolean NOT NULL, PRIMARY KEY (station, checkin_id));
CREATE UNIQUE INDEX IF NOT EXISTS {VOTE_INDEX} ON {SITE_SCHEMA}.vote (nik) WHERE active;
"""

# The station's rows as the site keeps them; `%(s)s` is the station's schema, `%(new)s` the row.
_ROLL_ROW = """SELECT '%(s)s', v.id, st.tps, v.no, v.nik, v.register_no, v.name, v.block, v.cell
  FROM %(s)s.voter v, %(s)s.station st WHERE %(where)s"""
_VOTE_ROW = """SELECT '%(s)s', c.id, st.tps, c.voter_id, v.nik, c.at, c.desk, o.name, c.active
  FROM %(s)s.checkin c JOIN %(s)s.voter v ON v.id = c.voter_id
  JOIN %(s)s.officer o ON o.id = c.officer_id, %(s)s.station st WHERE %(where)s"""

_TRIGGERS = (
    """
CREATE OR REPLACE FUNCTION %(s)s.tps_site_roll() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tps_site.roll """
    + _ROLL_ROW % {"s": "%(s)s", "where": "v.id = NEW.id"}
    + """;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION %(s)s.tps_site_vote() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tps_site.vote """
    + _VOTE_ROW % {"s": "%(s)s", "where": "c.id = NEW.id"}
    + """;
  ELSE
    UPDATE tps_site.vote SET active = NEW.active WHERE station = '%(s)s' AND checkin_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS tps_site_roll ON %(s)s.voter;
CREATE TRIGGER tps_site_roll AFTER INSERT ON %(s)s.voter
  FOR EACH ROW EXECUTE FUNCTION %(s)s.tps_site_roll();
DROP TRIGGER IF EXISTS tps_site_vote ON %(s)s.checkin;
CREATE TRIGGER tps_site_vote AFTER INSERT OR UPDATE OF active ON %(s)s.checkin
  FOR EACH ROW EXECUTE FUNCTION %(s)s.tps_site_vote();
"""
)


# How a row of the site's tables can differ from what the station's tables make: the site holds
# it and the station not, the other way round, or both with other values.
DIFFERENCES = ("unrecorded", "missing", "changed")


@dataclass(frozen=True)
class SiteDifference:
    """A row of the site's tables that a station's own tables do not make: `table` is `roll`
    (`key` the voter's number) or `vote` (`key` the check-in's), `what` one of DIFFERENCES."""

    table: str
    what: str
    key: int

    @property
    def problem(self) -> str:
        return f"{self.table}_{self.what}"


# A station the site's rows name that the database does not hold. The catalogue, which every
# login may read: a TPS's own desk role may not look into another TPS's schema.
_NO_SUCH_STATION = text(
    f"""SELECT DISTINCT station FROM (SELECT station FROM {SITE_SCHEMA}.roll
      UNION SELECT station FROM {SITE_SCHEMA}.vote) named
    WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = named.station AND c.relname = 'station' AND c.relkind = 'r')
    ORDER BY station"""
)


def site_difference(conn: Connection) -> SiteDifference | None:
    """The first row of the site's tables that the connection's station does not make (its
    voters, then its check-ins, each in the order they were added), by the triggers' own
    SELECTs over its tables."""
    schema = conn.execute(text("SELECT current_schema()")).scalar_one()
    # Each table, the SELECT its trigger copies rows with, and the column a reader is told.
    for table, made, told in ((ROLL, _ROLL_ROW, "no"), (VOTE, _VOTE_ROW, "checkin_id")):
        at = list(table.c.keys()).index(told)
        rows = conn.exec_driver_sql(made % {"s": schema, "where": "true"})
        expected = {row[1]: tuple(row) for row in rows}
        rows = conn.execute(select(table).where(table.c.station == schema))
        found = {row[1]: tuple(row) for row in rows}
        for key in sorted(found.keys() | expected.keys()):
            if key not in expected:
                return SiteDifference(table.name, DIFFERENCES[0], found[key][at])
            if key not in found:
                return SiteDifference(table.name, DIFFERENCES[1], expected[key][at])
            if found[key] != expected[key]:
                return SiteDifference(table.name, DIFFERENCES[2], expected[key][at])
    return None


def stations_not_held(conn: Connection) -> list[str]:
    """The stations the site's rows name that are no station of this database."""
    return list(conn.execute(_NO_SUCH_STATION).scalars())


# The schemas whose `station` this login may read (information_schema lists no other): the
# stations' own, and with `views` their witness views too (all a witness's role may read).
_STATIONS = text(
    "SELECT DISTINCT table_schema FROM information_schema.tables WHERE table_name = 'station' "
    "AND (table_type = 'BASE TABLE' OR :views) AND table_schema ~ :pattern ORDER BY table_schema"
)
_TPS = f"tps_{server.TPS_NUMBER.pattern}"
_PATTERN = f"^(public|{_TPS})$"
_WITH_VIEWS = f"^(public|{server.WITNESS_SCHEMA}|{_TPS}(_saksi)?)$"


def is_site(conn: Connection) -> bool:
    """Whether the connection's database is a site (its TPS's rows are kept in `tps_site`)."""
    found = conn.execute(text(f"SELECT to_regclass('{SITE_SCHEMA}.vote') IS NOT NULL")).scalar()
    return bool(found)


def in_site(conn: Connection) -> bool:
    """`is_site`, and False for a station file (a site is a server's)."""
    return server.is_server_engine(conn) and is_site(conn)


def station_schemas(conn: Connection, *, views: bool = False) -> list[str]:
    """Every station's schema in the database (`public` first, where there is one there); with
    `views`, the stations' witness schemas too."""
    pattern = _WITH_VIEWS if views else _PATTERN
    return list(conn.execute(_STATIONS, {"pattern": pattern, "views": views}).scalars())


def join_site(conn: Connection, schema: str) -> None:
    """Make the database a site if it is not one yet, and `schema`'s station (new and empty, its
    tables made) a TPS of it; inside the caller's transaction, which makes the station. The
    stations there before (the one alone in `public`) are joined too, their voters and check-ins
    brought into the site's tables, so that one NIK votes once across all of them."""
    conn.exec_driver_sql(_SITE_LOCK)
    formed = is_site(conn)
    conn.exec_driver_sql(_TABLES)
    joined = {schema} if formed else {schema, *station_schemas(conn)}
    for station in sorted(joined):
        _join(conn, station, bring_rows=station != schema)


def _join(conn: Connection, schema: str, *, bring_rows: bool) -> None:
    conn.exec_driver_sql(_TRIGGERS.replace("%(s)s", schema))
    if bring_rows:
        conn.exec_driver_sql(
            f"INSERT INTO {SITE_SCHEMA}.roll " + _ROLL_ROW % {"s": schema, "where": "true"}
        )
        conn.exec_driver_sql(
            f"INSERT INTO {SITE_SCHEMA}.vote " + _VOTE_ROW % {"s": schema, "where": "true"}
        )


@dataclass(frozen=True)
class OnAnotherRoll:
    """A voter of the roll being made who stands on another TPS's roll of the site already: the
    same NIK or the same register number."""

    no: int  # on this roll
    nik: str
    name: str
    tps: str  # the other TPS
    other_no: int
    other_name: str
    same_nik: bool  # else the same register number


_ON_ANOTHER_ROLL = text(
    f"""SELECT v.no, v.nik, v.name, r.tps, r.no AS other_no, r.name AS other_name,
    r.nik = v.nik AS same_nik
    FROM voter v JOIN {SITE_SCHEMA}.roll r
      ON (r.nik = v.nik OR r.register_no = v.register_no) AND r.station <> current_schema()
    ORDER BY v.no, r.tps"""
)


def on_other_rolls(conn: Connection) -> list[OnAnotherRoll]:
    """The voters of the connection's station who are on another TPS's roll too."""
    return [OnAnotherRoll(*row) for row in conn.execute(_ON_ANOTHER_ROLL)]


class OnOtherRolls(BadInput):
    """Voters of the roll being made who are on another TPS's roll, not confirmed as different
    people by the chair: raised inside the station's transaction, so nothing of it is made."""

    def __init__(self, found: list[OnAnotherRoll]) -> None:
        super().__init__("site.on_other_rolls", count=len({f.no for f in found}))
        self.found = found


def refuse_unconfirmed(found: Iterable[OnAnotherRoll], confirmed: frozenset[int]) -> None:
    """Raise `OnOtherRolls` for those the chair did not confirm are different people."""
    unconfirmed = [f for f in found if f.no not in confirmed]
    if unconfirmed:
        raise OnOtherRolls(unconfirmed)
