"""Messages of the record: the station file, a server and its TLS, the audit chain and `verify` (see
i18n/__init__.py)."""

from __future__ import annotations

from tps_console.i18n.plural import Catalogue, Plural

MESSAGES: Catalogue = {
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
        "jaringan dan laptop server.",
        "en": "The database server {path} cannot be reached: nothing was recorded. Check the "
        "network cable and the server laptop.",
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
    # `verify` of a site's database (no `?tps=`): every TPS in turn.
    "verify.site_tps": {"id": "— {tps}", "en": "— {tps}"},
    "verify.site_ok": {
        "id": "Semua {count} TPS di basis data ini utuh",
        "en": "All {count} TPS of this database are intact",
    },
    "verify.site_failed": {
        "id": "VERIFIKASI GAGAL di {failed} (dari {count} TPS di basis data ini)",
        "en": "VERIFICATION FAILED at {failed} (of the {count} TPS of this database)",
    },
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
    # A site (several TPS on one server): its rows of this TPS, held to this TPS's tables.
    "verify.site_roll_unrecorded": {
        "id": "daftar pemilih gabungan (tps_site.roll) memuat pemilih no. {id} TPS ini yang tidak "
        "ada di DPT-nya (disisipkan dari luar program)",
        "en": "the site's roll (tps_site.roll) holds a voter no. {id} of this TPS that its own roll "
        "does not (inserted behind the program's back)",
    },
    "verify.site_roll_missing": {
        "id": "pemilih no. {id} TPS ini hilang dari daftar pemilih gabungan (tps_site.roll): TPS "
        "lain tidak akan mengantar pemilih itu ke sini",
        "en": "voter no. {id} of this TPS is missing from the site's roll (tps_site.roll): the "
        "other TPS would not send that voter here",
    },
    "verify.site_roll_changed": {
        "id": "pemilih no. {id} di daftar pemilih gabungan (tps_site.roll) berbeda dengan DPT TPS ini",
        "en": "voter no. {id} in the site's roll (tps_site.roll) differs from this TPS's roll",
    },
    "verify.site_vote_unrecorded": {
        "id": "daftar suara gabungan (tps_site.vote) memuat kehadiran #{id} TPS ini yang tidak "
        "tercatat di sini (disisipkan dari luar program): NIK-nya ditolak di setiap TPS",
        "en": "the site's votes (tps_site.vote) hold a check-in #{id} of this TPS that its record "
        "does not (inserted behind the program's back): every TPS refuses that NIK",
    },
    "verify.site_vote_missing": {
        "id": "kehadiran #{id} TPS ini hilang dari daftar suara gabungan (tps_site.vote): pemilih "
        "itu bisa memilih lagi di TPS lain",
        "en": "check-in #{id} of this TPS is missing from the site's votes (tps_site.vote): that "
        "voter could vote again at another TPS",
    },
    "verify.site_vote_changed": {
        "id": "kehadiran #{id} di daftar suara gabungan (tps_site.vote) berbeda dengan catatan TPS ini",
        "en": "check-in #{id} in the site's votes (tps_site.vote) differs from this TPS's record",
    },
    "verify.site_no_such_station": {
        "id": "tabel gabungan (tps_site) memuat baris '{station}', yang bukan TPS di basis data "
        "ini (disisipkan dari luar program)",
        "en": "the site's tables (tps_site) hold rows of '{station}', which is no TPS of this "
        "database (inserted behind the program's back)",
    },
    "verify.impossible": {
        "id": "kejadian #{seq} ({kind}) tidak mungkin terjadi pada data sebelumnya (log dipalsukan)",
        "en": "event #{seq} ({kind}) cannot follow the record before it (a forged log)",
    },
}
