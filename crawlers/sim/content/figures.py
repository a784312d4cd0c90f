"""How large each figure is: a county government's typical range, rates, and scale by level."""

# Typical size of each figure for a county government; other levels scale it.
BASE_VALUES: dict[str, tuple[int, int]] = {
    "reconsideration_received": (20, 120),
    "reconsideration_accepted": (15, 100),
    "reconsideration_concluded": (12, 95),
    "reconsideration_pending": (1, 12),
    "reconsideration_revoked": (1, 9),
    "reconsideration_upheld": (5, 50),
    "reconsideration_confirmed_illegal": (0, 5),
    "reconsideration_dismissed": (2, 20),
    "litigation_cases": (10, 90),
    "litigation_won": (5, 60),
    "litigation_lost": (0, 6),
    "litigation_pending": (1, 15),
    "leader_court_appearances": (5, 60),
    "normative_docs_filed": (3, 25),
    "normative_docs_reviewed": (30, 400),
    "normative_docs_cleaned": (10, 120),
    "info_disclosed_proactively": (1500, 30000),
    "disclosure_requests": (5, 120),
    "mediation_disputes": (800, 6000),
    "mediation_resolved": (780, 5900),
    "petitions_total": (300, 3000),
    "hotline_received": (20000, 160000),
    "hotline_resolved": (19000, 158000),
    "enforcement_personnel_trained": (200, 3000),
    "enforcement_personnel_certified": (20, 300),
    "enforcement_penalty_cases": (100, 4000),
    "enforcement_complaints": (3, 60),
    "legal_advisers": (5, 40),
    "publicity_events": (40, 600),
    "publicity_participants": (5000, 200000),
    "publicity_materials": (3000, 150000),
}
# Rates in hundredths of a percent (lo, hi).
BASE_RATES: dict[str, tuple[int, int]] = {
    "reconsideration_correction_rate": (300, 2500),
    "reconsideration_fulfillment_rate": (9800, 10000),
    "litigation_loss_rate": (0, 1500),
    "leader_court_appearance_rate": (8000, 10000),
    "mediation_success_rate": (9500, 9990),
    "hotline_resolution_rate": (9500, 10000),
    "hotline_satisfaction_rate": (9000, 9990),
    "legal_adviser_coverage_rate": (10000, 10000),
}
LEVEL_SCALE = {"province": 12.0, "prefecture": 3.0, "county": 1.0, "township": 0.12}
