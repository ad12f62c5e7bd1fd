"""The record: the station's tables, the database they live in, the station's clock, and the
hash-chained event log that is the only way to change them."""
