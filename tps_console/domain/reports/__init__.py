"""The figures of the official forms (C.Hasil, attendance lists) and the files they are printed as."""
