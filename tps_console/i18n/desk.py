"""Messages of the check-in desk (see i18n/__init__.py)."""

from __future__ import annotations

from tps_console.i18n.plural import Catalogue, Plural

MESSAGES: Catalogue = {
    "desk.working": {"id": "Memproses…", "en": "Working…"},
    # Keys in the footer
    "desk.key.quit": {"id": "Keluar", "en": "Quit"},
    "desk.key.clear": {"id": "Hapus", "en": "Clear"},
    "desk.key.calling": {"id": "Per blok", "en": "By block"},
    "desk.key.lock": {"id": "Kunci", "en": "Lock"},
    "desk.key.sign_out": {"id": "Ganti petugas", "en": "Sign out"},
    "desk.key.all_keys": {"id": "Semua tombol", "en": "All keys"},
    "desk.key.confirm": {"id": "Catat hadir", "en": "Check in"},
    "desk.key.back": {"id": "Kembali", "en": "Back"},
    "desk.key.undo": {"id": "Batalkan", "en": "Undo"},
    "desk.key.replace": {"id": "Ganti surat", "en": "Replace"},
    "desk.key.released": {"id": "Bebas", "en": "Released"},
    "desk.key.transferred": {"id": "Pindah", "en": "Transferred"},
    "desk.key.reinstate": {"id": "Pulihkan", "en": "Reinstate"},
    "desk.key.acknowledge": {"id": "Mengerti", "en": "Acknowledge"},
    "desk.key.cancel": {"id": "Batal", "en": "Cancel"},
    "desk.key.dpk": {"id": "DPK", "en": "DPK"},
    "desk.key.queue": {"id": "Antrean", "en": "Queue"},
    "desk.key.close": {"id": "Tutup", "en": "Close"},
    "desk.key.backup": {"id": "Cadangan", "en": "Backups"},
    "desk.key.prev_block": {"id": "Blok sebelumnya", "en": "Previous block"},
    "desk.key.next_block": {"id": "Blok berikutnya", "en": "Next block"},
    "desk.palette.search": {"id": "Cari perintah…", "en": "Search for commands…"},
    "desk.palette.none": {"id": "Tidak ada yang cocok", "en": "No matches found"},
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
    "desk.signin.demo_passphrase": {
        "id": "  Sandi cadangan: {passphrase}",
        "en": "  Backup passphrase: {passphrase}",
    },
    "desk.signin.panel": {
        "id": "Panel saksi: F8 membuka jendela kedua, atau jalankan di terminal lain:\n{command}",
        "en": "Witness panel: F8 opens a second window, or run in another terminal:\n{command}",
    },
    "desk.key.panel": {"id": "Panel saksi", "en": "Witness panel"},
    "desk.panel.opened": {
        "id": "Panel saksi dibuka di jendela baru",
        "en": "The witness panel opened in a new window",
    },
    "desk.panel.as_role": {
        "id": "(masuk ke server sebagai {role})",
        "en": "(logged in to the server as {role})",
    },
    "desk.panel.how": {
        "id": "Jendela baru tidak bisa dibuka dari sini. Di terminal lain jalankan:\n{command}",
        "en": "A new window can't be opened from here. In another terminal run:\n{command}",
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
    "desk.search.count": {
        "id": "{shown} dari {total} cocok",
        "en": Plural("{shown} of {total} match", "{shown} of {total} matches", by="total"),
    },
    "desk.search.elsewhere": {
        "id": "(→ {count} di DPT TPS lain — Enter: ke TPS mana diantar)",
        "en": Plural(
            "(→ {count} on another TPS's roll — Enter: which TPS to take them to)",
            "(→ {count} on other TPSs' rolls — Enter: which TPS to take them to)",
        ),
    },
    "desk.search.none": {"id": "Tidak ada yang cocok", "en": "No match"},
    "desk.voted_short": {"id": "SUDAH", "en": "VOTED"},
    # The search results' column headings (narrow columns: short words)
    "desk.results.no": {"id": "No.", "en": "No."},
    "desk.results.name": {"id": "Nama", "en": "Name"},
    "desk.results.list": {"id": "Daftar", "en": "List"},
    "desk.results.register": {"id": "No. register", "en": "Register no."},
    "desk.results.block": {"id": "Blok", "en": "Block"},
    "desk.results.cell": {"id": "Kamar", "en": "Cell"},
    "desk.not_eligible_short": {"id": "TIDAK BOLEH", "en": "MAY NOT"},
    "desk.done.short": {
        "id": "Tidak diserahkan (habis): {ballots}",
        "en": "Not handed out (none left): {ballots}",
    },
    "desk.done.title": {"id": "HADIR", "en": "CHECKED IN"},
    "desk.done.ballots": {
        "id": "Serahkan surat suara: {ballots}",
        "en": "Hand over ballots: {ballots}",
    },
    # Voter card
    "sex.L": {"id": "Laki-laki", "en": "Male"},
    "sex.P": {"id": "Perempuan", "en": "Female"},
    "desk.card.age": {
        "id": "{age} tahun",
        "en": Plural("{age} year", "{age} years", by="age"),
    },
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
    "desk.card.spoiled": {"id": "(rusak)", "en": "(spoiled)"},
    "desk.card.out": {"id": "HABIS", "en": "OUT"},
    "desk.card.lent": {
        "id": "{ballots} dari stok pinjaman {source} (dihitung di {source})",
        "en": "{ballots} from the stock lent by {source} (counted at {source})",
    },
    "desk.card.typed": {
        "id": "Diketik: {text} — Enter: cari pemilih ini, bukan yang di atas",
        "en": "Typed: {text} — Enter: look this voter up, not the one above",
    },
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
    "desk.refused.acknowledge_logged": {
        "id": "Tidak ada kehadiran yang dicatat (percobaan ini tercatat di log).\nTekan Enter setelah dibaca.",
        "en": "No check-in was recorded (the attempt is logged).\nPress Enter once read.",
    },
    "desk.refused.acknowledge": {
        "id": "Tidak ada kehadiran yang dicatat.\nTekan Enter setelah dibaca.",
        "en": "No check-in was recorded.\nPress Enter once read.",
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
    "desk.chair.eligible": {
        "id": "Pulihkan {name} (no. {no}): tanda bebas/dipindah keliru, boleh memilih lagi",
        "en": "Reinstate {name} (no. {no}): marked released/transferred by mistake, may vote",
    },
    "desk.chair.ballot": {
        "id": "Jenis surat suara yang rusak (PPWP, DPR, DPD, DPRD_PROV, DPRD_KAB)",
        "en": "Type of the spoiled ballot (PPWP, DPR, DPD, DPRD_PROV, DPRD_KAB)",
    },
    "desk.chair.replace": {
        "id": "Ganti surat suara rusak/keliru coblos: {name} (no. {no})",
        "en": "Replace a spoiled ballot: {name} (no. {no})",
    },
    "desk.chair.replace_done": {
        "id": "{name}: surat suara {ballot} diganti (dari {source}); yang rusak tercatat",
        "en": "{name}: {ballot} ballot replaced (from {source}); the spoiled one is recorded",
    },
    "desk.chair.short": {
        "id": "Surat suara {ballots} HABIS untuk {name}. Ketua: serahkan yang ada? (Esc = tunggu)",
        "en": "{ballots} ballots are OUT for {name}. Chair: hand out what remains? (Esc = wait)",
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
    "desk.chair.eligible_done": {
        "id": "{name} (no. {no}) dipulihkan: boleh memilih lagi",
        "en": "{name} (no. {no}) reinstated: may vote again",
    },
    # The day's chair actions
    "desk.dpk.title": {
        "id": "Daftarkan pemilih DPK (KTP-el, hanya 12.00–13.00)",
        "en": "Register a DPK voter (KTP-el, 12:00–13:00 only)",
    },
    "desk.dpk.nik": {"id": "NIK (dari KTP-el)", "en": "NIK (from the KTP-el)"},
    "desk.dpk.name": {"id": "Nama", "en": "Name"},
    "desk.dpk.sex": {"id": "Jenis kelamin (L/P)", "en": "Sex (L/P)"},
    "desk.dpk.birth": {"id": "Tanggal lahir (DD-MM-YYYY)", "en": "Birth date (DD-MM-YYYY)"},
    "desk.dpk.married": {
        "id": "Sudah/pernah kawin? (ya/tidak; perlu bila di bawah 17)",
        "en": "Married or previously married? (yes/no; needed if under 17)",
    },
    "desk.dpk.disability": {"id": "Disabilitas (boleh kosong)", "en": "Disability (may be empty)"},
    "desk.queue.title": {
        "id": "Catat antrean pukul 13.00: pindai/ketik NIK atau no. register, Enter tiap orang, Enter kosong untuk menyimpan",
        "en": "Record the 13:00 queue: scan/type a NIK or register no., Enter each, empty Enter to save",
    },
    "desk.queue.keys": {"id": "NIK / no. register", "en": "NIK / register no."},
    "desk.close.title": {
        "id": "TUTUP pemungutan suara? Setelah ini tidak ada kehadiran yang bisa dicatat.",
        "en": "CLOSE the polls? After this no check-in can be recorded.",
    },
    "desk.notice.dpk_hour": {
        "id": "Jam DPK (12.00–13.00): pemilih DPT/DPTb yang hadir didahulukan. F4 daftarkan DPK.",
        "en": "DPK hour (12:00–13:00): DPT/DPTb voters present go first. F4 registers a DPK voter.",
    },
    "desk.notice.queue_only": {
        "id": "Lewat 13.00: hanya pemilih yang tercatat dalam antrean (F5) yang boleh memilih. F6 tutup.",
        "en": "After 13:00: only voters recorded in the queue (F5) may vote. F6 closes the polls.",
    },
    "desk.notice.closed": {
        "id": "Pemungutan suara DITUTUP. Catatan dibekukan. Laporan: F3 → L.",
        "en": "The polls are CLOSED. The record is frozen. The report: F3 → L.",
    },
    "desk.close.done": {
        "id": "Pemungutan suara DITUTUP pukul {at}. Catatan dibekukan; tulis laporan dengan F3 → L.",
        "en": "The polls are CLOSED at {at}. The record is frozen; write the report with F3 → L.",
    },
    # Automatic backups
    "desk.backup.ok": {"id": "cadangan {at}", "en": "backup {at}"},
    "desk.backup.unset": {"id": "CADANGAN BELUM DIATUR (F7)", "en": "NO BACKUP FOLDER (F7)"},
    "desk.record.unreadable": {
        "id": "ANGKA TIDAK TERBARUI: berkas TPS tidak terbaca ({error}); dicoba lagi terus",
        "en": "FIGURES NOT UPDATED: the station file cannot be read ({error}); retrying",
    },
    # A server's fault in the day's words (fault.*), said by the desk that keeps looking.
    "desk.record.server": {
        "id": "ANGKA TIDAK TERBARUI: {fault} Meja ini mencoba lagi terus.",
        "en": "FIGURES NOT UPDATED: {fault} This desk keeps trying.",
    },
    "desk.backup.failed": {
        "id": "CADANGAN GAGAL: {error} — periksa flashdisk, lalu F7",
        "en": "BACKUP FAILED: {error} — check the USB stick, then F7",
    },
    "desk.key.chair_menu": {"id": "Menu ketua", "en": "Chair's menu"},
    "desk.menu.guide": {
        "id": "Cetak panduan KPPS (PDF, tiap peran satu bagian)",
        "en": "Print the KPPS guide (PDF, in Indonesian, a part per role)",
    },
    "desk.guide.title": {
        "id": "Panduan KPPS: ketua, petugas meja, saksi, petugas TI",
        "en": "The KPPS guide: chair, desk officer, witness, IT officer",
    },
    "desk.guide.written": {"id": "Panduan ditulis: {path}", "en": "Guide written: {path}"},
    "desk.menu.title": {"id": "Menu Ketua KPPS", "en": "KPPS chair's menu"},
    "desk.menu.backup_now": {"id": "Cadangkan sekarang", "en": "Back up now"},
    "desk.menu.ballots": {
        "id": "Terima surat suara (tambahan stok)",
        "en": "Receive ballots (more stock)",
    },
    "desk.menu.officer": {"id": "Tambah petugas", "en": "Add an officer"},
    "desk.menu.verify": {"id": "Periksa keutuhan catatan", "en": "Check the record is intact"},
    "desk.menu.report": {
        "id": "Tulis laporan (PDF C.Hasil dan 3 daftar hadir CSV)",
        "en": "Write the report (C.Hasil PDF and the 3 attendance CSVs)",
    },
    "desk.menu.also": {
        "id": "Juga: F4 DPK · F5 antrean 13.00 · F6 tutup TPS · F7 folder cadangan · Esc kembali",
        "en": "Also: F4 DPK · F5 13:00 queue · F6 close the polls · F7 backup folder · Esc back",
    },
    "desk.menu.slips": {
        "id": "Cetak slip pemilih (kode batang no. register, 10 per A4)",
        "en": "Print voter slips (register number barcodes, 10 to an A4 page)",
    },
    "desk.slips.title": {
        "id": "Slip untuk pemilih yang belum memilih, per blok dan kamar",
        "en": "Slips for the voters still to vote, by block and cell",
    },
    "desk.slips.block": {
        "id": "Hanya blok (kosong: semua blok)",
        "en": "Only block (empty: every block)",
    },
    "desk.backup_now.title": {
        "id": "Cadangkan sekarang ke folder cadangan",
        "en": "Back up now to the backup folder",
    },
    "desk.backup.none": {
        "id": "Belum ada folder cadangan: atur dulu dengan F7",
        "en": "No backup folder yet: set one with F7 first",
    },
    "desk.backup.made": {"id": "Cadangan dibuat: {path}", "en": "Backup made: {path}"},
    "desk.ballots.title": {
        "id": "Terima surat suara (dari berita acara serah terima)",
        "en": "Receive ballots (from the handover minutes)",
    },
    "desk.ballots.counts": {
        "id": "Jenis=jumlah, satu per Enter (mis. PPWP=20); Enter kosong untuk lanjut",
        "en": "Type=count, one per Enter (e.g. PPWP=20); an empty Enter goes on",
    },
    "desk.ballots.source": {
        "id": "Dari TPS lain? nama TPS penyangga (kosong: stok TPS ini)",
        "en": "From another TPS? the lending TPS's name (empty: this TPS's own)",
    },
    "desk.officer.title": {"id": "Tambah petugas KPPS", "en": "Add a KPPS officer"},
    "desk.officer.id": {
        "id": "ID petugas baru (mis. anggota5)",
        "en": "New officer's ID (e.g. anggota5)",
    },
    "desk.officer.name": {"id": "Nama", "en": "Name"},
    "desk.officer.role": {
        "id": "Peran: anggota atau ketua (kosong: anggota)",
        "en": "Role: member or chair (empty: member)",
    },
    "desk.officer.pin": {
        "id": "PIN baru (4–12 angka)",
        "en": "New PIN (4–12 digits)",
    },
    "desk.officer.pin_again": {"id": "Ulangi PIN baru", "en": "New PIN again"},
    "desk.verify.title": {
        "id": "Periksa keutuhan catatan (rantai log audit dan data)",
        "en": "Check the record (the audit chain and the data)",
    },
    "desk.verify.ok": {
        "id": "Catatan utuh: {events} kejadian, rantai log tidak putus, data sesuai log. "
        "Kode saksi terbaru {code}",
        "en": Plural(
            "The record is intact: {events} event, the chain unbroken, the data as the log says. "
            "Newest witness code {code}",
            "The record is intact: {events} events, the chain unbroken, the data as the log "
            "says. Newest witness code {code}",
            by="events",
        ),
    },
    "desk.report.title": {
        "id": "Tulis laporan: PDF ringkasan C.Hasil dan daftar hadir DPT/DPTb/DPK (CSV)",
        "en": "Write the report: C.Hasil summary PDF and DPT/DPTb/DPK attendance lists (CSV)",
    },
    "desk.report.folder": {
        "id": "Folder tujuan (mis. flashdisk: E:\\ atau /media/usb)",
        "en": "Folder to write to (e.g. a USB stick: E:\\ or /media/usb)",
    },
    "desk.report.written": {
        "id": "{count} berkas laporan ditulis ke {folder}",
        "en": "{count} report files written to {folder}",
    },
    "desk.backup.title": {
        "id": "Folder cadangan otomatis (flashdisk), disalin selama meja berjalan dan saat TPS ditutup",
        "en": "Automatic backup folder (USB stick), copied while the desk runs and at closing",
    },
    "desk.backup.folder": {
        "id": "Folder, mis. E:\\cadangan atau /media/usb",
        "en": "Folder, e.g. E:\\backup or /media/usb",
    },
    "desk.backup.minutes": {
        "id": "Tiap berapa menit (kosong = 5)",
        "en": "Every how many minutes (empty = 5)",
    },
    "desk.backup.keep": {
        "id": "Simpan berapa salinan terakhir (kosong = 12)",
        "en": "Keep how many latest copies (empty = 12)",
    },
    "desk.backup.set": {
        "id": "Cadangan otomatis ke {folder} tiap {minutes} menit; salinan pertama dibuat sekarang",
        "en": Plural(
            "Automatic backups to {folder} every {minutes} minute; the first copy is made now",
            "Automatic backups to {folder} every {minutes} minutes; the first copy is made now",
            by="minutes",
        ),
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
