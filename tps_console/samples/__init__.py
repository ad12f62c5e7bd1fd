"""Synthetic rolls (no real person's data) and the demo station made from one."""
