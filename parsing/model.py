"""The report record that parsing produces; its JSON form is the `fazhi parse` contract."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Region:
    name: str | None = None
    code: str | None = None  # GB/T 2260
    level: str | None = None  # province | prefecture | county | township
    province: str | None = None
    prefecture: str | None = None
    county: str | None = None


@dataclass
class Section:
    level: int  # 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）, 5 for 一是
    number: str  # as printed: "一", "（二）", "3", …
    heading: str
    part: str | None = None  # top sections: achievements | shortcomings | leader_duties | next_year | other
    start: int | None = None  # span of the heading line in Report.text
    end: int | None = None


@dataclass
class MetricFact:
    key: str  # a key of spec/metrics.yaml
    value: float
    unit: str
    qualifier: str  # exact | approx | more_than | at_least | less_than
    period_year: int | None
    evidence: str  # the sentence, as it stands in Report.text
    start: int  # character span of the evidence sentence in Report.text
    end: int
    scope: str | None = None


@dataclass
class NumericMention:
    value: float
    unit: str | None
    phrase: str  # the words the number quantifies
    sentence: str
    start: int  # span of the number in Report.text
    end: int


@dataclass
class Report:
    doc_kind: str  # annual_report | interpretation | plan | notice | news | other_report | other
    title: str | None = None
    report_year: int | None = None
    region: Region = field(default_factory=Region)
    issuer: str | None = None
    issuer_kind: str | None = None  # government | department | party_government
    publish_date: str | None = None  # YYYY-MM-DD
    doc_number: str | None = None  # 文号
    index_number: str | None = None  # 索引号
    sections: list[Section] = field(default_factory=list)
    metrics: list[MetricFact] = field(default_factory=list)
    numeric_mentions: list[NumericMention] = field(default_factory=list)
    text: str = ""  # normalised (simplified, half-width) main text; spans refer to it
    original_text: str | None = None  # before 繁→简, when conversion changed anything
    fingerprint: str | None = None
    url: str | None = None
    content_type: str | None = None
    attachments: list[str] = field(default_factory=list)  # PDF/DOC/DOCX links found on the page

    def to_contract(self) -> dict[str, Any]:
        """The JSON object `fazhi parse` prints for one file (the stable contract)."""
        return {
            "doc_kind": self.doc_kind,
            "title": self.title,
            "report_year": self.report_year,
            "region": asdict(self.region),
            "issuer": self.issuer,
            "issuer_kind": self.issuer_kind,
            "publish_date": self.publish_date,
            "doc_number": self.doc_number,
            "index_number": self.index_number,
            "sections": [
                {"level": s.level, "number": s.number, "heading": s.heading, "part": s.part}
                for s in self.sections
            ],
            "metrics": [
                {
                    "key": m.key,
                    "value": m.value,
                    "unit": m.unit,
                    "qualifier": m.qualifier,
                    "period_year": m.period_year,
                    "evidence": m.evidence,
                    "start": m.start,
                    "end": m.end,
                }
                for m in self.metrics
            ],
        }
