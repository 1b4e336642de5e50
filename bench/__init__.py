"""Benchmark scripts: each prints its figures."""
