"""The command line: Typer wiring (app), shared option groups (options), help texts (texts), the call (run)."""
