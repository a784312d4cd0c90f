"""One sentence of a report prepared once for metric extraction.

Its scan text (book titles and document numbers blanked, digits folded), the numbers in it, the
years it names, its bracketed asides, the 以来 point after which figures are totals, and the items
of a 分别 list that name each number in turn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsing.metrics import context as cx
from parsing.metrics.numbers import NumToken, fold_width, iter_numbers, years_in
from parsing.metrics.sentences import clause_start

_BETWEEN_LISTED = re.compile(r"^[\s、,，和及与]{1,2}$")


@dataclass
class Sentence:
    """One sentence prepared once: its scan text (titles blanked, digits folded) and what is in it."""

    scan: str
    lead: str  # paragraph text before the sentence, where its subject may stand
    tokens: list[NumToken]
    years: list[tuple[int, int, int]] = field(default_factory=list)
    asides: list[tuple[int, int]] = field(default_factory=list)
    since: int | None = None  # offset after "2021年以来" (an earlier year): later figures are totals
    listed: dict[int, str] = field(default_factory=dict)  # token index -> its item in a 分别 list
    listed_years: dict[int, int] = field(default_factory=dict)  # token index -> its year in that list
    sub_unit: re.Match[str] | None = None  # a sub-unit opening the sentence
    year_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.year_starts = [start for start, _end, _y in self.years]


_LISTED_YEAR = re.compile(r"\s*((?:19|20)\d{2})\s*年度?")


def _year_list(items: list[str]) -> tuple[str, list[int]] | None:
    """ "2020年、2019年纠错率": (the shared words, the years in order), else None."""
    years = []
    for item in items:
        m = _LISTED_YEAR.match(item)
        if m is None:
            return None
        years.append(int(m.group(1)))
    if any(_LISTED_YEAR.fullmatch(item) is None for item in items[:-1]):
        return None
    return _LISTED_YEAR.sub("", items[-1], count=1), years


def _listed_items(scan: str, tokens: list[NumToken]) -> tuple[dict[int, str], dict[int, int]]:
    """ "收到、受理、审结…分别为52件、48件、45件": the list item that names each number; and for
    "2020年、2019年…纠错率分别为10.3%、13.6%" the year of each number (the words are shared)."""
    out: dict[int, str] = {}
    years: dict[int, int] = {}
    prev_end = 0
    for i, tok in enumerate(tokens):
        m = cx.RESPECTIVELY.search(scan[prev_end : tok.start].rstrip())
        prev_end = tok.end
        if m is None:
            continue
        head_end = scan.rfind("分别", 0, tok.start)
        head = scan[clause_start(scan, head_end) : head_end]
        run = [i]
        while run[-1] + 1 < len(tokens) and _BETWEEN_LISTED.match(
            scan[tokens[run[-1]].end : tokens[run[-1] + 1].start]
        ):
            run.append(run[-1] + 1)
        for splitter in ("、", cx.LIST_SEPARATOR):
            items = head.split(splitter) if isinstance(splitter, str) else splitter.split(head)
            if len(items) == len(run):
                by_year = _year_list(items)
                if by_year is not None:
                    out.update((j, by_year[0]) for j in run)
                    years.update(zip(run, by_year[1], strict=True))
                else:
                    out.update(zip(run, items, strict=True))
                break
    return out, years


def prepare(sentence: str, lead: str, report_year: int | None) -> Sentence | None:
    # A wrapped line's break may fall inside a word; offsets inside `scan` are never exported.
    scan = cx.blank_other_lines(cx.blank_titles(fold_width(sentence.replace("\r", "").replace("\n", ""))))
    tokens = iter_numbers(scan)
    if not tokens or cx.PLAN_START.search(scan):
        return None
    years = years_in(scan)
    since = min(
        (
            end
            for _s, end, y in years
            if report_year
            and y < report_year
            and cx.SINCE.match(scan, end)
            and not cx.SINCE_ATTRIBUTIVE.match(scan, end)
        ),
        default=None,
    )
    listed, listed_years = _listed_items(scan, tokens)
    return Sentence(
        scan,
        lead,
        tokens,
        years,
        [m.span() for m in cx.PARENTHESIS.finditer(scan)],
        since,
        listed,
        listed_years,
        cx.SUB_UNIT.match(scan.lstrip()),
    )
