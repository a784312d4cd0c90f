"""Onboarding portals from one address: site discovery, registry entries, source health checks.

findings = await discover_site(home_url, fetcher)          # site.py: columns holding reports
entry = await build_entry(url, fetcher)                     # entry.py: a registry Source to review
health = assess(evidence, previous)                         # health.py: pure SourceHealth verdict
"""
