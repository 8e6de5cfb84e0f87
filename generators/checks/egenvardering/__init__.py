"""Egenvärdering checks (EV1xx): the statements, their areas and answers."""
