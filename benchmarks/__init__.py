"""Benchmarks: `make bench` (python -m benchmarks) prints each figure beside the baseline it is
measured against in the same run, and their ratio."""
