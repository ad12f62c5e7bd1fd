"""The domain: plain Python that knows the day\x27s rules and imports no UI."""
