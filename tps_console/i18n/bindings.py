"""Key bindings whose footer labels come from the catalogue in the language chosen at start-up.

BINDINGS are class attributes, evaluated once at import; the language is chosen later (and
tests run both languages in one process). So BINDINGS carry catalogue keys as descriptions and
each instance translates its own copy when it is created. Used by the desk and the panel; the
domain never imports this module (it is the only part of i18n that knows Textual).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, cast

from textual.dom import DOMNode

from tps_console.i18n import has, t


class TranslatedBindings:
    """Mix in first: `class PanelApp(TranslatedBindings, App)`. Deliberately not a DOMNode, since
    Textual inherits default CSS along the first DOMNode base only (`DOMNode._css_bases`): a
    DOMNode mixin in front would silently drop App's or Screen's default styles."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # `_bindings` is this instance's own copy of the class bindings (see DOMNode.__init__).
        table = cast(DOMNode, self)._bindings.key_to_bindings
        for key, bindings in table.items():
            # Textual's own bindings (and those without a label) keep their description.
            table[key] = [
                replace(b, description=t(b.description)) if has(b.description) else b
                for b in bindings
            ]
