"""Numbers in report text: catalog metric facts (spec/metrics.yaml) and every numeric mention."""

from parsing.metrics.extract import extract_metrics
from parsing.metrics.mentions import extract_numeric_mentions

__all__ = ["extract_metrics", "extract_numeric_mentions"]
