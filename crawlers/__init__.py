"""Fetch and discover 法治政府建设年度报告 pages on government portals.

This package knows HTTP, portals and the raw archive; it knows nothing of DuckDB or Dagster.
"""
