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


def _fixture_docs():
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
        yield path.name, [d for item in seg.items for t in body_texts(item.article) if (d := seg.terms(item, t))]


def _fixture_matrices():
    from newsanalysis.stats.topics import _tfidf

    for name, docs in _fixture_docs():
        if len(docs) >= 3:
            matrix = _tfidf(docs)[0]
            matrix.sort_indices()  # as topics() does (NMF's validation would, in place; the order moves last bits)
            yield name, matrix, len(docs)


def test_tfidf_equals_the_vectorizer_bit_for_bit():
    """The page's own TF-IDF is scikit-learn's, value for value and in the same stored order (row norms and
    every product after them sum in that order)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    from newsanalysis.stats.topics import _tfidf

    n_pages = 0
    for name, docs in _fixture_docs():
        if not docs:
            continue
        vectorizer = TfidfVectorizer(analyzer=lambda doc: doc, sublinear_tf=True)
        expected = vectorizer.fit_transform(docs)
        matrix, vocab = _tfidf(docs)
        assert type(matrix) is type(expected) and matrix.shape == expected.shape, name
        for part in ("indptr", "indices", "data"):
            mine, theirs = getattr(matrix, part), getattr(expected, part)
            assert mine.dtype == theirs.dtype and np.array_equal(mine, theirs), (name, part)
        assert vocab.dtype == object and list(vocab) == list(vectorizer.get_feature_names_out()), name
        n_pages += 1
    assert n_pages > 40


@pytest.mark.parametrize("shared_start", [True, False])
def test_a_paused_fit_resumes_to_the_uninterrupted_result(shared_start):
    from newsanalysis.stats.topics import _Fit, _fit_nmf, _svd_start

    _, matrix, _ = next(m for m in _fixture_matrices() if m[0] == "sample-page.txt")
    start = _svd_start(matrix, 9) if shared_start else None
    for n in (2, 5, 9):
        w, h = _fit_nmf(matrix, n, random_state=0, start=start)
        fit = _Fit(matrix, n, random_state=0, start=start)
        for until in (1, 7, 20, 21):
            fit.run(until)
            assert fit.n_iter == until and not fit.done
        fit.run()
        assert fit.done and (fit.w == w).all() and (fit.h == h).all(), n


def _exact_svd_like_sklearn(matrix, n):
    """The exact SVD's first n triplets, signed as _svd_start signs them."""
    import numpy as np
    import scipy.linalg

    u, s, vt = scipy.linalg.svd(matrix.toarray(), full_matrices=False)
    u, s, vt = u[:, :n], s[:n], vt[:n]
    signs = np.sign(u[np.argmax(np.abs(u), axis=0), np.arange(n)])
    return u * signs, s, vt * signs[:, None]


def test_shared_start_is_sklearns_nndsvd_of_the_exact_svd(monkeypatch):
    """Given the same singular triplets, the shared start is scikit-learn's NNDSVD bit for bit, for every k
    (a j-topic start is the first j components of the largest one)."""
    import numpy as np
    import sklearn.decomposition._nmf as sk_nmf

    from newsanalysis.stats.topics import MAX_K, _svd_start

    monkeypatch.setattr(sk_nmf, "_randomized_svd", lambda m, n, **_: _exact_svd_like_sklearn(m, n))
    n_compared = 0
    for name, matrix, n_docs in _fixture_matrices():
        largest = min(MAX_K, n_docs - 1, matrix.shape[1])
        w_all, h_all = _svd_start(matrix, largest)
        for n in range(1, largest + 1):
            w, h = sk_nmf._initialize_nmf(matrix, n, init="nndsvd", random_state=0)
            assert np.array_equal(w, w_all[:, :n]) and np.array_equal(h, h_all[:n]), (name, n)
            n_compared += 1
    assert n_compared > 300


def test_shared_start_matches_sklearns_own_init_where_its_randomized_svd_is_exact():
    """Where scikit-learn's randomized SVD sees the whole row space (k + 10 oversamples >= the matrix's smaller
    side), the singular values are distinct and NNDSVD's choice between a component's positive and negative parts
    is no tie, its NNDSVD and the shared start agree to rounding; elsewhere (see the module docstring) they may not,
    since the randomized SVD is then an approximation (and a tie goes either way on the last bit)."""
    import numpy as np
    import scipy.linalg
    from sklearn.decomposition._nmf import _initialize_nmf

    from newsanalysis.stats.topics import MAX_K, _svd_start

    def parts_tied(u, vt, j) -> bool:  # NNDSVD keeps the part with the larger norm product; equal ones are a tie
        x, y = u[:, j], vt[j]
        m_p = np.linalg.norm(np.maximum(x, 0)) * np.linalg.norm(np.maximum(y, 0))
        m_n = np.linalg.norm(np.maximum(-x, 0)) * np.linalg.norm(np.maximum(-y, 0))
        return abs(m_p - m_n) < 1e-6

    n_compared = 0
    for name, matrix, n_docs in _fixture_matrices():
        largest = min(MAX_K, n_docs - 1, matrix.shape[1])
        u, s, vt = scipy.linalg.svd(matrix.toarray(), full_matrices=False)
        w_all, h_all = _svd_start(matrix, largest)
        for n in range(2, largest + 1):
            if n + 10 < min(matrix.shape) or np.min(-np.diff(s[:n + 1])) < 1e-3 * s[0] \
                    or any(parts_tied(u, vt, j) for j in range(1, n)):
                continue
            w, h = _initialize_nmf(matrix, n, init="nndsvd", random_state=0)
            assert np.abs(w - w_all[:, :n]).max() < 1e-9 and np.abs(h - h_all[:n]).max() < 1e-9, (name, n)
            n_compared += 1
    assert n_compared > 100


def test_too_large_a_matrix_starts_as_sklearn_does(monkeypatch):
    import importlib

    import numpy as np

    module = importlib.import_module("newsanalysis.stats.topics")
    _, matrix, _ = next(m for m in _fixture_matrices() if m[0] == "sample-page.txt")
    assert module._svd_start(matrix, 5) is not None
    monkeypatch.setattr(module, "EXACT_SVD_WORK", 0)
    assert module._svd_start(matrix, 5) is None
    w, h = module._fit_nmf(matrix, 5, random_state=0, start=None)
    from sklearn.decomposition import NMF

    model = NMF(n_components=5, init="nndsvd", random_state=0, max_iter=500)
    assert np.array_equal(model.fit_transform(matrix), w) and np.array_equal(model.components_, h)


def test_the_chosen_k_gives_the_topics_of_asking_for_that_k(sample_page, model):
    again = topics(sample_page, k=model.k, random_state=0)
    pd.testing.assert_frame_equal(again.labels, model.labels)
    pd.testing.assert_frame_equal(again.paragraph_weights, model.paragraph_weights, check_exact=True)


@pytest.mark.slow
@pytest.mark.parametrize("shared_start", [True, False])
def test_two_round_choice_equals_fitting_every_candidate(shared_start):
    """Only N_FINALISTS candidates run to convergence; on the fixtures the chosen k, W and H stay those of the
    exhaustive search (every k fitted to convergence, the most coherent wins, ties to the smaller k), from the
    shared SVD start as from scikit-learn's own (a matrix too large for one dense SVD)."""
    import numpy as np

    from newsanalysis.stats.topics import (
        MAX_K,
        _choose_k,
        _coherence,
        _fit_nmf,
        _svd_start,
        _top_terms,
    )

    n_pages = 0
    for name, matrix, n_docs in _fixture_matrices():
        candidates = range(2, min(MAX_K, n_docs - 1) + 1)
        start = _svd_start(matrix, max(candidates)) if shared_start else None
        binary = (matrix > 0).toarray()
        best = None
        for n in candidates:
            w, h = _fit_nmf(matrix, n, random_state=0, start=start)
            score = round(_coherence(_top_terms(h), binary), 9)
            if best is None or score > best[0]:
                best = (score, n, w, h)
        k, w, h = _choose_k(matrix, candidates, 0, start)
        assert k == best[1] and np.array_equal(w, best[2]) and np.array_equal(h, best[3]), name
        n_pages += 1
    assert n_pages > 40


def test_coherence_equals_counting_each_pair():
    import math
    from itertools import combinations

    import numpy as np

    from newsanalysis.stats.topics import (
        _coherence,
        _Cooccurrence,
        _fit_nmf,
        _top_terms,
    )

    n_scored = 0
    for name, matrix, _ in list(_fixture_matrices())[::4]:
        binary = (matrix > 0).toarray()
        n_docs, df = binary.shape[0], binary.sum(axis=0)
        cooccurrence = _Cooccurrence(binary)
        for n in (2, 6):
            if n >= min(matrix.shape):
                continue
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
            assert _coherence(top, binary) == cooccurrence.coherence(top) == float(np.mean(scores)), (name, n)
            n_scored += 1
    assert n_scored > 20


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


def test_without_sklearns_loop_pieces_nmf_itself_gives_the_same_topics(sample_page, model, monkeypatch):
    """Another scikit-learn without the private loop pieces: every candidate is fitted by ``NMF`` from the same
    shared start (``init="custom"``), and the chosen topics are the same, bit for bit."""
    import importlib

    module = importlib.import_module("newsanalysis.stats.topics")
    monkeypatch.setattr(module, "_nmf_solver", lambda: None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # NMF's ConvergenceWarning at max_iter
        again = topics(sample_page, random_state=0)
    assert again.k == model.k
    pd.testing.assert_frame_equal(again.labels, model.labels)
    pd.testing.assert_frame_equal(again.paragraph_weights, model.paragraph_weights, check_exact=True)
