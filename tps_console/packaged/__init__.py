"""The packaged program's own checks: `selfcheck`, and the first frame's probe for the start-up
benchmark."""
