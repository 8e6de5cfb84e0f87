"""Avtalsregister checks (AR1xx): the contracts against the organisation, the delegationsordningar, the procurement policy and the law."""
