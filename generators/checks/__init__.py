"""The checks: one rule per module under `generators/checks/<family>/`, each with its Swedish docs."""
