"""Shared fixtures: the bundled sample page and the practice pages, copied into tests/fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAGES = {
    "sample": "sample-page.txt",
    "practice_d": "practice_d.txt",
    "practice_e": "practice_e.txt",
    **{f"unseen_u{n}": f"unseen_u{n}.txt" for n in range(1, 5)},
    **{f"unseen2_v{n}": f"unseen2_v{n}.txt" for n in range(1, 5)},
    **{f"unseen3_w{n}": f"unseen3_w{n}.txt" for n in range(1, 4)},
}
GOLDS = {
    "sample": "sample-page.gold.json",
    "practice_d": "practice_d.gold.json",
    "practice_e": "practice_e.gold.json",
    **{f"unseen_u{n}": f"unseen_u{n}.gold.json" for n in range(1, 5)},
    **{f"unseen2_v{n}": f"unseen2_v{n}.gold.json" for n in range(1, 5)},
    **{f"unseen3_w{n}": f"unseen3_w{n}.gold.json" for n in range(1, 4)},
}


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return FIXTURES / PAGES["sample"]


def load_gold(name: str) -> dict:
    return json.loads((FIXTURES / GOLDS[name]).read_text(encoding="utf-8"))


def page_path(name: str) -> Path:
    return FIXTURES / PAGES[name]


@pytest.fixture(scope="session")
def sample_page():
    from newsanalysis.parse.page import load_page

    return load_page(FIXTURES / PAGES["sample"])


@pytest.fixture(scope="session", params=["sample", "practice_d", "practice_e"])
def any_page(request):
    """Each known page parsed, with its gold annotation: (name, page, gold)."""
    from newsanalysis.parse.page import load_page

    return request.param, load_page(FIXTURES / PAGES[request.param]), load_gold(request.param)
