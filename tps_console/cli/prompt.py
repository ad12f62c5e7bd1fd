"""Asking for PINs: from TPS_PIN for scripts, else typed at a hidden prompt."""

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
