"""`fazhi sim` as other tools run it: a subprocess that prints `ready` and stops cleanly on SIGTERM."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import tomllib
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_cli_serves_until_signalled(tmp_path, stop_signal):
    sources, truth = tmp_path / "sources.toml", tmp_path / "truth.jsonl"
    cmd = [
        sys.executable,
        "-c",
        "from pipelines.cli import main; main()",
        "sim",
        "--sources-out",
        str(sources),
        "--truth",
        str(truth),
        "--faults",
        "none",
        "--seed",
        "5",
        "--hosts",
        "3",
        "--first-year",
        "2021",
        "--last-year",
        "2023",
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        registry = tomllib.loads(sources.read_text(encoding="utf-8"))
        assert len(registry["source"]) == 3
        entries = [json.loads(line) for line in truth.read_text(encoding="utf-8").splitlines()]
        assert {e["kind"] for e in entries} >= {"report", "list"}
        report = next(e for e in entries if e["kind"] == "report")
        assert {
            "url",
            "host",
            "report_year",
            "recoverable",
            "doc_kind",
            "title",
            "region",
            "issuer",
            "metrics",
            "text",
            "family",
        } <= set(report)
        assert httpx.get(report["url"]).status_code == 200
        proc.send_signal(stop_signal)
        assert proc.wait(timeout=15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()


def test_cli_refuses_bad_arguments(tmp_path):
    from click.testing import CliRunner

    from crawlers.sim.cli import sim

    out = tmp_path / "s.toml"
    result = CliRunner().invoke(
        sim,
        [
            "--sources-out",
            str(out),
            "--truth",
            str(tmp_path / "t"),
            "--first-year",
            "2024",
            "--last-year",
            "2020",
        ],
    )
    assert result.exit_code != 0 and "--last-year" in result.output
    result = CliRunner().invoke(
        sim, ["--sources-out", str(out), "--truth", str(tmp_path / "t"), "--faults", "many"]
    )
    assert result.exit_code != 0 and "many" in result.output
    assert not out.exists()


def test_cli_names_an_unwritable_output(tmp_path):
    from click.testing import CliRunner

    from crawlers.sim.cli import sim

    missing = tmp_path / "no" / "such" / "dir" / "s.toml"
    args = [
        "--sources-out",
        str(missing),
        "--truth",
        str(tmp_path / "t"),
        "--hosts",
        "1",
        "--first-year",
        "2023",
    ]
    result = CliRunner().invoke(sim, args)
    assert result.exit_code == 1 and "cannot write" in result.output
