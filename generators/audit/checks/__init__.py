"""The audit's checks, one module per code (`RULE`, `check(ctx)`, Swedish docstring)."""
