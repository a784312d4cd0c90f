"""Turn a report page (HTML, text, PDF, DOCX) into a report record. No HTTP, no DuckDB."""

from parsing.model import MetricFact, NumericMention, Region, Report, Section

__all__ = ["MetricFact", "NumericMention", "Region", "Report", "Section"]
