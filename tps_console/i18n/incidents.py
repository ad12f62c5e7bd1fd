"""Messages of the day's incidents and witnesses' objections, C.Kejadian Khusus dan/atau
Keberatan Saksi (see i18n/__init__.py)."""

from __future__ import annotations

from tps_console.i18n.plural import Catalogue

MESSAGES: Catalogue = {
    # Command line
    "cli.incident": {
        "id": "catat kejadian khusus atau keberatan saksi (petugas KPPS mana pun, juga "
        "setelah TPS ditutup)",
        "en": "record an incident or a witness's objection (any KPPS officer, also after the "
        "polls are closed)",
    },
    "cli.incident_text": {
        "id": "apa yang terjadi atau apa keberatannya",
        "en": "what happened, or what the objection is",
    },
    "cli.incident_witness": {
        "id": "nama saksi yang berkeberatan",
        "en": "name of the witness who objects",
    },
    "cli.incident_voter": {
        "id": "pemilih yang bersangkutan: NIK atau no. register",
        "en": "the voter concerned: NIK or register number",
    },
    "cli.incident_corrects": {
        "id": "nomor kejadian yang dibetulkan (yang lama tetap tercatat)",
        "en": "number of the incident this corrects (the earlier one stays on record)",
    },
    # The rules
    "incident.recorded": {
        "id": "Kejadian khusus no. {no} dicatat",
        "en": "Incident no. {no} recorded",
    },
    "incident.text_needed": {
        "id": "Tulis apa yang terjadi atau apa keberatannya (tidak ada yang dicatat)",
        "en": "Write what happened or what the objection is (nothing was recorded)",
    },
    "incident.text_scanned": {
        "id": "Teks atau nama saksi ini memuat NIK atau hanya no. register: formulir ini dibawa "
        "pulang para saksi, jadi sebut pemilihnya di kolom pemilih (tidak ada yang dicatat)",
        "en": "This text or witness name holds a NIK or only a register number: witnesses take "
        "this form home, so name the voter in the voter field (nothing was recorded)",
    },
    "incident.too_long": {
        "id": "Teks terlalu panjang ({length} karakter, paling banyak {most}): ringkas, atau "
        "catat sebagai beberapa kejadian (tidak ada yang dicatat)",
        "en": "The text is too long ({length} characters, {most} at most): shorten it or record "
        "it as several incidents (nothing was recorded)",
    },
    "incident.no_such": {
        "id": "Tidak ada kejadian khusus no. {no} untuk dibetulkan",
        "en": "There is no incident no. {no} to correct",
    },
    "incident.bad_no": {
        "id": "'{value}' bukan nomor kejadian",
        "en": "'{value}' is not an incident number",
    },
    "report.incidents_title": {
        "id": "Kejadian khusus / keberatan saksi: {count}",
        "en": "Incidents / witnesses' objections: {count}",
    },
    # Verify
    "verify.incident": {
        "id": "kejadian khusus no. {id} berbeda dengan log",
        "en": "incident no. {id} differs from the log",
    },
    "verify.incident_corrects_unknown": {
        "id": "kejadian #{seq} membetulkan kejadian khusus no. {no} yang tidak pernah dicatat",
        "en": "event #{seq} corrects incident no. {no}, which was never recorded",
    },
    # The desk
    "desk.menu.incident": {
        "id": "Catat kejadian khusus / keberatan saksi",
        "en": "Record an incident / a witness's objection",
    },
    "desk.incident.title": {
        "id": "Kejadian khusus / keberatan saksi: tidak bisa dihapus, hanya dibetulkan",
        "en": "Incident / witness's objection: never deleted, only corrected",
    },
    "desk.incident.officer": {"id": "ID petugas KPPS", "en": "KPPS officer's ID"},
    "desk.incident.text": {
        "id": "Apa yang terjadi / keberatannya",
        "en": "What happened / the objection",
    },
    "desk.incident.witness": {
        "id": "Nama saksi yang berkeberatan (boleh kosong)",
        "en": "Witness who objects (may be empty)",
    },
    "desk.incident.voter": {
        "id": "Pemilih: NIK atau no. register (boleh kosong)",
        "en": "Voter: NIK or register no. (may be empty)",
    },
    "desk.incident.corrects": {
        "id": "Membetulkan kejadian no. (boleh kosong)",
        "en": "Corrects incident no. (may be empty)",
    },
    # The witness panel and status
    "panel.incidents": {
        "id": "Kejadian khusus / keberatan",
        "en": "Incidents / objections",
    },
    # The form
    "pdf.incidents_title": {
        "id": "C.Kejadian Khusus dan/atau Keberatan Saksi",
        "en": "C.Kejadian Khusus dan/atau Keberatan Saksi",
    },
    "pdf.incidents_station": {
        "id": "{tps}",
        "en": "{tps} · incidents and witnesses' objections",
    },
    "pdf.incidents_none": {
        "id": "Tidak ada kejadian khusus dan tidak ada keberatan saksi.",
        "en": "There was no incident and no witness objected.",
    },
    "pdf.incident_no": {"id": "No.", "en": "No."},
    "pdf.incident_time": {"id": "Waktu", "en": "Time"},
    "pdf.incident_officer": {"id": "Petugas", "en": "Officer"},
    "pdf.incident_witness": {"id": "Saksi", "en": "Witness"},
    "pdf.incident_text": {
        "id": "Kejadian / keberatan",
        "en": "Incident / objection",
    },
    "pdf.incident_voter": {"id": "Pemilih no. {no}", "en": "Voter no. {no}"},
    "pdf.incident_corrects": {
        "id": "Membetulkan no. {no}",
        "en": "Corrects no. {no}",
    },
    "pdf.incidents_note": {
        "id": "Tidak ada baris yang dihapus atau diubah: pembetulan dicatat sebagai baris "
        "baru yang menyebut baris yang dibetulkan.",
        "en": "No line was deleted or changed: a correction is a new line naming the one it "
        "corrects.",
    },
}
