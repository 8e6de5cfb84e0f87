"""Loading: strict YAML → schema-typed values with positions → schema validation."""
