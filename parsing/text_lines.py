"""What a line of page text is: running text, or the title/date/info furniture above it."""

from __future__ import annotations

import re

# The sentence with which a report hands over to its content: 「现将有关情况报告如下」.
ANNOUNCES = re.compile(r"(?:报告|汇报|总结|公布|公开|通报)如下|报告于后|报告如下")


def is_body_line(line: str) -> bool:
    """A line of running text rather than title, date or info-block furniture."""
    line = line.strip()
    return (
        len(line) >= 60 or "。" in line or ("," in line and len(line) >= 25) or bool(ANNOUNCES.search(line))
    )
