"""The roll the station starts from: reading the voter list (CSV) and checking each NIK."""
