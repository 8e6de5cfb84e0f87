"""Test-only document kinds: each proves that a kind plugs in through its registration alone."""
