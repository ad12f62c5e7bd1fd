"""A voter of a new roll who stands on another TPS's roll of the site, as the command line and
the start screen both name them (NIK masked as on screens)."""

from __future__ import annotations

from tps_console.domain.roll.nik import mask_nik
from tps_console.domain.store.site import OnAnotherRoll
from tps_console.i18n import t


def on_other_roll(found: OnAnotherRoll) -> tuple[str, str]:
    """Who (on this roll), and on which TPS's roll they stand already."""
    who = t("site.on_other_roll", no=found.no, name=found.name, nik=mask_nik(found.nik))
    where = t(
        "site.on_other_roll.where",
        what=t("site.same_nik" if found.same_nik else "site.same_register"),
        tps=found.tps,
        no=found.other_no,
        name=found.other_name,
    )
    return who, where
