"""Every quantity in a report, catalog or not, so SQL users can reach any figure."""

from __future__ import annotations

import re

from parsing.metrics.numbers import fold_width, iter_numbers
from parsing.metrics.sentences import sentence_spans
from parsing.model import NumericMention

# Numbers that are identifiers rather than quantities: 〔2023〕5号, phone numbers, section numbers.
# The leading lookahead lists every character an identifier can start with, so the engine skips
# ordinary text at once instead of trying each alternative at every position (7x faster).
_IDENTIFIERS = re.compile(
    r"(?=[\d〔\[【(（电热咨联传手号 \t\u3000]|^)(?:"
    r"[〔\[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]\s*\d+\s*号"
    r"|(?<!\d)0\d{2,3}[-－—]\d{7,8}(?!\d)"
    r"|(?:电话|热线|咨询|联系|传真|手机|号码)[^0-9\n]{0,6}\d{5,12}(?![\d.])"
    r"|(?<!\d)1[3-9]\d{9}(?!\d)"
    r"|(?<!\d)12345(?!\d)"
    r"|(?<!\d)(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?!\d)"  # dates 2019-12-10
    r"|(?<!\d,)(?<![\d.])(?:19|20)\d{2}(?![\d.%]|,\d)(?!\s*[余多万亿件宗起例人名位条次场期份册本张个家项篇所处元])"
    # ^ a bare year (2015-2020年, 2019版), not 2000余册
    r"|(?<![\d.])\d{1,2}\s*(?=[至到~－—-]\s*\d{1,2}\s*月)"  # the first month of 1至11月
    r"|^[ \t\u3000]*[（(]?\d{1,2}[)）.、．](?!\d))",
    re.MULTILINE,
)
_PHRASE_START = re.compile(r"[,，;；:：、。！？!?\n(（“”\"]")
_PHRASE_CHARS = 12


def _phrase(sentence: str, pos: int) -> str:
    window = sentence[max(0, pos - _PHRASE_CHARS) : pos]
    cut = 0
    for m in _PHRASE_START.finditer(window):
        cut = m.end()
    return window[cut:].strip()


def extract_numeric_mentions(text: str) -> list[NumericMention]:
    """Each number in `text` with its unit, the words before it, its sentence and its span.

    Years, dates, ordinals, document numbers (〔2023〕5号), phone numbers and heading numbers are
    left out; a bare Arabic number without a unit is kept (unit None).
    """
    folded = fold_width(text)
    blocked = [m.span() for m in _IDENTIFIERS.finditer(folded)]
    mentions: list[NumericMention] = []
    bi = 0
    for s_start, s_end in sentence_spans(folded):
        sentence = folded[s_start:s_end]
        for tok in iter_numbers(sentence):
            start, end = s_start + tok.start, s_start + tok.end
            while bi < len(blocked) and blocked[bi][1] <= start:
                bi += 1
            if bi < len(blocked) and blocked[bi][0] < end:
                continue
            mentions.append(
                NumericMention(
                    value=tok.value,
                    unit=tok.unit,
                    phrase=_phrase(sentence, tok.start),
                    sentence=text[s_start:s_end],
                    start=start,
                    end=end,
                )
            )
    return mentions
