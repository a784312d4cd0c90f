"""The `fazhi` command. Each room owns its subcommands; this group only loads them on demand,
so `fazhi parse` never pays for importing Dagster."""

from __future__ import annotations

import importlib

import click

# command name -> "module:attribute" of a click command
SUBCOMMANDS: dict[str, str] = {
    "crawl": "crawlers.cli:crawl",
    "sim": "crawlers.sim.cli:sim",
    "sources": "crawlers.cli:sources",
    "parse": "parsing.cli:parse",
    "eval": "parsing.cli:evaluate",
    "sql": "warehouse.cli:sql",
    "search": "warehouse.cli:search",
    "run": "pipelines.run_cli:run",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = SUBCOMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        return getattr(importlib.import_module(module_name), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """fazhi: crawl, parse and warehouse 法治政府建设年度报告."""
