"""Internal-control checks (IK1xx): the internkontrollplaner against the reglemente för intern kontroll,
the organisation and the rule catalogue."""
