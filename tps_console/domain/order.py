"""Natural order for what a roll names with numbers inside text: blocks and cells ("Kamar 2"
before "Kamar 10", "A2" before "A10"), as the rutan numbers them, not as characters sort.
Every list of blocks or cells (the calling list, the slips, the panel, the roll preview) sorts
with this one key, so they all agree."""

from __future__ import annotations

import re

_DIGITS = re.compile(r"(\d+)")

NaturalKey = tuple[bool, tuple[tuple[int, int, str], ...], str]


def natural_key(text: str) -> NaturalKey:
    """A sort key comparing runs of digits as numbers and the rest without regard to case; a
    blank (voters in no block, or in no cell) after every name.

    Each part is (kind, number, text), so that a number and a word never meet in one comparison
    (a number sorts before a word in the same place: "2" before "A"). Names equal but for case
    or leading zeros ("kamar 02", "Kamar 2") are settled by the text itself, so the order is
    total and the same on every desk."""
    parts = tuple(
        (0, int(part), "") if n % 2 else (1, 0, part.casefold())
        for n, part in enumerate(_DIGITS.split(text.strip()))
        if part
    )
    return not parts, parts, text
