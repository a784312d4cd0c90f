"""Figures in tables flattened to text: a header row of column names over rows of bare numbers.

PDF and HTML tables often reach the text as

    表1 2023年全市行政复议案件情况
    项目 收案数 审结数 纠错数
    数量（件） 658 612 71

The numbers carry no unit and no verb, so the sentence rules pass them by. Here each number takes
its column name as the words before it, the unit of its row label ("（件）", "单位：件") or of its
column, the year of its row label when that is a year, and the caption and the section heading as
the subject.

Indicator tables turn this round: the columns are years and each row names its indicator,

    指标 2021年 2020年
    行政复议收案数（件） 531 472

so a number under a year column takes its row label as the words and the column's year.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from parsing.metrics.catalog import Rule
from parsing.metrics.choose import choose_rule
from parsing.metrics.context import MULTI_YEAR
from parsing.metrics.numbers import fold_width, years_in

_CELL_SPLIT = re.compile(r"[ \t\u3000\u00a0|｜]+")
_NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(%)?")
_HEADER_CELL = re.compile(r"[\u4e00-\u9fff（）()]{1,14}")
_UNITS = "件|宗|人次|人|名|次|场|份|条"
_UNIT = re.compile(rf"[（(]\s*({_UNITS}|%)\s*[)）]|单位\s*[:：]\s*({_UNITS})")
_YEAR_LABEL = re.compile(r"((?:19|20)\d{2})\s*年?度?")
_MIN_COLUMNS = 2
_LINE = re.compile(r"[^\n]+")
_ROW_HINT = re.compile(r"\d[ \t\u3000\u00a0|｜]+\d")
# "主动公开政府信息（条）　12,800": a two-column row, the indicator's unit in brackets, its value last.
_LABEL_WITH_UNIT = re.compile(rf"[（(]\s*(?:{_UNITS}|%)\s*[)）]$")
_LABELLED_VALUE = re.compile(
    rf"[（(]\s*(?:{_UNITS}|%)\s*[)）][ \t\u3000\u00a0|｜]+\d[\d,]*(?:\.\d+)?%?[ \t\u3000]*$", re.M
)


@dataclass(frozen=True)
class TableFigure:
    rule: Rule
    value: float
    year: int | None
    start: int  # span of the row the number stands in
    end: int


def _count_unit(name: str) -> str | None:
    """A column headed as a count ("收案数", "受理量", "培训人数") without a printed unit."""
    if re.search(r"人数|人次|人员", name):
        return "人"
    return "件" if name.endswith(("数", "量")) else None


def _cells(line: str) -> list[str]:
    return [c for c in _CELL_SPLIT.split(line.strip()) if c]


def _number(cell: str) -> tuple[float, str | None] | None:
    m = _NUMBER.fullmatch(cell)
    if m is None:
        return None
    return float(m.group(0).rstrip("%").replace(",", "")), ("%" if m.group(2) else None)


def _unit(text: str) -> str | None:
    m = _UNIT.search(text)
    return (m.group(1) or m.group(2)) if m else None


def has_table(text: str) -> bool:
    """Cheap test: some line holds two numbers apart by blanks only (a table row), or ends with a
    value after an indicator's unit in brackets (a two-column row)."""
    return _ROW_HINT.search(text) is not None or _LABELLED_VALUE.search(text) is not None


def _labelled_row(
    label: str,
    by_year: list[tuple[int | None, tuple[float, str | None]]],
    start: int,
    end: int,
    ctx: str,
) -> Iterator[TableFigure]:
    """One indicator row: the label names the figure (and its unit), each value has its year."""
    word = re.sub(r"[（(][^)）]*[)）]|数$|量$", "", label)
    label_unit = _unit(label)
    for year, (number, pct) in by_year:
        unit = "%" if pct or word.endswith("率") else label_unit
        if unit is None:
            continue
        rule = choose_rule(unit, ctx, word, "", own_clause=len(word))
        if rule is not None and not (rule.unit == "%" and number > 100):
            yield TableFigure(rule, number, year, start, end)


def table_figures(text: str, report_year: int | None, lead: Callable[[int], str]) -> Iterator[TableFigure]:
    """Catalog figures of the flattened tables in `text`.

    A header row is a line of three or more short Chinese cells; each row under it a line of as
    many number cells (a leading row label is allowed). `lead(offset)` gives the words before a
    row that may name its subject (the section heading)."""
    header: list[str] | None = None
    caption = ""
    for m in _LINE.finditer(text):
        start, end = m.span()
        line = fold_width(text[start:end])
        cells = _cells(line)
        if len(cells) > _MIN_COLUMNS and all(
            _HEADER_CELL.fullmatch(c) or _YEAR_LABEL.fullmatch(c) for c in cells
        ):
            header = cells
            continue
        numbers = [_number(c) for c in cells]
        if (
            len(cells) == 2
            and numbers[0] is None
            and numbers[1] is not None
            and _LABEL_WITH_UNIT.search(cells[0])
        ):
            # "行政复议新收案件（件）　215": an indicator and its value, the unit in the label
            caption_years = years_in(caption)
            year = caption_years[0][2] if len(caption_years) == 1 else report_year
            yield from _labelled_row(cells[0], [(year, numbers[1])], start, end, lead(start) + "|" + caption)
            continue
        if header is None or not cells or sum(n is not None for n in numbers) < _MIN_COLUMNS:
            header = None
            caption = line if len(line) <= 40 else ""
            continue
        label = cells[0] if numbers[0] is None else ""
        values = numbers[1:] if label else numbers
        names = header[-len(values) :] if len(header) >= len(values) else None
        if names is None or any(v is None for v in values):
            header = None
            continue
        column_years = [_YEAR_LABEL.fullmatch(n) for n in names]
        if all(column_years) and label:
            by_year = [(int(y.group(1)), v) for y, v in zip(column_years, values, strict=True) if y and v]
            yield from _labelled_row(label, by_year, start, end, lead(start) + "|" + caption)
            continue
        year_label = _YEAR_LABEL.fullmatch(label)
        caption_years = years_in(caption)
        if MULTI_YEAR.search(caption) and not year_label:
            continue  # "2019-2023年…": a table over several years, unless each row names its year
        if year_label:
            year = int(year_label.group(1))
        elif len(caption_years) == 1:
            year = caption_years[0][2]
        elif caption_years:
            continue  # years in the caption that are not the table's one year
        else:
            year = report_year
        row_unit = _unit(label) or _unit(caption) or _unit(" ".join(header))
        for name, (value, pct) in zip(names, values, strict=True):  # type: ignore[misc]
            unit = "%" if pct or name.endswith("率") else (_unit(name) or row_unit or _count_unit(name))
            if unit is None:
                continue
            word = re.sub(r"[（(][^)）]*[)）]|数$|量$", "", name)
            ctx = lead(start) + "|" + caption + "|" + label
            rule = choose_rule(unit, ctx, word, "", own_clause=len(word))
            if rule is not None and not (rule.unit == "%" and value > 100):
                yield TableFigure(rule, value, year, start, end)
