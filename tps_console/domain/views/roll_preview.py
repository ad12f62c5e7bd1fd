"""What the chair checks before a station is made from a roll: who is on it, by list and sex,
and by block."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from tps_console.domain.order import natural_key
from tps_console.domain.roll.parse import ParsedRoll
from tps_console.domain.vocab import Category, Sex


@dataclass(frozen=True)
class RollPreview:
    by_list: dict[str, dict[str, int]]  # DPT, DPTb, DPK -> L, P -> voters
    by_block: list[tuple[str, int]]  # in the rutan's order; "" for voters in no block
    total: int

    def sex_total(self, sex: str) -> int:
        return sum(counts[sex] for counts in self.by_list.values())


def preview_roll(parsed: ParsedRoll) -> RollPreview:
    by_list = {c.value: dict.fromkeys((Sex.L.value, Sex.P.value), 0) for c in Category}
    blocks: Counter[str] = Counter()
    for entry in parsed.entries:
        by_list[entry.category][entry.sex] += 1
        blocks[entry.block] += 1
    ordered = sorted(blocks.items(), key=lambda item: natural_key(item[0]))
    return RollPreview(by_list, ordered, len(parsed.entries))
