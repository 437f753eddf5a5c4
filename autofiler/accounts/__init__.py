"""The Appendix-1 account sheet: read it, check every cell, fill a clean copy, and upload it as an admin would."""
