"""Attest checks (AT1xx): the attestförteckningar against the attestreglemente and the organisation."""
