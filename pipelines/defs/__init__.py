"""The fazhi code location's definitions, one module per kind (Dagster example-project style)."""
