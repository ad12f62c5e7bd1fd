"""Asking for PINs, the backup passphrase and the web panel's access code: from TPS_PIN,
TPS_BACKUP_PASSPHRASE and TPS_PANEL_CODE for scripts, else typed at a hidden prompt."""

from __future__ import annotations

import getpass
import os
import sys

from tps_console.domain.errors import BadInput
from tps_console.i18n import t


def officer_pin(officer_id: str) -> str:
    pin = os.environ.get("TPS_PIN")
    if pin is not None:
        return pin.strip()
    if not sys.stdin.isatty():
        raise BadInput("auth.no_pin")
    return getpass.getpass(t("officer.pin_prompt", id=officer_id)).strip()


def new_pin(officer_id: str, *, from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().strip()
    if not sys.stdin.isatty():
        raise BadInput("auth.no_pin")
    first = getpass.getpass(t("officer.pin_prompt", id=officer_id)).strip()
    if getpass.getpass(t("officer.pin_again")).strip() != first:
        raise BadInput("officer.pin_differs")
    return first


PANEL_CODE_ENV = "TPS_PANEL_CODE"


def panel_code(*, ask: bool) -> str | None:
    """The web panel's access code: from TPS_PANEL_CODE, else typed twice at a hidden prompt
    when `ask` (`--code` alone); None when neither."""
    given = os.environ.get(PANEL_CODE_ENV, "").strip()
    if given:
        return given
    if not ask:
        return None
    if not sys.stdin.isatty():
        raise BadInput("web.code_needed")
    first = _hidden(t("web.code_prompt"), "web.code_needed").strip()
    if _hidden(t("web.code_again"), "web.code_needed").strip() != first:
        raise BadInput("web.code_differs")
    return first


PASSPHRASE_ENV = "TPS_BACKUP_PASSPHRASE"


def backup_passphrase() -> str:
    """The backup passphrase to open a backup: from TPS_BACKUP_PASSPHRASE, else a hidden prompt."""
    given = os.environ.get(PASSPHRASE_ENV)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise BadInput("backup.passphrase_needed")
    return _hidden(t("backup.passphrase_prompt"), "backup.passphrase_needed")


def new_backup_passphrase() -> str | None:
    """A new station's backup passphrase: from TPS_BACKUP_PASSPHRASE, else typed twice at a
    hidden prompt; None when there is neither (the caller generates one or refuses)."""
    given = os.environ.get(PASSPHRASE_ENV)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        return None
    first = _hidden(t("backup.passphrase_prompt"), "passphrase.needed")
    if _hidden(t("backup.passphrase_again"), "passphrase.needed") != first:
        raise BadInput("passphrase.differs")
    return first


WITNESS_PASSWORD_ENV = "TPS_WITNESS_PASSWORD"


def witness_password(role: str) -> str:
    """The password of the witnesses' role: from TPS_WITNESS_PASSWORD, else typed twice at a
    hidden prompt (on the terminal: the SQL goes to standard output, often a file)."""
    given = os.environ.get(WITNESS_PASSWORD_ENV)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise BadInput("role.password_needed")
    first = _hidden(t("role.password_prompt", role=role), "role.password_needed")
    if _hidden(t("role.password_again"), "role.password_needed") != first:
        raise BadInput("role.password_differs")
    return first


def _hidden(prompt: str, missing: str) -> str:
    """A hidden prompt; Ctrl+D (end of input) is no answer, said as such."""
    try:
        return getpass.getpass(prompt)
    except EOFError:
        print(file=sys.stderr)
        raise BadInput(missing) from None
