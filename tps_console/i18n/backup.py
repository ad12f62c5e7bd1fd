"""Messages of backups: the automatic copies, restore, and the backup passphrase (see i18n/__init__.py)."""

from __future__ import annotations

from tps_console.i18n.plural import Catalogue, Plural

MESSAGES: Catalogue = {
    # Backups
    "backup.failed": {
        "id": "Cadangan ke {path} gagal: {error}",
        "en": "Backup to {path} failed: {error}",
    },
    "backup.no_folder": {
        "id": "Folder cadangan {path} tidak ada (flashdisk belum terpasang?)",
        "en": "Backup folder {path} does not exist (USB stick not plugged in?)",
    },
    "backup.not_made_here": {
        "id": "Folder cadangan {path} tidak ada (flashdisk belum terpasang?). Folder baru hanya dibuat di flashdisk atau drive lain, tidak di disk TPS ini",
        "en": "Backup folder {path} does not exist (USB stick not plugged in?). A new folder is made only on a USB stick or another drive, not on the station's own disk",
    },
    "backup.bad_setting": {
        "id": "Cadangan tiap {minutes} menit, simpan {keep}: harus 1–60 menit dan 1–500 salinan",
        "en": Plural(
            "Backup every {minutes} minute, keep {keep}: must be 1–60 minutes and 1–500 copies",
            "Backup every {minutes} minutes, keep {keep}: must be 1–60 minutes and 1–500 copies",
            by="minutes",
        ),
    },
    "backup.not_a_file": {
        "id": "Cadangan otomatis hanya untuk TPS dalam berkas SQLite",
        "en": "Automatic backups need a station in an SQLite file",
    },
    "backup.done": {"id": "Cadangan tersimpan: {path}", "en": "Backup written: {path}"},
    "restore.exists": {
        "id": "{path} sudah ada; pakai --force untuk menimpanya",
        "en": "{path} exists; use --force to overwrite it",
    },
    "restore.unfinished": {
        "id": "{path} adalah salinan cadangan yang tidak selesai (terputus saat disalin); "
        "pakai cadangan lain",
        "en": "{path} is an unfinished backup copy (cut off while being written); use another backup",
    },
    "restore.done": {"id": "Dipulihkan ke {path}", "en": "Restored to {path}"},
    "restore.not_intact": {
        "id": "Cadangan {path} tidak lolos verifikasi: {problem}",
        "en": "Backup {path} fails verification: {problem}",
    },
    "restore.plain_warning": {
        "id": "PERINGATAN: {path} adalah cadangan lama yang TIDAK dienkripsi (siapa pun yang "
        "memegangnya bisa membaca NIK pemilih). Sudah dipulihkan; hapus berkas itu dari flashdisk "
        "dan buat cadangan baru (terenkripsi)",
        "en": "WARNING: {path} is an old backup that is NOT encrypted (whoever holds it can read "
        "the voters' NIKs). Restored all the same; delete that file from the stick and make a new "
        "(encrypted) backup",
    },
    "backup.no_key": {
        "id": "{tps} belum punya frasa sandi cadangan, jadi cadangan terenkripsi belum bisa "
        "dibuat: pasang dulu dengan `tps-console passphrase DB --officer KETUA`",
        "en": "{tps} has no backup passphrase yet, so no encrypted backup can be made: set one "
        "with `tps-console passphrase DB --officer CHAIR`",
    },
    "backup.passphrase_needed": {
        "id": "Cadangan ini terenkripsi: frasa sandi cadangan diperlukan (TPS_BACKUP_PASSPHRASE "
        "atau ketik saat diminta)",
        "en": "This backup is encrypted: the backup passphrase is needed (TPS_BACKUP_PASSPHRASE "
        "or typed when asked)",
    },
    "backup.wrong_passphrase": {
        "id": "Frasa sandi cadangan salah: tidak ada yang ditulis. Periksa kertas di amplop "
        "tersegel dan coba lagi",
        "en": "Wrong backup passphrase: nothing was written. Check the paper in the sealed "
        "envelope and try again",
    },
    "backup.truncated": {
        "id": "Cadangan {path} terpotong (tidak lengkap, mungkin flashdisk dicabut saat "
        "menyalin): tidak ada yang ditulis; pakai cadangan lain",
        "en": "Backup {path} is truncated (incomplete, perhaps the stick was pulled out while "
        "copying): nothing was written; use another backup",
    },
    "backup.damaged": {
        "id": "Cadangan {path} rusak (isinya berubah atau tidak utuh): tidak ada yang ditulis; "
        "pakai cadangan lain",
        "en": "Backup {path} is damaged (its bytes were changed or are incomplete): nothing was "
        "written; use another backup",
    },
    "backup.not_sealed": {
        "id": "{path} bukan cadangan TPS Console",
        "en": "{path} is not a TPS Console backup",
    },
    "backup.new_version": {
        "id": "Cadangan {path} dibuat oleh versi TPS Console yang lebih baru (format {version}): "
        "pulihkan dengan versi itu",
        "en": "Backup {path} was made by a newer version of TPS Console (format {version}): "
        "restore it with that version",
    },
    "backup.passphrase_prompt": {
        "id": "Frasa sandi cadangan: ",
        "en": "Backup passphrase: ",
    },
    "backup.passphrase_again": {
        "id": "Ulangi frasa sandi cadangan: ",
        "en": "Backup passphrase again: ",
    },
    "verify.backup": {
        "id": "Cadangan terenkripsi {path} utuh dan terbuka dengan frasa sandi ini",
        "en": "Encrypted backup {path} is whole and opens with this passphrase",
    },
    # The backup passphrase
    "passphrase.too_short": {
        "id": "Frasa sandi cadangan terlalu pendek ({length} karakter): minimal {minimum}. "
        "Pakai beberapa kata, atau --generate-passphrase",
        "en": "The backup passphrase is too short ({length} characters): at least {minimum}. "
        "Use several words, or --generate-passphrase",
    },
    "passphrase.differs": {
        "id": "Kedua frasa sandi cadangan berbeda: tidak ada yang diubah",
        "en": "The two backup passphrases differ: nothing was changed",
    },
    "passphrase.needed": {
        "id": "Frasa sandi cadangan diperlukan: isi TPS_BACKUP_PASSPHRASE, ketik saat diminta, "
        "atau pakai --generate-passphrase",
        "en": "A backup passphrase is needed: set TPS_BACKUP_PASSPHRASE, type it when asked, or "
        "use --generate-passphrase",
    },
    "passphrase.already_set": {
        "id": "{tps} sudah punya frasa sandi cadangan; frasa itu tidak diganti (cadangan lama "
        "memerlukannya)",
        "en": "{tps} already has a backup passphrase; it is not replaced (older backups need it)",
    },
    "passphrase.chair_needed": {
        "id": "Frasa sandi cadangan dipasang oleh ketua KPPS: pakai --officer KETUA",
        "en": "The backup passphrase is set by the KPPS chair: use --officer CHAIR",
    },
    "passphrase.generated": {
        "id": "FRASA SANDI CADANGAN (tulis di kertas KPPS, simpan di amplop tersegel; hanya "
        "ditampilkan sekali ini):\n\n    {passphrase}\n",
        "en": "BACKUP PASSPHRASE (write it on the KPPS's paper, keep it in the sealed envelope; "
        "shown this once only):\n\n    {passphrase}\n",
    },
    "passphrase.set": {
        "id": "Frasa sandi cadangan {tps} terpasang: setiap cadangan dienkripsi",
        "en": "Backup passphrase of {tps} set: every backup is encrypted",
    },
    "demo.passphrase": {
        "id": "Frasa sandi cadangan demo: {passphrase}",
        "en": "The demo's backup passphrase: {passphrase}",
    },
    "cli.passphrase": {
        "id": "pasang frasa sandi cadangan pada TPS yang belum punya (ketua)",
        "en": "set the backup passphrase of a station that has none (chair)",
    },
    "cli.generate_passphrase": {
        "id": "buat frasa sandi cadangan dari 6 kata acak (ditampilkan sekali)",
        "en": "make a backup passphrase of 6 random words (shown once)",
    },
    "cli.report_full": {
        "id": "daftar hadir lengkap dengan NIK, tanggal lahir, no. register, disabilitas "
        "(data pribadi terlindungi)",
        "en": "full attendance lists with NIK, birth date, register no., disability (protected "
        "personal data)",
    },
}
