"""What the screens read: the voter search, the status line, turnout for the panel, voter cards."""
