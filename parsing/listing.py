"""Column, index and search-result pages: several documents' titles, each with its date, a link or
a cut-off snippet, and no running text of their own. They carry report titles (often many), so
they must be told apart before the title or the body is read as a report."""

from __future__ import annotations

import re

from parsing.text_lines import is_body_line

# A date printed beside a list entry, before or after its title: 2024-03-28, [2024-03-28], 03-28,
# 2024年03月28日.
_DATE = r"[\[(]?(?:(?:19|20)\d\d[-/.])?\d{1,2}[-/.]\d{1,2}[\])]?|(?:19|20)\d\d年\d{1,2}月\d{1,2}日"
_DATE_AROUND = re.compile(rf"^(?:{_DATE})\s*|\s*(?:{_DATE})$")
_BARE_DATE = re.compile(rf"^(?:{_DATE})$")
_BULLET = re.compile(r"^[·•\-*>»◆◇■□●○▪]+\s*")
_ENTRY_TITLE = re.compile(r"(?:报告|总结|通知|方案|要点|解读|意见|计划|公告|通报|报表)\)?$")
_YEAR = re.compile(r"(?:19|20)\d\d|[〇一二三四五六七八九]{4}")
# Numbered headings of a report's own outline (「三、2024年工作计划」) are not entries.
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.、])")
# What a list or search page prints under an entry: a snippet cut with an ellipsis, 摘要, a link.
_SNIPPET = re.compile(r"(?:……|\.\.\.|…)\s*$|^摘要[:：]|^https?://|^www\.")


def _entry(line: str, nxt: str) -> str | None:
    """The title of a list entry on this line, or None."""
    core = _DATE_AROUND.sub("", _BULLET.sub("", line)).strip()
    if not core or len(core) > 80 or "。" in core or _HEADING.match(core) or not _ENTRY_TITLE.search(core):
        return None
    dated = core != _BULLET.sub("", line).strip() or bool(_BARE_DATE.match(nxt))
    return core if dated or _YEAR.search(core) else None


def is_listing(text: str) -> bool:
    lines = [x.strip() for x in text[:3000].split("\n") if x.strip()][:40]
    entries = set()
    running = False
    for i, line in enumerate(lines):
        title = _entry(line, lines[i + 1] if i + 1 < len(lines) else "")
        if title:
            entries.add(title)
        elif is_body_line(line) and not _SNIPPET.search(line):
            running = True
    return len(entries) >= 3 and not running
