"""Benchmarks for Frontdesk, not part of the test suite.

See bench/run.py and docs/performance.md.
"""
