"""Sentence and clause spans of normalised report text.

A sentence ends at 。！？； (full- or half-width) or a line break; the terminator (and any closing
quote or bracket right after it) stays in the sentence, so the evidence string reads as printed.
A line break that only wraps a long line (PDF text: the line runs on without a terminator and the
next line is no heading) does not end the sentence; such a sentence holds the line break.
"""

from __future__ import annotations

import re

_SENTENCE = re.compile(r"[^。！？；;!?\n]+(?:[。！？；;!?]+[”’」』)）]*)?|[。！？；;!?]+")
_CLAUSE_BREAK = re.compile(r"[,，;；:：]")


_WRAP_MIN = 16  # a wrapped line is a full line of body text, not a short heading or title
_LINE_END_BREAKS = frozenset("。！？；;!?:：")
_HEADING_START = re.compile(
    r"[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|\d{1,2}[、.．](?!\d)|[一二三四五六七八九十]{1,2}是)"
)
_WRAP = re.compile(r"\r?\n")
# A table row or header flattened to one line: cells apart by tabs, ideographic spaces or a run of
# blanks, or numbers apart by blanks only ("数量（件）　168　152", "数量(件) 168 152" once full-width
# blanks are folded), or short cells apart by blanks ("项目 收案数 受理数"); it never wraps.
_TABLE_ROW = re.compile(
    r"\S(?:[\t\u3000]|[ \u00a0]{2,})+\S|\d[ \u00a0]+\d|^(?:\S{1,10}[ \u00a0]+){2,}\S{1,10}$"
)


def _soft_breaks(text: str) -> str:
    """`text` with line breaks that only wrap a line replaced by spaces (same length)."""
    if "\n" not in text:
        return text
    chars: list[str] | None = None
    line_start = 0
    for m in _WRAP.finditer(text):
        line = text[line_start : m.start()].strip()
        nxt = m.end()
        if (
            len(line) >= _WRAP_MIN
            and line[-1] not in _LINE_END_BREAKS
            # a heading runs into its paragraph ("(二)加强审查。全年…"): such a line wraps like body text
            and not (_HEADING_START.match(line) and "。" not in line)
            and not _TABLE_ROW.search(line)
            and nxt < len(text)
            and not text[nxt].isspace()
            and not _HEADING_START.match(text, nxt)
        ):
            if chars is None:
                chars = list(text)
            for i in range(m.start(), m.end()):
                chars[i] = " "
        line_start = m.end()
    return text if chars is None else "".join(chars)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank sentence, leading/trailing blanks trimmed."""
    spans: list[tuple[int, int]] = []
    for m in _SENTENCE.finditer(_soft_breaks(text)):
        start, end = m.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


_BREAKS = frozenset(",，;；:：")
_MAX_CLAUSE = 400  # a "clause" longer than this is run-on text (PDF without punctuation)


def clause_start(sentence: str, pos: int) -> int:
    """Index in `sentence` where the clause holding `pos` begins (after the last , ; : before it).

    Looks back at most _MAX_CLAUSE characters so long run-on text stays linear."""
    stop = max(0, pos - _MAX_CLAUSE)
    last = max(sentence.rfind(c, stop, pos) for c in _BREAKS)
    return last + 1 if last >= 0 else stop


def clause_end(sentence: str, pos: int) -> int:
    """Index in `sentence` where the clause holding `pos` ends (the next , ; : or the sentence end)."""
    m = _CLAUSE_BREAK.search(sentence, pos, pos + _MAX_CLAUSE)
    return m.start() if m else min(len(sentence), pos + _MAX_CLAUSE)
