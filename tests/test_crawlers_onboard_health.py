"""`fazhi sources check`: a source whose portal is redesigned mid-run is flagged; pure verdict rules."""

import asyncio

import pytest
from click.testing import CliRunner

from crawlers.cli import sources as sources_group
from crawlers.crawl import crawl_sources
from crawlers.model import Column, Source
from crawlers.onboard.health import ColumnCheck, assess_source, check_sources_health
from crawlers.registry import dump_sources, load_sources
from crawlers.sim import SimConfig, SimPortals
from crawlers.sim.redesign import redesign_column

SEASON = range(2023, 2024)
SOURCE = Source(
    id="s",
    name="示例",
    base_url="http://a.gov.cn/",
    adapter="trs",
    columns=(Column("http://a.gov.cn/fzzfjsndbg/"),),
)


def check(**kw) -> ColumnCheck:
    base = dict(
        url="http://a.gov.cn/fzzfjsndbg/",
        adapter="trs",
        reachable=True,
        adapter_seen="trs",
        family_seen="trs",
        pager=True,
        candidates=2,
        archived_candidates=2,
        list_requests=1,
    )
    return ColumnCheck(**{**base, **kw})


def test_assess_source_rules():
    ok = assess_source(SOURCE, [check()], None, "t")
    assert ok.ok and ok.problems == () and ok.candidates == 2
    state = ok.state()
    changed = assess_source(
        SOURCE, [check(adapter_seen="generic", family_seen="generic", pager=False, candidates=0)], state, "t2"
    )
    assert changed.status == "changed"
    text = " ".join(changed.problems)
    assert "family changed (trs -> generic)" in text and "pager not found" in text
    assert "no candidates where an earlier crawl found 2" in text
    # nothing archived, no earlier check: an empty season is not a redesign
    quiet = assess_source(SOURCE, [check(candidates=0, archived_candidates=None)], None, "t")
    assert quiet.ok
    down = assess_source(SOURCE, [check(reachable=False, reason="HTTP 404")], state, "t")
    assert down.status == "unreachable" and "HTTP 404" in down.problems[0]


@pytest.mark.slow
def test_redesigned_portal_is_flagged_the_others_stay_healthy(tmp_path):
    with SimPortals(SimConfig(hosts=4, years=range(2021, 2024), faults="none", scale=0.5)) as sim:
        crawl_sources(sim.sources, SEASON, tmp_path)  # the earlier crawl, archived under tmp_path/raw
        first = asyncio.run(check_sources_health(sim.sources, SEASON, tmp_path, {}))
        assert [h.status for h in first] == ["ok"] * 4, [h.problems for h in first]
        assert all(h.candidates > 0 for h in first)
        previous = {h.source_id: h.state() for h in first}
        for key in ("trs-prov", "hanweb-city"):
            redesign_column(sim, key)
        second = asyncio.run(check_sources_health(sim.sources, SEASON, tmp_path, previous))
    verdicts = {h.source_id: h for h in second}
    for sid in ("sim-trs-prov", "sim-hanweb-city"):
        h = verdicts[sid]
        assert h.status == "changed" and h.candidates == 0
        assert any("family changed" in p for p in h.problems)
        assert any("no candidates where an earlier crawl found" in p for p in h.problems)
    assert verdicts["sim-trs-prov"].problems and any(
        "pager not found" in p for p in verdicts["sim-trs-prov"].problems
    )
    assert verdicts["sim-gkmlpt-city"].ok and verdicts["sim-generic-county"].ok


@pytest.mark.slow
def test_cli_sources_add_then_check(tmp_path):
    registry = tmp_path / "local.toml"
    with SimPortals(SimConfig(hosts=4, years=range(2022, 2024), faults="none", scale=0.5)) as sim:
        trs = next(s for s in sim.sources if s.adapter == "trs")
        runner = CliRunner()
        shown = runner.invoke(
            sources_group,
            ["add", trs.columns[0].url, "--registry", str(registry), "--years", "2022-2023"],
            input="n\n",
        )
        assert shown.exit_code == 0, shown.output
        assert (
            "[[source]]" in shown.output and 'adapter = "trs"' in shown.output and "not saved" in shown.output
        )
        assert not registry.exists()
        saved = runner.invoke(
            sources_group,
            ["add", trs.columns[0].url, "--registry", str(registry), "--years", "2022-2023", "--yes"],
        )
        assert saved.exit_code == 0, saved.output
        [entry] = load_sources(registry)
        assert (entry.name, entry.region_code, entry.level) == (trs.name, trs.region_code, trs.level)
        again = runner.invoke(
            sources_group, ["add", trs.columns[0].url, "--registry", str(registry), "--yes"]
        )
        assert again.exit_code != 0 and "already has" in again.output
        shipped = tmp_path / "sim.toml"
        shipped.write_text(dump_sources(sim.sources), encoding="utf-8")
        data = tmp_path / "data"
        ok = runner.invoke(
            sources_group,
            ["check", "--sources", str(shipped), "--data", str(data), "--years", "2023", trs.id],
        )
        assert ok.exit_code == 0, ok.output
        assert (data / "health" / "sources.json").exists()
        redesign_column(sim, trs.id)
        flagged = runner.invoke(
            sources_group,
            ["check", "--sources", str(shipped), "--data", str(data), "--years", "2023", trs.id],
        )
        assert flagged.exit_code == 1 and "changed" in flagged.output
        unknown = runner.invoke(sources_group, ["check", "--sources", str(shipped), "nope"])
        assert unknown.exit_code == 2 and "nope" in unknown.output
