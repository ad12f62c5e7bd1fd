"""The storage beneath the record: the tables, the engine and its durable writes, a server, faults
in the day's words, files written for people, commits watched, the sealed backup file."""
