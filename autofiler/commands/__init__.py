"""One module per command: each parses nothing itself, calls one service and returns an exit code."""
