"""The filing flow on a classic face: the tabbed editor, saving, read-back, 提交, dry runs (its session is in
site/session/, its project finder in site/lists/)."""
