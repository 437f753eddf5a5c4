"""The office's watch on the registry: progress checks, the changes they find, and the notifications sent."""
