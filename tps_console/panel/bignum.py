"""A number in block digits that grows with its space, for reading across a room.

Textual's `Digits` is always three rows tall; on a projector in a hall that is too small. Here each
glyph is a 3×5 pixel grid drawn with half blocks, one pixel being `scale` columns wide and `scale`
half-rows tall (a terminal cell is about twice as tall as wide, so pixels stay square). The widget
picks the largest scale that fits its content region. At the smallest size (3 rows) the pixel font
is too coarse to read well, so it falls back to `Digits`' box-drawing glyphs, made for 3 rows.
"""

from __future__ import annotations

from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.reactive import reactive
from textual.renderables.digits import Digits
from textual.strip import Strip
from textual.widget import Widget

# 3×5 glyphs, `#` = pixel on. Only what a count or a percentage needs.
GLYPHS: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    "/": ("..#", "..#", ".#.", "#..", "#.."),
    "%": ("#.#", "..#", ".#.", "#..", "#.#"),
    ",": ("...", "...", "...", ".#.", "#.."),
    ".": ("...", "...", "...", "...", ".#."),
    " ": ("...", "...", "...", "...", "..."),
}
GLYPH_HEIGHT = 5
HALF_BLOCKS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def text_width(text: str, scale: int) -> int:
    """Cells needed: 3 pixels per glyph plus one pixel of space between glyphs."""
    return max(0, (4 * len(text) - 1) * scale)


def text_height(scale: int) -> int:
    return -(-GLYPH_HEIGHT * scale // 2)


def fitting_scale(text: str, width: int, height: int) -> int:
    scale = 1
    while text_width(text, scale + 1) <= width and text_height(scale + 1) <= height:
        scale += 1
    return scale


def pixel_rows(text: str, scale: int) -> list[list[bool]]:
    """The text as rows of pixels, each glyph pixel repeated `scale` times both ways."""
    rows: list[list[bool]] = []
    for y in range(GLYPH_HEIGHT):
        row: list[bool] = []
        for i, char in enumerate(text):
            if i:
                row += [False] * scale
            for x in GLYPHS.get(char, GLYPHS[" "])[y]:
                row += [x == "#"] * scale
        rows += [row] * scale
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    return rows


@lru_cache(maxsize=16)
def render_lines(text: str, scale: int) -> tuple[str, ...]:
    if scale == 1:
        segments = Digits(text).render(Style(bold=True))
        return tuple("".join(s.text for s in segments if isinstance(s, Segment)).splitlines())
    rows = pixel_rows(text, scale)
    return tuple(
        "".join(HALF_BLOCKS[top, bottom] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(rows[::2], rows[1::2], strict=True)
    )


class BigNumber(Widget):
    """Shows `value` (digits and `/ % , .`) as large as the widget's region allows, centred."""

    DEFAULT_CSS = """
    BigNumber {
        width: 1fr;
        height: 1fr;
        min-height: 3;
    }
    """

    value: reactive[str] = reactive("", layout=False)

    def render_line(self, y: int) -> Strip:
        width, height = self.content_size
        if not self.value or not width:
            return Strip.blank(width, self.rich_style)
        scale = fitting_scale(self.value, width, height)
        lines = render_lines(self.value, scale)
        top = max(0, (height - len(lines)) // 2)
        if not top <= y < top + len(lines):
            return Strip.blank(width, self.rich_style)
        line = lines[y - top]
        left = max(0, (width - len(line)) // 2)
        style: Style = self.rich_style
        return Strip([Segment(" " * left + line, style)]).crop_extend(0, width, style)
