"""`doctor --survey`: walk a live editor without saving, list every control, and match it to the map and catalog."""
