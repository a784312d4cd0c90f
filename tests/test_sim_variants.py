"""The opt-in dialect portals (SimConfig.variants): off by default, deterministic, every page served."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import tomllib
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from crawlers.sim import SimConfig, SimPortals
from crawlers.sim.cli import sim as sim_command
from crawlers.sim.generator import build_world
from crawlers.sim.sites import SLOTS, VARIANT_SLOTS

ROOT = Path(__file__).resolve().parents[1]
VARIANT_KEYS = [s.key for s in VARIANT_SLOTS]


def test_default_world_has_no_variant_portal():
    assert [s.key for s in build_world(SimConfig(years=range(2022, 2024)))] == [s.key for s in SLOTS]
    world = build_world(SimConfig(hosts=2, variants=True, years=range(2022, 2024)))
    assert [s.key for s in world] == [s.key for s in SLOTS[:2]] + VARIANT_KEYS


def test_hosts_zero_only_with_variants():
    with pytest.raises(ValueError, match="hosts"):
        SimConfig(hosts=0)
    assert SimConfig(hosts=0, variants=True).portal_count == len(VARIANT_SLOTS)


_FINGERPRINT = """
import hashlib, json
from crawlers.sim.portals import build_portals
from crawlers.sim import SimConfig
h = hashlib.sha1()
for p in build_portals(SimConfig(hosts=3, variants=True, years=range(2015, 2018))):
    for path in sorted(p.rendered.routes):
        h.update(path.encode() + p.rendered.routes[path].body)
    h.update(json.dumps(p.rendered.truth, sort_keys=True, default=str).encode())
print(h.hexdigest())
"""


def test_world_is_the_same_whatever_the_string_hash_seed():
    """Same seed, same bytes: nothing may depend on the order of a set of strings."""

    def run(hash_seed: str) -> str:
        env = {"PYTHONHASHSEED": hash_seed, "PATH": "/usr/bin:/bin"}
        out = subprocess.run(
            [sys.executable, "-c", _FINGERPRINT],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip()

    assert run("1") == run("2") == run("3")


def test_every_variant_page_in_the_truth_is_served():
    config = SimConfig(hosts=0, variants=True, years=range(2021, 2024))
    with SimPortals(config) as sim, httpx.Client(timeout=5) as client:
        assert {s.id for s in sim.sources} == {f"sim-{k}" for k in VARIANT_KEYS}
        kinds = {t["kind"] for t in sim.truth}
        assert {"report", "list", "near_miss", "attachment"} <= kinds
        for entry in sim.truth:
            r = client.get(entry["url"])
            assert r.status_code == 200, entry["url"]
            if entry["kind"] == "report":
                assert entry["title"] in r.content.decode("utf-8")
        for source in sim.sources:  # registry columns answer too
            for column in source.columns:
                assert client.get(column.url).status_code == 200


def test_cli_serves_the_variants_only_when_asked(tmp_path):
    sources, truth = tmp_path / "sources.toml", tmp_path / "truth.jsonl"
    result = CliRunner().invoke(
        sim_command, ["--sources-out", str(sources), "--truth", str(truth), "--hosts", "0"]
    )
    assert result.exit_code != 0 and "variants" in result.output
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
        "--hosts",
        "1",
        "--variants",
        "--first-year",
        "2022",
        "--last-year",
        "2023",
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        registry = tomllib.loads(sources.read_text(encoding="utf-8"))
        adapters = {s["id"]: s["adapter"] for s in registry["source"]}
        assert adapters == {
            f"sim-{SLOTS[0].key}": SLOTS[0].family,
            **{f"sim-{s.key}": s.family for s in VARIANT_SLOTS},
        }
        entries = [json.loads(line) for line in truth.read_text(encoding="utf-8").splitlines()]
        assert {e["source_id"] for e in entries} == set(adapters)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
