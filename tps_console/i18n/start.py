"""Messages of the start screen and of making a new station in the app (see i18n/__init__.py)."""

from __future__ import annotations

from tps_console.i18n.plural import Catalogue, Plural

_WEEKDAYS = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTHS = {
    "id": (
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip

DATES: Catalogue = {
    "date.long": {"id": "{weekday}, {day} {month} {year}", "en": "{weekday}, {day} {month} {year}"},
    **{
        f"date.weekday_{n}": {lang: names[n] for lang, names in _WEEKDAYS.items()} for n in range(7)
    },
    **{
        f"date.month_{n + 1}": {lang: names[n] for lang, names in _MONTHS.items()}
        for n in range(12)
    },
}

MESSAGES: Catalogue = {
    **DATES,
    # init's place lines
    "cli.init_rutan": {
        "id": 'nama rutan/lapas, mis. "Rutan Kelas IIB Blora" (kepala ringkasan C.Hasil)',
        "en": "the rutan's name, e.g. \"Rutan Kelas IIB Blora\" (the C.Hasil summary's heading)",
    },
    "cli.init_desa": {"id": "desa/kelurahan", "en": "desa/kelurahan (village)"},
    "cli.init_kecamatan": {"id": "kecamatan", "en": "kecamatan (district)"},
    "cli.init_kabupaten": {
        "id": "kabupaten/kota (juga tempat tanda tangan)",
        "en": "kabupaten/kota (regency or city; also where the summary is signed)",
    },
    "cli.init_provinsi": {"id": "provinsi", "en": "provinsi (province)"},
    "cli.start": {
        "id": "tanpa perintah: layar awal (buka TPS, TPS baru dari DPT, latihan, demo)",
        "en": "no command: the start screen (open a station, new station from a roll, training, demo)",
    },
    "start.no_now": {
        "id": "--now hanya untuk perintah pada TPS latihan; layar awal memakai jam sebenarnya",
        "en": "--now is for commands on a training station; the start screen runs on real time",
    },
    # The domain's refusals when a station is made
    "init.bad_hours": {
        "id": "Jam {opens}–{closes} tidak sah: buka sebelum tutup, dan paling sedikit satu jam "
        "(jam terakhir untuk pemilih DPK)",
        "en": "Hours {opens}–{closes} are not valid: opening before closing, at least one hour "
        "apart (the last hour is for DPK voters)",
    },
    "init.bad_timezone": {
        "id": "Zona waktu {zone} tidak dikenal (WIB, WITA atau WIT)",
        "en": "Unknown time zone {zone} (WIB, WITA or WIT)",
    },
    "setup.lender_is_own": {
        "id": "{name} adalah TPS ini sendiri: masukkan surat suaranya pada baris TPS sendiri",
        "en": "{name} is this TPS itself: enter its ballots on the own TPS line",
    },
    "setup.source_twice": {
        "id": "Sumber {name} dimasukkan dua kali: jumlahkan dalam satu baris",
        "en": "Source {name} is entered twice: add them up on one line",
    },
}

MESSAGES.update(
    {
        # Keys
        "start.key.back": {"id": "Kembali", "en": "Back"},
        "start.key.close_list": {"id": "Tutup daftar", "en": "Close the list"},
        "start.key.next": {"id": "Lanjut", "en": "Next"},
        "start.key.cancel": {"id": "Batalkan TPS baru", "en": "Cancel new station"},
        "start.key.create": {"id": "Buat TPS", "en": "Create station"},
        "start.key.close": {"id": "Tutup", "en": "Close"},
        "start.key.quit": {"id": "Keluar", "en": "Quit"},
        "start.key.open_file": {"id": "Buka berkas", "en": "Open file"},
        "start.key.new": {"id": "TPS baru", "en": "New station"},
        "start.key.drill": {"id": "Latihan", "en": "Training"},
        "start.key.demo": {"id": "Demo", "en": "Demo"},
        "start.key.about": {"id": "Tentang", "en": "About"},
        "start.key.mark": {"id": "Tandai sebagai orang lain", "en": "Mark as another person"},
        "start.key.browse": {"id": "Pilih berkas", "en": "Browse"},
        "start.key.type_path": {"id": "Ketik jalur", "en": "Type a path"},
        "start.key.folder_up": {"id": "Folder atas", "en": "Folder up"},
        "start.key.remove_last": {"id": "Hapus terakhir", "en": "Remove last"},
        "start.key.add_lender": {"id": "Tambah TPS penyangga", "en": "Add lending TPS"},
        # The start screen
        "start.home.title": {
            "id": "TPS Console — daftar hadir TPS",
            "en": "TPS Console — polling-station check-in",
        },
        "start.home.intro": {
            "id": "Pilih dengan ↑/↓ lalu Enter, atau tekan huruf tombolnya. Ctrl+Q keluar.",
            "en": "Choose with ↑/↓ and Enter, or press the key's letter. Ctrl+Q quits.",
        },
        "start.home.recent": {"id": "TPS yang terakhir dibuka", "en": "Stations opened lately"},
        "start.home.no_recent": {
            "id": "belum ada TPS di komputer ini",
            "en": "no station on this computer yet",
        },
        "start.home.missing": {"id": "berkas tidak ada", "en": "file missing"},
        "start.home.simulasi": {"id": "SIMULASI", "en": "DRILL"},
        "start.home.begin": {"id": "Mulai", "en": "Begin"},
        "start.home.action": {"id": "  {key}  {label}", "en": "  {key}  {label}"},
        "start.home.open_file": {
            "id": "Buka TPS… (berkas .db, mis. dari USB, atau server postgresql://)",
            "en": "Open a station… (a .db file, e.g. from a USB stick, or a server)",
        },
        "start.home.new": {
            "id": "TPS baru dari berkas DPT (CSV atau Excel), di komputer ini atau di server",
            "en": "New station from the roll file (CSV or Excel), on this computer or a server",
        },
        "start.home.drill": {
            "id": "TPS latihan (SIMULASI) dari berkas DPT, untuk bimbingan teknis",
            "en": "New training station (DRILL) from the roll file, for rehearsals",
        },
        "start.home.demo": {
            "id": "Demo: 180 pemilih contoh, petugas contoh, langsung dicoba",
            "en": "Demo: 180 sample voters, demo officers, ready to try",
        },
        "start.home.about": {
            "id": "Tentang: versi, folder data, cadangan",
            "en": "About: version, data folder, backups",
        },
        "start.drill_banner": {
            "id": "SIMULASI — TPS latihan, bukan untuk hari pemungutan suara",
            "en": "DRILL — a training station, not for polling day",
        },
        # About
        "start.about.title": {"id": "TPS Console {version}", "en": "TPS Console {version}"},
        "start.about.body": {
            "id": "Folder data: {data}\n"
            "TPS yang dibuat di sini: {stations}\n"
            "Daftar TPS terakhir: {recent}\n"
            "Catatan kesalahan untuk petugas TI: {errors}\n\n"
            "Cadangan: di meja, Ketua memilih folder cadangan otomatis (F7), sebaiknya USB. "
            "Salinan dibuat tiap 5 menit dan saat pemungutan ditutup; 12 yang terakhir disimpan. "
            "Sebelum folder itu dipilih, tidak ada cadangan otomatis.",
            "en": "Data folder: {data}\n"
            "Stations made here: {stations}\n"
            "List of recent stations: {recent}\n"
            "Error notes for IT staff: {errors}\n\n"
            "Backups: at the desk the chair names the automatic backup folder (F7), best a USB "
            "stick. A copy is made every 5 minutes and when the polls close; the newest 12 are "
            "kept. Until that folder is named there are no automatic backups.",
        },
        # The file browser
        "browse.roll": {
            "id": "Pilih berkas DPT (CSV, TXT atau Excel)",
            "en": "Choose the roll file (CSV, TXT or Excel)",
        },
        "browse.station": {
            "id": "Pilih berkas TPS (.db)",
            "en": "Choose the station file (.db)",
        },
        "browse.path_hint": {
            "id": "ketik atau tempel jalur, lalu Enter",
            "en": "type or paste a path, then Enter",
        },
        "browse.help": {
            "id": "Tab: pindah antara jalur, tempat dan folder · Enter: buka folder / pilih berkas",
            "en": "Tab: move between the path, the places and the folder · Enter: open / choose",
        },
        "browse.server": {
            "id": "TPS di server (beberapa meja): ketik alamatnya di jalur, "
            "mis. postgresql://kpps@192.168.1.10/tps901",
            "en": "A station on a server (several desks): type its address in the path line, "
            "e.g. postgresql://kpps@192.168.1.10/tps901",
        },
        "browse.documents": {"id": "Dokumen", "en": "Documents"},
        "browse.home": {"id": "Folder pribadi", "en": "Home folder"},
        "browse.drive": {"id": "USB: {name}", "en": "USB: {name}"},
        "browse.no_drive": {"id": "(tidak ada USB)", "en": "(no USB drive)"},
        "browse.not_found": {
            "id": "Tidak ada berkas atau folder {path}",
            "en": "There is no file or folder {path}",
        },
        # The steps
        "start.step": {
            "id": "TPS baru — langkah {n} dari {total}: {title}",
            "en": "New station — step {n} of {total}: {title}",
        },
        "start.roll.title": {"id": "hari dan berkas DPT", "en": "polling day and roll file"},
        "start.preview.title": {"id": "isi DPT", "en": "what the roll holds"},
        "start.station.title": {"id": "TPS, jam dan tempat", "en": "station, hours and place"},
        "start.chair.title": {"id": "Ketua KPPS", "en": "KPPS chair"},
        "start.members.title": {"id": "anggota KPPS", "en": "KPPS members"},
        "start.ballots.title": {"id": "surat suara diterima", "en": "ballots received"},
        "start.summary.title": {"id": "periksa dan buat", "en": "check and create"},
        "start.roll.date": {
            "id": "Tanggal pemungutan suara (wajib)",
            "en": "Polling date (required)",
        },
        "start.roll.date_hint": {"id": "mis. 2024-02-14 atau 14-02-2024", "en": "e.g. 2024-02-14"},
        "start.roll.date_needed": {
            "id": "Ketik tanggal pemungutan suara, mis. 2024-02-14: umur pemilih dihitung pada "
            "hari itu",
            "en": "Type the polling date, e.g. 2024-02-14: voters' ages are counted on that day",
        },
        "start.roll.file": {"id": "Berkas DPT", "en": "Roll file"},
        "start.roll.file_hint": {
            "id": "Enter atau Ctrl+O: pilih berkas",
            "en": "Enter or Ctrl+O: choose a file",
        },
        "start.roll.file_help": {
            "id": "Berkas dari rutan atau KPU, di Dokumen atau USB. Belum ada yang ditulis "
            "sampai langkah terakhir.",
            "en": "The file from the rutan or KPU, in Documents or on a USB stick. Nothing is "
            "written until the last step.",
        },
        "start.roll.reading": {"id": "Membaca DPT…", "en": "Reading the roll…"},
        "start.preview.file": {"id": "Berkas: {path}", "en": "File: {path}"},
        "start.preview.total": {
            "id": "{count} pemilih, semua baris benar",
            "en": Plural("{count} voter, every row correct", "{count} voters, every row correct"),
        },
        "start.preview.rejected": {
            "id": "{count} baris salah: TPS tidak bisa dibuat dari berkas ini",
            "en": Plural(
                "{count} bad row: no station can be made from this file",
                "{count} bad rows: no station can be made from this file",
            ),
        },
        "start.preview.how_to_fix": {
            "id": "Cara memperbaiki: buka berkas di Excel, perbaiki setiap baris di atas (nomor "
            "baris seperti di Excel), simpan, lalu Esc dan pilih berkas itu lagi. Kolom NIK "
            "harus berformat Teks.",
            "en": "To fix it: open the file in Excel, correct each row above (row numbers as in "
            "Excel), save, then Esc and choose the file again. The NIK column must be "
            "formatted as Text.",
        },
        "start.preview.cannot_go_on": {
            "id": "Perbaiki berkas dulu: dengan baris salah tidak ada pemilih yang dimasukkan",
            "en": "Fix the file first: with bad rows no voter is imported",
        },
        "start.preview.warnings": {
            "id": "{count} peringatan (boleh lanjut; periksa)",
            "en": Plural(
                "{count} warning (you may go on; check it)",
                "{count} warnings (you may go on; check them)",
            ),
        },
        "start.preview.list": {"id": "Daftar", "en": "List"},
        "start.preview.sum": {"id": "Jumlah", "en": "Total"},
        "start.preview.block": {"id": "Blok", "en": "Block"},
        "start.preview.voters": {"id": "Pemilih", "en": "Voters"},
        "start.preview.no_block": {"id": "(tanpa blok)", "en": "(no block)"},
        "start.preview.row": {"id": "Baris", "en": "Row"},
        "start.preview.column": {"id": "Kolom", "en": "Column"},
        "start.preview.problem": {"id": "Masalah", "en": "Problem"},
        "start.station.day": {"id": "Hari pemungutan suara: {date}", "en": "Polling day: {date}"},
        "start.station.tps": {"id": "Nama TPS", "en": "TPS name"},
        "start.station.opens": {"id": "Buka pukul", "en": "Opens at"},
        "start.station.closes": {"id": "Tutup pukul", "en": "Closes at"},
        "start.station.zone": {"id": "Zona waktu", "en": "Time zone"},
        "start.station.help": {
            "id": "Pemilih DPK: jam terakhir sebelum tutup. Tempat dicetak di ringkasan C.Hasil.",
            "en": "DPK voters: the last hour before closing. The place is printed on the "
            "C.Hasil summary.",
        },
        "start.station.tps_needed": {
            "id": "Ketik nama TPS, mis. 901",
            "en": "Type the TPS name, e.g. 901",
        },
        "start.station.bad_time": {
            "id": "'{value}' bukan jam: tulis mis. 07:00",
            "en": "'{value}' is not a time: write e.g. 07:00",
        },
        "start.zone.WIB": {"id": "WIB (Asia/Jakarta)", "en": "WIB (Asia/Jakarta)"},
        "start.zone.WITA": {"id": "WITA (Asia/Makassar)", "en": "WITA (Asia/Makassar)"},
        "start.zone.WIT": {"id": "WIT (Asia/Jayapura)", "en": "WIT (Asia/Jayapura)"},
        "start.place.rutan": {"id": "Rutan/lapas", "en": "Rutan (detention centre)"},
        "start.place.rutan_hint": {
            "id": "mis. Rutan Kelas IIB Blora",
            "en": "e.g. Rutan Kelas IIB Blora",
        },
        "start.place.desa": {"id": "Desa/kelurahan", "en": "Desa/kelurahan"},
        "start.place.desa_hint": {"id": "seperti di formulir C", "en": "as on the C forms"},
        "start.place.kecamatan": {"id": "Kecamatan", "en": "Kecamatan (district)"},
        "start.place.kecamatan_hint": {"id": "mis. Blora", "en": "e.g. Blora"},
        "start.place.kabupaten": {"id": "Kabupaten/kota", "en": "Kabupaten/kota (regency)"},
        "start.place.kabupaten_hint": {"id": "mis. Blora", "en": "e.g. Blora"},
        "start.place.provinsi": {"id": "Provinsi", "en": "Provinsi (province)"},
        "start.place.provinsi_hint": {"id": "mis. Jawa Tengah", "en": "e.g. Jawa Tengah"},
        "start.place.needed": {
            "id": "Isi {what}: dicetak di ringkasan yang ditandatangani",
            "en": "Fill in {what}: it is printed on the signed summary",
        },
        "start.chair.intro": {
            "id": "Ketua KPPS masuk pertama di meja, menyetujui petugas lain dan keputusan hari itu.",
            "en": "The KPPS chair signs in first at the desk and approves the other officers and "
            "the day's decisions.",
        },
        "start.officer.pin_rule": {
            "id": "PIN: 4 sampai 12 angka, hanya diketahui petugas itu. Diketik dua kali.",
            "en": "PIN: 4 to 12 digits, known only to that officer. Typed twice.",
        },
        "start.officer.id": {"id": "ID petugas", "en": "Officer ID"},
        "start.officer.id_hint": {
            "id": "huruf kecil/angka, mis. ketua",
            "en": "lower case/digits, e.g. ketua",
        },
        "start.officer.name": {"id": "Nama", "en": "Name"},
        "start.officer.pin": {"id": "PIN", "en": "PIN"},
        "start.officer.pin_again": {"id": "PIN sekali lagi", "en": "PIN again"},
        "start.officer.pins_differ": {
            "id": "Kedua PIN berbeda: ketik lagi",
            "en": "The two PINs differ: type them again",
        },
        "start.members.intro": {
            "id": "Anggota yang memakai meja (mis. anggota 4). Enter pada PIN kedua menambah; "
            "Ctrl+N lanjut (boleh tanpa anggota, bisa ditambah di meja).",
            "en": "Members who use the desk (e.g. member 4). Enter on the second PIN adds one; "
            "Ctrl+N goes on (none is fine; more can be added at the desk).",
        },
        "start.members.chair_line": {"id": "Ketua: {id} — {name}", "en": "Chair: {id} — {name}"},
        "start.members.line": {"id": "Anggota: {id} — {name}", "en": "Member: {id} — {name}"},
        "start.ballots.intro": {
            "id": "Jumlah per jenis dari berita acara serah terima (termasuk cadangannya). "
            "Kosong berarti 0. TPS penyangga: ketik namanya, mis. TPS 905.",
            "en": "Counts per type from the handover minutes (their reserve included). Empty "
            "means 0. Lending TPS: type its name, e.g. TPS 905.",
        },
        "start.ballots.source": {"id": "Sumber", "en": "Source"},
        "start.ballots.own": {"id": "{tps} (sendiri)", "en": "{tps} (own)"},
        "start.ballots.lender_hint": {"id": "TPS penyangga", "en": "lending TPS"},
        "start.ballots.help": {
            "id": "Ctrl+T: baris TPS penyangga lagi. Surat suara bisa ditambah nanti di meja.",
            "en": "Ctrl+T: another lending TPS line. More ballots can be entered at the desk later.",
        },
        "start.ballots.lender_name": {
            "id": "Ketik nama TPS penyangga untuk baris ini",
            "en": "Type the lending TPS's name for this line",
        },
        "start.summary.roll": {
            "id": "DPT: {path}\n  {count} pemilih ({lists})",
            "en": Plural(
                "Roll: {path}\n  {count} voter ({lists})",
                "Roll: {path}\n  {count} voters ({lists})",
            ),
        },
        "start.summary.tps": {"id": "{tps}, {date}", "en": "{tps}, {date}"},
        "start.summary.hours": {
            "id": "  pukul {opens}–{closes} {zone}, DPK mulai {dpk}",
            "en": "  {opens}–{closes} {zone}, DPK from {dpk}",
        },
        "start.summary.place": {"id": "Tempat: {rutan}", "en": "Place: {rutan}"},
        "start.summary.desa": {"id": "Desa/Kel. {value}", "en": "Desa/Kel. {value}"},
        "start.summary.kecamatan": {"id": "Kec. {value}", "en": "Kec. {value}"},
        "start.summary.kabupaten": {"id": "Kab./Kota {value}", "en": "Kab./Kota {value}"},
        "start.summary.provinsi": {"id": "Prov. {value}", "en": "Prov. {value}"},
        "start.summary.chair": {
            "id": "Ketua KPPS: {id} — {name}",
            "en": "KPPS chair: {id} — {name}",
        },
        "start.summary.members": {
            "id": "Anggota ({count}): {members}",
            "en": "Members ({count}): {members}",
        },
        "start.summary.no_members": {
            "id": "Anggota: belum ada (bisa ditambah di meja)",
            "en": "Members: none yet (can be added at the desk)",
        },
        "start.summary.stock": {
            "id": "Surat suara {source}: {counts}",
            "en": "Ballots {source}: {counts}",
        },
        "start.summary.no_stock": {
            "id": "Surat suara: belum ada — masukkan di meja sebelum TPS dibuka",
            "en": "Ballots: none yet — enter them at the desk before the polls open",
        },
        "start.summary.warnings": {
            "id": "Peringatan DPT: {count} (lihat langkah 2)",
            "en": "Roll warnings: {count} (see step 2)",
        },
        "start.summary.folder": {
            "id": "Folder berkas TPS (boleh diketik lain, mis. flashdisk; dibuat bila belum ada), "
            "atau alamat server untuk TPS di server (postgresql://server/lapas):",
            "en": "Folder of the station file (type another, e.g. a USB stick; made if missing), "
            "or a server's address for a TPS on a server (postgresql://server/lapas):",
        },
        "start.summary.servers": {
            "id": "Server yang pernah dibuka di komputer ini (Tab ke daftar, Enter memilih):",
            "en": "Servers opened on this computer (Tab to the list, Enter picks one):",
        },
        "start.summary.file": {"id": "Berkas TPS: {path}", "en": "Station file: {path}"},
        "start.summary.bad_address": {
            "id": "{url} bukan alamat server yang benar (mis. postgresql://kpps@192.168.1.10/lapas)",
            "en": "{url} is not a server address (e.g. postgresql://kpps@192.168.1.10/lapas)",
        },
        "start.summary.server": {
            "id": "Di server: {url} — {tps} dibuat di basis data itu, di samping TPS lain yang "
            "sudah ada di sana",
            "en": "On the server: {url} — {tps} is made in that database, beside any other TPS "
            "already there",
        },
        "start.summary.not_a_folder": {
            "id": "{path} adalah berkas, bukan folder: ketik folder untuk berkas TPS",
            "en": "{path} is a file, not a folder: type a folder for the station file",
        },
        "start.summary.passphrase": {
            "id": "Frasa sandi cadangan (tulis di kertas KPPS, simpan di amplop tersegel; boleh "
            "diganti dengan milik sendiri, min. 12 karakter):",
            "en": "Backup passphrase (write it on the KPPS's paper, keep it in the sealed envelope; "
            "or type your own, 12 characters at least):",
        },
        "start.summary.confirm": {
            "id": "Enter: buat TPS dan buka mejanya. Esc: kembali untuk mengubah.",
            "en": "Enter: create the station and open its desk. Esc: go back to change.",
        },
        "start.other_rolls.title": {
            "id": "{count} pemilih di DPT ini sudah terdaftar di TPS lain di server ini",
            "en": Plural(
                "{count} voter on this roll is on another TPS's roll on this server already",
                "{count} voters on this roll are on another TPS's roll on this server already",
            ),
        },
        "start.other_rolls.intro": {
            "id": "Orang yang sama di dua DPT (DPT ganda) hanya boleh memilih di satu TPS: "
            "perbaiki DPT-nya. Bila ketua KPPS sudah memastikan dengan surat-suratnya bahwa "
            "orangnya berbeda, tandai tiap orang dengan Spasi, lalu Enter membuat TPS. Esc: "
            "kembali, tidak ada yang dibuat.",
            "en": "The same person on two rolls (listed twice) may vote at one TPS only: mend "
            "the roll. If the KPPS chair has checked the papers and it is another person, mark "
            "each one with Space, then Enter makes the station. Esc: back, nothing is made.",
        },
        "start.other_rolls.unconfirmed": {
            "id": "Belum dipastikan orang lain: no. {numbers}. Tandai dengan Spasi, atau Esc lalu "
            "perbaiki DPT dan impor lagi.",
            "en": "Not yet confirmed as another person: no. {numbers}. Mark each with Space, or "
            "Esc and mend the roll, then import it again.",
        },
        "start.other_rolls.not_made": {
            "id": "{count} pemilih juga terdaftar di TPS lain dan belum dipastikan orang lain: "
            "perbaiki DPT lalu impor lagi",
            "en": Plural(
                "{count} voter is on another TPS's roll too and was not confirmed as another "
                "person: mend the roll and import it again",
                "{count} voters are on another TPS's roll too and were not confirmed as other "
                "people: mend the roll and import it again",
            ),
        },
        "start.summary.creating": {"id": "Membuat TPS…", "en": "Creating the station…"},
        "start.summary.failed": {
            "id": "TPS tidak dibuat, tidak ada yang tertulis: {problem}",
            "en": "The station was not created, nothing was written: {problem}",
        },
    }
)
