"""Demonstration estates (演示): a believable demo estate for newcomers, and the big synthetic estate
(50,000 households, a million documents) for the benchmarks.
"""
