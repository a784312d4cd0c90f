"""The real `dagster dev` (webserver + daemon) on this code location: the asset graph over GraphQL,
and a backfill of two report years launched the way the UI launches one, run to success against
the imitation portals."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from crawlers.registry import dump_sources
from crawlers.sim import SimConfig, SimPortals
from warehouse.db import connect

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]
ROOT = Path(__file__).resolve().parents[1]
YEARS = ["2021", "2022"]
PARTITIONED = [
    "discovered_report_links",
    "fetched_pages",
    "parsed_reports",
    "crawl_log_tables",
    "report_tables",
]

ASSET_NODES = (
    "{ assetNodes { assetKey { path } groupName isPartitioned partitionKeysByDimension { partitionKeys } } }"
)
WORKSPACE = """
{ workspaceOrError { ... on Workspace { locationEntries { name loadStatus
    locationOrLoadError { __typename ... on PythonError { message } } } } } }"""
LAUNCH = """
mutation ($params: LaunchBackfillParams!) {
  launchPartitionBackfill(backfillParams: $params) {
    __typename
    ... on LaunchBackfillSuccess { backfillId }
    ... on PythonError { message stack }
    ... on PartitionSetNotFoundError { message }
    ... on InvalidSubsetError { message }
    ... on UnauthorizedError { message }
  }
}"""
BACKFILL = """
query ($id: String!) {
  partitionBackfillOrError(backfillId: $id) {
    __typename
    ... on PartitionBackfill { status error { message } runs(limit: 20) { runId status } }
    ... on PythonError { message }
  }
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(process: subprocess.Popen) -> None:
    """dagster dev ignores SIGINT in the background and its children outlive the parent: end the group."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def graphql(client: httpx.Client, query: str, variables: dict | None = None) -> dict:
    response = client.post("/graphql", json={"query": query, "variables": variables or {}})
    response.raise_for_status()
    body = response.json()
    assert "errors" not in body, body["errors"]
    return body["data"]


def wait_until_up(client: httpx.Client, process: subprocess.Popen, log: Path, timeout: float = 150) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, f"dagster dev exited: {log.read_text(errors='replace')[-3000:]}"
        try:
            if client.get("/server_info").status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(1)
    pytest.fail(f"dagster dev did not answer in {timeout}s: {log.read_text(errors='replace')[-3000:]}")


def wait_for_code_location(client: httpx.Client, log: Path, timeout: float = 120) -> dict[str, dict]:
    """The webserver answers before the code server has loaded the definitions: poll the graph."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        nodes = {"/".join(n["assetKey"]["path"]): n for n in graphql(client, ASSET_NODES)["assetNodes"]}
        if nodes:
            return nodes
        time.sleep(1)
    workspace = graphql(client, WORKSPACE)
    pytest.fail(f"no assets after {timeout}s: {workspace} {log.read_text(errors='replace')[-3000:]}")


def test_dagster_dev_shows_the_graph_and_runs_a_two_year_backfill(tmp_path):
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text((ROOT / "dagster.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    port = free_port()
    log = tmp_path / "dagster_dev.log"
    with SimPortals(SimConfig(seed=3, hosts=2, years=range(2021, 2023), scale=0.3)) as sim:
        (tmp_path / "sim.toml").write_text(dump_sources(sim.sources), encoding="utf-8")
        env = {**os.environ, "DAGSTER_HOME": str(home), "FAZHI_DB": str(tmp_path / "w.duckdb"),
               "FAZHI_DATA": str(tmp_path / "data"), "FAZHI_SOURCES": str(tmp_path / "sim.toml")}  # fmt: skip
        with log.open("w") as out:
            process = subprocess.Popen(
                [str(Path(sys.executable).parent / "dagster"), "dev", "-m", "pipelines.definitions",
                 "-h", "127.0.0.1", "-p", str(port)],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
                wait_until_up(client, process, log)
                nodes = wait_for_code_location(client, log)
                assert set(PARTITIONED) <= set(nodes)
                assert {"source_registry", "source_tables", "search_index"} <= set(nodes)
                assert nodes["fetched_pages"]["groupName"] == "ingest"
                keys = nodes["report_tables"]["partitionKeysByDimension"][0]["partitionKeys"]
                assert keys[0] == "2015" and set(YEARS) <= set(keys)

                launched = graphql(client, LAUNCH, {"params": {
                    "partitionNames": YEARS, "fromFailure": False,
                    "assetSelection": [{"path": [name]} for name in PARTITIONED],
                }})["launchPartitionBackfill"]  # fmt: skip
                assert launched["__typename"] == "LaunchBackfillSuccess", launched
                backfill = {}
                deadline = time.monotonic() + 200
                while time.monotonic() < deadline:
                    backfill = graphql(client, BACKFILL, {"id": launched["backfillId"]})[
                        "partitionBackfillOrError"
                    ]
                    if (
                        backfill.get("status") not in ("REQUESTED", None)
                        or backfill["__typename"] != "PartitionBackfill"
                    ):
                        break
                    time.sleep(2)
                assert backfill.get("status") == "COMPLETED_SUCCESS", (
                    backfill,
                    log.read_text(errors="replace")[-3000:],
                )
                assert backfill["runs"] and all(r["status"] == "SUCCESS" for r in backfill["runs"])
                # BackfillPolicy.multi_run(5): both years in one run, not one process per year
                assert len(backfill["runs"]) == 1
        finally:
            stop(process)
    con = connect(tmp_path / "w.duckdb", read_only=True)
    years = {y for (y,) in con.execute("SELECT DISTINCT report_year FROM reports").fetchall()}
    con.close()
    assert years == {2021, 2022}
