"""Finding a voter as the officer types: by name, NIK fragment or register-number fragment.

Built once in memory from the roll, so that a keystroke never scans the roll:
- voters get a position in name order, and a set of voters is a Python int used as a bitmap (bit
  p is the voter at position p): intersecting, subtracting and counting the sets of a 100k roll
  are single C operations on 12.5 KB, and the first hits are the lowest bits. A 3-letter prefix
  that a fifth of the roll shares costs what a rare one costs;
- names are folded (case, accents, punctuation) into words; every query word must match some
  word of the name: exactly, as a prefix, or with one typo (insert, delete, substitute, swap) in
  the whole word or in a prefix of it ("sugneg" and "sugne" both find SUGENG);
- digits-only queries of 4+ digits search inside NIKs, and queries with a digit, `.` or `/`
  search inside register numbers. Both are indexed by (offset, character), so a fragment is the
  AND of one set per character at each offset where it could start;
- an exact NIK or register number ranks first, then exact words, prefixes, typos, fragments.

Memory stays proportional to the roll, whatever the names: a key (a name word, an offset and
character) that at least 1/256 of the voters share is kept as a bitmap, a rarer key as an array
of positions that a query turns into a bitmap when it needs it. A bitmap then costs at most 32
bytes per voter holding the key, less than a list of Python ints would; most cost far less.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy import Connection, func, select
from sqlmodel import col

from tps_console.domain.record.station import Record
from tps_console.domain.roll.nik import normalise_nik
from tps_console.domain.roll.parse import normalise_register_no
from tps_console.domain.store import site
from tps_console.domain.store.db import read
from tps_console.domain.store.models import Voter

MIN_NAME_CHARS = 2
MIN_TYPO_CHARS = 4
MIN_NIK_DIGITS = 4
MIN_REGISTER_CHARS = 3
_NON_WORD = re.compile(r"[^a-z0-9]+")
_NIK_SPACING = re.compile(r"[ .]")
_REGISTER_MARK = re.compile(r"[0-9./]")
# A key shared by at least 1/_DENSE_SHARE of the voters is stored as a bitmap (size/8 bytes):
# rebuilding it at each keystroke would cost more than keeping it.
_DENSE_SHARE = 256
# Below this many positions, setting bits one by one beats building the whole bitmap at once.
_FEW = 16


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


# Apostrophes join a name ("Ma'ruf"), whichever one a spreadsheet's autocorrect typed.
_APOSTROPHES = str.maketrans("", "", "'`\u2019\u2018\u02bc\u00b4")


def fold(text: str) -> list[str]:
    """Name words, lower case, accents and punctuation removed ("Ma'ruf Éko" -> maruf, eko)."""
    text = text.translate(_APOSTROPHES)
    if text.isascii():  # nothing to decompose: the common case, and ten times faster
        plain = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _NON_WORD.sub(" ", plain).split()


def _bitmap(positions: Sequence[int], size: int) -> int:
    """The set of these positions (each below `size`) as a bitmap."""
    if len(positions) < _FEW:
        bits = 0
        for pos in positions:
            bits |= 1 << pos
        return bits
    # One pass in C instead of one big-int operation per position: "0"/"1" text, read in base 2.
    mask = bytearray(b"0") * size
    for pos in positions:
        mask[pos] = 49  # "1"
    mask.reverse()
    return int(mask, 2)


def _lowest(bits: int, count: int) -> list[int]:
    """The positions of the `count` lowest set bits, in order."""
    found: list[int] = []
    while bits and len(found) < count:
        low = bits & -bits
        found.append(low.bit_length() - 1)
        bits ^= low
    return found


K = TypeVar("K", bound=Hashable)


class _Postings(Generic[K]):
    """The voters holding each key: a bitmap for a common key, an array of positions for a rare one."""

    def __init__(self) -> None:
        self.dense: dict[K, int] = {}
        self.sparse: dict[K, array[int]] = {}

    def put(self, key: K, positions: Sequence[int], size: int) -> None:
        if len(positions) * _DENSE_SHARE >= size:
            self.dense[key] = _bitmap(positions, size)
        else:
            self.sparse[key] = array("i", positions)

    def add(self, key: K, pos: int) -> None:
        if key in self.dense:
            self.dense[key] |= 1 << pos
        else:
            self.sparse.setdefault(key, array("i")).append(pos)

    def union(self, keys: Iterable[K], size: int) -> int:
        bits = 0
        rare: list[int] = []
        for key in keys:
            dense = self.dense.get(key)
            if dense is not None:
                bits |= dense
            else:
                rare.extend(self.sparse.get(key, ()))
        return bits | _bitmap(rare, size) if rare else bits


class _Fragments:
    """Identifiers (NIKs, register numbers) by position: finds a fragment anywhere in them.

    A fragment starting at offset o is the AND of the voters with its first character at o, its
    second at o+1, and so on; where a rare (offset, character) takes part, its few voters are
    simply compared instead. A whole identifier is the fragment at offset 0 with its length.
    """

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.width = max(map(len, texts), default=0)
        self.postings: _Postings[tuple[int, str]] = _Postings()
        self.lengths: _Postings[int] = _Postings()
        size = len(texts)
        by_length: dict[int, list[int]] = defaultdict(list)
        for pos, text in enumerate(texts):
            by_length[len(text)].append(pos)
        for length, positions in by_length.items():
            self.lengths.put(length, positions, size)
        padded = "".join(text.ljust(self.width, "\0") for text in texts)
        for offset in range(self.width):
            column = padded[offset :: self.width]
            chars = set(column) - {"\0"}
            for char in chars:
                if column.count(char) * _DENSE_SHARE >= size:
                    table = dict.fromkeys(map(ord, chars | {"\0"}), "0")
                    table[ord(char)] = "1"
                    bits = int(column.translate(table)[::-1], 2)
                    self.postings.dense[offset, char] = bits
                else:
                    found = array("i", _find_all(column, char))
                    self.postings.sparse[offset, char] = found

    def add(self, text: str) -> None:
        pos = len(self.texts)
        self.texts.append(text)
        self.width = max(self.width, len(text))
        self.lengths.add(len(text), pos)
        for offset, char in enumerate(text):
            self.postings.add((offset, char), pos)

    def exact(self, text: str) -> int:
        if not text:
            return 0
        bits = self._at(0, text)
        return bits & self.lengths.union([len(text)], len(self.texts)) if bits else 0

    def find(self, fragment: str) -> int:
        found = 0
        for offset in range(self.width - len(fragment) + 1):
            found |= self._at(offset, fragment)
        return found

    def _at(self, offset: int, fragment: str) -> int:
        dense, sparse = self.postings.dense, self.postings.sparse
        bits = -1  # everyone, until the first character narrows it down
        rare: array[int] | None = None
        for i, char in enumerate(fragment, offset):
            key = (i, char)
            if key in dense:
                bits &= dense[key]
                if not bits:
                    return 0
            elif key in sparse:
                if rare is None or len(sparse[key]) < len(rare):
                    rare = sparse[key]
            else:
                return 0
        if rare is None:
            return bits
        end, texts = offset + len(fragment), self.texts
        return _bitmap([p for p in rare if texts[p][offset:end] == fragment], len(texts))


class SearchIndex:
    def __init__(self, voters: Iterable[IndexedVoter]) -> None:
        folded: dict[str, list[str]] = {}

        def words_of(name: str) -> list[str]:
            if name not in folded:
                folded[name] = fold(name)
            return folded[name]

        # Results come out in name order because positions are handed out in name order.
        self.voters: list[IndexedVoter] = sorted(voters, key=lambda v: (words_of(v.name), v.no))
        # Voter ids in order beside their positions: a tenth of the memory of a dict.
        by_id = sorted(range(len(self.voters)), key=lambda pos: self.voters[pos].id)
        self._ids = array("q", (self.voters[pos].id for pos in by_id))
        self._id_positions = array("i", by_id)
        lists: dict[str, list[int]] = defaultdict(list)
        for pos, voter in enumerate(self.voters):
            for word in set(words_of(voter.name)):
                lists[word].append(pos)
        size = len(self.voters)
        self._words: list[str] = sorted(lists)
        self._names: _Postings[str] = _Postings()
        for word, positions in lists.items():
            self._names.put(word, positions, size)
        self._niks = _Fragments([v.nik for v in self.voters])
        self._registers = _Fragments([v.register_no for v in self.voters])

    def add(self, voter: IndexedVoter) -> None:
        """A voter registered during the day (DPK): findable at once, at the end of the order.
        Once: a voter already held is left as it is."""
        if self.by_id(voter.id) is not None:
            return
        pos = len(self.voters)
        self.voters.append(voter)
        i = bisect_left(self._ids, voter.id)
        self._ids.insert(i, voter.id)
        self._id_positions.insert(i, pos)
        for word in set(fold(voter.name)):
            if word not in self._names.dense and word not in self._names.sparse:
                insort(self._words, word)
            self._names.add(word, pos)
        self._niks.add(voter.nik)
        self._registers.add(voter.register_no)

    def __len__(self) -> int:
        return len(self.voters)

    @property
    def last_id(self) -> int:
        """The highest voter id held: voters added later (DPK, at any desk) have higher ones."""
        return self._ids[-1] if self._ids else 0

    def by_id(self, voter_id: int) -> IndexedVoter | None:
        i = bisect_left(self._ids, voter_id)
        if i == len(self._ids) or self._ids[i] != voter_id:
            return None
        return self.voters[self._id_positions[i]]

    def exact(self, key: str) -> IndexedVoter | None:
        """The voter whose full NIK or register number this is (what a barcode scanner types)."""
        pos = self._exact_position(key)
        return None if pos is None else self.voters[pos]

    def _exact_position(self, key: str) -> int | None:
        nik = normalise_nik(key)
        bits = self._niks.exact(nik) if isinstance(nik, str) else 0
        if not bits:
            bits = self._registers.exact(normalise_register_no(key))
        return bits.bit_length() - 1 if bits else None

    def search(self, query: str, limit: int = 50) -> Found:
        tiers = [0] * (FRAGMENT + 1)
        exact = self._exact_position(query)
        if exact is not None:
            tiers[EXACT_ID] = 1 << exact
        words = fold(query)
        if words and sum(map(len, words)) >= MIN_NAME_CHARS:
            all_exact, upto_prefix, upto_typo = self._by_words(words)
            tiers[EXACT_WORDS] = all_exact
            tiers[PREFIX] = upto_prefix & ~all_exact
            tiers[TYPO] = upto_typo & ~upto_prefix
        tiers[FRAGMENT] = self._fragments(query)
        seen = 0
        hits: list[Hit] = []
        for tier, bits in enumerate(tiers):
            bits &= ~seen  # each voter once, in the best tier it reaches
            seen |= bits
            for pos in _lowest(bits, limit - len(hits)):
                hits.append(Hit(self.voters[pos], tier))
        return Found(hits, seen.bit_count())

    def _fragments(self, query: str) -> int:
        found = 0
        digits = _NIK_SPACING.sub("", query.strip())
        if len(digits) >= MIN_NIK_DIGITS and digits.isdigit():
            found = self._niks.find(digits)
        register = normalise_register_no(query)
        if len(register) >= MIN_REGISTER_CHARS and _REGISTER_MARK.search(register):
            found |= self._registers.find(register)
        return found

    def _by_words(self, words: list[str]) -> tuple[int, int, int]:
        """Voters every query word matches exactly; at worst as a prefix; at worst with a typo.

        A voter's tier is the worst of its words' tiers, so each set is an intersection over the
        query words of what that word reaches at that tier or better.
        """
        all_exact = upto_prefix = upto_typo = -1
        for word in words:
            exact, prefix, typo = self._word_matches(word)
            all_exact &= exact
            upto_prefix &= prefix
            upto_typo &= typo
            if not upto_typo:
                return 0, 0, 0
        return all_exact, upto_prefix, upto_typo

    def _word_matches(self, word: str) -> tuple[int, int, int]:
        """Voters with this word; with it or a word it begins; or also one typo away."""
        size = len(self.voters)
        exact = self._names.union([word], size)
        prefixed = self._prefixed(word)
        upto_prefix = self._names.union(prefixed, size)
        if len(word) < MIN_TYPO_CHARS:
            return exact, upto_prefix, upto_prefix
        near = self._near(word).difference(prefixed)
        return exact, upto_prefix, upto_prefix | self._names.union(near, size)

    def _prefixed(self, prefix: str) -> list[str]:
        """The indexed words that begin with `prefix` (a slice of the sorted words)."""
        words = self._words
        lo = bisect_left(words, prefix)
        if lo == len(words) or not words[lo].startswith(prefix):
            return []  # the usual answer for a typo candidate: settled with one look-up
        return words[lo : bisect_left(words, _successor(prefix), lo)] if prefix else words[lo:]

    def _near(self, word: str) -> set[str]:
        """Indexed words that begin with something one edit away from `word`.

        Candidates are generated edit position by edit position, with insertions and
        substitutions drawn only from letters that really follow the unchanged head, and stop
        at the first head no indexed word begins with.
        """
        found: set[str] = set()
        for i in range(len(word) + 1):
            head, rest = word[:i], word[i:]
            if not self._begins(head):
                break
            following = self._following(head)
            candidates = [head + c + rest for c in following]
            if rest:
                candidates += [head + c + rest[1:] for c in following if c != rest[0]]
                candidates.append(head + rest[1:])
                if len(rest) > 1 and rest[0] != rest[1]:
                    candidates.append(head + rest[1] + rest[0] + rest[2:])
            for candidate in candidates:
                found.update(self._prefixed(candidate))
        return found

    def _begins(self, head: str) -> bool:
        """Whether some indexed word begins with `head`."""
        lo = bisect_left(self._words, head)
        return lo < len(self._words) and self._words[lo].startswith(head)

    def _following(self, head: str) -> list[str]:
        """The letters that follow `head` in some indexed word, each once."""
        words, n = self._words, len(head)
        lo = bisect_left(words, head)
        hi = bisect_left(words, _successor(head), lo) if head else len(words)
        letters = []
        while lo < hi:
            if len(words[lo]) == n:
                lo += 1
                continue
            letter = words[lo][n]
            letters.append(letter)
            lo = bisect_left(words, head + _successor(letter), lo, hi)
        return letters


def _successor(prefix: str) -> str:
    """The smallest string after every string that begins with `prefix`."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _find_all(text: str, needle: str) -> Iterator[int]:
    start = text.find(needle)
    while start != -1:
        yield start
        start = text.find(needle, start + 1)


@dataclass(frozen=True)
class Elsewhere:
    """The voters of a site's other TPS, for name search at this one: each is found marked with
    the TPS whose roll they are on, to be sent on there (nothing recorded here). `tps`: that
    TPS's name by the index's voter id (a number of its own, not the voter's id at that TPS)."""

    index: SearchIndex
    tps: dict[int, str]


def load_elsewhere(rec: Record) -> Elsewhere | None:
    """The other TPS's rolls of `rec`'s site, or None for a station that is not on a site."""
    if not rec.site:
        return None
    roll = site.ROLL.c
    with read(rec.engine) as conn:
        rows = conn.execute(
            select(roll.tps, roll.no, roll.nik, roll.name, roll.register_no, roll.block, roll.cell)
            .where(roll.station != func.current_schema())
            .order_by(roll.tps, roll.no)
        ).all()
    voters, tps = [], {}
    for n, (name_of_tps, no, nik, name, register, block, cell) in enumerate(rows, 1):
        voters.append(IndexedVoter(n, no, nik, name, register or "", block, cell, "", ""))
        tps[n] = name_of_tps
    return Elsewhere(SearchIndex(voters), tps)


def load_index(rec: Record) -> SearchIndex:
    with read(rec.engine) as conn:
        return SearchIndex(_indexed(conn, 0))


def voters_added_after(rec: Record, last_id: int) -> list[IndexedVoter]:
    """Voters added to the station after `last_id` (DPK voters registered at any desk)."""
    with read(rec.engine) as conn:
        return list(_indexed(conn, last_id))


def _indexed(conn: Connection, after_id: int) -> Iterator[IndexedVoter]:
    # Block, cell, list and sex take a handful of values, and many voters share a name: one
    # string object each instead of one per voter (several MiB on a 100k roll).
    shared: dict[str, str] = {}

    def one(text: str) -> str:
        return shared.setdefault(text, text)

    rows = conn.execute(
        select(
            col(Voter.id),
            col(Voter.no),
            col(Voter.nik),
            col(Voter.name),
            col(Voter.register_no),
            col(Voter.block),
            col(Voter.cell),
            col(Voter.category),
            col(Voter.sex),
        ).where(col(Voter.id) > after_id)
    )
    for voter_id, no, nik, name, register, block, cell, cat, sex in rows:
        yield IndexedVoter(
            voter_id or 0,  # never 0: a stored voter has its id; the column type allows None
            no,
            nik,
            one(name),
            register or "",
            one(block),
            one(cell),
            one(cat),
            one(sex),
        )
