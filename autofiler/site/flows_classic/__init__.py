"""The filing flow on a classic face: session and login by outcome, the tabbed editor, saving, read-back, 提交."""
