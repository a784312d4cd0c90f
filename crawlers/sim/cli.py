"""`fazhi sim`: serve the imitation portals until SIGINT/SIGTERM.

    fazhi sim --sources-out sim_sources.toml --truth sim_truth.jsonl [--faults default|none] [--seed N]
              [--variants]   # also the opt-in dialect portals (crawlers/sim/sites.py VARIANT_SLOTS)

Writes the registry (crawlers.registry format) and the truth (JSON Lines, one object per generated
page), then prints `ready` on stdout once every portal listens.
"""

from __future__ import annotations

import json
import signal
import threading
from pathlib import Path

import click

from crawlers.registry import dump_sources
from crawlers.sim.config import SimConfig
from crawlers.sim.portals import SimPortals


@click.command("sim")
@click.option(
    "--sources-out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Registry TOML pointing at the portals.",
)
@click.option(
    "--truth",
    "truth_out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Truth JSONL: one object per generated page.",
)
@click.option("--faults", type=click.Choice(["default", "none"]), default="default", show_default=True)
@click.option("--seed", type=int, default=1, show_default=True)
@click.option(
    "--port", type=int, default=0, show_default=True, help="One port for every host (0: ephemeral each)."
)
@click.option(
    "--hosts",
    type=click.IntRange(0, 14),
    default=14,
    show_default=True,
    help="How many default portals (0 only with --variants).",
)
@click.option("--first-year", type=int, default=2015, show_default=True)
@click.option("--last-year", type=int, default=2025, show_default=True)
@click.option(
    "--scale", type=float, default=1.0, show_default=True, help="Multiplies departments per portal."
)
@click.option(
    "--variants/--no-variants",
    default=False,
    show_default=True,
    help="Also serve the opt-in dialect portals the adapters were not written against.",
)
def sim(
    sources_out: Path,
    truth_out: Path,
    faults: str,
    seed: int,
    port: int,
    hosts: int,
    first_year: int,
    last_year: int,
    scale: float,
    variants: bool,
) -> None:
    """Serve imitation government portals on loopback until interrupted."""
    if last_year < first_year:
        raise click.BadParameter("--last-year is before --first-year")
    try:
        config = SimConfig(
            seed=seed,
            hosts=hosts,
            years=range(first_year, last_year + 1),
            faults=faults,
            port=port,
            scale=scale,
            variants=variants,
        )
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc
    stop = threading.Event()
    # Installed before the portals start so a signal during start-up still ends the run cleanly;
    # restored afterwards so an embedding process (tests) keeps its own handlers.
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        _serve(config, sources_out, truth_out, stop)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _serve(config: SimConfig, sources_out: Path, truth_out: Path, stop: threading.Event) -> None:
    try:
        portals = SimPortals(config)
        portals.start()
    except (OSError, RuntimeError) as exc:
        raise click.ClickException(f"cannot start the imitation portals: {exc}") from exc
    try:
        try:
            sources_out.write_text(dump_sources(portals.sources), encoding="utf-8")
            with truth_out.open("w", encoding="utf-8") as fh:
                for entry in portals.truth:
                    fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
        except OSError as exc:
            raise click.ClickException(f"cannot write the registry or the truth: {exc}") from exc
        reports = sum(1 for e in portals.truth if e["kind"] == "report")
        click.echo(
            f"{len(portals.sources)} portals, {len(portals.truth)} pages ({reports} reports); "
            f"faults={config.faults} seed={config.seed}",
            err=True,
        )
        click.echo("ready")
        while not stop.wait(0.5):
            pass
    finally:
        portals.stop()
