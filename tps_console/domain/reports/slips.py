"""Check-in slips: one per voter still to vote, for the rutan staff who escort them block by block.

A slip carries what the desk needs and nothing protected: the list number, the name, block and
cell, and the register number as a barcode the desk's USB scanner types (register number +
Enter opens the card, as typing it does). No NIK, no birth date. A voter without a register
number (staff, DPK voters) gets no slip: there is nothing to scan, the desk finds them by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tps_console.domain.errors import BadInput
from tps_console.domain.record.station import Record
from tps_console.domain.views.voters import Waiting, waiting_by_block


@dataclass(frozen=True)
class SlipRun:
    """What one print run holds, in print order (block, cell, list number)."""

    tps: str
    polling_date: date
    drill: bool
    slips: tuple[Waiting, ...]
    without_register: int  # still to vote, but with no register number to print


def slips_to_print(rec: Record, block: str | None = None) -> SlipRun:
    """The voters still to vote (eligible, no active check-in), of one block if `block` is given
    (as the roll spells it, any case). Raises BadInput for a block the roll does not have."""
    blocks = waiting_by_block(rec)
    if block is not None:
        wanted = block.strip().casefold()
        blocks = [b for b in blocks if b.block.casefold() == wanted]
        if not blocks:
            known = ", ".join(b.block for b in waiting_by_block(rec))
            raise BadInput("slips.unknown_block", block=block, blocks=known or "-")
    waiting = [w for b in blocks for w in b.waiting]
    printed = tuple(w for w in waiting if w.register_no)
    station = rec.station
    return SlipRun(
        station.tps, station.polling_date, station.drill, printed, len(waiting) - len(printed)
    )
