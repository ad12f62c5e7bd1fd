"""Messages of a site: every TPS of a prison in one database (see i18n/__init__.py)."""

from __future__ import annotations

from tps_console.i18n.plural import Catalogue, Plural

MESSAGES: Catalogue = {
    "site.bad_tps": {
        "id": "TPS '{tps}' di alamat server tidak dikenal: tulis nomornya, mis. ?tps=902",
        "en": "TPS '{tps}' in the server's address is not a TPS number: write it as ?tps=902",
    },
    "site.tps_exists": {
        "id": "{tps} sudah ada di basis data {path}: tiap TPS dibuat sekali",
        "en": "{tps} is in database {path} already: each TPS is made once",
    },
    "site.tps_differs": {
        "id": "Nama TPS '{tps}' tidak sama dengan TPS di alamat ({url_tps})",
        "en": "The TPS name '{tps}' is not the TPS the address names ({url_tps})",
    },
    "site.no_such_tps": {
        "id": "{tps} tidak ada di {path}. TPS di basis data ini: {found}",
        "en": "{tps} is not in {path}. TPS in this database: {found}",
    },
    "site.on_other_rolls": {
        "id": "{count} pemilih di daftar ini sudah terdaftar di TPS lain di lapas/rutan ini "
        "(DPT ganda?). Tidak ada yang dibuat. Jika ketua KPPS memastikan orangnya berbeda, "
        "sebut nomornya dengan --different-person NO",
        "en": Plural(
            "{count} voter on this roll is on another TPS's roll of this site already (listed "
            "twice?). Nothing was made. If the KPPS chair confirms it is another person, name "
            "the number with --different-person NO",
            "{count} voters on this roll are on another TPS's roll of this site already "
            "(listed twice?). Nothing was made. If the KPPS chair confirms they are other "
            "people, name their numbers with --different-person NO",
        ),
    },
    "site.on_other_roll": {
        "id": "no. {no} {name} (NIK {nik})",
        "en": "no. {no} {name} (NIK {nik})",
    },
    "site.on_other_roll.where": {
        "id": "{what} dengan {tps} no. {no} {name}",
        "en": "{what} as {tps} no. {no} {name}",
    },
    "site.same_nik": {"id": "NIK sama", "en": "the same NIK"},
    "site.same_register": {"id": "no. register sama", "en": "the same register number"},
    "cli.different_person": {
        "id": "no. pemilih di daftar ini yang tercatat juga di TPS lain, yang dipastikan ketua "
        "KPPS adalah orang lain (boleh diulang, atau 12,40)",
        "en": "number of a voter on this roll who is on another TPS's roll too, whom the KPPS "
        "chair confirmed is another person (repeat, or 12,40)",
    },
    "checkin.other_tps": {
        "id": "BUKAN DI SINI: {name} terdaftar di {tps}, blok {block} kamar {cell}: antar ke {tps}",
        "en": "NOT HERE: {name} is on the roll of {tps}, block {block} cell {cell}: take them "
        "to {tps}",
    },
    "checkin.voted_elsewhere": {
        "id": "SUDAH MEMILIH DI {tps}: {name} tercatat hadir di {tps} pukul {at} oleh {officer} "
        "di meja {desk}",
        "en": "ALREADY VOTED AT {tps}: {name} was checked in at {tps} at {at} by {officer} at "
        "desk {desk}",
    },
    "dpk.other_tps": {
        "id": "{name} (NIK {nik}) terdaftar di {tps}: bukan DPK di sini, antar ke {tps}",
        "en": "{name} (NIK {nik}) is on the roll of {tps}: not a DPK voter here, take them to "
        "{tps}",
    },
    "site.not_a_site": {
        "id": "{path} bukan basis data lapas/rutan di server: beri alamat postgresql:// "
        "tanpa ?tps=",
        "en": "{path} is not a site's database on a server: give its postgresql:// address "
        "without ?tps=",
    },
    "site.empty": {
        "id": "Tidak ada TPS yang bisa dibaca di {path}",
        "en": "No TPS this login may read in {path}",
    },
    "site.title": {
        "id": "Ringkasan lapas/rutan: {count} TPS",
        "en": "Site overview: {count} TPS",
    },
    "site.heading": {
        "id": "RINGKASAN LAPAS/RUTAN · {count} TPS · {at} {zone}",
        "en": "SITE OVERVIEW · {count} TPS · {at} {zone}",
    },
    "site.col.tps": {"id": "TPS", "en": "TPS"},
    "site.col.came": {"id": "Hadir", "en": "Came"},
    "site.col.hours": {"id": "Per jam", "en": "By hour"},
    "site.col.polls": {"id": "Status", "en": "Polls"},
    "site.col.code": {"id": "Kode penutupan", "en": "Closing code"},
    "site.total": {"id": "JUMLAH", "en": "TOTAL"},
    "site.closed": {"id": "TUTUP {at}", "en": "CLOSED {at}"},
    "cli.site": {
        "id": "ringkasan semua TPS satu lapas/rutan di server (hanya baca)",
        "en": "overview of every TPS of a site on a server (read-only)",
    },
}
