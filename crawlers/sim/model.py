"""What the generator produces: sites, issuers and documents (with their truth)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from crawlers.sim.regions import Region


@dataclass(frozen=True)
class Issuer:
    name: str  # 德庆县人民政府 / 德庆县司法局 / 中共德庆县委、德庆县人民政府
    kind: str  # government | department | party_government
    region: Region
    dept_type: str | None = None  # 司法局 … for departments
    short: str = ""  # how titles name it: 德庆县 / 德庆县司法局

    @property
    def self_word(self) -> str:
        if self.kind == "department":
            return "我厅" if self.name.endswith("厅") else "我局"
        short = self.region.short
        return "我街道" if short == "街道" else f"我{short}"

    @property
    def area_word(self) -> str:
        short = self.region.short
        return "全街道" if short == "街道" else f"全{short}"

    @property
    def gov_name(self) -> str:
        if self.region.short == "街道":
            return "街道办事处"
        return f"{self.region.short}人民政府" if self.region.level != "province" else "省政府"


@dataclass
class Doc:
    doc_id: int
    kind: str  # report | near_miss
    doc_kind: str  # annual_report | interpretation | plan | notice | news | other_report
    title: str
    report_year: int | None
    issuer: Issuer
    published: datetime
    written: date
    paragraphs: list[str]
    metrics: list[dict] = field(default_factory=list)
    doc_number: str = ""  # 文号
    pdf_only: bool = False  # the article page carries only a link to a PDF holding the report
    pdf_copy: bool = False  # the article page also links a PDF copy
    docx_copy: bool = False  # the article page also links a Word copy
    about_year: int | None = None  # the year a near miss is about (for sorting and titles)

    @property
    def text(self) -> str:
        return "\n".join([self.title, *self.paragraphs])

    @property
    def body_text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass
class Site:
    key: str  # stable short id: trs-prov …
    family: str  # trs | hanweb | gkmlpt | generic
    variant: str  # family dialect
    level: str  # province | prefecture | county | township | department
    region: Region
    owner: Issuer  # the body whose portal this is
    site_name: str
    domain: str  # the real-looking domain written into meta tags and the 繁体 gateway
    site_id_code: str
    encoding: str = "utf-8"
    big5_gateway: bool = False
    docs: list[Doc] = field(default_factory=list)
    column_id: int = 0  # family-specific number of the report column
    extra: dict = field(default_factory=dict)
