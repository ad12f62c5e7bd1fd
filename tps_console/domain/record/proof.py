"""What a witness notes during the day, and what it proves: the code of one event of the chain.

An event's hash covers the event and, through the previous event's hash, the whole log before
it. A witness who wrote down "event 87 had code K7QF-…" holds the record of events 1–87 as it
was at that moment: whoever holds the file later and rewrites or cuts any of those events must
produce a log whose event 87 has the same code. The code is the hash's first 80 bits, so that is
a search of about 2^80 hashes — beyond any computer within reach for centuries (this laptop
makes about 2^26 a second; an 8-digit code, 32 bits, fell in 70 seconds). The code is bound to
its event number: `verify --expect 87:CODE` compares event 87 and nothing else, so a forger
cannot grind at whichever event suits them.

**The witness code**: 80 bits in Crockford's base 32 (digits and capitals, no I, L, O or U),
in four groups of four, and a fifth, single check character:

    № 87 · K7QF-3XMA-9TCE-WR2P-5

Read case-insensitively, with O read as 0 and I or L as 1, dashes and spaces ignored. The check
character covers the event number and the 16 characters (Luhn mod 32): a code copied with one
character wrong, or two neighbours swapped, or with the wrong number, fails its check, which tells
a miscopied code from a record that differs.

**The QR text** (on the panel, so a phone photograph of it carries the whole proof), one line:

    TPSE1:TPS 901:R:87:<the event's full SHA-256, 52 characters of the same base 32>

`TPSE1` this format, version 1; the TPS as the station names it (`%` and `:` written `%25`,
`%3A`); `R` a polling day's station, `S` a drill; the event number; its whole hash (256 bits,
the first character 0–F). Every character is of the QR standard's alphanumeric set (for a
TPS named in capitals), so the code is small enough (29×29) to stand beside the figures.
`verify --expect` takes this text as it takes a code, and `87:<the hash in 64 hex digits>`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tps_console.domain.errors import BadInput, echoed

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32
CODE_BITS = 80
CODE_CHARS = CODE_BITS // 5
GROUP = 4
QR_PREFIX = "TPSE1"
REAL, DRILL = "R", "S"
_FORGIVEN = str.maketrans({"O": "0", "I": "1", "L": "1"})
_HEX64 = re.compile(r"[0-9a-fA-F]{64}")
_HASH_CHARS = 52  # 256 bits in base 32: the first character carries 1 bit of the hash's 256
_VALUE = {c: i for i, c in enumerate(ALPHABET)}


def _base32(bits: int, chars: int) -> str:
    return "".join(ALPHABET[(bits >> (5 * i)) & 31] for i in reversed(range(chars)))


def as_typed(text: str) -> str:
    """Base-32 characters as a person copied them: any case, spaces, hyphens and dots left out,
    O read as 0 and I or L as 1 (Crockford's forgiving decoding)."""
    return re.sub(r"[\s\-·]", "", text).upper().translate(_FORGIVEN)


def code_of(event_hash: str) -> str:
    """The 16 characters of an event's code: the first 80 bits of its SHA-256."""
    return _base32(int(event_hash[: CODE_BITS // 4], 16), CODE_CHARS)


def check_char(seq: int, code: str) -> str:
    """Luhn mod 32 over the event number's digits and the code's characters: any one character
    changed, and any two neighbours swapped (but 0 and Z), change it."""
    values = [int(d) for d in str(seq)] + [_VALUE[c] for c in code]
    total = 0
    for i, value in enumerate(reversed(values)):
        if i % 2 == 0:
            value *= 2
            value = value // 32 + value % 32
        total += value
    return ALPHABET[(32 - total % 32) % 32]


def witness_code(seq: int, event_hash: str) -> str:
    """`K7QF-3XMA-9TCE-WR2P-5`: the code of event `seq` as a witness copies it."""
    code = code_of(event_hash)
    groups = [code[i : i + GROUP] for i in range(0, CODE_CHARS, GROUP)]
    return "-".join([*groups, check_char(seq, code)])


def noted_code(seq: int, event_hash: str) -> str:
    """The code with its event number, as the panel, the strip and the reports show it."""
    return f"№ {seq} · {witness_code(seq, event_hash)}"


def qr_text(tps: str, drill: bool, seq: int, event_hash: str) -> str:
    name = tps.replace("%", "%25").replace(":", "%3A")
    whole = _base32(int(event_hash, 16), _HASH_CHARS)
    return ":".join((QR_PREFIX, name, DRILL if drill else REAL, str(seq), whole))


def _hex(chars: str) -> str:
    bits = 0
    for c in chars:
        bits = bits << 5 | _VALUE[c]
    return f"{bits:064x}"


@dataclass(frozen=True)
class Noted:
    """What a witness gives `verify --expect`: an event number and its code or full hash."""

    seq: int | None  # None: a full hash alone, which no one can match at another event either
    code: str | None = None  # the 16 characters, normalised
    check: str | None = None  # the check character as written, if it was
    full_hash: str | None = None
    tps: str | None = None  # from a QR text
    drill: bool | None = None

    @property
    def miscopied(self) -> bool:
        """The code as written fails its own check: a copying slip, not evidence of a forgery."""
        if self.seq is None or self.code is None or self.check is None:
            return False
        return check_char(self.seq, self.code) != self.check

    def matches(self, event_hash: str) -> bool:
        if self.full_hash is not None:
            return self.full_hash == event_hash
        return self.code == code_of(event_hash) and not self.miscopied

    @property
    def shown(self) -> str:
        if self.full_hash is not None:
            return self.full_hash if self.seq is None else f"{self.seq}:{self.full_hash}"
        assert self.code is not None
        groups = [self.code[i : i + GROUP] for i in range(0, CODE_CHARS, GROUP)]
        return f"{self.seq}:" + "-".join([*groups, *([self.check] if self.check else [])])


def parse_noted(text: str) -> Noted:
    """`87:K7QF-3XMA-9TCE-WR2P-5` (or `№ 87 · …` as the panel shows it, `87 …`, `#87 …`),
    `87:<64 hex>` or the 64 hex digits alone, or the panel's QR text. Raises `BadInput`
    (exit 2), saying why, for anything shorter than 80 bits or a code without its number."""
    raw = text.strip()
    if raw.upper().startswith(QR_PREFIX + ":"):
        return _parse_qr(raw)
    if _HEX64.fullmatch(raw):
        return Noted(None, full_hash=raw.lower())
    m = re.fullmatch(r"(?:№|No\.?|#)?\s*(\d{1,9})(?:\s*[:·]\s*|\s+)(.+)", raw, re.IGNORECASE)
    body = m[2].strip() if m else raw
    if _HEX64.fullmatch(body) and m:
        return Noted(int(m[1]), full_hash=body.lower())
    chars = as_typed(body)
    if any(c not in _VALUE for c in chars) or len(chars) > CODE_CHARS + 1:
        raise BadInput("proof.not_a_code", text=echoed(text))
    if len(chars) < CODE_CHARS:
        raise BadInput("proof.too_short", text=echoed(text))
    if m is None:
        raise BadInput("proof.no_event", text=echoed(text))
    check = chars[CODE_CHARS] if len(chars) > CODE_CHARS else None
    return Noted(int(m[1]), code=chars[:CODE_CHARS], check=check)


def _parse_qr(text: str) -> Noted:
    fields = text.split(":")
    if len(fields) != 5 or fields[2] not in (REAL, DRILL) or not fields[3].isdigit():
        raise BadInput("proof.not_a_code", text=echoed(text))
    chars = fields[4].upper().translate(_FORGIVEN)
    if len(chars) != _HASH_CHARS or any(c not in _VALUE for c in chars) or _VALUE[chars[0]] > 1:
        raise BadInput("proof.not_a_code", text=echoed(text))
    return Noted(
        int(fields[3]),
        full_hash=_hex(chars),
        tps=fields[1].replace("%3A", ":").replace("%25", "%"),
        drill=fields[2] == DRILL,
    )


def proof_json(events: int, head: str, closing: tuple[int, str] | None) -> dict[str, object]:
    """What `status --json` and `report --json` say of the proof: the newest event's code and
    full hash, and once the polls are closed the closing event's."""
    return {
        "audit_head": head,
        "audit_code": witness_code(events, head) if events else None,
        "closing_seq": closing[0] if closing else None,
        "closing_head": closing[1] if closing else None,
        "closing_code": witness_code(*closing) if closing else None,
    }
