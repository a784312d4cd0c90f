import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawlers.adapters import ADAPTERS, adapter_name
from crawlers.cli import crawl, sources
from crawlers.cli_options import parse_years
from crawlers.registry import load_sources

REPO = Path(__file__).resolve().parents[1]


def test_shipped_registry_loads_and_names_known_adapters():
    loaded = load_sources(REPO / "sources" / "real.toml")
    assert len(loaded) >= 30
    for s in loaded:
        assert s.region_code is None or re.fullmatch(r"\d{6}", s.region_code), s.id
        assert s.level in {"province", "prefecture", "county", "township", "department"}, s.id
        for c in s.columns:
            assert adapter_name(c, s) in ADAPTERS, s.id
            assert c.url.startswith(("http://", "https://")), s.id
        assert s.politeness.requests_per_second <= 1 and s.politeness.max_connections <= 2


def test_shipped_registry_is_what_the_builder_makes():
    table = REPO.parent / "shared" / "sources" / "report_columns.csv"
    if not table.exists():
        pytest.skip("../shared is not available")
    import subprocess
    import sys

    built = subprocess.run(
        [sys.executable, str(REPO / "sources" / "build_real.py"), str(table)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert built == (REPO / "sources" / "real.toml").read_text(encoding="utf-8")


def test_parse_years():
    assert parse_years("2019-2023") == range(2019, 2024)
    assert parse_years("2023") == range(2023, 2024)
    for bad in ("2023-2019", "19-23", "abc", "1990-1999"):
        with pytest.raises(ValueError):
            parse_years(bad)


def test_bad_arguments_exit_non_zero_with_a_clear_message(tmp_path):
    runner = CliRunner()
    r = runner.invoke(crawl, ["--column", "http://127.0.0.1:9/x/", "--years", "2023-2019"])
    assert r.exit_code == 2 and "first year is after the last" in r.output
    r = runner.invoke(crawl, ["--years", "2023"])
    assert r.exit_code == 2 and "--sources" in r.output
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[[source]]\nid = "x"\nname = "x"\nbase_url = "http://x/"\nadapter = "nosuch"\n'
        'columns = [{ url = "http://x/a/" }]\n',
        encoding="utf-8",
    )
    r = runner.invoke(crawl, ["--sources", str(bad), "--years", "2023", "--data", str(tmp_path)])
    assert r.exit_code == 1 and "unknown adapter 'nosuch'" in r.output
    broken = tmp_path / "broken.toml"
    broken.write_text("[[source]\n", encoding="utf-8")
    r = runner.invoke(crawl, ["--sources", str(broken), "--years", "2023"])
    assert r.exit_code == 1 and "bad registry file" in r.output
    r = runner.invoke(crawl, ["--column", "ftp://x/", "--years", "2023"])
    assert r.exit_code == 2


def test_sources_list():
    r = CliRunner().invoke(sources, ["list", str(REPO / "sources" / "real.toml")])
    assert r.exit_code == 0, r.output
    n = len(load_sources(REPO / "sources" / "real.toml"))
    assert f"{n} sources" in r.output
