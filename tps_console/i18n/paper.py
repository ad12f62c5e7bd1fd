"""Messages of the paper text: the QR on the C.Hasil summary and `verify --paper`."""

from __future__ import annotations

from tps_console.i18n.plural import Catalogue, Plural

MESSAGES: Catalogue = {
    "cli.verify_paper": {
        "id": "teks QR dari ringkasan C.Hasil (dibaca ponsel atau pemindai; '-': dari stdin): "
        "setiap angka dan kode penutupan diperiksa terhadap catatan",
        "en": "the QR text of a C.Hasil summary (as a phone or scanner read it; '-': from stdin): "
        "every figure and the closing code are checked against the record",
    },
    "paper.not_paper": {
        "id": "Bukan teks QR ringkasan C.Hasil (TPSC1;…): {text}",
        "en": "Not the QR text of a C.Hasil summary (TPSC1;…): {text}",
    },
    "paper.bad_field": {
        "id": "Teks QR C.Hasil tidak utuh di bagian: {field}",
        "en": "The C.Hasil QR text is broken at: {field}",
    },
    "paper.field_tps": {"id": "TPS", "en": "TPS"},
    "paper.field_tanggal": {"id": "tanggal pemungutan suara", "en": "polling date"},
    "paper.field_simulasi": {
        "id": "TPS sungguhan (R) atau simulasi (S)",
        "en": "real station (R) or drill (S)",
    },
    "paper.field_kode": {
        "id": "kode penutupan (C=) atau kepala log belum ditutup (O=)",
        "en": "closing code (C=) or audit head while not closed (O=)",
    },
    "paper.ok": {
        "id": "Kertas cocok dengan catatan: {figures} angka, TPS, tanggal dan {code} sama",
        "en": "The paper matches the record: {figures} figures, TPS, date and {code} agree",
    },
    "paper.code_closed": {"id": "kode penutupan", "en": "the closing code"},
    "paper.code_open": {
        "id": "kepala log (pemungutan belum ditutup)",
        "en": "the audit head (polls not closed)",
    },
    "paper.differs": {
        "id": "KERTAS TIDAK COCOK dengan catatan: {count} beda",
        "en": Plural(
            "THE PAPER DOES NOT MATCH the record: {count} difference",
            "THE PAPER DOES NOT MATCH the record: {count} differences",
            by="count",
        ),
    },
    "paper.difference": {
        "id": "  {name} ({label}): di kertas {paper}, di catatan {record}",
        "en": "  {name} ({label}): on paper {paper}, in the record {record}",
    },
    "paper.open_moved": {
        "id": "  Pemungutan belum ditutup: kepala log berubah dengan setiap kejadian, jadi kertas "
        "yang dicetak sebelum kejadian terakhir tidak cocok lagi. Bandingkan setelah ditutup.",
        "en": "  The polls are not closed: the audit head moves with every event, so a copy printed "
        "before the latest one no longer matches. Compare once closed.",
    },
    "paper.qr_caption": {
        "id": "Kode QR: angka di atas dan kode penutupan, tanpa data pribadi. "
        "Pindai untuk memeriksa salinan ini terhadap catatan TPS (TPS Console).",
        "en": "QR code: the figures above and the closing code, no personal data. "
        "Scan it to check this copy against the station's record (TPS Console).",
    },
    "paper.qr_caption_open": {
        "id": "Kode QR: angka di atas dan kepala log (belum ditutup), tanpa data pribadi. "
        "Pindai untuk memeriksa salinan ini terhadap catatan TPS (TPS Console).",
        "en": "QR code: the figures above and the audit head (not closed), no personal data. "
        "Scan it to check this copy against the station's record (TPS Console).",
    },
}
