"""Tests for newsanalysis.stats.topics (NMF over paragraph TF-IDF)."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from newsanalysis.errors import NewsAnalysisError
from newsanalysis.stats.topics import topics

TWO_THEMES = "\n".join([
    "粮食产量再创新高,粮食播种面积稳定。", "粮食单产提高,粮食丰收。", "粮食收购价格稳定,粮食储备充足。",
    "跨境电商进出口增长,跨境电商平台扩张。", "跨境电商带动外贸,海外仓布局加快。", "外贸企业借助跨境电商开拓市场。",
])


@pytest.fixture(scope="module")
def model(sample_page):
    return topics(sample_page)


def test_automatic_k_separates_articles(model, sample_page):
    assert model.k >= 2
    dominant = model.article_shares.loc[model.article_shares.groupby("article")["share"].idxmax()]
    assert dominant["topic"].nunique() == min(model.k, len(sample_page.articles))
    assert list(model.labels.columns) == ["topic", "label", "top_terms"]
    sums = model.article_shares.groupby("article")["share"].sum()
    assert sums.round(9).eq(1.0).all()


def test_paragraph_weights_schema(model):
    frame = model.paragraph_weights
    assert list(frame.columns) == ["article", "paragraph", "topic", "weight"]
    sums = frame.groupby(["article", "paragraph"])["weight"].sum().round(9)
    assert sums.isin([0.0, 1.0]).all()


def test_deterministic(sample_page, model):
    again = topics(sample_page)
    assert again.k == model.k
    pd.testing.assert_frame_equal(again.labels, model.labels)
    pd.testing.assert_frame_equal(again.paragraph_weights, model.paragraph_weights)


def test_two_themes_with_fixed_k():
    model = topics(TWO_THEMES, k=2)
    tops = set(model.labels["label"].str.split("、").str[0])
    assert tops == {"粮食", "跨境电商"}
    weights = model.paragraph_weights.pivot(index="paragraph", columns="topic", values="weight")
    first, last = weights.iloc[0].idxmax(), weights.iloc[-1].idxmax()
    assert first != last


def test_bad_k_names_the_range():
    with pytest.raises(NewsAnalysisError, match="k=50"):
        topics(TWO_THEMES, k=50)


@pytest.mark.slow
def test_direct_nmf_fit_equals_sklearn_nmf_bit_for_bit():
    """Choosing k uses scikit-learn's NMF loop without its per-iteration overhead: the same W and H, exactly."""
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    from conftest import FIXTURES
    from newsanalysis.parse import load_page
    from newsanalysis.segment.units import segmented
    from newsanalysis.stats.terms import body_texts
    from newsanalysis.stats.topics import MAX_K, _fit_nmf

    paths = sorted(FIXTURES.glob("*.txt")) + sorted((FIXTURES / "layouts").glob("*.txt"))
    n_compared = 0
    for path in paths:
        seg = segmented(load_page(path))
        docs = [d for item in seg.items for t in body_texts(item.article) if (d := seg.terms(item, t))]
        if len(docs) < 3:
            continue
        matrix = TfidfVectorizer(analyzer=lambda doc: doc, sublinear_tf=True).fit_transform(docs)
        for n in range(2, min(MAX_K, len(docs) - 1) + 1):
            model = NMF(n_components=n, init="nndsvd", random_state=0, max_iter=500)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                w = model.fit_transform(matrix)
            w2, h2 = _fit_nmf(matrix, n, random_state=0)
            assert (w == w2).all() and (model.components_ == h2).all(), (path.name, n)
            n_compared += 1
    assert n_compared > 100


def _fixture_matrices():
    from sklearn.feature_extraction.text import TfidfVectorizer

    from conftest import FIXTURES
    from newsanalysis.errors import NewsAnalysisError as PageError
    from newsanalysis.parse import load_page
    from newsanalysis.segment.units import segmented
    from newsanalysis.stats.terms import body_texts

    for path in sorted(FIXTURES.glob("*.txt")) + sorted((FIXTURES / "layouts").glob("*.txt")):
        try:
            seg = segmented(load_page(path))
        except PageError:
            continue
        docs = [d for item in seg.items for t in body_texts(item.article) if (d := seg.terms(item, t))]
        if len(docs) >= 3:
            yield path.name, TfidfVectorizer(analyzer=lambda doc: doc, sublinear_tf=True).fit_transform(docs), len(docs)


def test_a_paused_fit_resumes_to_the_uninterrupted_result():
    from newsanalysis.stats.topics import _Fit, _fit_nmf

    _, matrix, _ = next(m for m in _fixture_matrices() if m[0] == "sample-page.txt")
    for n in (2, 5, 9):
        w, h = _fit_nmf(matrix, n, random_state=0)
        fit = _Fit(matrix, n, random_state=0)
        for until in (1, 7, 20, 21):
            fit.run(until)
            assert fit.n_iter == until and not fit.done
        fit.run()
        assert fit.done and (fit.w == w).all() and (fit.h == h).all(), n


@pytest.mark.slow
def test_two_round_choice_equals_fitting_every_candidate():
    """Only N_FINALISTS candidates run to convergence; on the fixtures the chosen k, W and H stay those of the
    exhaustive search (every k fitted to convergence, the most coherent wins, ties to the smaller k)."""
    import numpy as np

    from newsanalysis.stats.topics import (
        MAX_K,
        _choose_k,
        _coherence,
        _fit_nmf,
        _top_terms,
    )

    n_pages = 0
    for name, matrix, n_docs in _fixture_matrices():
        candidates = range(2, min(MAX_K, n_docs - 1) + 1)
        binary = (matrix > 0).toarray()
        best = None
        for n in candidates:
            w, h = _fit_nmf(matrix, n, random_state=0)
            score = round(_coherence(_top_terms(h), binary), 9)
            if best is None or score > best[0]:
                best = (score, n, w, h)
        k, w, h = _choose_k(matrix, candidates, 0)
        assert k == best[1] and np.array_equal(w, best[2]) and np.array_equal(h, best[3]), name
        n_pages += 1
    assert n_pages > 40


def test_coherence_equals_counting_each_pair():
    import math
    from itertools import combinations

    import numpy as np

    from newsanalysis.stats.topics import _coherence, _fit_nmf, _top_terms

    _, matrix, _ = next(m for m in _fixture_matrices() if m[0] == "sample-page.txt")
    binary = (matrix > 0).toarray()
    n_docs, df = binary.shape[0], binary.sum(axis=0)
    for n in (2, 6):
        top = _top_terms(_fit_nmf(matrix, n, random_state=0)[1])
        scores = []
        for terms in top:
            pairs = []
            for a, b in combinations(terms, 2):
                both = float(np.count_nonzero(binary[:, a] & binary[:, b]))
                p_ab = both / n_docs
                pairs.append(-1.0 if both == 0 else 1.0 if p_ab >= 1.0 else
                             math.log(p_ab / ((df[a] / n_docs) * (df[b] / n_docs))) / -math.log(p_ab))
            scores.append(float(np.mean(pairs)))
        assert _coherence(top, binary) == float(np.mean(scores))


def test_a_page_of_one_repeated_sentence_gets_no_more_topics_than_terms():
    # hundreds of paragraphs, a handful of distinct terms: NMF's initialisation refused such a k before
    from newsanalysis.parse import parse_page
    from newsanalysis.stats import topics

    text = "重复会议\n\n本报记者 王明\n\n" + "\n\n".join(
        f"第{i}次会议在浦东召开，浦东新区{i % 7 + 2}个部门参加。" for i in range(340))
    from newsanalysis.stats import term_frequencies

    page = parse_page(text)
    model = topics(page, random_state=0)
    assert 2 <= len(model.labels) <= term_frequencies(page)["term"].nunique()


def test_fits_run_with_one_blas_thread_and_give_the_same_topics(sample_page, model, monkeypatch):
    """A page's tiny matrices gain nothing from BLAS threads, which spin on a busy machine: fits run on one
    thread, the caller's thread settings come back afterwards, and the topics are the ones fitted before."""
    import importlib

    from threadpoolctl import threadpool_info

    module = importlib.import_module("newsanalysis.stats.topics")  # the package re-exports the function's name

    def blas_threads():
        return {i["filepath"]: i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"}

    before = blas_threads()
    seen = []
    real = module._choose_k

    def spy(*args, **kwargs):
        seen.append(blas_threads())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "_choose_k", spy)
    again = topics(sample_page, random_state=0)
    assert seen and all(set(threads.values()) == {1} for threads in seen)
    assert blas_threads() == before
    assert again.k == model.k
    pd.testing.assert_frame_equal(again.paragraph_weights, model.paragraph_weights, check_exact=True)
