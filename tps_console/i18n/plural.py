"""Messages that carry a count: the noun's form follows the number (see i18n/__init__.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Plural:
    """A message in a language whose nouns inflect for number, as English does: `one` for a count
    of exactly 1, `other` for every other count (0 included). The count is the parameter named
    `by`. Indonesian does not inflect ("1 masalah", "3 masalah"): its messages stay plain text."""

    one: str
    other: str
    by: str = "count"

    def form(self, params: Mapping[str, Any]) -> str:
        return self.one if params[self.by] == 1 else self.other


Text = str | Plural
Catalogue = dict[str, dict[str, Text]]
