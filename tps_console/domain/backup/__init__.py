"""Copies of a station: the chair's backups (folder, encrypted files, restore) and a station copied
between a file and a server."""
