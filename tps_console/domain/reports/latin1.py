"""Text for fpdf2's built-in fonts, which carry Latin-1 only (Indonesian needs no more): the
typographic punctuation a roll or a message may hold is written plainly, anything else outside
Latin-1 is replaced rather than dropped. One rule for every PDF the program prints."""

from __future__ import annotations

_PUNCTUATION = str.maketrans(
    {"—": "-", "–": "-", "…": "...", "•": "*", "’": "'", "‘": "'", "№": "No."}
)


def latin1(text: str) -> str:
    return text.translate(_PUNCTUATION).encode("latin-1", "replace").decode("latin-1")
