"""The Textual internals the start screen relies on, in one place to check on every upgrade.

- `MessagePump._pending_message`: a message pump takes the message after the one it handles
  out of its queue early (to see whether the two can be merged), so `message_queue_size` is 0
  while that message still waits. Keys typed ahead are handed on only once every queue is
  empty (typing_ahead.py): that one waiting message counts too.
- `SelectOverlay.UpdateSelection`: what the list of a `Select` says when an entry is chosen in
  it, the same entry or another (`Select.Changed` says only a change). Step 3 goes on to the
  next field then, as Enter does in a text field (station_step.py).
- `SelectOverlay`, `SelectCurrent`: the two parts a `Select` composes. Step 3's composes its
  own list, whose Escape key the footer names in the chosen language ("Dismiss menu" else).
"""

from textual.message import Message
from textual.message_pump import MessagePump
from textual.widgets._select import SelectCurrent, SelectOverlay


def waiting_message(pump: MessagePump) -> Message | None:
    message: Message | None = getattr(pump, "_pending_message", None)
    return message


__all__ = ["SelectCurrent", "SelectOverlay", "waiting_message"]
