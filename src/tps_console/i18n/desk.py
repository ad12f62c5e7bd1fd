"""Messages of the check-in desk (see i18n/__init__.py)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "desk.working": {"id": "Memproses…", "en": "Working…"},
    # Keys in the footer
    "desk.key.quit": {"id": "Keluar", "en": "Quit"},
    "desk.key.clear": {"id": "Kosongkan", "en": "Clear"},
    "desk.key.calling": {"id": "Panggil per blok", "en": "Call by block"},
    "desk.key.lock": {"id": "Kunci", "en": "Lock"},
    "desk.key.sign_out": {"id": "Ganti petugas", "en": "Sign out"},
    "desk.key.confirm": {"id": "Catat hadir", "en": "Check in"},
    "desk.key.back": {"id": "Kembali", "en": "Back"},
    "desk.key.undo": {"id": "Batalkan hadir (ketua)", "en": "Undo (chair)"},
    "desk.key.released": {"id": "Bebas (ketua)", "en": "Released (chair)"},
    "desk.key.transferred": {"id": "Pindah (ketua)", "en": "Transferred (chair)"},
    "desk.key.acknowledge": {"id": "Mengerti", "en": "Acknowledge"},
    "desk.key.cancel": {"id": "Batal", "en": "Cancel"},
    "desk.key.prev_block": {"id": "Blok sebelumnya", "en": "Previous block"},
    "desk.key.next_block": {"id": "Blok berikutnya", "en": "Next block"},
    # Command palette
    "desk.cmd.calling": {"id": "Panggil per blok", "en": "Call by block"},
    "desk.cmd.calling_help": {
        "id": "Siapa yang belum memilih, per blok dan kamar",
        "en": "Who has not voted yet, by block and cell",
    },
    "desk.cmd.lock": {"id": "Kunci meja", "en": "Lock the desk"},
    "desk.cmd.lock_help": {"id": "Butuh PIN untuk melanjutkan", "en": "A PIN is needed to resume"},
    "desk.cmd.sign_out": {"id": "Ganti petugas", "en": "Sign out"},
    "desk.cmd.sign_out_help": {"id": "Kembali ke layar masuk", "en": "Back to the sign-in screen"},
    "desk.cmd.quit": {"id": "Keluar", "en": "Quit"},
    "desk.cmd.quit_help": {
        "id": "Tutup meja (semua yang tercatat sudah tersimpan)",
        "en": "Close the desk (everything confirmed is already saved)",
    },
    # Strip
    "desk.strip.turnout": {"id": "HADIR {n} / {expected}", "en": "VOTED {n} / {expected}"},
    # Sign-in
    "desk.signin.title": {"id": "Masuk meja daftar hadir", "en": "Sign in to the check-in desk"},
    "desk.signin.officer": {"id": "ID petugas", "en": "Officer ID"},
    "desk.signin.officer_hint": {"id": "mis. ketua — lalu Tab", "en": "e.g. ketua — then Tab"},
    "desk.signin.pin": {"id": "PIN (lalu Enter)", "en": "PIN (then Enter)"},
    "desk.signin.demo": {
        "id": "Petugas contoh (hanya mode demo):",
        "en": "Demo officers (demo mode only):",
    },
    "desk.signin.demo_line": {
        "id": "  {id}  PIN {pin}  — {name}",
        "en": "  {id}  PIN {pin}  — {name}",
    },
    # Search
    "desk.search.placeholder": {
        "id": "Ketik nama, NIK atau no. register — atau pindai",
        "en": "Type a name, NIK or register number — or scan",
    },
    "desk.search.hint": {
        "id": "NIK atau no. register + Enter: kartu pemilih. Nama: ↑↓ lalu Enter.",
        "en": "NIK or register no. + Enter: voter card. Name: ↑↓ then Enter.",
    },
    "desk.search.loading": {"id": "Memuat daftar pemilih…", "en": "Loading the voter list…"},
    "desk.search.count": {"id": "{shown} dari {total} cocok", "en": "{shown} of {total} matches"},
    "desk.search.none": {"id": "Tidak ada yang cocok", "en": "No match"},
    "desk.voted_short": {"id": "SUDAH", "en": "VOTED"},
    "desk.done.title": {"id": "HADIR", "en": "CHECKED IN"},
    "desk.done.ballots": {
        "id": "Serahkan surat suara: {ballots}",
        "en": "Hand over ballots: {ballots}",
    },
    # Voter card
    "sex.L": {"id": "Laki-laki", "en": "Male"},
    "sex.P": {"id": "Perempuan", "en": "Female"},
    "desk.card.age": {"id": "{age} tahun", "en": "{age} years"},
    "desk.card.register": {"id": "No. register", "en": "Register no."},
    "desk.card.block": {"id": "Blok/kamar", "en": "Block/cell"},
    "desk.card.disability": {
        "id": "Disabilitas (Anggota 5 mendampingi)",
        "en": "Disability (member 5 assists)",
    },
    "desk.card.ballots": {"id": "Surat suara yang diserahkan", "en": "Ballots to hand over"},
    "desk.card.voted": {
        "id": "SUDAH MEMILIH pukul {at} — {officer}, meja {desk}",
        "en": "ALREADY VOTED at {at} — {officer}, desk {desk}",
    },
    "desk.card.status_released": {"id": "BEBAS", "en": "RELEASED"},
    "desk.card.status_transferred": {"id": "DIPINDAH", "en": "TRANSFERRED"},
    "desk.card.ready": {
        "id": "Boleh memilih — Enter untuk mencatat hadir",
        "en": "May vote — Enter to check in",
    },
    # Refusals
    "desk.refused.duplicate_title": {
        "id": "!!  DITOLAK — PEMILIH INI SUDAH MEMILIH  !!",
        "en": "!!  REFUSED — THIS VOTER HAS ALREADY VOTED  !!",
    },
    "desk.refused.title": {"id": "!!  DITOLAK  !!", "en": "!!  REFUSED  !!"},
    "desk.refused.acknowledge": {
        "id": "Tidak ada kehadiran yang dicatat (percobaan ini tercatat di log). Tekan Enter setelah dibaca.",
        "en": "No check-in was recorded (the attempt is logged). Press Enter once read.",
    },
    # Chair actions
    "desk.chair.officer": {"id": "ID Ketua KPPS", "en": "KPPS chair's ID"},
    "desk.chair.reason": {"id": "Alasan (lalu Enter)", "en": "Reason (then Enter)"},
    "desk.chair.undo": {
        "id": "Batalkan kehadiran {name} (no. {no})",
        "en": "Undo the check-in of {name} (no. {no})",
    },
    "desk.chair.released": {
        "id": "Tandai {name} (no. {no}) BEBAS",
        "en": "Mark {name} (no. {no}) RELEASED",
    },
    "desk.chair.transferred": {
        "id": "Tandai {name} (no. {no}) DIPINDAH",
        "en": "Mark {name} (no. {no}) TRANSFERRED",
    },
    "desk.chair.undo_done": {
        "id": "Kehadiran {name} (no. {no}) dibatalkan dan dicatat di log",
        "en": "Check-in of {name} (no. {no}) undone and logged",
    },
    "desk.chair.released_done": {
        "id": "{name} (no. {no}) ditandai BEBAS",
        "en": "{name} (no. {no}) marked RELEASED",
    },
    "desk.chair.transferred_done": {
        "id": "{name} (no. {no}) ditandai DIPINDAH",
        "en": "{name} (no. {no}) marked TRANSFERRED",
    },
    # Idle lock
    "desk.lock.title": {"id": "🔒 Meja terkunci", "en": "🔒 Desk locked"},
    "desk.lock.prompt": {
        "id": "PIN {name} ({id}) untuk melanjutkan, atau F10 ganti petugas",
        "en": "PIN of {name} ({id}) to resume, or F10 to sign out",
    },
    # Calling by block
    "desk.calling.cell": {"id": "Kamar", "en": "Cell"},
    "desk.calling.name": {"id": "Nama", "en": "Name"},
    "desk.calling.title": {
        "id": "Blok {block}: {voted}/{eligible} sudah memilih — {waiting} belum (← → ganti blok)",
        "en": "Block {block}: {voted}/{eligible} voted — {waiting} still to come (← → change block)",
    },
}
