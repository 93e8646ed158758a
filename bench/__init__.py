"""Benchmarks: `python -m bench` prints the matcher and end-to-end tables side by side."""
