"""The Textual internals the desk relies on, in one place to check on every Textual upgrade.

- `FooterKey`: the widget `Footer` composes for each key. Textual 8 does not export it, but the
  desk's footer must tag the chair's once-a-day keys so that a narrow screen's CSS can leave them
  out (see footer.py), and only the key widget knows which action it stands for.
"""

from textual.widgets._footer import FooterKey

__all__ = ["FooterKey"]
