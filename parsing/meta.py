"""Page metadata outside the article body: <meta> tags required by 《政府网站发展指引》, the 政府信息公开
block (索引号 / 发布机构 / 成文日期 / 发布日期 / 文号 / 标题 …) and gkmlpt's `window._CONFIG.DETAIL`."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

# Canonical field -> labels printed on portals (after width normalisation). Order matters only for
# the longest-match alternation built below.
INFO_LABELS: dict[str, tuple[str, ...]] = {
    "index_number": ("索引号",),
    "issuer": ("发布机构", "发文机关", "发文机构", "发布单位", "发文单位"),
    "doc_number": ("发文字号", "文号", "文件编号"),
    "written_date": ("成文日期", "生成日期", "发文日期", "发文时间"),
    "publish_date": ("发布日期", "公开日期", "发布时间"),
    "title": ("标题", "名称"),
    "other": (
        "主题分类",
        "组配分类",
        "体裁分类",
        "内容分类",
        "分类",
        "统一编号",
        "登记号",
        "主题词",
        "有效性",
        "公文种类",
        "签发人",
        "内容概述",
        "公开方式",
        "公开范围",
        "公开形式",
        "有效性/截止日期",
        "截止日期",
        "信息来源",
        "来源",
    ),
}
_LABEL_TO_FIELD = {label: field for field, labels in INFO_LABELS.items() for label in labels}


def _spaced(label: str) -> str:
    # 「索 引 号」「标　　题」: up to three spaces between the characters of a label.
    return "[ ]{0,3}".join(re.escape(ch) for ch in label)


_LABEL_RE = re.compile(
    "(?:"
    + "|".join(_spaced(lab) for lab in sorted(_LABEL_TO_FIELD, key=len, reverse=True))
    + r")[ ]{0,3}(?::|[ ](?=\S))"
)
_LINE_START = re.compile(r"^[ ]{0,8}(?:[-•·*][ ]{0,3})?")
_SPACES = re.compile(r"[ ]+")


def is_info_line(line: str) -> bool:
    """Whether a line starts with an info-block label (「索引号:」「• 内容分类:」)."""
    start = _LINE_START.match(line).end()
    return _LABEL_RE.match(line, start) is not None


def parse_info_lines(lines: list[str]) -> dict[str, str]:
    """Label/value pairs from lines that start with an info-block label. Several pairs may share one
    line ("发布机构: X 成文日期: 2024-02-27") as they do when table cells are flattened; a label alone
    on its line (dt/dd, th/td rendered as blocks) takes the next line as its value."""
    info: dict[str, str] = {}
    for n, line in enumerate(lines):
        if len(line) > 300:
            continue
        start = _LINE_START.match(line).end()
        matches = list(_LABEL_RE.finditer(line, start))
        if not matches or matches[0].start() != start:
            continue
        for i, m in enumerate(matches):
            label = _SPACES.sub("", m.group(0)).rstrip(":")
            field = _LABEL_TO_FIELD.get(label)
            end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
            value = line[m.end() : end].strip(" :|")
            if not value and len(matches) == 1 and n + 1 < len(lines):
                nxt = lines[n + 1].strip()
                if nxt and len(nxt) < 120 and not is_info_line(nxt) and _plausible(field, nxt):
                    value = nxt
            if field and field != "other" and value and field not in info:
                info[field] = value
    return info


_PLAUSIBLE = {
    "index_number": re.compile(r"\d"),
    "doc_number": re.compile(r"号$"),
    "written_date": re.compile(r"(?:19|20)\d\d"),
    "publish_date": re.compile(r"(?:19|20)\d\d"),
    "issuer": re.compile(r"(?:局|政府|委员会|办公室|厅|中心|办事处|部)$"),
    "title": re.compile(
        r"报告|总结|汇报|通知|方案|要点|解读|意见|规划|计划|情况|公告|办法|安排|报表|决定|通报"
    ),
}


def _plausible(field: str | None, value: str) -> bool:
    """A value found on the line after its label must look like that field (an empty 文号 cell must
    not swallow the title printed below it)."""
    if len(value) > 60 or any(mark in value for mark in ",。;"):
        return False  # running text, not a cell value
    rx = _PLAUSIBLE.get(field or "")
    return rx is None or bool(rx.search(value))


def meta_tags(tree) -> dict[str, str]:
    """<meta name=… content=…> as a dict with lower-case names; attribute order and case vary."""
    out: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = {k.lower(): (v or "") for k, v in node.attributes.items()}
        name = attrs.get("name") or attrs.get("property") or attrs.get("http-equiv")
        if not name:
            continue
        content = attrs.get("content", "").strip()
        key = name.strip().lower()
        if content and key not in out:
            out[key] = content
    return out


_DETAIL_RE = re.compile(r"""["']?DETAIL["']?\s*[:=]\s*(?=\{)""")


def gkmlpt_detail(html: str) -> dict | None:
    """The document record gkmlpt pages embed as JSON in `window._CONFIG` (title, content HTML,
    document_number, publisher, identifier, date, first_publish_time …)."""
    pos = html.find("_CONFIG")
    if pos < 0:
        return None
    m = _DETAIL_RE.search(html, pos, pos + 400_000)
    if not m:
        return None
    try:
        obj, _ = json.JSONDecoder().raw_decode(html, m.end())
    except ValueError:
        return None
    return obj if isinstance(obj, dict) else None


def epoch_to_date(value) -> str | None:
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return None
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    if not 6e8 < seconds < 4e9:
        return None
    # Portals publish in China time (UTC+8).
    return datetime.fromtimestamp(seconds + 8 * 3600, tz=UTC).strftime("%Y-%m-%d")
