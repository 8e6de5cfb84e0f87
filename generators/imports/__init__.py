"""Importing exports from other systems into `policies/` (the contract database's avtalsregister).

An import reads a real export (XLSX or CSV), reports every cell it cannot use as
`path:row:column: CODE message` and never guesses; what it writes is then checked like any policy.
"""
