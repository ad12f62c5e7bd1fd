"""The witness panel for browser tabs (`panel DB --web`): textual-serve runs the same read-only
panel, one process for the tabs of one size, and this package serves the page, the access code
and nothing else."""
