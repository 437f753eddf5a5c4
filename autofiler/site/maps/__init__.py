"""Site maps: what the driver knows about one face of the registry, per form generation and UI family."""
