"""The start screen and making a new station in the app, step by step (Textual)."""
