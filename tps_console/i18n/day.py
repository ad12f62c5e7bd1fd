"""Messages of the day's rules: ballots, DPK, queue, closing, report, officers and PINs, check-in
(see i18n/__init__.py)."""

from __future__ import annotations

from tps_console.i18n.plural import Catalogue, Plural

MESSAGES: Catalogue = {
    # Command line
    "cli.ballots": {
        "id": "catat surat suara diterima menurut berita acara (ketua): TYPE=N …",
        "en": "record ballots received per the handover minutes (chair): TYPE=N …",
    },
    "cli.ballots_source": {
        "id": "TPS penyangga asal surat suara (tanpa ini: stok TPS sendiri)",
        "en": "lending TPS the ballots come from (without it: the station's own stock)",
    },
    "cli.replace": {
        "id": "ganti surat suara rusak/keliru coblos (ketua, sekali per jenis, dengan alasan)",
        "en": "replace a damaged or wrongly marked ballot (chair, once per type, with a reason)",
    },
    "cli.dpk": {"id": "pemilih DPK (jam 12.00–13.00)", "en": "DPK voters (12:00–13:00)"},
    "cli.dpk_add": {
        "id": "daftarkan pemilih DPK dari KTP-el (ketua)",
        "en": "register a DPK voter from their KTP-el (chair)",
    },
    "cli.dpk_married": {
        "id": "sudah/pernah kawin (boleh memilih walau belum 17 tahun)",
        "en": "married or previously married (may vote under 17)",
    },
    "cli.queue": {
        "id": "catat pemilih yang antre pukul 13.00 (ketua)",
        "en": "record the voters queuing at 13:00 (chair)",
    },
    "cli.close": {
        "id": "tutup pemungutan suara (ketua); catatan lalu dibekukan",
        "en": "close the polls (chair); the record is then frozen",
    },
    "cli.report": {
        "id": "angka C.Hasil dan daftar hadir",
        "en": "C.Hasil figures and attendance lists",
    },
    "cli.report_out": {
        "id": "tulis daftar hadir (CSV), angka (JSON) dan ringkasan PDF ke folder ini",
        "en": "write the attendance lists (CSV), figures (JSON) and PDF summary to this folder",
    },
    # Hours, queue, closing
    "polls.frozen": {
        "id": "Pemungutan suara sudah ditutup pukul {closed}: catatan dibekukan, tidak ada yang bisa diubah",
        "en": "The polls were closed at {closed}: the record is frozen, nothing can be changed",
    },
    "checkin.not_queued": {
        "id": "Sudah lewat pukul {closes}: {name} tidak tercatat dalam antrean, tidak boleh memilih",
        "en": "It is past {closes}: {name} was not recorded in the queue and may not vote",
    },
    "queue.empty": {
        "id": "Sebutkan pemilih yang antre (NIK atau no. register)",
        "en": "Name the voters in the queue (NIK or register number)",
    },
    "queue.not_now": {
        "id": "Antrean dicatat mulai pukul {closes}, sebelum TPS ditutup",
        "en": "The queue is recorded from {closes} until the polls are closed",
    },
    "queue.already_voted": {
        "id": "{name} sudah tercatat hadir, tidak perlu masuk antrean",
        "en": "{name} is already checked in and needs no place in the queue",
    },
    "queue.already_queued": {
        "id": "{name} sudah tercatat dalam antrean",
        "en": "{name} is already recorded in the queue",
    },
    "queue.done": {
        "id": "{count} pemilih dicatat dalam antrean: {names}",
        "en": Plural(
            "{count} voter recorded in the queue: {names}",
            "{count} voters recorded in the queue: {names}",
        ),
    },
    "close.already": {
        "id": "Pemungutan suara sudah ditutup pukul {closed}",
        "en": "The polls were already closed at {closed}",
    },
    "close.too_early": {
        "id": "Pemungutan suara belum boleh ditutup sebelum pukul {closes}",
        "en": "The polls may not be closed before {closes}",
    },
    "close.done": {
        "id": "Pemungutan suara DITUTUP pukul {at}. Catatan dibekukan; buat laporan dengan `report`.",
        "en": "The polls are CLOSED at {at}. The record is frozen; make the report with `report`.",
    },
    "close.queue_waiting": {
        "id": "Perhatian: {count} pemilih dalam antrean tidak tercatat hadir",
        "en": Plural(
            "Note: {count} voter in the queue was never checked in",
            "Note: {count} voters in the queue were never checked in",
        ),
    },
    # Ballots
    "ballot.PPWP": {"id": "PPWP (Presiden/Wapres)", "en": "PPWP (President/VP)"},
    "ballot.DPR": {"id": "DPR", "en": "DPR (national parliament)"},
    "ballot.DPD": {"id": "DPD", "en": "DPD (regional representatives)"},
    "ballot.DPRD_PROV": {"id": "DPRD Provinsi", "en": "DPRD_PROV (provincial parliament)"},
    "ballot.DPRD_KAB": {"id": "DPRD Kabupaten/Kota", "en": "DPRD_KAB (regency parliament)"},
    "ballots.unknown_type": {
        "id": "Jenis surat suara '{value}' tidak dikenal ({types})",
        "en": "Unknown ballot type '{value}' ({types})",
    },
    "ballots.negative": {
        "id": "Jumlah surat suara '{value}' negatif; isi jumlah yang diterima menurut berita acara",
        "en": "Ballot count '{value}' is negative; enter the number received per the handover minutes",
    },
    "ballots.not_a_number": {
        "id": "Jumlah surat suara '{value}' bukan bilangan bulat",
        "en": "Ballot count '{value}' is not a whole number",
    },
    "ballots.bad_item": {
        "id": "'{value}' tidak berbentuk JENIS=JUMLAH (mis. PPWP=200)",
        "en": "'{value}' is not TYPE=COUNT (e.g. PPWP=200)",
    },
    "ballots.twice": {
        "id": "Jenis {type} disebut dua kali",
        "en": "Type {type} is given twice",
    },
    "ballots.too_many": {
        "id": "Jumlah {value} terlalu besar untuk satu TPS (maks. {max}); periksa berita acara",
        "en": "A count of {value} is too large for one station (max {max}); check the minutes",
    },
    "ballots.nothing": {
        "id": "Tidak ada surat suara yang dicatat (semua jumlah 0)",
        "en": "No ballots to record (every count is 0)",
    },
    "ballots.bad_source": {
        "id": "Nama sumber '{value}' tidak sah (tidak kosong, maks. {max} karakter)",
        "en": Plural(
            "Source name '{value}' is not valid (not empty, at most {max} character)",
            "Source name '{value}' is not valid (not empty, at most {max} characters)",
            by="max",
        ),
    },
    "ballots.out": {
        "id": "SURAT SUARA HABIS: {types}. Ketua KPPS memutuskan: serahkan yang ada, atau tunggu",
        "en": "NO BALLOTS left: {types}. The KPPS chair decides: hand out what remains, or wait",
    },
    "ballots.none_left": {
        "id": "SURAT SUARA HABIS: tidak ada surat suara ({types}) untuk pemilih ini",
        "en": "NO BALLOTS left: none of this voter's ballots ({types}) remain",
    },
    "ballots.received": {
        "id": "Surat suara diterima dari {source}: {counts}",
        "en": "Ballots received from {source}: {counts}",
    },
    "ballots.new_source": {
        "id": "{source} dicatat sebagai TPS penyangga ke-{position}",
        "en": "{source} recorded as lending TPS no. {position}",
    },
    "ballots.stock_title": {
        "id": "Stok surat suara (sisa / diterima):",
        "en": "Ballot stock (remaining / received):",
    },
    "ballots.own": {"id": "{name} (sendiri)", "en": "{name} (own)"},
    "ballots.no_stock": {
        "id": "Belum ada surat suara yang dicatat",
        "en": "No ballots recorded yet",
    },
    "replace.reason_needed": {
        "id": "Alasan penggantian wajib diisi",
        "en": "A reason for the replacement is required",
    },
    "replace.not_checked_in": {
        "id": "Pemilih ini tidak sedang tercatat hadir",
        "en": "This voter has no active check-in",
    },
    "replace.not_issued": {
        "id": "Pemilih ini tidak menerima surat suara {type}",
        "en": "This voter did not receive a {type} ballot",
    },
    "replace.once": {
        "id": "Surat suara {type} pemilih ini sudah pernah diganti (hanya boleh sekali)",
        "en": "This voter's {type} ballot was already replaced (allowed once only)",
    },
    "replace.done": {
        "id": "Surat suara {type} diganti: yang rusak dicatat rusak ({spoiled}), pengganti dari {source}",
        "en": "{type} ballot replaced: the spoiled one counts as damaged ({spoiled}), replacement from {source}",
    },
    # DPK
    "dpk.under_17": {
        "id": "Belum 17 tahun pada hari pemungutan suara ({age}) dan tidak sudah/pernah kawin: tidak berhak memilih",
        "en": "Under 17 on polling day ({age}) and not married: not eligible to vote",
    },
    "dpk.outside_hour": {
        "id": "Pemilih DPK hanya dilayani pukul {start}–{end}",
        "en": "DPK voters are served only from {start} to {end}",
    },
    "dpk.on_roll": {
        "id": "NIK ini sudah ada di daftar: {name}, {category} no. {no}; layani sebagai pemilih terdaftar",
        "en": "This NIK is already on the lists: {name}, {category} no. {no}; serve them as a listed voter",
    },
    "dpk.on_roll_released": {
        "id": "NIK ini ada di daftar: {name}, {category} no. {no}, tetapi ditandai BEBAS ({reason}): "
        "tidak boleh memilih di TPS ini, juga tidak sebagai DPK",
        "en": "This NIK is on the lists: {name}, {category} no. {no}, but marked RELEASED "
        "({reason}): may not vote at this station, nor as DPK",
    },
    "dpk.on_roll_transferred": {
        "id": "NIK ini ada di daftar: {name}, {category} no. {no}, tetapi ditandai PINDAH "
        "({reason}): tidak boleh memilih di TPS ini, juga tidak sebagai DPK",
        "en": "This NIK is on the lists: {name}, {category} no. {no}, but marked TRANSFERRED "
        "({reason}): may not vote at this station, nor as DPK",
    },
    "dpk.no_ballots": {
        "id": "Surat suara tidak cukup untuk pemilih DPK lagi: {types}",
        "en": "Not enough ballots left for another DPK voter: {types}",
    },
    "dpk.empty_name": {"id": "Nama pemilih kosong", "en": "The voter's name is empty"},
    "dpk.bad_sex": {
        "id": "Jenis kelamin '{value}' tidak dikenal (L/P)",
        "en": "Unknown sex '{value}' (L/P)",
    },
    "dpk.bad_birth": {
        "id": "Tanggal lahir '{value}' tidak mungkin (YYYY-MM-DD atau DD-MM-YYYY)",
        "en": "Birth date '{value}' is impossible (YYYY-MM-DD or DD-MM-YYYY)",
    },
    "dpk.future_birth": {
        "id": "Tanggal lahir {value} setelah hari pemungutan suara",
        "en": "Birth date {value} is after polling day",
    },
    "dpk.added": {
        "id": "Pemilih DPK {name} terdaftar sebagai no. {no}; catat kehadirannya dengan NIK. "
        "Ingat: pemilih DPT/DPTb yang hadir didahulukan.",
        "en": "DPK voter {name} registered as no. {no}; check them in by NIK. "
        "Remember: DPT/DPTb voters present go first.",
    },
    # Report
    "report.unbalanced": {
        "id": "SURAT SUARA TIDAK COCOK ({type}, {source}): diterima {received} ≠ digunakan {used} "
        "+ rusak {damaged} + sisa {remaining}. Catatan tidak konsisten; jalankan `verify`",
        "en": "BALLOTS DO NOT ADD UP ({type}, {source}): received {received} ≠ used {used} "
        "+ damaged {damaged} + remaining {remaining}. The record is inconsistent; run `verify`",
    },
    # Files written for people (reports, slips, backups): see domain/store/output.py.
    "output.not_folder": {
        "id": "{path} bukan folder: sebutkan folder tujuan yang lain",
        "en": "{path} is not a folder: name another folder to write to",
    },
    "output.is_folder": {
        "id": "{path} adalah folder: sebutkan nama berkasnya",
        "en": "{path} is a folder: give the file's name",
    },
    "output.no_drive": {
        "id": "Tidak bisa menulis {path}: drive atau flashdisk-nya tidak terpasang. Pasang "
        "flashdisk, atau pilih folder di disk laptop, lalu ulangi.",
        "en": "Cannot write {path}: its drive or USB stick is not plugged in. Plug the stick in, "
        "or choose a folder on the laptop's disk, then try again.",
    },
    "output.disk_full": {
        "id": "Tidak bisa menulis {path}: disk penuh. Tidak ada berkas yang setengah jadi; "
        "kosongkan ruang atau pilih flashdisk lain, lalu ulangi.",
        "en": "Cannot write {path}: the disk is full. No half-written file is left; free some "
        "space or choose another stick, then try again.",
    },
    "output.read_only": {
        "id": "Tidak bisa menulis {path}: folder itu hanya bisa dibaca (flashdisk dilindungi "
        "tulis?). Buka kunci tulisnya atau pilih folder lain, lalu ulangi.",
        "en": "Cannot write {path}: that folder can only be read (a write-protected stick?). "
        "Unlock it or choose another folder, then try again.",
    },
    "output.io": {
        "id": "Tidak bisa menulis {path}: disk gagal menulis (flashdisk dicabut?). Periksa "
        "disknya, lalu ulangi.",
        "en": "Cannot write {path}: the disk failed to write (a stick pulled out?). Check the "
        "disk, then try again.",
    },
    "output.failed": {
        "id": "Tidak bisa menulis {path}: {error}",
        "en": "Cannot write {path}: {error}",
    },
    "report.written": {"id": "Ditulis: {path}", "en": "Written: {path}"},
    "report.title": {
        "id": "{tps} — laporan {date} (dibuat {generated})",
        "en": "{tps} — report of {date} (made {generated})",
    },
    "report.voters_title": {
        "id": "Pemilih (terdaftar) dan pengguna hak pilih  L / P / J",
        "en": "Voters (on the lists) and voters who voted  L / P / J",
    },
    "report.voters_line": {
        "id": "  {list:<22} terdaftar {on_list:<16} memilih {voted}",
        "en": "  {list:<22} listed {on_list:<19} voted {voted}",
    },
    "report.ballots_title": {
        "id": "Surat suara: diterima = digunakan + rusak + sisa",
        "en": "Ballots: received = used + damaged + remaining",
    },
    "report.ballots_line": {
        "id": "  {type:<10} {received:>5} = {used:>5} + {damaged:>3} + {remaining:>5}",
        "en": "  {type:<10} {received:>5} = {used:>5} + {damaged:>3} + {remaining:>5}",
    },
    "report.sources_title": {
        "id": "Surat suara digunakan per sumber:",
        "en": "Ballots used per source:",
    },
    "report.audit": {
        "id": "Log audit: kode saksi {code} · sidik lengkap {head}",
        "en": "Audit log: witness code {code} · full hash {head}",
    },
    "report.closing": {
        "id": "Kode penutupan: {code} · sidik lengkap {head}",
        "en": "Closing code: {code} · full hash {head}",
    },
    # Attendance lists (CSV)
    "csv.row": {"id": "No. urut", "en": "Row"},
    "csv.no": {"id": "No. daftar", "en": "List no."},
    "csv.name": {"id": "Nama", "en": "Name"},
    "csv.sex": {"id": "L/P", "en": "Sex (L/P)"},
    "csv.register_no": {"id": "No. register", "en": "Register no."},
    "csv.block": {"id": "Blok/kamar", "en": "Block/cell"},
    "csv.disability": {"id": "Disabilitas", "en": "Disability"},
    "csv.time": {"id": "Pukul", "en": "Time"},
    "csv.ballots": {"id": "Surat suara", "en": "Ballots"},
    "csv.sources": {"id": "Sumber surat suara", "en": "Ballot source"},
    "csv.replaced": {"id": "Diganti (rusak)", "en": "Replaced (spoiled)"},
    "csv.nik": {"id": "NIK", "en": "NIK"},
    "csv.birth_date": {"id": "Tanggal lahir", "en": "Birth date"},
    "csv.protected": {
        "id": "DATA PRIBADI TERLINDUNGI (NIK, tanggal lahir, disabilitas; UU Adminduk pasal 84, "
        "UU PDP 27/2022): jangan dibagikan, simpan hanya di komputer terenkripsi",
        "en": "PROTECTED PERSONAL DATA (NIK, birth date, disability; UU Adminduk art. 84, "
        "UU PDP 27/2022): do not share, keep only on an encrypted computer",
    },
    "csv.drill": {"id": "SIMULASI", "en": "DRILL"},
    "csv.total_l": {"id": "Jumlah laki-laki (L)", "en": "Men (L)"},
    "csv.total_p": {"id": "Jumlah perempuan (P)", "en": "Women (P)"},
    "csv.total": {"id": "Jumlah (L+P)", "en": "Total (L+P)"},
    "csv.disability_l": {"id": "Disabilitas L", "en": "With disability, L"},
    "csv.disability_p": {"id": "Disabilitas P", "en": "With disability, P"},
    # Printable summary (PDF)
    "pdf.title": {
        "id": "Ringkasan C.Hasil - {tps}",
        "en": "C.Hasil summary - {tps}",
    },
    "pdf.subtitle": {
        "id": "Hari pemungutan suara {date}. Dibuat {generated} oleh TPS Console.",
        "en": "Polling day {date}. Made {generated} by TPS Console.",
    },
    "pdf.closed": {
        "id": "Pemungutan suara ditutup {closed}.",
        "en": "Polls closed {closed}.",
    },
    "pdf.not_closed": {
        "id": "PEMUNGUTAN SUARA BELUM DITUTUP: angka masih bisa berubah.",
        "en": "THE POLLS ARE NOT CLOSED YET: the figures may still change.",
    },
    "pdf.voters": {
        "id": "I. Data pemilih dan pengguna hak pilih",
        "en": "I. Voters and voters who used their vote",
    },
    "pdf.list": {"id": "Daftar", "en": "List"},
    "pdf.on_list": {"id": "Pemilih terdaftar", "en": "Voters on the list"},
    "pdf.voted": {"id": "Pengguna hak pilih", "en": "Voters who voted"},
    "pdf.l": {"id": "L", "en": "L"},
    "pdf.p": {"id": "P", "en": "P"},
    "pdf.j": {"id": "Jumlah", "en": "Total"},
    "pdf.list_dpt": {"id": "DPT", "en": "DPT"},
    "pdf.list_dptb": {"id": "DPTb", "en": "DPTb"},
    "pdf.list_dpk": {"id": "DPK", "en": "DPK"},
    "pdf.list_total": {"id": "Jumlah (DPT+DPTb+DPK)", "en": "Total (DPT+DPTb+DPK)"},
    "pdf.disability": {"id": "Pemilih disabilitas", "en": "Voters with disabilities"},
    "pdf.ballots": {"id": "II. Penggunaan surat suara", "en": "II. Use of ballots"},
    "pdf.ballot_type": {"id": "Jenis surat suara", "en": "Ballot"},
    "pdf.received": {"id": "Diterima*", "en": "Received*"},
    "pdf.used": {"id": "Digunakan", "en": "Used"},
    "pdf.damaged": {"id": "Rusak/keliru", "en": "Damaged"},
    "pdf.remaining": {"id": "Sisa", "en": "Unused"},
    "pdf.identity": {
        "id": "Diperiksa: diterima = digunakan + rusak/keliru coblos + sisa, untuk setiap jenis "
        "dan sumber.",
        "en": "Checked: received = used + damaged/wrongly marked + unused, for every type and "
        "source.",
    },
    "pdf.received_note": {
        "id": "* Sebagaimana dimasukkan Ketua KPPS dari berita acara serah terima (cadangan "
        "menurut berita acara itu; tidak dihitung oleh program).",
        "en": "* As the KPPS chair entered them from the handover minutes (the reserve as those "
        "minutes state it; never computed by the program).",
    },
    "pdf.nothing_received": {
        "id": "* Belum ada penerimaan surat suara yang dimasukkan.",
        "en": "* No ballots received have been entered.",
    },
    "pdf.rutan": {"id": "{rutan}", "en": "{rutan}"},
    "pdf.area": {"id": "{area}", "en": "{area}"},
    "pdf.place_desa": {"id": "Desa/Kelurahan: {value}", "en": "Desa/Kelurahan: {value}"},
    "pdf.place_kecamatan": {"id": "Kecamatan: {value}", "en": "Kecamatan: {value}"},
    "pdf.place_kabupaten": {"id": "Kabupaten/Kota: {value}", "en": "Kabupaten/Kota: {value}"},
    "pdf.place_provinsi": {"id": "Provinsi: {value}", "en": "Provinsi: {value}"},
    "pdf.place_date": {"id": "{place}, {date}", "en": "{place}, {date}"},
    "pdf.sources": {
        "id": "III. Surat suara digunakan per sumber",
        "en": "III. Ballots used per source",
    },
    "pdf.sources_attached": {
        "id": "Surat suara dari TPS sendiri dan {lenders} TPS penyangga: rinciannya per sumber di "
        "lampiran (halaman berikut). Angka bagian II mencakup semua sumber.",
        "en": "Ballots from the TPS's own stock and {lenders} lending TPS: per source on the "
        "attachment (next page). Part II's figures cover every source.",
    },
    "pdf.sources_page": {
        "id": "Lampiran ringkasan C.Hasil {tps}: surat suara digunakan per sumber",
        "en": "Attachment to the C.Hasil summary of {tps}: ballots used per source",
    },
    "pdf.source": {"id": "Sumber", "en": "Source"},
    "pdf.own_source": {"id": "{name} (sendiri)", "en": "{name} (own)"},
    "pdf.no_sources": {"id": "belum ada surat suara", "en": "no ballots recorded"},
    "pdf.sources_note": {
        "id": "Suara pada surat suara dari TPS penyangga dihitung di TPS asalnya.",
        "en": "Votes cast on a lending TPS's ballots are counted at that TPS.",
    },
    "pdf.audit": {
        "id": "IV. Kode saksi (log audit SHA-256)",
        "en": "IV. Witness code (SHA-256 audit log)",
    },
    "pdf.audit_note": {
        "id": "Sidik catatan elektronik setelah {events} kejadian; pemeriksaan catatan di TPS "
        "Console membuktikan bahwa angka di atas berasal dari catatan yang tidak diubah.",
        "en": Plural(
            "Fingerprint of the electronic record after {events} event; checking the record in "
            "TPS Console proves the figures above come from an unaltered record.",
            "Fingerprint of the electronic record after {events} events; checking the record in "
            "TPS Console proves the figures above come from an unaltered record.",
            by="events",
        ),
    },
    "pdf.closing": {
        "id": "Kode penutupan: kepala log saat pemungutan ditutup (kejadian #{seq})",
        "en": "Closing code: the audit head when the polls closed (event #{seq})",
    },
    "pdf.closing_note": {
        "id": "Setelah ditutup log hanya mencatat siapa yang masuk, jadi kepala log terbaru di bawah "
        "dapat berbeda; kode penutupan tidak berubah, dan pemeriksaan catatan memastikannya.",
        "en": "After closing the log only records who signed in, so the newest head below may "
        "differ; the closing code does not change, and checking the record confirms it.",
    },
    "pdf.signatures": {"id": "V. Tanda tangan", "en": "V. Signatures"},
    "pdf.role": {"id": "Jabatan", "en": "Role"},
    "pdf.name": {"id": "Nama", "en": "Name"},
    "pdf.witness_note": {
        "id": "Saksi menulis juga partai atau calon yang diwakilinya.",
        "en": "Witnesses also write the party or candidate they represent.",
    },
    "pdf.signature": {"id": "Tanda tangan", "en": "Signature"},
    "pdf.sign_chair": {"id": "Ketua KPPS (1)", "en": "KPPS chair (1)"},
    "pdf.sign_member": {"id": "Anggota KPPS {n}", "en": "KPPS member {n}"},
    "pdf.sign_witness": {"id": "Saksi", "en": "Witness"},
    "pdf.sign_ptps": {"id": "Pengawas TPS", "en": "Pengawas TPS (PTPS)"},
    # Verify: the day's tables against the log
    "verify.ballot_not_in_stock": {
        "id": "kejadian #{seq} menyerahkan surat suara {type} dari {source} yang tidak ada di stok",
        "en": "event #{seq} hands out a {type} ballot from {source} that is not in stock",
    },
    "verify.replace_without_ballot": {
        "id": "kejadian #{seq} mengganti surat suara yang tidak pernah diserahkan",
        "en": "event #{seq} replaces a ballot that was never handed out",
    },
    "verify.dpk_changed": {
        "id": "data pemilih DPK no. {no} berbeda dengan log",
        "en": "DPK voter no. {no} differs from the log",
    },
    "verify.dpk_missing": {
        "id": "pemilih DPK no. {no} ada di log tetapi hilang dari tabel",
        "en": "DPK voter no. {no} is in the log but missing from the table",
    },
    "verify.ballot_source": {
        "id": "sumber surat suara '{id}' berbeda dengan log",
        "en": "ballot source '{id}' differs from the log",
    },
    "verify.ballot_stock": {
        "id": "stok surat suara {id} berbeda dengan log",
        "en": "ballot stock {id} differs from the log",
    },
    "verify.issued_ballot": {
        "id": "surat suara yang diserahkan ({id}) berbeda dengan log",
        "en": "issued ballot {id} differs from the log",
    },
    "verify.queue": {
        "id": "antrean pemilih {id} berbeda dengan log",
        "en": "queue entry of voter {id} differs from the log",
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
        "id": "TPS belum dibuka: pemungutan suara tanggal {day} mulai pukul {opens}",
        "en": "The polls are not open yet: voting is on {day} from {opens}",
    },
    "checkin.closed": {
        "id": "Pemungutan suara tanggal {day} sudah ditutup pukul {closes}",
        "en": "Voting on {day} closed at {closes}",
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
}
