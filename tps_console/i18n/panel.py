"""Messages of the witness panel (see i18n/__init__.py)."""

from __future__ import annotations

from tps_console.i18n.plural import Catalogue, Plural

MESSAGES: Catalogue = {
    "cli.panel": {
        "id": "panel saksi: kehadiran langsung, hanya-baca",
        "en": "witness panel: live turnout, read-only",
    },
    "panel.no_station": {
        "id": "Sebutkan stasiun: tps-console panel DB",
        "en": "Name the station: tps-console panel DB",
    },
    "panel.title": {"id": "Panel saksi — {tps}", "en": "Witness panel — {tps}"},
    "panel.key.quit": {"id": "Keluar", "en": "Quit"},
    "panel.key.reload": {"id": "Muat ulang", "en": "Reload"},
    "panel.turnout": {"id": "Pemilih hadir", "en": "Voters who came"},
    "panel.turnout_line": {
        "id": "{checked_in} / {expected} pemilih · {pct}",
        "en": Plural(
            "{checked_in} / {expected} voter · {pct}",
            "{checked_in} / {expected} voters · {pct}",
            by="expected",
        ),
    },
    "panel.grid": {
        "id": "Pengguna hak pilih (C.Hasil)",
        "en": "Voters who voted (C.Hasil)",
    },
    "panel.col.l": {"id": "L", "en": "L"},
    "panel.col.p": {"id": "P", "en": "P"},
    "panel.col.total": {"id": "Jumlah", "en": "Total"},
    "panel.row.total": {"id": "Jumlah", "en": "Total"},
    "panel.row.disabled": {"id": "Disabilitas", "en": "Disabled"},
    "panel.attempts": {
        "id": "Ditolak / dibatalkan / kejadian",
        "en": "Refused / undone / incidents",
    },
    "panel.duplicates": {"id": "Percobaan memilih ganda", "en": "Duplicate attempts"},
    "panel.undone": {"id": "Kehadiran dibatalkan", "en": "Check-ins undone"},
    "panel.hours": {"id": "Kehadiran per jam", "en": "Check-ins per hour"},
    "panel.pace": {"id": "15 menit terakhir: {count}", "en": "last 15 minutes: {count}"},
    "panel.blocks": {"id": "Per blok (hadir/terdaftar)", "en": "Per block (voted/eligible)"},
    "panel.no_block": {"id": "tanpa blok", "en": "no block"},
    "panel.recent": {"id": "Terakhir hadir", "en": "Latest check-ins"},
    "panel.time_left": {"id": "sisa {left}", "en": "{left} left"},
    "panel.queue": {"id": "antrean menunggu: {waiting}", "en": "queue waiting: {waiting}"},
    "panel.opens_at": {"id": "buka pukul {at}", "en": "opens at {at}"},
    "panel.proof_closed": {
        "id": "Kode penutupan {code}",
        "en": "Closing code {code}",
    },
    "panel.proof": {"id": "Kode saksi {code}", "en": "Witness code {code}"},
    "panel.roll": {"id": "Sidik DPT {roll}", "en": "Roll fingerprint {roll}"},
    "panel.qr": {"id": "Kode QR saksi", "en": "Witness QR code"},
    "panel.qr_hint": {
        "id": "Foto kode ini: isinya TPS, nomor kejadian dan sidik lengkapnya. Periksa kemudian "
        "dengan tps-console verify DB --expect TEKS",
        "en": "Photograph this code: it holds the TPS, the event number and its full hash. Check "
        "it later with tps-console verify DB --expect TEXT",
    },
    "panel.key.qr": {"id": "Kode QR", "en": "QR code"},
    "panel.key.back": {"id": "Kembali", "en": "Back"},
    "panel.checked": {"id": "diperiksa {at}", "en": "checked {at}"},
    "panel.trouble.missing": {
        "id": "Berkas basis data hilang sejak {since}",
        "en": "Database file missing since {since}",
    },
    "panel.trouble.busy": {
        "id": "Basis data terkunci sejak {since}",
        "en": "Database busy/locked since {since}",
    },
    "panel.trouble.unreadable": {
        "id": "Basis data tak terbaca sejak {since}: {detail}",
        "en": "Database unreadable since {since}: {detail}",
    },
    "panel.trouble.stale": {
        "id": "angka per {at}, mencoba lagi…",
        "en": "figures as of {at}, retrying…",
    },
}
