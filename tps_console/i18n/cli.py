"""Messages of the command line: its commands, options and what they say (see i18n/__init__.py)."""

from __future__ import annotations

from tps_console.i18n.plural import Catalogue, Plural

MESSAGES: Catalogue = {
    # Command line
    "cli.description": {
        "id": "TPS Console: meja daftar hadir, panel saksi dan catatan TPS yang tidak bisa diubah diam-diam",
        "en": "TPS Console: check-in desk, witness panel and tamper-evident polling-station record",
    },
    "cli.lang": {"id": "bahasa (id/en)", "en": "language (id/en)"},
    "cli.now": {
        "id": "jam latihan TPS latihan, mis. 2024-02-14T09:00+07:00 (dicatat di log audit); "
        "perintah yang hanya membaca melihat catatan pada saat itu",
        "en": "a training station's drill clock, e.g. 2024-02-14T09:00+07:00 (recorded in the "
        "audit log); commands that only read look at the record as at that instant",
    },
    "cli.desk": {
        "id": "nama meja ini (tercatat di setiap kejadian)",
        "en": "this desk's name (recorded with every event)",
    },
    "cli.demo": {
        "id": "TPS contoh siap dicoba (180 pemilih sintetis)",
        "en": "ready-to-try station (180 synthetic voters)",
    },
    "cli.demo_db": {
        "id": "pakai/buat TPS contoh di berkas ini",
        "en": "use or create the demo station in this file",
    },
    "cli.demo_no_desk": {
        "id": "hanya buat TPS contoh dan cetak statusnya",
        "en": "only create the demo station and print its status",
    },
    "cli.desk_cmd": {
        "id": "meja daftar hadir (masuk dengan ID petugas + PIN)",
        "en": "the check-in desk (sign in with officer ID + PIN)",
    },
    "cli.init_drill": {
        "id": "TPS latihan (SIMULASI): jamnya milik TPS, mulai pukul buka hari pemungutan atau "
        "--now; tidak pernah menjadi TPS sungguhan",
        "en": "a training station (DRILL): its clock belongs to it, starting at polling day's "
        "opening or --now; it never becomes a real station",
    },
    "cli.init": {
        "id": "buat TPS baru dari berkas DPT (CSV atau Excel .xlsx)",
        "en": "create a new station from a roll (CSV or Excel .xlsx)",
    },
    "cli.sheet": {
        "id": "lembar kerja yang dibaca dari buku kerja Excel (bawaan: yang pertama)",
        "en": "worksheet to read from an Excel workbook (default: the first)",
    },
    "cli.officer": {"id": "kelola petugas KPPS", "en": "manage KPPS officers"},
    "cli.officer_add": {
        "id": "tambah petugas (PIN ditanya dua kali)",
        "en": "add an officer (PIN asked twice)",
    },
    "cli.by": {
        "id": "ID ketua yang menyetujui (bila ada beberapa ketua)",
        "en": "approving chair's ID (when there are several chairs)",
    },
    "cli.by_needed": {
        "id": "Ada beberapa ketua: sebutkan --by ID",
        "en": "There are several chairs: give --by ID",
    },
    "cli.checkin": {
        "id": "catat kehadiran pemilih (NIK atau no. register)",
        "en": "check a voter in (NIK or register number)",
    },
    "cli.undo": {
        "id": "batalkan kehadiran (ketua, dengan alasan)",
        "en": "undo a check-in (chair, with a reason)",
    },
    "cli.reinstate": {
        "id": "pulihkan pemilih yang keliru ditandai bebas/dipindah (ketua, dengan alasan)",
        "en": "reinstate a voter marked released/transferred by mistake (chair, with a reason)",
    },
    "cli.status": {"id": "angka kehadiran saat ini", "en": "turnout now"},
    "cli.verify": {
        "id": "periksa rantai log audit dan kecocokan data",
        "en": "check the audit chain and that the data matches it",
    },
    "cli.verify_expect": {
        "id": "kode yang dicatat saksi dengan nomor kejadiannya (87:K7QF-3XMA-9TCE-WR2P-5), "
        "sidik lengkapnya (64 heks) atau teks kode QR panel; boleh diulang",
        "en": "a code a witness noted with its event number (87:K7QF-3XMA-9TCE-WR2P-5), its full "
        "hash (64 hex) or the panel's QR text; may be repeated",
    },
    "cli.backup": {
        "id": "cadangan daring (berkas sementara lalu rename)",
        "en": "online backup (temporary file, then rename)",
    },
    "cli.restore": {"id": "pulihkan dari cadangan", "en": "restore from a backup"},
    "cli.copy": {
        "id": "salin TPS dari berkas SQLite ke PostgreSQL atau sebaliknya (diverifikasi)",
        "en": "copy a station from a SQLite file to PostgreSQL or back (verified)",
    },
    "cli.readonly_role": {
        "id": "cetak SQL untuk membuat peran PostgreSQL yang hanya bisa membaca (panel saksi)",
        "en": "print the SQL that makes a read-only PostgreSQL role (for the witness panel)",
    },
    "copy.done": {
        "id": "TPS disalin dari {source} ke {target}: {events} kejadian, kepala {head} sama, "
        "verifikasi lolos",
        "en": "Station copied from {source} to {target} (events: {events}), head {head} the "
        "same, verification passed",
    },
    "copy.differs": {
        "id": "Salinan di {path} tidak sama dengan sumbernya (kepala {head}): tidak ada yang "
        "disimpan",
        "en": "The copy at {path} differs from its source (head {head}): nothing was kept",
    },
    "role.not_a_server": {
        "id": "{path} bukan alamat server postgresql://",
        "en": "{path} is not a postgresql:// server address",
    },
    "role.bad_name": {
        "id": "Nama peran '{role}' tidak sah (huruf kecil, angka, _)",
        "en": "Role name '{role}' is not valid (lower-case letters, digits, _)",
    },
    "role.hint": {
        "id": "SQL di atas dijalankan oleh administrator server (superuser), bukan oleh pemilik "
        "TPS: simpan ke berkas lalu `sudo -u postgres psql -d {database} -f BERKAS.sql` "
        "(Windows: psql -U postgres). Lalu di setiap laptop meja, tambahkan ke pgpass baris "
        "{host}:{database}:{role}:KATA_SANDI; F8 membuka panel saksi sebagai {role}",
        "en": "The SQL above is run by the server's administrator (a superuser), not by the "
        "station's owner: save it to a file, then `sudo -u postgres psql -d {database} -f "
        "FILE.sql` (Windows: psql -U postgres). Then on each desk laptop add the line "
        "{host}:{database}:{role}:PASSWORD to pgpass; F8 opens the witness panel as {role}",
    },
    "role.password_prompt": {
        "id": "Kata sandi baru untuk peran {role}: ",
        "en": "New password for role {role}: ",
    },
    "role.password_again": {"id": "Ulangi kata sandi: ", "en": "Password again: "},
    "role.password_differs": {"id": "Kedua kata sandi berbeda", "en": "The two passwords differ"},
    "role.password_needed": {
        "id": "Kata sandi peran saksi diperlukan: ketik saat diminta atau beri TPS_WITNESS_PASSWORD",
        "en": "The witness role's password is needed: type it when asked or set "
        "TPS_WITNESS_PASSWORD",
    },
    "role.bad_password": {
        "id": "Kata sandi peran saksi harus berisi huruf, angka atau tanda baca ASCII (tanpa "
        "huruf beraksen)",
        "en": "The witness role's password must be ASCII letters, digits or punctuation (no "
        "accented letters)",
    },
    "cli.bench": {
        "id": "ukur kecepatan, berdampingan dengan pembanding",
        "en": "benchmarks, each beside its baseline",
    },
    "cli.bench_quick": {"id": "versi singkat (tanpa 100k)", "en": "short version (no 100k roll)"},
    "cli.bench_area": {
        "id": "hanya bagian ini (boleh diulang)",
        "en": "only this area (may be repeated)",
    },
    "cli.bad_now": {
        "id": "--now '{value}' bukan waktu ISO-8601 dengan zona (mis. 2024-02-14T09:00+07:00)",
        "en": "--now '{value}' is not an ISO-8601 time with offset (e.g. 2024-02-14T09:00+07:00)",
    },
    "demo.panel_hint": {
        "id": "Panel saksi untuk TPS contoh ini (di terminal lain): {command}",
        "en": "Witness panel for this demo station (in another terminal): {command}",
    },
    "demo.location": {"id": "TPS contoh: {path}", "en": "Demo station: {path}"},
    "demo.officer": {
        "id": "  petugas {id}  PIN {pin}  ({name})",
        "en": "  officer {id}  PIN {pin}  ({name})",
    },
    "status.title": {"id": "{tps} — {polls}", "en": "{tps} — {polls}"},
    "window.too_small": {
        "id": "Jendela terlalu kecil ({width}×{height}): perbesar menjadi minimal {min_width}×{min_height}",
        "en": "The window is too small ({width}×{height}): enlarge it to at least {min_width}×{min_height}",
    },
    "number.decimal_mark": {"id": ",", "en": "."},
    "number.percent": {"id": "{value} %", "en": "{value}%"},
    "status.turnout": {
        "id": "Hadir {checked_in} / {expected} pemilih ({pct})",
        "en": Plural(
            "Checked in {checked_in} / {expected} voter ({pct})",
            "Checked in {checked_in} / {expected} voters ({pct})",
            by="expected",
        ),
    },
    "status.refusals": {
        "id": "Percobaan ganda ditolak: {blocked}   Kehadiran dibatalkan: {undone}",
        "en": "Duplicate attempts refused: {blocked}   Check-ins undone: {undone}",
    },
    "status.closing": {
        "id": "Kode penutupan: {code} (tidak berubah lagi)",
        "en": "Closing code: {code} (fixed from now on)",
    },
    "status.audit": {
        "id": "Log audit: {events} kejadian · kode saksi {code}",
        "en": Plural(
            "Audit log: {events} event · witness code {code}",
            "Audit log: {events} events · witness code {code}",
            by="events",
        ),
    },
    "drill.banner": {
        "id": "SIMULASI — TPS latihan, jam latihan: bukan data pemungutan suara sebenarnya",
        "en": "DRILL — training station, training clock: not a real polling day's record",
    },
    "drill.init_real": {
        "id": "--now (jam latihan) hanya untuk TPS latihan: tambahkan --drill, atau buat TPS "
        "sungguhan tanpa --now",
        "en": "--now (the drill clock) is only for training stations: add --drill, or make a "
        "real station without --now",
    },
    "drill.real_station": {
        "id": "--now (jam latihan) hanya untuk TPS latihan; {tps} di sini TPS sungguhan, jadi "
        "tidak ada yang dicatat. Untuk berlatih, buat TPS latihan: init ... --drill",
        "en": "--now (the drill clock) is only for training stations; {tps} here is a real "
        "station, so nothing was recorded. To train, make a drill station: init ... --drill",
    },
    "drill.clock_set": {
        "id": "Jam latihan TPS ini sekarang {at} (dicatat; berlaku di semua meja dan panel)",
        "en": "This station's drill clock now reads {at} (recorded; every desk and panel follows)",
    },
    "polls.not_open": {"id": "belum dibuka", "en": "not yet open"},
    "polls.open": {"id": "dibuka", "en": "open"},
    "polls.dpk_hour": {"id": "jam DPK (12.00–13.00)", "en": "DPK hour (12:00–13:00)"},
    "polls.queue_only": {"id": "hanya antrean", "en": "queue only"},
    "polls.closed": {"id": "ditutup", "en": "closed"},
}
