"""Internkontroll on what actually happened: transaction exports checked against the rules in force.

The audit reads exports (trips, delegation decisions, users to positions), resolves every person to a
position on the transaction's date and asks the model and the decision tables what the rules said on
that date: `model.travel.decide_trip` for trips, `decide.engine.Decider.delegate` for delegation
decisions. Nothing here re-implements a rule; a check compares what happened with the answer.

Pipeline: `inputs` (CSV readers, bad rows as `TabularProblem`) → `checks` (one module per code,
`Finding`s) → `sample` (stickprov) → `report` (HTML, CSV, JSON, summary). Transaction data is
personal data: it is read from the paths given on the command line and written only to the chosen
output folder, never to `policies/`, the site or the JSON rules.
"""
