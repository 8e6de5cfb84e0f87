"""Checks of the test-only attest kind (family AT)."""
