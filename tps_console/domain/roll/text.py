"""Reading a roll saved as text: CSV with `,`, `;` or tab, in UTF-8 (with or without BOM), UTF-16
as Excel's "Unicode text" saves it, or Windows-1252 (with a warning). The header is line 1."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from tps_console.domain.roll.parse import WHOLE_FILE, ParsedRoll, RowIssue, Table, canonical_header


def utf16(head: bytes) -> str | None:
    """The UTF-16 codec of Excel's "Unicode text" (tab-delimited), by its BOM or, without one, by
    the zero byte beside every ASCII character."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    even, odd = head[0::2], head[1::2]
    if len(head) >= 4 and odd.count(0) > len(odd) * 0.9 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"
    if len(head) >= 4 and even.count(0) > len(even) * 0.9 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, bool]:
    """Text of the file and whether it was not UTF-8 or UTF-16 (Excel's default on Windows is
    cp1252)."""
    codec = utf16(data[:4096])
    if codec is not None:
        return data.decode(codec, errors="replace").lstrip("\ufeff"), False
    try:
        return data.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), True


def text_table(data: bytes, result: ParsedRoll) -> Table | None:
    """The file's header and rows, or None when there is no header to read (said in `result`)."""
    text, legacy = decode(data)
    if legacy:
        result.warnings.append(RowIssue(WHOLE_FILE, "", "warn.encoding"))
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        result.errors.append(RowIssue(WHOLE_FILE, "", "roll.empty"))
        return None
    delimiter = max(",;\t", key=lines[0].count)
    rows = _records(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), result)
    header = [canonical_header(h) for h in next(rows, (1, []))[1]]
    if result.errors:
        return None
    return Table(1, header, rows, max(len(lines) - 1, 1))


def _records(reader: Any, result: ParsedRoll) -> Iterator[tuple[int, list[str]]]:
    """Each record with the line it starts on (a stray quote can make one span many lines).

    A record the csv module cannot read at all (a stray quote swallowing the rest of a large file
    overflows its field limit) ends the file with an error instead of a traceback.
    """
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            result.errors.append(
                RowIssue(start, "", "roll.unreadable", {"path": "CSV", "error": str(exc)})
            )
            return
        yield start, row
