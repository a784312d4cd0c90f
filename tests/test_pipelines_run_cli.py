"""`fazhi run`: year parsing, and real runs in subprocesses, two of them writing the warehouse at once."""

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from crawlers.registry import dump_sources
from crawlers.sim import SimConfig, SimPortals
from pipelines.run_cli import chunks, parse_years
from tests.support.pipelines import snapshot
from warehouse.db import connect

ROOT = Path(__file__).resolve().parents[1]
FAZHI = str(Path(sys.executable).parent / "fazhi")


def test_parse_years():
    assert parse_years("2016-2020") == [2016, 2017, 2018, 2019, 2020]
    assert parse_years("2023") == [2023]
    assert parse_years("2019, 2021,2019") == [2019, 2021]
    for bad in ("2020-2016", "twenty", "", "2019-"):
        with pytest.raises(click.BadParameter):
            parse_years(bad)


def test_chunks_follow_the_backfill_size_and_break_at_gaps():
    assert chunks([2015, 2016, 2017, 2018, 2019, 2020, 2021], 5) == [
        [2015, 2016, 2017, 2018, 2019],
        [2020, 2021],
    ]
    assert chunks([2016, 2018, 2019], 5) == [[2016], [2018, 2019]]


def test_a_year_that_is_not_over_is_refused(tmp_path):
    from click.testing import CliRunner

    from pipelines.run_cli import run

    result = CliRunner().invoke(run, ["--years", "2014-2016", "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code != 0 and "[2014]" in result.output


def fazhi_run(args: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen([FAZHI, "run", *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)  # fmt: skip


@pytest.mark.slow
def test_runs_from_the_command_line_and_two_writers_at_once_both_succeed(tmp_path):
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text((ROOT / "dagster.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    env = {**os.environ, "DAGSTER_HOME": str(home), "FAZHI_DB": str(tmp_path / "w.duckdb"),
           "FAZHI_DATA": str(tmp_path / "data"), "FAZHI_SOURCES": str(tmp_path / "sim.toml")}  # fmt: skip
    with SimPortals(SimConfig(seed=2, hosts=2, years=range(2021, 2023), scale=0.3)) as sim:
        (tmp_path / "sim.toml").write_text(dump_sources(sim.sources), encoding="utf-8")
        first = fazhi_run(["--years", "2021-2022"], env)
        out, _ = first.communicate(timeout=180)
    assert first.returncode == 0, out[-3000:]
    assert "report_year_job 2021-2022: success" in out
    before = snapshot(tmp_path / "w.duckdb")
    assert {row[1] for row in before["reports"]} == {2021, 2022}

    # the portals are gone: the reparse job works from the archive alone. Two runs writing the same
    # warehouse at once: the duckdb_writer pool (or the warehouse's lock wait) lets both finish.
    runs = [fazhi_run(["--years", year, "--job", "reparse_job"], env) for year in ("2021", "2022")]
    outputs = [run.communicate(timeout=180)[0] for run in runs]
    for run, output in zip(runs, outputs, strict=True):
        assert run.returncode == 0, output[-3000:]
        assert "reparse_job" in output and "success" in output
    assert snapshot(tmp_path / "w.duckdb") == before
    con = connect(tmp_path / "w.duckdb", read_only=True)
    assert con.execute("SELECT count(*) FROM reports").fetchone()[0] == len(before["reports"])
    con.close()


def test_a_failed_run_exits_non_zero_and_says_why(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from pipelines.run_cli import run

    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    # nothing was crawled into this data directory: parsing has no crawl record to read
    result = CliRunner().invoke(
        run, ["--years", "2020", "--job", "reparse_job", "--data", str(tmp_path / "data"),
              "--db", str(tmp_path / "w.duckdb")],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "reparse_job 2020: FAILED" in result.output
    assert "no crawl record" in result.output and "materialize fetched_pages" in result.output
