"""The research office's desk: its ledger of approved projects, reconciled with what the registry shows."""
