"""Deterministic policy calculators (see tools/README or `assistant tools list`)."""
