"""Moorage's benchmarks: start-up, memory, idle cost, live latency and smoothness, measured
against a real, private dockerd. Run them with `make bench`; see benchmarks/run.py.
"""
