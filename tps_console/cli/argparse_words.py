"""Argparse's own words (usage, options, its errors) in the command line's language.

Argparse looks its words up through `gettext` as it needs them (a module-level `_` and
`ngettext`), so the command line speaks Indonesian by giving argparse a lookup of its own: the
words below for Indonesian, argparse's own English otherwise. Only the words a person meets are
here (help and usage errors); argparse's words for programming mistakes stay in English.
"""

from __future__ import annotations

import argparse

from tps_console.i18n import language

INDONESIAN = {
    "usage: ": "cara pakai: ",
    "positional arguments": "argumen",
    "options": "pilihan",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "subcommands": "perintah",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan tidak sah: %(value)r (pilih dari %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "ambiguous option: %(option)s could match %(matches)s": (
        "pilihan %(option)s tidak jelas: bisa %(matches)s"
    ),
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "ignored explicit argument %r": "nilai %r diabaikan",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "can't open '%(filename)s': %(error)s": "tidak bisa membuka '%(filename)s': %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "perintah %(parser_name)r tidak dikenal (pilihan: %(choices)s)"
    ),
}
_PLURAL_INDONESIAN = {"expected %s argument": "perlu %s nilai"}


def _word(message: str) -> str:
    return INDONESIAN.get(message, message) if language() == "id" else message


def _plural_word(singular: str, plural: str, n: int) -> str:
    if language() == "id" and singular in _PLURAL_INDONESIAN:
        return _PLURAL_INDONESIAN[singular]
    return singular if n == 1 else plural


def speak_argparse() -> None:
    """From now on argparse says its words in the language `set_language` chose."""
    argparse._ = _word  # type: ignore[attr-defined]
    argparse.ngettext = _plural_word  # type: ignore[attr-defined]
