"""The rules of polling day: hours, officers and PINs, ballots, check-in and undo, DPK voters,
the 13:00 queue and closing, replacement of spoiled ballots, backups."""
