"""Fault trials of whole filings (crashes, faults, hostile input, concurrency), shared by the reliability tests
and benchmarks/reliability.py: real autofiler processes against a real mock, judged by what the mock stored."""
