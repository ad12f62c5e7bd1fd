"""The start-up benchmark's baseline: a hello-world Textual + SQLModel app.

It does what any such app does before its first frame (imports Textual and SQLModel, opens a
SQLite file, creates a table, reads a count) and nothing more; its first screen has a header,
a line of text, an input and a footer. Run as `python -m tps_console.bench.hello DB`, or as the
one-file build that bench/startup.py makes of this file. The probe (probe.py) is its auto-pilot,
exactly as on the desk.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sqlmodel import Field, Session, SQLModel, create_engine, func, select
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Input, Static

from tps_console.packaged.startup_probe import startup_probe


class Greeting(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    text: str


class HelloApp(App[None]):
    def __init__(self, greetings: int) -> None:
        super().__init__()
        self.greetings = greetings

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"Hello, world ({self.greetings} greetings stored)")
        yield Input(placeholder="name")
        yield Footer()


def main(db: Path) -> None:
    engine = create_engine(f"sqlite:///{db.as_posix()}")
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        greetings = session.exec(select(func.count()).select_from(Greeting)).one()
    HelloApp(greetings).run(auto_pilot=startup_probe())
    engine.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
