"""One asset check per registry source on `discovered_report_links`: does the source still work?

The same verdict as `fazhi sources check` (crawlers.onboard.health.assess_source), judged on what the
run's crawl already learned (pipelines/defs/source_health.py), so the check sends no request.

Severity:
- WARN when a column's layout seems to have changed (family changed, pager gone, no candidates where
  an earlier check saw some) or some of its columns did not answer: the crawl ran, but this source
  may be losing reports until someone re-pins its adapter. A column emptied on purpose looks the
  same, so this asks for a look rather than failing the pipeline.
- ERROR when no column of the source answered at all in the run: nothing was collected from it
  (host down, DNS gone, blocked by robots.txt or an anti-bot wall).
Neither blocks the downstream assets: the other sources' reports still load.

The specs are made when the code location loads, from the registry file the pipeline reads
(FAZHI_SOURCES, else sources/real.toml); reload the code location after editing the registry."""

import re
import warnings
from collections.abc import Sequence

import dagster as dg

from crawlers.model import Source
from crawlers.onboard.health import SourceHealth, load_state, save_state
from crawlers.registry import RegistryError
from pipelines.defs.metadata import markdown_table
from pipelines.defs.resources import DataDirResource, RegistryResource
from pipelines.defs.source_health import NoCrawlError, assess_from_crawl, latest_crawl_record

CHECKED_ASSET = "discovered_report_links"
CHECK_PREFIX = "source_health_"
COLUMN_FIELDS = (
    "url",
    "adapter",
    "reachable",
    "adapter_seen",
    "family_seen",
    "pager",
    "candidates",
    "list_requests",
    "reason",
)


def check_names(source_ids: Sequence[str]) -> dict[str, str]:
    """A valid Dagster name per source id ([A-Za-z0-9_]); ids that clash once cleaned get a suffix."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for source_id in source_ids:
        base = CHECK_PREFIX + re.sub(r"[^A-Za-z0-9_]", "_", source_id)
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base}_{n}"
        taken.add(name)
        names[source_id] = name
    return names


def health_result(name: str, health: SourceHealth, crawl: dict) -> dg.AssetCheckResult:
    severity = dg.AssetCheckSeverity.ERROR if health.status == "unreachable" else dg.AssetCheckSeverity.WARN
    return dg.AssetCheckResult(
        check_name=name,
        asset_key=CHECKED_ASSET,
        passed=health.ok,
        severity=severity,
        description=None
        if health.ok
        else f"{health.source_id} {health.status}: {'; '.join(health.problems)}",
        metadata={
            "source_id": health.source_id,
            "status": health.status,
            "problems": dg.MetadataValue.md("\n".join(f"- {p}" for p in health.problems) or "_none_"),
            "candidates": health.candidates,
            "columns": markdown_table([{k: getattr(c, k) for k in COLUMN_FIELDS} for c in health.columns]),
            "crawl_started_at": str(crawl.get("started_at")),
        },
    )


def _not_judged(name: str, source_id: str, why: str) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        check_name=name,
        asset_key=CHECKED_ASSET,
        passed=False,
        severity=dg.AssetCheckSeverity.WARN,
        description=f"{source_id}: {why}",
        metadata={"source_id": source_id, "status": "not_judged", "problems": why},
    )


def build_source_health_check(source_ids: Sequence[str]) -> dg.AssetChecksDefinition | None:
    """The multi-check with one spec per source id (None for an empty registry)."""
    if not source_ids:
        return None
    names = check_names(source_ids)
    specs = [
        dg.AssetCheckSpec(
            name=name,
            asset=CHECKED_ASSET,
            description=f"Source {sid} still works: its columns answer, show the family and pager the last "
            "healthy check saw, and list report candidates where they did before. WARN on a layout change, "
            "ERROR when no column answered in the run.",
        )
        for sid, name in names.items()
    ]

    @dg.multi_asset_check(
        specs=specs,
        name="source_health",
        can_subset=True,
        description="Per-source health judged on the latest crawl (no requests): layout changes and "
        "unreachable portals.",
    )
    def source_health(
        context: dg.AssetCheckExecutionContext, registry: RegistryResource, data_dir: DataDirResource
    ):
        selected = {key.name for key in context.selected_asset_check_keys}
        wanted = {sid: name for sid, name in names.items() if name in selected}
        sources: dict[str, Source] = {s.id: s for s in registry.load()}
        try:
            crawl = latest_crawl_record(data_dir.path / "crawls")
        except NoCrawlError as exc:
            for sid, name in wanted.items():
                yield _not_judged(name, sid, str(exc))
            return
        try:
            previous = load_state(data_dir.path)
            keep_state = True
        except ValueError as exc:  # judge without it, and leave the damaged file for a person to see
            context.log.warning("%s; judging without the earlier state, which is left as it is", exc)
            previous, keep_state = {}, False
        verdicts = assess_from_crawl(
            [sources[sid] for sid in wanted if sid in sources], crawl, data_dir.raw, previous
        )
        judged = [h for h in verdicts.values() if h is not None]
        if keep_state and judged:
            save_state(data_dir.path, previous, judged)
        for sid, name in wanted.items():
            health = verdicts.get(sid)
            if sid not in sources:
                yield _not_judged(name, sid, f"not in the registry {registry.file}; reload the code location")
            elif health is None:
                yield _not_judged(name, sid, f"not in the latest crawl (started {crawl.get('started_at')})")
            else:
                yield health_result(name, health, crawl)
        unchecked = sorted(set(sources) - set(names))
        if unchecked:
            context.log.warning("sources without a health check (reload the code location): %s", unchecked)

    return source_health


def source_health_checks(registry: RegistryResource | None = None) -> list[dg.AssetChecksDefinition]:
    """The per-source checks for the registry the code location loads with. An unreadable registry
    gives none (with a warning) so the code location still loads; `source_registry` then fails the
    run with the registry's own error."""
    registry = registry or RegistryResource()
    try:
        ids = [s.id for s in registry.load()]
    except RegistryError as exc:
        warnings.warn(f"no source health checks: registry {registry.file} unreadable ({exc})", stacklevel=2)
        return []
    check = build_source_health_check(ids)
    return [check] if check is not None else []
