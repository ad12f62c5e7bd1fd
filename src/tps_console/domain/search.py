"""Finding a voter as the officer types: by name, NIK fragment or register-number fragment.

Built once in memory from the roll (a 100k roll fits in a few tens of MiB) so each keystroke costs
a few dictionary and bisect look-ups instead of a table scan:
- names are folded (case, accents, punctuation) into words; every query word must match some
  word of the name, exactly, as a prefix, or with one typo (insert, delete, substitute, swap);
- digits-only queries of 4+ digits search inside NIKs, and queries with a digit, `.` or `/`
  search inside register numbers;
- an exact NIK or register number ranks first, then exact words, prefixes, typos, fragments.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import select

from tps_console.domain.db import read
from tps_console.domain.models import Voter
from tps_console.domain.nik import normalise_nik
from tps_console.domain.roll import normalise_register_no
from tps_console.domain.station import Record

MIN_NAME_CHARS = 2
MIN_TYPO_CHARS = 4
MIN_NIK_DIGITS = 4
_NON_WORD = re.compile(r"[^a-z0-9]+")
_NIK_SPACING = re.compile(r"[ .]")


@dataclass(frozen=True, slots=True)
class IndexedVoter:
    id: int
    no: int
    nik: str
    name: str
    register_no: str
    block: str
    cell: str
    category: str
    sex: str


@dataclass(frozen=True, slots=True)
class Hit:
    voter: IndexedVoter
    tier: int  # 0 exact identifier, 1 exact words, 2 prefixes, 3 a typo, 4 identifier fragment


@dataclass(frozen=True)
class Found:
    hits: list[Hit]
    total: int


EXACT_ID, EXACT_WORDS, PREFIX, TYPO, FRAGMENT = range(5)


def fold(text: str) -> list[str]:
    """Name words, lower case, accents and punctuation removed ("Ma'ruf Éko" -> maruf, eko)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _NON_WORD.sub(" ", plain.replace("'", "").replace("`", "")).split()


def _deletions(word: str) -> Iterator[str]:
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]


def within_one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance <= 1."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :] or (
            i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
        )
    return a[i + 1 :] == b[i:] if la > lb else a[i:] == b[i + 1 :]


class SearchIndex:
    def __init__(self, voters: Iterable[IndexedVoter]) -> None:
        self.voters: list[IndexedVoter] = []
        self._by_id: dict[int, int] = {}
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._by_nik: dict[str, int] = {}
        self._by_register: dict[str, int] = {}
        # Results come out in name order because positions are handed out in name order.
        for voter in sorted(voters, key=lambda v: (fold(v.name), v.no)):
            self._append(voter)
        self._rebuild_derived()

    def _append(self, voter: IndexedVoter) -> int:
        pos = len(self.voters)
        self.voters.append(voter)
        self._by_id[voter.id] = pos
        self._by_nik[voter.nik] = pos
        if voter.register_no:
            self._by_register[voter.register_no] = pos
        for word in set(fold(voter.name)):
            self._postings[word].append(pos)
        return pos

    def _rebuild_derived(self) -> None:
        self._words = sorted(self._postings)
        self._typo: dict[str, list[str]] = defaultdict(list)
        for word in self._words:
            if len(word) >= MIN_TYPO_CHARS - 1:
                self._typo[word].append(word)
                for variant in _deletions(word):
                    self._typo[variant].append(word)
        # NIKs are all 16 digits: position in the joined text // 17 is the voter.
        self._nik_text = "\n".join(v.nik for v in self.voters)
        registers = [v.register_no for v in self.voters]
        self._reg_starts = []
        offset = 0
        for reg in registers:
            self._reg_starts.append(offset)
            offset += len(reg) + 1
        self._reg_text = "\n".join(registers)

    def add(self, voter: IndexedVoter) -> None:
        """A voter registered during the day (DPK): findable at once, at the end of the order."""
        self._append(voter)
        self._rebuild_derived()

    def __len__(self) -> int:
        return len(self.voters)

    def by_id(self, voter_id: int) -> IndexedVoter | None:
        pos = self._by_id.get(voter_id)
        return None if pos is None else self.voters[pos]

    def exact(self, key: str) -> IndexedVoter | None:
        """The voter whose full NIK or register number this is (what a barcode scanner types)."""
        nik = normalise_nik(key)
        pos = self._by_nik.get(nik) if isinstance(nik, str) else None
        if pos is None:
            pos = self._by_register.get(normalise_register_no(key))
        return None if pos is None else self.voters[pos]

    def search(self, query: str, limit: int = 50) -> Found:
        tiers: dict[int, int] = {}

        def rank(positions: Iterable[int], tier: int) -> None:
            for pos in positions:
                if tiers.get(pos, 99) > tier:
                    tiers[pos] = tier

        exact = self.exact(query)
        if exact is not None:
            tiers[self._by_id[exact.id]] = EXACT_ID
        rank(self._fragments(query), FRAGMENT)
        words = fold(query)
        if words and sum(map(len, words)) >= MIN_NAME_CHARS:
            for tier, positions in self._by_words(words).items():
                rank(positions, tier)
        ordered = sorted(tiers, key=lambda pos: (tiers[pos], pos))
        return Found([Hit(self.voters[p], tiers[p]) for p in ordered[:limit]], len(ordered))

    def _fragments(self, query: str) -> set[int]:
        found: set[int] = set()
        digits = _NIK_SPACING.sub("", query.strip())
        if len(digits) >= MIN_NIK_DIGITS and digits.isdigit():
            found.update(p // 17 for p in _find_all(self._nik_text, digits))
        register = normalise_register_no(query)
        if len(register) >= 3 and re.search(r"[0-9./]", register):
            for p in _find_all(self._reg_text, register):
                found.add(bisect_left(self._reg_starts, p + 1) - 1)
        return found

    def _word_matches(self, word: str) -> dict[int, set[int]]:
        """Positions matching one query word, by the best tier they reach."""
        exact = set(self._postings.get(word, ()))
        prefix: set[int] = set()
        words = self._words
        for i in range(bisect_left(words, word), len(words)):
            if not words[i].startswith(word):
                break
            if words[i] != word:
                prefix.update(self._postings[words[i]])
        typo: set[int] = set()
        if len(word) >= MIN_TYPO_CHARS:
            candidates = set(self._typo.get(word, ()))
            for variant in _deletions(word):
                candidates.update(self._typo.get(variant, ()))
            for w in candidates:
                if w != word and within_one_edit(word, w):
                    typo.update(self._postings[w])
        return {EXACT_WORDS: exact, PREFIX: prefix - exact, TYPO: typo - exact - prefix}

    def _by_words(self, words: list[str]) -> dict[int, set[int]]:
        """Voters every query word matches; a voter's tier is the worst of its words' tiers."""
        result: dict[int, int] | None = None
        for word in words:
            best: dict[int, int] = {}
            for tier, positions in self._word_matches(word).items():
                for pos in positions:
                    best.setdefault(pos, tier)
            if result is None:
                result = best
            else:
                result = {p: max(t, best[p]) for p, t in result.items() if p in best}
            if not result:
                break
        by_tier: dict[int, set[int]] = defaultdict(set)
        for pos, tier in (result or {}).items():
            by_tier[tier].add(pos)
        return by_tier


def _find_all(text: str, needle: str) -> Iterator[int]:
    start = text.find(needle)
    while start != -1:
        yield start
        start = text.find(needle, start + 1)


def load_index(rec: Record) -> SearchIndex:
    with read(rec.engine) as conn:
        rows = conn.execute(
            select(
                Voter.id,
                Voter.no,
                Voter.nik,
                Voter.name,
                Voter.register_no,
                Voter.block,
                Voter.cell,
                Voter.category,
                Voter.sex,
            )
        ).all()
    return SearchIndex(
        IndexedVoter(r[0], r[1], r[2], r[3], r[4] or "", r[5], r[6], r[7], r[8]) for r in rows
    )
