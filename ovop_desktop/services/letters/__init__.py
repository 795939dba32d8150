"""Recommendation letters: settings, issue and register, verification and batches."""
