"""Messages of the roll: NIK problems, and reading and checking the roll file (see i18n/__init__.py)."""

from __future__ import annotations

from tps_console.i18n.plural import Catalogue, Plural

MESSAGES: Catalogue = {
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
}
