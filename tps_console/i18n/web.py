"""Messages of the panel in a browser (`panel --web`) and its access code (see i18n/__init__.py)."""

from __future__ import annotations

from tps_console.i18n.plural import Catalogue

MESSAGES: Catalogue = {
    "cli.panel_web": {
        "id": "sajikan panel untuk peramban (tab) di LAN, tanpa internet",
        "en": "serve the panel to browser tabs on the LAN, offline",
    },
    "cli.panel_host": {
        "id": "alamat yang didengar (bawaan 0.0.0.0: semua jaringan; 127.0.0.1: komputer ini saja)",
        "en": "address to listen on (default 0.0.0.0: every network; 127.0.0.1: this computer only)",
    },
    "cli.panel_port": {
        "id": "port (bawaan 8000; 0: port bebas)",
        "en": "port (default 8000; 0: any free port)",
    },
    "cli.panel_code": {
        "id": "tanpa nilai: tanyakan kode akses halaman (tersembunyi; kode tidak ditulis di baris "
        "perintah), atau dari TPS_PANEL_CODE. Di luar komputer ini tanpa kode, kode dibuat dan "
        "ditampilkan sekali",
        "en": "with no value: ask for the page's access code (hidden; never written on the "
        "command line), or take TPS_PANEL_CODE. Beyond this computer without one, a code is "
        "made and shown once",
    },
    "web.needs_web": {
        "id": "--host, --port dan --code hanya untuk panel --web",
        "en": "--host, --port and --code are for panel --web only",
    },
    "web.serving": {
        "id": "Panel saksi {tps} untuk peramban: buka salah satu alamat ini",
        "en": "Witness panel of {tps} for browsers: open one of these addresses",
    },
    "web.local_only": {
        "id": "Hanya dari komputer ini. Untuk komputer lain di LAN: --host 0.0.0.0",
        "en": "From this computer only. For other computers on the LAN: --host 0.0.0.0",
    },
    "web.code_generated": {
        "id": "Kode akses (dibuat sekarang, berikan kepada saksi; ditampilkan sekali ini): {code}",
        "en": "Access code (made now, give it to the witnesses; shown this once): {code}",
    },
    "web.code_in_argv": {
        "id": "Kode akses tidak boleh ditulis di baris perintah (pengguna lain komputer ini dapat "
        "membacanya): pakai --code saja (kode ditanya) atau TPS_PANEL_CODE",
        "en": "The access code must not stand on the command line (other users of this computer "
        "can read it): use --code alone (it is asked for) or TPS_PANEL_CODE",
    },
    "web.code_prompt": {"id": "Kode akses panel: ", "en": "The panel's access code: "},
    "web.code_again": {"id": "Kode akses sekali lagi: ", "en": "The access code again: "},
    "web.code_differs": {
        "id": "Kedua kode akses tidak sama: tidak ada yang disajikan",
        "en": "The two access codes differ: nothing is served",
    },
    "web.code_needed": {
        "id": "Kode akses tidak diberikan: ketik saat ditanya atau isi TPS_PANEL_CODE",
        "en": "No access code given: type it when asked or set TPS_PANEL_CODE",
    },
    "web.code_short": {
        "id": "Kode akses terlalu pendek: sedikitnya {chars} huruf atau angka",
        "en": "The access code is too short: at least {chars} letters or digits",
    },
    "web.code_wrong_from": {
        "id": "Kode akses salah dari {client} (salah ke-{count} berturut-turut)",
        "en": "Wrong access code from {client} ({count} wrong in a row)",
    },
    "web.locked_out": {
        "id": "KODE AKSES DIKUNCI {minutes} menit setelah {count} kode salah: selama itu tidak "
        "ada yang dapat masuk, juga dengan kode yang benar. Tab yang sudah terbuka tetap tampil",
        "en": "ACCESS CODE LOCKED for {minutes} min after {count} wrong codes: meanwhile no one "
        "can enter, not even with the right code. Tabs already open stay on",
    },
    "web.code_locked": {
        "id": "Terlalu banyak kode salah: pintu dikunci. Coba lagi setelah {minutes} menit.",
        "en": "Too many wrong codes: the door is locked. Try again in {minutes} min.",
    },
    "web.panel_again": {
        "id": "Proses panel berhenti; dimulai lagi (setelah {seconds} detik)",
        "en": "The panel's process ended; started again (after {seconds} s)",
    },
    "web.too_small": {
        "id": "Jendela ini terlalu kecil untuk panel: perlu sedikitnya {width}×{height} piksel. "
        "Perbesar jendela, putar ponsel, atau perkecil tampilan (Ctrl −).",
        "en": "This window is too small for the panel: it needs at least {width}×{height} "
        "pixels. Make the window larger, turn the phone, or zoom out (Ctrl −).",
    },
    "web.too_small_cells": {
        "id": "Jendela terlalu kecil: panel perlu {cols}x{rows} sel",
        "en": "Window too small: the panel needs {cols}x{rows} cells",
    },
    "web.code_on": {
        "id": "Kode akses ditanya di halaman sebelum panel tampil",
        "en": "The page asks for the access code before showing the panel",
    },
    "web.stop": {"id": "Ctrl+C untuk berhenti", "en": "Ctrl+C to stop"},
    "web.stopped": {"id": "Panel peramban berhenti", "en": "Browser panel stopped"},
    "web.port_in_use": {
        "id": "Port {port} sudah dipakai program lain: pilih yang lain dengan --port",
        "en": "Port {port} is already in use by another program: choose another with --port",
    },
    "web.bad_port": {
        "id": "Port {port} tidak sah (0-65535)",
        "en": "Port {port} is not valid (0-65535)",
    },
    "web.bad_host": {
        "id": "Alamat {host} bukan milik komputer ini",
        "en": "Address {host} does not belong to this computer",
    },
    "web.code_ask": {
        "id": "Panel ini dilindungi kode akses dari Ketua KPPS.",
        "en": "This panel is protected by an access code from the KPPS chair.",
    },
    "web.code_label": {"id": "Kode akses", "en": "Access code"},
    "web.code_button": {"id": "Buka panel", "en": "Open the panel"},
    "web.code_wrong": {"id": "Kode salah. Coba lagi.", "en": "Wrong code. Try again."},
    "web.ended": {"id": "Sesi panel berakhir.", "en": "The panel's session ended."},
    "web.restart": {"id": "Buka lagi", "en": "Open again"},
    "web.full": {
        "id": "Sudah {count} tab membuka panel ini: tutup salah satu lalu coba lagi.",
        "en": "{count} tabs already show this panel: close one and try again.",
    },
    # The smoke test's step
    "selfcheck.web": {
        "id": "panel di peramban: halaman, berkas bawaan, panel satu tab",
        "en": "panel in a browser: the page, bundled files, one tab's panel",
    },
    "selfcheck.web_detail": {
        "id": "turnout tergambar di tab ({size} karakter)",
        "en": "turnout drawn in the tab ({size} characters)",
    },
}
