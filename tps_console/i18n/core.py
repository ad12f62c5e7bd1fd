"""Core messages: the record, the roll, officers, check-in, audit, the command line."""

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
    # NIK problems (roll import, DPK registration, look-ups)
    "nik.empty": {"id": "NIK kosong", "en": "NIK is empty"},
    "nik.scientific": {
        "id": "NIK '{value}' rusak oleh spreadsheet (format ilmiah, digit terakhir hilang); "
        "format kolom NIK sebagai Teks lalu ketik ulang",
        "en": "NIK '{value}' was damaged by a spreadsheet (scientific notation, last digits "
        "lost); format the NIK column as Text and re-enter it",
    },
    "nik.float": {
        "id": "NIK '{value}' disimpan sebagai angka oleh spreadsheet (berakhiran ,0/.0); "
        "format kolom NIK sebagai Teks",
        "en": "NIK '{value}' was stored as a number by a spreadsheet (ends in .0); "
        "format the NIK column as Text",
    },
    "nik.separators": {
        "id": "NIK '{value}' berisi pemisah ribuan dari spreadsheet; NIK hanya 16 angka",
        "en": "NIK '{value}' contains a spreadsheet's thousands separators; a NIK is 16 digits only",
    },
    "nik.apostrophe": {
        "id": "NIK {value} diawali tanda petik: itu tanda 'teks' dari Excel, bukan bagian NIK; "
        "hapus tanda petik itu dari sel",
        "en": "NIK {value} starts with an apostrophe: Excel's mark for text, not part of a NIK; "
        "remove the apostrophe from the cell",
    },
    "nik.not_digits": {
        "id": "NIK '{value}' berisi karakter selain angka",
        "en": "NIK '{value}' contains characters other than digits",
    },
    "nik.lost_digit": {
        "id": "NIK '{value}' hanya 15 angka: angka depan kemungkinan hilang oleh spreadsheet",
        "en": "NIK '{value}' has only 15 digits: a leading digit was probably lost by a spreadsheet",
    },
    "nik.length": {
        "id": "NIK '{value}' berisi {count} angka, seharusnya 16",
        "en": Plural(
            "NIK '{value}' has {count} digit, a NIK has 16",
            "NIK '{value}' has {count} digits, a NIK has 16",
        ),
    },
    "nik.province": {
        "id": "NIK '{value}': kode provinsi {code} tidak ada",
        "en": "NIK '{value}': there is no province code {code}",
    },
    "nik.region": {
        "id": "NIK '{value}': kode kabupaten/kecamatan 00 tidak sah",
        "en": "NIK '{value}': regency/district code 00 is not valid",
    },
    "nik.birth_part": {
        "id": "NIK '{value}': bagian tanggal lahir {part} tidak mungkin",
        "en": "NIK '{value}': birth-date part {part} is impossible",
    },
    "nik.stored_as_number": {
        "id": "NIK disimpan sebagai angka ({value}): Excel hanya menyimpan 15 angka, jadi angka "
        "ke-16 sudah hilang; format kolom NIK sebagai Teks lalu ketik ulang NIK-nya",
        "en": "NIK stored as a number ({value}): Excel keeps only 15 digits, so the 16th is "
        "already lost; format the NIK column as Text and retype the NIKs",
    },
    "nik.serial": {
        "id": "NIK '{value}': nomor urut 0000 tidak sah",
        "en": "NIK '{value}': serial number 0000 is not valid",
    },
    # The roll
    "roll.unreadable": {
        "id": "Berkas DPT {path} tidak bisa dibaca: {error}",
        "en": "Cannot read the roll {path}: {error}",
    },
    "roll.missing": {
        "id": "Berkas DPT {path} tidak ada: periksa nama dan foldernya",
        "en": "The roll file {path} does not exist: check its name and folder",
    },
    "roll.directory": {
        "id": "{path} adalah folder: pilih berkas DPT di dalamnya",
        "en": "{path} is a folder: choose the roll file inside it",
    },
    "roll.no_permission": {
        "id": "Berkas DPT {path} tidak boleh dibaca oleh pengguna ini",
        "en": "This user may not read the roll file {path}",
    },
    "roll.binary_xls": {
        "id": "Berkas ini buku kerja Excel format lama (.xls) yang tidak bisa dibaca: di Excel "
        "pilih Simpan Sebagai > Buku Kerja Excel (.xlsx)",
        "en": "This file is an old-format Excel workbook (.xls), which cannot be read: in Excel "
        "use Save As > Excel Workbook (.xlsx)",
    },
    "roll.binary_xlsb": {
        "id": "Berkas ini buku kerja biner Excel (.xlsb) yang tidak bisa dibaca: di Excel pilih "
        "Simpan Sebagai > Buku Kerja Excel (.xlsx)",
        "en": "This file is an Excel binary workbook (.xlsb), which cannot be read: in Excel use "
        "Save As > Excel Workbook (.xlsx)",
    },
    "roll.binary_ods": {
        "id": "Berkas ini lembar sebar OpenDocument (.ods) yang tidak bisa dibaca: simpan sebagai "
        "Buku Kerja Excel (.xlsx) atau CSV",
        "en": "This file is an OpenDocument spreadsheet (.ods), which cannot be read: save it as "
        "an Excel Workbook (.xlsx) or CSV",
    },
    "roll.binary_zip": {
        "id": "Berkas ini arsip zip atau dokumen Office selain buku kerja Excel, bukan DPT: "
        "pilih berkas DPT (.xlsx atau CSV)",
        "en": "This file is a zip archive or an Office document other than an Excel workbook, "
        "not a roll: choose the roll file (.xlsx or CSV)",
    },
    "roll.workbook_damaged": {
        "id": "Buku kerja Excel ini rusak atau terpotong dan tidak bisa dibaca: buka di Excel, "
        "simpan ulang sebagai Buku Kerja Excel (.xlsx), lalu coba lagi (atau salin lagi berkasnya)",
        "en": "This Excel workbook is damaged or cut short and cannot be read: open it in Excel, "
        "save it again as an Excel Workbook (.xlsx) and try again (or copy the file again)",
    },
    "roll.workbook_password": {
        "id": "Buku kerja ini dilindungi kata sandi dan tidak bisa dibaca: buka di Excel, hapus "
        "kata sandinya (File > Info > Lindungi Buku Kerja > Enkripsikan dengan Kata Sandi, "
        "kosongkan), simpan, lalu coba lagi",
        "en": "This workbook is protected by a password and cannot be read: open it in Excel, "
        "remove the password (File > Info > Protect Workbook > Encrypt with Password, empty it), "
        "save, and try again",
    },
    "roll.no_such_sheet": {
        "id": "Buku kerja ini tidak punya lembar kerja '{sheet}'; yang ada: {sheets}",
        "en": "This workbook has no worksheet '{sheet}'; it has: {sheets}",
    },
    "roll.sheet_of_text": {
        "id": "Berkas ini teks (CSV), bukan buku kerja Excel: tidak ada lembar kerja '{sheet}' "
        "untuk dipilih",
        "en": "This file is text (CSV), not an Excel workbook: there is no worksheet '{sheet}' "
        "to choose",
    },
    "roll.sheet_read": {
        "id": "Dibaca: lembar kerja '{sheet}' (buku kerja ini berisi: {sheets})",
        "en": "Read: worksheet '{sheet}' (this workbook holds: {sheets})",
    },
    "roll.no_header": {
        "id": "Lembar kerja '{sheet}' tidak berisi baris nama kolom DPT (dicari di {rows} baris "
        "pertama). Kolom wajib: {columns}; kolom lain: {optional}",
        "en": "Worksheet '{sheet}' has no row of roll column names (looked for in the first "
        "{rows} rows). Required columns: {columns}; others: {optional}",
    },
    "roll.no_header_other_sheets": {
        "id": "Lembar kerja '{sheet}' tidak berisi baris nama kolom DPT (dicari di {rows} baris "
        "pertama); lembar kerja lain di buku kerja ini: {others}. Kolom wajib: {columns}; kolom "
        "lain: {optional}",
        "en": "Worksheet '{sheet}' has no row of roll column names (looked for in the first "
        "{rows} rows); the workbook's other worksheets: {others}. Required columns: {columns}; "
        "others: {optional}",
    },
    "roll.cell_date": {
        "id": "Excel mengubah isi sel ini menjadi tanggal ({value}); format kolom sebagai Teks "
        "lalu ketik ulang",
        "en": "Excel turned this cell into a date ({value}); format the column as Text and "
        "retype it",
    },
    "roll.cell_error": {
        "id": "sel berisi galat Excel {value} (rumusnya gagal); perbaiki di Excel",
        "en": "the cell shows the Excel error {value} (its formula failed); fix it in Excel",
    },
    "roll.binary_pdf": {
        "id": "Berkas ini PDF, bukan DPT yang bisa dibaca: minta DPT dalam bentuk Excel (.xlsx) "
        "atau CSV",
        "en": "This file is a PDF, not a roll that can be read: ask for the roll as Excel (.xlsx) "
        "or CSV",
    },
    "roll.binary_station": {
        "id": "Berkas ini berkas TPS (basis data), bukan DPT",
        "en": "This file is a station file (database), not a roll",
    },
    "roll.binary": {
        "id": "Berkas ini bukan teks (berkas biner), bukan CSV atau buku kerja Excel (.xlsx)",
        "en": "This file is not text (a binary file), not a CSV or an Excel workbook (.xlsx)",
    },
    "roll.empty": {"id": "Berkas DPT kosong", "en": "The roll file is empty"},
    "roll.no_rows": {"id": "Berkas DPT tidak berisi pemilih", "en": "The roll has no voters"},
    "roll.missing_column": {"id": "kolom wajib tidak ada", "en": "required column is missing"},
    "roll.field_count": {
        "id": "baris berisi {found} kolom, seharusnya {expected}",
        "en": Plural(
            "row has {found} field, expected {expected}",
            "row has {found} fields, expected {expected}",
            by="found",
        ),
    },
    "roll.bad_no": {
        "id": "nomor urut '{value}' bukan angka positif",
        "en": "list number '{value}' is not a positive number",
    },
    "roll.empty_name": {"id": "nama kosong", "en": "name is empty"},
    "roll.bad_sex": {
        "id": "jenis kelamin '{value}' tidak dikenal (L/P)",
        "en": "unknown sex '{value}' (L/P)",
    },
    "roll.bad_date": {
        "id": "tanggal lahir '{value}' tidak mungkin (DD-MM-YYYY atau YYYY-MM-DD)",
        "en": "birth date '{value}' is impossible (DD-MM-YYYY or YYYY-MM-DD)",
    },
    "roll.future_date": {
        "id": "tanggal lahir '{value}' setelah hari pemungutan suara",
        "en": "birth date '{value}' is after polling day",
    },
    "roll.bad_category": {
        "id": "kategori '{value}' tidak dikenal (DPT, DPTb, DPK)",
        "en": "unknown list '{value}' (DPT, DPTb, DPK)",
    },
    "roll.bad_ballot": {
        "id": "kode surat suara '{value}' tidak dikenal (PPWP, DPR, DPD, DPRD_PROV, DPRD_KAB)",
        "en": "unknown ballot code '{value}' (PPWP, DPR, DPD, DPRD_PROV, DPRD_KAB)",
    },
    "roll.duplicate": {
        "id": "'{value}' ganda, sudah ada di baris {first}",
        "en": "duplicate '{value}', already on line {first}",
    },
    "roll.rejected": {
        "id": "DPT ditolak: {count} masalah, tidak ada yang diimpor",
        "en": Plural(
            "Roll rejected: {count} problem, nothing was imported",
            "Roll rejected: {count} problems, nothing was imported",
        ),
    },
    "roll.issue": {
        "id": "baris {line}, kolom {column}: {message}",
        "en": "line {line}, column {column}: {message}",
    },
    "roll.issue_row": {"id": "baris {line}: {message}", "en": "line {line}: {message}"},
    "roll.progress": {"id": "Membaca DPT", "en": "Reading the roll"},
    "warn.encoding": {
        "id": "berkas bukan UTF-8; dibaca sebagai Windows-1252 — periksa nama beraksen",
        "en": "file is not UTF-8; read as Windows-1252 — check names with accents",
    },
    "warn.extra_column": {"id": "kolom tidak dikenal diabaikan", "en": "unknown column ignored"},
    "warn.nik_birth": {
        "id": "tanggal lahir di NIK {nik} berbeda dengan tanggal lahir di DPT",
        "en": "birth date in NIK {nik} differs from the roll's birth date",
    },
    "warn.nik_sex": {
        "id": "jenis kelamin di NIK {nik} berbeda dengan DPT",
        "en": "sex encoded in NIK {nik} differs from the roll",
    },
    "warn.under_17": {
        "id": "berumur {age} pada hari pemungutan suara: hanya boleh memilih bila sudah/pernah kawin",
        "en": "aged {age} on polling day: may vote only if married or previously married",
    },
    "warning": {"id": "Peringatan", "en": "Warning"},
    # The station file
    "init.exists": {
        "id": "{path} sudah ada; TPS yang ada tidak akan ditimpa",
        "en": "{path} already exists; an existing station is never overwritten",
    },
    "init.not_empty": {
        "id": "Basis data {path} tidak kosong; yang ada tidak akan ditimpa. Pakai basis data "
        "baru yang kosong (createdb).",
        "en": "The database {path} is not empty; what it holds is never overwritten. Use a new, "
        "empty database (createdb).",
    },
    "clock.ahead": {
        "id": "Jam laptop ini {minutes} menit {seconds} detik lebih cepat dari jam server {path} "
        "(paling banyak 2 menit): setel jam laptop ini, lalu buka lagi.",
        "en": "This laptop's clock is {minutes} min {seconds} s ahead of the server {path}'s "
        "(at most 2 minutes allowed): set this laptop's clock, then open again.",
    },
    "clock.behind": {
        "id": "Jam laptop ini {minutes} menit {seconds} detik lebih lambat dari jam server {path} "
        "(paling banyak 2 menit): setel jam laptop ini, lalu buka lagi.",
        "en": "This laptop's clock is {minutes} min {seconds} s behind the server {path}'s "
        "(at most 2 minutes allowed): set this laptop's clock, then open again.",
    },
    "init.drill": {
        "id": "TPS latihan: jamnya sekarang {at} dan berjalan terus (ubah dengan --now)",
        "en": "Training station: its clock now reads {at} and runs on (re-set it with --now)",
    },
    "init.done": {
        "id": "{tps} dibuat di {path}\nHari pemungutan suara: {date}, pukul {opens}–{closes} "
        "{zone}\n{count} pemilih, sidik DPT {fingerprint}",
        "en": Plural(
            "{tps} created at {path}\nPolling day: {date}, {opens}–{closes} {zone}\n"
            "{count} voter, roll fingerprint {fingerprint}",
            "{tps} created at {path}\nPolling day: {date}, {opens}–{closes} {zone}\n"
            "{count} voters, roll fingerprint {fingerprint}",
        ),
    },
    "station.replaced": {
        "id": "Berkas {path} telah diganti atau dihapus sejak dibuka: tidak ada yang dicatat. "
        "Tutup program, lalu buka lagi.",
        "en": "The file {path} was replaced or deleted after it was opened: nothing was "
        "recorded. Close the program and open it again.",
    },
    "station.missing": {
        "id": "Basis data {path} tidak ada",
        "en": "Database {path} does not exist",
    },
    "station.not_a_station": {
        "id": "{path} bukan basis data TPS Console",
        "en": "{path} is not a TPS Console database",
    },
    "fault.disk_full": {
        "id": "Disk penuh di {path}: tidak ada yang dicatat. Kosongkan ruang disk atau pindahkan "
        "berkas TPS ke disk lain, lalu ulangi.",
        "en": "The disk holding {path} is full: nothing was recorded. Free some space or move "
        "the station to another disk, then try again.",
    },
    "fault.read_only": {
        "id": "{path} hanya bisa dibaca (terkunci atau flashdisk dilindungi tulis): tidak ada "
        "yang dicatat. Buka kunci tulisnya atau salin TPS ke tempat yang bisa ditulis.",
        "en": "{path} can only be read (locked, or on write-protected media): nothing was "
        "recorded. Remove the write protection or copy the station somewhere writable.",
    },
    "fault.locked": {
        "id": "{path} sedang dipakai program lain terlalu lama: tidak ada yang dicatat. Tunggu "
        "sebentar lalu ulangi; tutup program lain yang membuka berkas ini.",
        "en": "{path} is held by another program for too long: nothing was recorded. Wait a "
        "moment and try again; close other programs that have this file open.",
    },
    "fault.io": {
        "id": "Gagal membaca/menulis disk untuk {path} (flashdisk dicabut?): tidak ada yang "
        "dicatat. Periksa disk, lalu ulangi.",
        "en": "The disk failed to read or write {path} (a stick pulled out?): nothing was "
        "recorded. Check the disk, then try again.",
    },
    "fault.cannot_open": {
        "id": "{path} tidak bisa dibuka: foldernya tidak ada atau tidak boleh dibaca",
        "en": "Cannot open {path}: its folder does not exist or may not be read",
    },
    "fault.directory": {
        "id": "{path} adalah folder, bukan berkas TPS",
        "en": "{path} is a folder, not a station file",
    },
    "fault.damaged": {
        "id": "Berkas {path} rusak: pulihkan TPS dari cadangan terakhir (restore)",
        "en": "The file {path} is damaged: restore the station from its latest backup",
    },
    "fault.old_version": {
        "id": "{path} dibuat oleh versi TPS Console yang lain: buka dengan versi yang membuatnya",
        "en": "{path} was made by another version of TPS Console: open it with the version "
        "that made it",
    },
    "fault.server_unreachable": {
        "id": "Server basis data {path} tidak terjangkau: tidak ada yang dicatat. Periksa kabel "
        "jaringan dan laptop server; meja ini mencoba lagi sendiri.",
        "en": "The database server {path} cannot be reached: nothing was recorded. Check the "
        "network cable and the server laptop; this desk tries again by itself.",
    },
    "fault.server_login": {
        "id": "Server {path} menolak masuk (nama pengguna, kata sandi atau pg_hba.conf): tidak "
        "ada yang dicatat. Minta petugas TI memeriksa alamat yang diberikan.",
        "en": "The server {path} refused the login (user name, password or pg_hba.conf): "
        "nothing was recorded. Ask IT staff to check the address given.",
    },
    # A server's TLS (README, "Several desks on a server"): each says what to do about it.
    "server.plain_text": {
        "id": "Alamat {path} meminta sslmode={mode} (di alamat atau PGSSLMODE) ke komputer lain: "
        "NIK dan data pemilih akan lewat jaringan tanpa enkripsi, jadi ditolak. Hapus sslmode "
        "itu (sambungan lalu memakai TLS); bila server belum memakai SSL, petugas TI "
        "menyalakannya (ssl = on dengan sertifikat, README).",
        "en": "The address {path} asks for sslmode={mode} (in the address or PGSSLMODE) to "
        "another computer: NIKs and voters' data would cross the network unencrypted, so it is "
        "refused. Remove that sslmode (the connection then uses TLS); if the server has no SSL "
        "yet, IT staff turn it on (ssl = on with a certificate, README).",
    },
    "fault.server_no_tls": {
        "id": "Server {path} tidak memakai enkripsi (SSL/TLS), padahal data pemilih lewat "
        "jaringan: tidak ada yang dicatat. Petugas TI menyalakannya di server: sertifikat, "
        "ssl = on di postgresql.conf, baris hostssl di pg_hba.conf, lalu restart (README).",
        "en": "The server {path} does not encrypt connections (SSL/TLS), and voters' data "
        "crosses the network: nothing was recorded. IT staff turn it on at the server: a "
        "certificate, ssl = on in postgresql.conf, a hostssl line in pg_hba.conf, then a "
        "restart (README).",
    },
    "fault.server_tls_only": {
        "id": "Server {path} menolak sambungan tanpa enkripsi (pg_hba.conf hanya hostssl): tidak "
        "ada yang dicatat. Hapus sslmode=disable dari alamat atau PGSSLMODE; bila server "
        "belum memakai SSL, petugas TI menyalakannya (ssl = on dengan sertifikat, README).",
        "en": "The server {path} refused a connection without encryption (pg_hba.conf has "
        "hostssl lines only): nothing was recorded. Remove sslmode=disable from the address "
        "or PGSSLMODE; if the server has no SSL yet, IT staff turn it on (ssl = on with a "
        "certificate, README).",
    },
    "fault.server_certificate": {
        "id": "Sertifikat server {path} tidak cocok dengan berkas CA yang diberikan "
        "(sslrootcert) atau tidak dibuat untuk alamat ini: tidak ada yang dicatat. Minta "
        "petugas TI berkas CA server itu (ca.crt) dan pakai alamat yang tertulis di "
        "sertifikatnya. Server lain bisa saja menyamar.",
        "en": "The server {path}'s certificate does not verify against the CA file given "
        "(sslrootcert), or was not made for this address: nothing was recorded. Ask IT staff "
        "for that server's CA file (ca.crt) and use the address its certificate names. "
        "Another computer may be posing as the server.",
    },
    "fault.server_ca_file": {
        "id": "Berkas CA server (sslrootcert atau PGSSLROOTCERT) untuk {path} tidak ada atau "
        "tidak bisa dibaca: tidak ada yang dicatat. Periksa jalur berkas ca.crt dari petugas TI.",
        "en": "The server's CA file (sslrootcert or PGSSLROOTCERT) for {path} is missing or "
        "cannot be read: nothing was recorded. Check the path of the ca.crt from IT staff.",
    },
    "fault.server_full": {
        "id": "Server {path} kehabisan ruang disk atau sambungan: tidak ada yang dicatat. "
        "Minta petugas TI memeriksa laptop server, lalu ulangi.",
        "en": "The server {path} is out of disk space or connections: nothing was recorded. "
        "Ask IT staff to check the server laptop, then try again.",
    },
    "fault.unexpected": {
        "id": "Kesalahan tak terduga ({error}): tidak ada yang dicatat setelah konfirmasi "
        "terakhir. Rincian untuk petugas TI: {log}",
        "en": "Unexpected error ({error}): nothing was recorded after the last confirmation. "
        "Details for IT staff: {log}",
    },
    "station.unreadable": {
        "id": "{path} tidak bisa dibuka: {error}",
        "en": "Cannot open {path}: {error}",
    },
    # Officers and PINs
    "officer.bad_id": {
        "id": "ID petugas '{id}' tidak sah (huruf kecil, angka, . _ -; maks. 32)",
        "en": "officer ID '{id}' is not valid (lower-case letters, digits, . _ -; max 32)",
    },
    "officer.empty_name": {"id": "Nama petugas kosong", "en": "Officer name is empty"},
    "officer.bad_role": {
        "id": "Peran '{role}' tidak dikenal (chair/member)",
        "en": "Unknown role '{role}' (chair/member)",
    },
    "officer.bad_pin": {"id": "PIN harus 4–12 angka", "en": "A PIN is 4–12 digits"},
    "officer.first_chair": {
        "id": "Petugas pertama harus Ketua KPPS (--role chair)",
        "en": "The first officer must be the KPPS chair (--role chair)",
    },
    "officer.chair_needed": {
        "id": "Petugas baru hanya bisa ditambahkan dengan PIN Ketua KPPS",
        "en": "New officers can only be added with the KPPS chair's PIN",
    },
    "officer.exists": {"id": "Petugas '{id}' sudah ada", "en": "Officer '{id}' already exists"},
    "officer.added": {
        "id": "Petugas {id} ({role}) ditambahkan",
        "en": "Officer {id} ({role}) added",
    },
    "role.chair": {"id": "Ketua KPPS", "en": "KPPS chair"},
    "role.member": {"id": "anggota KPPS", "en": "KPPS member"},
    "officer.pin_prompt": {"id": "PIN {id}: ", "en": "PIN for {id}: "},
    "officer.pin_again": {"id": "Ulangi PIN: ", "en": "PIN again: "},
    "officer.pin_differs": {"id": "Kedua PIN berbeda", "en": "The two PINs differ"},
    "officer.chair_id_prompt": {"id": "ID Ketua KPPS: ", "en": "Chair's officer ID: "},
    "auth.unknown_officer": {"id": "Petugas '{id}' tidak dikenal", "en": "Unknown officer '{id}'"},
    "auth.not_a_pin": {
        "id": "Itu bukan PIN (PIN: 4–12 angka); tidak dihitung sebagai PIN salah",
        "en": "That is not a PIN (a PIN is 4–12 digits); not counted as a wrong PIN",
    },
    "reason.looks_scanned": {
        "id": "Alasan ini tampak seperti NIK atau no. register yang terpindai: tulis alasannya "
        "dengan kata-kata (tidak ada yang dicatat)",
        "en": "This reason looks like a scanned NIK or register number: write the reason in "
        "words (nothing was recorded)",
    },
    "undo.changed": {
        "id": "Kehadiran pemilih ini berubah sejak kartunya dibuka (di meja lain): buka kartunya "
        "lagi; tidak ada yang dibatalkan",
        "en": "This voter's check-in changed since the card was opened (at another desk): open "
        "the card again; nothing was undone",
    },
    "auth.wrong_pin": {
        "id": "PIN salah ({left} percobaan lagi sebelum dikunci)",
        "en": Plural(
            "Wrong PIN ({left} more try before lock-out)",
            "Wrong PIN ({left} more tries before lock-out)",
            by="left",
        ),
    },
    "auth.locked_now": {
        "id": "PIN salah 5 kali: petugas dikunci {minutes} menit",
        "en": Plural(
            "Wrong PIN 5 times: officer locked for {minutes} minute",
            "Wrong PIN 5 times: officer locked for {minutes} minutes",
            by="minutes",
        ),
    },
    "auth.locked": {
        "id": "Petugas dikunci karena PIN salah sampai {until}",
        "en": "Officer locked after wrong PINs until {until}",
    },
    "auth.chair_only": {
        "id": "Hanya Ketua KPPS yang boleh melakukan ini ({id} bukan ketua)",
        "en": "Only the KPPS chair may do this ({id} is not the chair)",
    },
    "auth.no_pin": {
        "id": "PIN diperlukan (variabel TPS_PIN atau ketik saat diminta)",
        "en": "A PIN is needed (TPS_PIN variable or typed at the prompt)",
    },
    # Check-in
    "checkin.unknown": {
        "id": "Pemilih '{key}' tidak ada di daftar TPS ini",
        "en": "Voter '{key}' is not on this station's lists",
    },
    "checkin.already_voted": {
        "id": "SUDAH MEMILIH: {name} sudah tercatat hadir pukul {at} oleh {officer} di meja {desk}",
        "en": "ALREADY VOTED: {name} was checked in at {at} by {officer} at desk {desk}",
    },
    "checkin.released": {
        "id": "{name} sudah BEBAS (dikeluarkan dari rutan): {reason}",
        "en": "{name} has been RELEASED from the rutan: {reason}",
    },
    "checkin.transferred": {
        "id": "{name} sudah DIPINDAH ke tempat lain: {reason}",
        "en": "{name} has been TRANSFERRED elsewhere: {reason}",
    },
    "checkin.not_open": {
        "id": "TPS belum dibuka: pemungutan suara mulai pukul {opens}",
        "en": "The polls are not open yet: voting starts at {opens}",
    },
    "checkin.closed": {
        "id": "Pemungutan suara sudah ditutup pukul {closes}",
        "en": "Voting closed at {closes}",
    },
    "checkin.done": {
        "id": "HADIR: {name} (no. {no}) tercatat pukul {at} — surat suara: {ballots}",
        "en": "CHECKED IN: {name} (no. {no}) at {at} — ballots: {ballots}",
    },
    "undo.reason_needed": {"id": "Alasan pembatalan wajib diisi", "en": "A reason is required"},
    "undo.not_checked_in": {
        "id": "Pemilih ini tidak sedang tercatat hadir",
        "en": "This voter has no active check-in",
    },
    "reinstate.done": {
        "id": "{name} (no. {no}) boleh memilih lagi (tercatat di log audit)",
        "en": "{name} (no. {no}) may vote again (recorded in the audit log)",
    },
    "undo.done": {
        "id": "Kehadiran #{id} dibatalkan (tercatat di log audit)",
        "en": "Check-in #{id} undone (recorded in the audit log)",
    },
    "status.bad": {"id": "Status '{status}' tidak dikenal", "en": "Unknown status '{status}'"},
    "status.reason_needed": {"id": "Alasan wajib diisi", "en": "A reason is required"},
    "status.not_marked": {
        "id": "{name} tidak ditandai bebas atau dipindah: tidak ada yang dipulihkan",
        "en": "{name} is not marked released or transferred: there is nothing to reinstate",
    },
    "status.already_voted": {
        "id": "Pemilih sudah tercatat hadir; batalkan kehadirannya dahulu",
        "en": "The voter is checked in; undo the check-in first",
    },
    # Audit chain
    "verify.noted_missing": {
        "id": "kejadian #{seq} yang kodenya dicatat saksi tidak ada lagi: catatan berakhir di "
        "kejadian #{events} (kejadian dipotong)",
        "en": "event #{seq}, whose code a witness noted, is no longer there: the record ends at "
        "event #{events} (events were cut off)",
    },
    "verify.noted_differs": {
        "id": "kejadian #{seq} tidak berkode {noted} seperti yang dicatat saksi (sekarang {now}): "
        "catatan ini bukan yang dilihat saksi",
        "en": "event #{seq} does not have the code {noted} a witness noted (it now has {now}): "
        "this record is not the one the witness saw",
    },
    "verify.noted_miscopied": {
        "id": "kode {noted} untuk kejadian #{seq} tidak lolos huruf pemeriksanya sendiri: "
        "kemungkinan salah salin. Bandingkan dengan catatan kertas saksi; catatan TPS tidak "
        "dapat dinilai dengan kode yang salah salin",
        "en": "the code {noted} for event #{seq} fails its own check character: most likely "
        "miscopied. Compare with the witness's paper; the record cannot be judged by a "
        "miscopied code",
    },
    "verify.noted_hash_missing": {
        "id": "sidik {noted} yang dicatat saksi tidak ada di rantai mana pun",
        "en": "the hash {noted} a witness noted is at no event of the chain",
    },
    "verify.noted_other_tps": {
        "id": "kode QR itu dari {noted}, bukan dari {tps}",
        "en": "that QR code is from {noted}, not from {tps}",
    },
    "verify.noted_other_kind": {
        "id": "kode QR kejadian #{seq} itu dari catatan jenis lain (simulasi atau sungguhan) "
        "daripada catatan ini",
        "en": "the QR code of event #{seq} is of the other kind (drill/real) than this record",
    },
    "proof.too_short": {
        "id": "'{text}' terlalu pendek: kode saksi punya 16 huruf/angka (80 bit) dan nomor "
        "kejadiannya, mis. 87:K7QF-3XMA-9TCE-WR2P-5. Kode 8 digit (32 bit) dapat dipalsukan "
        "dalam semenit di laptop biasa, jadi tidak membuktikan apa pun",
        "en": "'{text}' is too short: a witness code has 16 characters (80 bits) and its event "
        "number, e.g. 87:K7QF-3XMA-9TCE-WR2P-5. An 8-digit code (32 bits) is forged in a minute "
        "on an ordinary laptop, so it proves nothing",
    },
    "proof.no_event": {
        "id": "'{text}' tanpa nomor kejadian: tulis nomornya di depan, mis. 87:K7QF-3XMA-9TCE-WR2P-5 "
        "(kode hanya berlaku untuk kejadian itu)",
        "en": "'{text}' has no event number: put it in front, e.g. 87:K7QF-3XMA-9TCE-WR2P-5 "
        "(a code holds for that event only)",
    },
    "proof.not_a_code": {
        "id": "'{text}' bukan kode saksi: nomor kejadian dan 16 huruf/angka, mis. "
        "87:K7QF-3XMA-9TCE-WR2P-5, atau teks kode QR panel",
        "en": "'{text}' is not a witness code: an event number and 16 characters, e.g. "
        "87:K7QF-3XMA-9TCE-WR2P-5, or the panel's QR text",
    },
    "verify.ok": {
        "id": "Log audit utuh: {events} kejadian, kode saksi terbaru {code}, kepala {head}",
        "en": Plural(
            "Audit chain intact: {events} event, newest witness code {code}, head {head}",
            "Audit chain intact: {events} events, newest witness code {code}, head {head}",
            by="events",
        ),
    },
    "verify.failed": {"id": "VERIFIKASI GAGAL: {problem}", "en": "VERIFICATION FAILED: {problem}"},
    "verify.after_closing": {
        "id": "kejadian #{seq} ({kind}) tercatat setelah pemungutan ditutup; sesudah ditutup "
        "hanya masuk, PIN salah, dan kejadian khusus/keberatan saksi yang boleh tercatat",
        "en": "event #{seq} ({kind}) was recorded after the polls closed; after closing only "
        "sign-ins, wrong PINs and incidents/objections may be recorded",
    },
    "verify.gap": {
        "id": "kejadian #{seq} hilang dari log",
        "en": "event #{seq} is missing from the log",
    },
    "verify.link": {
        "id": "rantai putus di kejadian #{seq} (kejadian sebelumnya diubah atau dihapus)",
        "en": "chain broken at event #{seq} (the event before it was changed or removed)",
    },
    "verify.hash": {"id": "kejadian #{seq} telah diubah", "en": "event #{seq} has been altered"},
    "verify.station": {"id": "data TPS hilang", "en": "the station row is missing"},
    "verify.station_field": {
        "id": "data TPS ({field}) berbeda dengan log",
        "en": "station data ({field}) differs from the log",
    },
    "verify.roll_count": {
        "id": "jumlah pemilih DPT {found}, menurut log {expected}",
        "en": Plural(
            "the roll holds {found} voter, the log says {expected}",
            "the roll holds {found} voters, the log says {expected}",
            by="found",
        ),
    },
    "verify.roll_changed": {
        "id": "data pemilih DPT diubah setelah impor (sidik jari berbeda)",
        "en": "roll data changed after import (fingerprint differs)",
    },
    "verify.voter_unrecorded": {
        "id": "pemilih no. {no} tidak tercatat di log",
        "en": "voter no. {no} has no event in the log",
    },
    "verify.voter_status": {
        "id": "status pemilih no. {no} berbeda dengan log",
        "en": "the status of voter no. {no} differs from the log",
    },
    "verify.officer": {
        "id": "data petugas '{id}' berbeda dengan log",
        "en": "officer '{id}' differs from the log",
    },
    "verify.checkin_unrecorded": {
        "id": "kehadiran #{id} tidak tercatat di log (disisipkan dari luar program)",
        "en": "check-in #{id} has no event in the log (inserted behind the program's back)",
    },
    "verify.checkin_changed": {
        "id": "kehadiran #{id} berbeda dengan log",
        "en": "check-in #{id} differs from the log",
    },
    "verify.checkin_missing": {
        "id": "kehadiran #{id} ada di log tetapi hilang dari tabel",
        "en": "check-in #{id} is in the log but missing from the table",
    },
    "verify.drill_clock_on_real": {
        "id": "kejadian #{seq} memasang jam latihan pada TPS sungguhan",
        "en": "event #{seq} sets a drill clock on a real station",
    },
    "verify.undo_without_checkin": {
        "id": "kejadian #{seq} membatalkan kehadiran yang tidak ada",
        "en": "event #{seq} undoes a check-in that does not exist",
    },
    "verify.rehash_unknown_officer": {
        "id": "kejadian #{seq} mengganti hash PIN petugas '{id}' yang tidak ada",
        "en": "event #{seq} rehashes the PIN of officer '{id}', who does not exist",
    },
    "verify.status_unknown_voter": {
        "id": "kejadian #{seq} mengubah status pemilih #{id} yang tidak ada",
        "en": "event #{seq} sets the status of voter #{id}, who does not exist",
    },
    "verify.impossible": {
        "id": "kejadian #{seq} ({kind}) tidak mungkin terjadi pada data sebelumnya (log dipalsukan)",
        "en": "event #{seq} ({kind}) cannot follow the record before it (a forged log)",
    },
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
