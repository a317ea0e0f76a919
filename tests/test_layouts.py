"""Every annotated page keeps at least the accuracy recorded for it (a ratchet: accuracy may only go up).

The pages are the fixtures the parser was built on and the 42 layout-diverse pages in ``fixtures/layouts/``;
``fixtures/layouts/scores.json`` records, per page, the parse checks passed and the figures and sources F1
(``bench/score_pages.py --record`` rewrites it after an improvement).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from score_pages import annotated_pages, score_one  # noqa: E402

RECORDED = json.loads((ROOT / "tests" / "fixtures" / "layouts" / "scores.json").read_text(encoding="utf-8"))
PAGES = {name: (kind, path, gold) for name, kind, path, gold in annotated_pages()}


def test_every_annotated_page_has_a_recorded_score():
    assert set(PAGES) == set(RECORDED)
    assert len({kind for kind, _, _ in PAGES.values()} - {"seen"}) >= 8  # at least 8 page types


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_scores_at_least_as_recorded(name):
    kind, path, gold = PAGES[name]
    score = score_one(path, gold)
    recorded = RECORDED[name]
    assert score.checks_passed >= recorded["checks_passed"], score.failed_checks
    assert score.figures[2] >= recorded["figures_f1"] - 1e-9
    assert score.sources[2] >= recorded["sources_f1"] - 1e-9
