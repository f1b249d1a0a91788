"""Answering: routing, argument extraction, extractive composition, refusal."""
