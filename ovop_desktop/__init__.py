"""OVOP Desktop: village potential surveys and OVOP product assessment for field officers."""

__version__ = "0.1.0"
