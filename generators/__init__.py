"""Policy-as-code for Swedish municipalities: load, check and publish governing documents."""

__version__ = "0.1.0"
