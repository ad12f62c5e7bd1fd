"""Key bindings whose footer labels come from the catalogue in the language chosen at start-up.

BINDINGS are class attributes, evaluated once at import; the language is chosen later (and
tests run both languages in one process). So BINDINGS carry catalogue keys as descriptions and
each instance translates its own copy when it is created.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual._context import active_app
from textual.dom import DOMNode
from textual.widgets import Input

from tps_console.i18n import t


class Localised(DOMNode):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # `_bindings` is this instance's own copy of the class bindings (see DOMNode.__init__).
        table = self._bindings.key_to_bindings
        for key, bindings in table.items():
            table[key] = [replace(b, description=t(b.description)) for b in bindings]


def entry(**kwargs: Any) -> Input:
    """A text input; the cursor does not blink when headless (tests, selfcheck) so frames repeat."""
    field = Input(**kwargs)
    field.cursor_blink = not active_app.get().is_headless
    return field
