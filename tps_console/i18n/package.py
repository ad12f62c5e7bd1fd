"""Messages of the packaged build's smoke test, `tps-console selfcheck` (see i18n/__init__.py)."""

from __future__ import annotations

from tps_console.i18n.plural import Catalogue, Plural

MESSAGES: Catalogue = {
    "cli.selfcheck": {
        "id": "uji cepat program terpasang/paket di folder sementara (keluar 0 bila semua ok)",
        "en": "smoke test of the installed or packaged program in a temporary folder (exit 0 if all ok)",
    },
    "selfcheck.files": {
        "id": "berkas bawaan: DPT contoh, gaya layar, zona waktu",
        "en": "bundled files: sample roll, screen styles, time zone",
    },
    "selfcheck.server_driver": {
        "id": "pengandar server PostgreSQL ada",
        "en": "PostgreSQL server driver present",
    },
    "selfcheck.data_dir": {
        "id": "folder data di luar folder program",
        "en": "data folder outside the program's folder",
    },
    "selfcheck.station": {
        "id": "TPS dibuat dari DPT bawaan",
        "en": "station created from the bundled roll",
    },
    "selfcheck.workbook": {
        "id": "DPT dibaca dari buku kerja Excel (.xlsx)",
        "en": "roll read from an Excel workbook (.xlsx)",
    },
    "selfcheck.workbook_differs": {
        "id": "pemilih dari buku kerja berbeda dengan dari CSV",
        "en": "the workbook's voters differ from the CSV's",
    },
    "selfcheck.voters": {
        "id": "{count} pemilih",
        "en": Plural("{count} voter", "{count} voters"),
    },
    "selfcheck.officers": {"id": "petugas KPPS ditambahkan", "en": "KPPS officers added"},
    "selfcheck.ballots": {"id": "surat suara diterima", "en": "ballots received"},
    "selfcheck.per_type": {"id": "{count} per jenis", "en": "{count} of each type"},
    "selfcheck.checkin": {"id": "pemilih dicatat hadir", "en": "a voter checked in"},
    "selfcheck.duplicate": {"id": "kehadiran ganda ditolak", "en": "the duplicate refused"},
    "selfcheck.exit_code": {"id": "kode keluar {code}", "en": "exit code {code}"},
    "selfcheck.not_refused": {
        "id": "pemilih yang sama tercatat hadir dua kali",
        "en": "the same voter was checked in twice",
    },
    "selfcheck.desk": {
        "id": "meja daftar hadir tampil tanpa layar: masuk, lalu kehadiran",
        "en": "check-in desk drawn headless: sign-in, then check-in",
    },
    "selfcheck.panel": {
        "id": "panel saksi tampil tanpa layar (hanya-baca)",
        "en": "witness panel drawn headless (read-only)",
    },
    "selfcheck.verify": {"id": "log audit diperiksa (verify)", "en": "audit log verified (verify)"},
    "selfcheck.events": {
        "id": "{count} kejadian",
        "en": Plural("{count} event", "{count} events"),
    },
    "selfcheck.skipped": {"id": "dilewati", "en": "skipped"},
    "selfcheck.all_ok": {
        "id": "selfcheck: semua {count} langkah ok",
        "en": Plural("selfcheck: {count} step ok", "selfcheck: all {count} steps ok"),
    },
    "selfcheck.failed": {
        "id": "selfcheck GAGAL pada: {step}",
        "en": "selfcheck FAILED at: {step}",
    },
}
