"""The reason a chair gives for a correction (undo, release, transfer, replacement): it goes into
the audit log for good, so it must be a reason, not a scan that landed in the wrong box."""

from __future__ import annotations

import re

from tps_console.domain.errors import BadInput

# No reason needs ten digits in a row; a NIK has sixteen (spaces and dots between them too).
_LONG_NUMBER = re.compile(r"\d{10,}")
# A register number on its own, as a slip's barcode types it: "AIII.012/2023", "BI.004/2024".
_REGISTER_NO = re.compile(r"[A-Za-z]{1,5}\.?\d{1,5}/\d{4}")


def given_reason(raw: str, missing: str, scanned: str = "reason.looks_scanned") -> str:
    """The reason, spaces tidied; refused with `missing` when empty, and refused with `scanned`
    when it looks like a scanned NIK or register number (it would sit in the audit log)."""
    reason = " ".join(raw.split())
    if not reason:
        raise BadInput(missing)
    if _LONG_NUMBER.search(re.sub(r"[ .]", "", reason)) or _REGISTER_NO.fullmatch(reason):
        raise BadInput(scanned)
    return reason
