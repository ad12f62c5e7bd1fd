"""Shared by the witness panel's tests: a station ready to check voters in, and what is on screen."""

from __future__ import annotations

import html
import re

from textual.app import App

from tps_console.domain.day.ballots import available, receive_ballots
from tps_console.domain.day.officers import OfficerInfo
from tps_console.domain.record.station import Record
from tps_console.domain.store.db import read
from tps_console.domain.vocab import ALL_BALLOTS

SIXTEEN_DIGITS = re.compile(r"\d{16}")


def stock_ballots(rec: Record, chair: OfficerInfo) -> None:
    """Ballots for the whole roll, unless the station fixture already brought some."""
    with read(rec.engine) as conn:
        if available(conn):
            return
    receive_ballots(rec, chair, dict.fromkeys(ALL_BALLOTS, 200))


def screen_text(app: App[None]) -> str:
    """Everything painted on the screen, as plain text (spaces collapsed)."""
    svg = app.export_screenshot()
    text = html.unescape(re.sub(r"<[^>]+>", " ", svg[svg.index("<g ") :]))
    return " ".join(text.split())
