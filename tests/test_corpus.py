"""Tests for newsanalysis.corpus: Dask term frequencies equal the in-process result."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from newsanalysis import corpus, stats
from newsanalysis.parse.page import load_page

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAGES = ["practice_d.txt", "practice_e.txt", "sample-page.txt"]


@pytest.fixture(scope="module")
def paths():
    return [FIXTURES / name for name in PAGES]


@pytest.fixture(scope="module")
def expected(paths):
    return stats.corpus_term_frequencies(paths)


@pytest.mark.parametrize("scheduler", ["sync", "threads"])
def test_dask_equals_in_process(paths, expected, scheduler):
    pd.testing.assert_frame_equal(corpus.corpus_term_frequencies(paths, scheduler=scheduler), expected)


def test_local_cluster_equals_in_process(paths, expected):
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        result = corpus.corpus_term_frequencies(paths, address=cluster.scheduler_address)
    pd.testing.assert_frame_equal(result, expected)


def test_corpus_schema_and_sums(expected, paths):
    assert list(expected.columns) == ["term", "count", "share", "n_articles"]
    assert expected["share"].sum() == pytest.approx(1.0)
    per_page = sum(int(stats.page_term_frequencies(load_page(p))["count"].sum()) for p in paths)
    assert int(expected["count"].sum()) == per_page
