"""The filing service: what `submit` and `plan` do around the site layer. It finds or creates the project (by the
spec's id, the id recorded for the spec file, then the title), keeps the store's checkpoints, runs the checks
before anything is written, files and reads back through the UI family's flow, submits as asked, and ends every
failure with one closing summary. Commands only parse their options and call in here."""
