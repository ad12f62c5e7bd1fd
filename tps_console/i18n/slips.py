"""Messages of the check-in slips (`slips`, the chair's menu) (see i18n/__init__.py)."""

from __future__ import annotations

from tps_console.i18n.plural import Catalogue, Plural

MESSAGES: Catalogue = {
    "cli.slips": {
        "id": "cetak slip daftar hadir (PDF A4): satu per pemilih yang belum memilih, nomor "
        "register sebagai kode batang",
        "en": "print check-in slips (A4 PDF): one per voter still to vote, the register number "
        "as a barcode",
    },
    "cli.slips_out": {"id": "berkas PDF yang ditulis", "en": "the PDF file to write"},
    "cli.slips_block": {"id": "hanya blok ini", "en": "this block only"},
    "slips.heading": {"id": "{tps} · {date}", "en": "{tps} · {date}"},
    "slips.drill": {"id": "SIMULASI", "en": "DRILL"},
    "slips.no": {"id": "No. {no}", "en": "No. {no}"},
    "slips.place": {"id": "Blok {block} · Kamar {cell}", "en": "Block {block} · Cell {cell}"},
    "slips.title": {"id": "{tps} — slip daftar hadir", "en": "{tps} — check-in slips"},
    "slips.none": {
        "id": "{tps}: tidak ada pemilih yang belum memilih",
        "en": "{tps}: no voter still to vote",
    },
    "slips.written": {
        "id": "{count} slip ditulis ke {path}",
        "en": Plural("{count} slip written to {path}", "{count} slips written to {path}"),
    },
    "slips.without_register": {
        "id": "{count} pemilih tanpa nomor register tidak mendapat slip (cari dengan nama di meja)",
        "en": Plural(
            "{count} voter without a register number gets no slip (find them by name at the desk)",
            "{count} voters without a register number get no slip (find them by name at the desk)",
        ),
    },
    "slips.unknown_block": {
        "id": "Blok {block} tidak ada di DPT (blok: {blocks})",
        "en": "No block {block} on the roll (blocks: {blocks})",
    },
    # The smoke test's step
    "selfcheck.slips": {
        "id": "slip daftar hadir (PDF, kode batang)",
        "en": "check-in slips (PDF, barcodes)",
    },
    "selfcheck.slips_detail": {
        "id": "{count} slip, {size} B",
        "en": Plural("{count} slip, {size} B", "{count} slips, {size} B"),
    },
}
