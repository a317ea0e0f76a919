"""A quick fuzz profile: pages made of the fixtures' own lines, mutated (``bench/fuzz_pages.py``; the long run is
``make fuzz``). Parse, figures, quotes and sources raise nothing but the package's own errors, and the ledger
accounts for every line."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from fuzz_pages import fixture_lines, mutated_page, run_page  # noqa: E402

LINES = fixture_lines()


@pytest.mark.parametrize("seed", range(0, 150))
def test_mutated_pages_of_real_lines(seed):
    run_page(mutated_page(random.Random(seed), LINES))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=40)), max_size=12),
       st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_real_lines_mixed_with_any_text(lines, separator):
    run_page(separator.join(lines))
