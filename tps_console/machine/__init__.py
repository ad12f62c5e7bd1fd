"""This computer: where the data folder is, the stations opened lately, notes of unexpected
errors, and a second window opened beside this one."""
