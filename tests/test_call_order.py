"""Results never depend on call order: tokenizers are immutable once built.

Each order runs in a fresh interpreter (caches start empty, which is where order used to matter: tagging emptied
the shared tokenizer's part-of-speech table, so tokenizers derived afterwards tagged dictionary words as ``x``),
and all orders run once more in one process. Every run must give identical tables.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import FIXTURES

SCRIPT = r"""
import json, sys
from newsanalysis.parse import load_page
from newsanalysis import stats, figures, quotes
page = load_page(sys.argv[1])
run = {
    "figures": lambda: figures.extract_figures(page)[["article", "paragraph", "text", "kind"]],
    "entities": lambda: stats.entities(page),
    "textrank": lambda: stats.keywords(page, method="textrank", top_n=10),
    "terms_pos": lambda: stats.term_frequencies(page, pos=True, top_n=15),
    "quotes": lambda: quotes.extract_quotes(page),
}
results = []
for order in json.loads(sys.argv[2]):
    results.append({name: run[name]().astype(str).values.tolist() for name in order})
print(json.dumps(results, ensure_ascii=False))
"""

ORDERS = [
    ["entities", "textrank", "terms_pos", "figures", "quotes"],
    ["figures", "quotes", "terms_pos", "entities", "textrank"],
    ["terms_pos", "figures", "textrank", "entities", "quotes"],
]


def _run(orders: list[list[str]]) -> list[dict]:
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(FIXTURES / "sample-page.txt"), json.dumps(orders)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


@pytest.mark.slow
def test_every_order_gives_the_same_tables():
    fresh = [_run([order])[0] for order in ORDERS]
    same_process = _run(ORDERS)
    reference = fresh[0]
    for result in [*fresh[1:], *same_process]:
        for name, rows in reference.items():
            assert result[name] == rows, name
    # the defect this guards against: dictionary words lost their tags after figure extraction
    assert any(row[1] == "离岸贸易" for row in reference["textrank"])
    assert sum(row[5] == "org" for row in reference["entities"]) >= 30
