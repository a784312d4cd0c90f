"""Sentence and clause spans of normalised report text.

A sentence ends at 。！？； (full- or half-width) or a line break; the terminator (and any closing
quote or bracket right after it) stays in the sentence, so the evidence string reads as printed.
"""

from __future__ import annotations

import re

_SENTENCE = re.compile(r"[^。！？；;!?\n]+(?:[。！？；;!?]+[”’」』)）]*)?|[。！？；;!?]+")
_CLAUSE_BREAK = re.compile(r"[,，;；:：]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank sentence, leading/trailing blanks trimmed."""
    spans: list[tuple[int, int]] = []
    for m in _SENTENCE.finditer(text):
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
