"""Jäv checks (JV1xx): the riktlinjer mot jäv against the organisation and the mandates in the other documents."""
