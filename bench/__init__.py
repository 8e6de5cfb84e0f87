"""Benchmarks (`make bench`, `python -m bench`): figures printed, nothing asserted."""
