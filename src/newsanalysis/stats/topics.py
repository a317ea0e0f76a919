"""Topics of a page or corpus: NMF (scikit-learn) over paragraph-level TF-IDF of our tokens.

Paragraphs are the documents, so a report can show how an article moves between topics paragraph by paragraph.
Everything is deterministic: NNDSVD initialisation, a fixed ``random_state`` and sorted vocabularies.

Choosing k runs scikit-learn's own coordinate-descent loop directly (:class:`_Fit`, bit for bit ``NMF``'s
result, with the sparse products called without scipy's per-call dispatch) and in two rounds: every candidate k
gets ``CHECKPOINT`` iterations, then only the ``N_FINALISTS`` most coherent of the unfinished ones run on to
convergence, from where they paused (a resumed fit ends exactly where an uninterrupted one would), and the most
coherent converged fit wins. On the fixture pages with topics this picks the same k (so the same topics) as
fitting every candidate to convergence, with about 70 % of the iterations; measured alternatives that changed
the chosen k: checkpoint 20 with 2 finalists (3 of 66 distinct pages), 10 with 3 or 4 (1), 5 with 3 (3), and,
fitting every k with looser stopping, ``max_iter=200, tol=1e-3`` (2 pages), ``100, 1e-3`` (3), ``50, 1e-2`` (9).
Schedules that matched on every page with less work (checkpoint 5 with 4 finalists: 12 % fewer iterations;
three rounds 5/4, 40/2: 30 % fewer) sit next to ones that did not, so they are left alone.

Every candidate starts from the NNDSVD of one exact SVD of the page (:func:`_svd_start`; a j-topic start is the
first j components), where ``NMF(init="nndsvd")`` runs a randomized SVD per k. That SVD was a third of the
topics' time, and on a paragraph matrix's flat spectrum it is no close approximation (10 oversamples and 4 to 7
power iterations: starting points off by up to 0.6 where the singular values are distinct, anything where they
repeat, as a paragraph sharing no term with the rest repeats 1.0). Against the randomized starts, on the 66
distinct fixture pages: the same k and labels on 60 (weights within 1e-12 on 56; up to 3e-4 on sample-page and
weather_1, 9e-3 on practice_d; on unseen2_v3 paragraphs move between topics with the same labels), the topics
numbered in another order on 3 (unseen3_w1, unseen3_w3, markets_1), another second topic on listings_1 and
another k on unseen3_w2 (5 -> 10) and culture_1 (8 -> 10): the 7 pages that differ beyond rounding all have a
repeated singular value. Two-page inputs differ more (k on 2 of 4 pairs). Neither start is better by the
measures at hand: the chosen model's coherence was higher on 3 and lower on 2 of 70 inputs, the NMF objective
at the same k lower on 4 and higher on 4. Matrices too large for one dense SVD (``EXACT_SVD_WORK``) start as
``NMF`` does, bit for bit as before; ``random_state`` only reaches their randomized SVD.

The page's TF-IDF (:func:`_tfidf`) is ``TfidfVectorizer``'s bit for bit at a quarter of its cost, and the
coherence is scored for all of a candidate's pairs at once (:class:`_Cooccurrence`), to the last bit as before.
Measured on the 69 fixture pages, the randomized-start version against this one, interleaved in one process:
``topics`` of a segmented page 1.95x faster (25 -> 13 ms); the report analysis (``bench/pipeline_bench.py --mb 1
--engines rjieba --stages report``) 0.095x -> 0.13x of bare ``jieba.lcut``. What remains is about 60 % NMF
iterations, inherent in the schedule above (``bench/topics_bench.py``: topics 0.18x -> 0.36x of bare jieba).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from newsanalysis.errors import NewsAnalysisError
from newsanalysis.parse.units import n_pages
from newsanalysis.segment.units import segmented
from newsanalysis.stats.terms import body_texts

N_TOP_TERMS = 10
N_LABEL_TERMS = 3
MAX_K = 10
CHECKPOINT = 20  # iterations every candidate k gets before they are ranked
N_FINALISTS = 4  # unfinished candidates that then run to convergence
# min(m, n)**2 * max(m, n) of a paragraph-term matrix above which one dense SVD (O(that) time, m * n memory)
# costs more than scikit-learn's randomized SVD for every candidate (about even at 150 x 2000: 4.5e7, 70 ms on
# one thread); a page is far below (the largest fixture, 56 x 927: 2.9e6)
EXACT_SVD_WORK = 5e7


@dataclass(frozen=True)
class TopicModel:
    """The fitted topics.

    Attributes:
        k: number of topics.
        labels: columns ``topic`` (int), ``label`` (str: top 3 terms joined by ``、``), ``top_terms`` (str: top 10
            terms joined by ``、``).
        article_shares: columns ``article`` (int), ``topic`` (int), ``share`` (float; an article's shares sum to 1),
            plus ``page`` when several pages.
        paragraph_weights: columns ``article``, ``paragraph``, ``topic`` (int) and ``weight`` (float; a
            paragraph's weights sum to 1, or are all 0 for a paragraph without terms), plus ``page`` when several
            pages.
    """

    k: int
    labels: pd.DataFrame
    article_shares: pd.DataFrame
    paragraph_weights: pd.DataFrame


@functools.lru_cache(maxsize=16)  # one entry per topic length: N_TOP_TERMS, or a smaller vocabulary
def _pairs(n_terms: int) -> tuple[np.ndarray, np.ndarray]:
    """Positions (first, second) of every pair of ``n_terms`` terms, in the order itertools.combinations gives."""
    return np.triu_indices(n_terms, 1)


class _Cooccurrence:
    """Which paragraphs hold which terms (``binary``: paragraphs x terms), to score the topics of many candidates.

    Scores are equal to the last bit to scoring pair by pair with ``math.log`` and ``np.mean`` of each topic's
    pairs (numpy's SIMD logarithm differs from the C library's in the last bit for about one argument in 500).
    """

    def __init__(self, binary: np.ndarray):
        self._binary = binary
        self._n_docs = n_docs = binary.shape[0]
        self._df = binary.sum(axis=0) / n_docs
        # log(c / n_docs) for every possible count c of paragraphs holding both terms of a pair
        self._log_share = np.array([0.0, *(math.log(c / n_docs) for c in range(1, n_docs + 1))])

    def coherence(self, top: list[list[int]]) -> float:
        """Mean NPMI of each topic's top-term pairs (higher is more coherent)."""
        top = np.asarray(top, dtype=np.intp).reshape(len(top), -1)
        first, second = _pairs(top.shape[1])
        if not first.size:
            return 0.0
        # paragraphs holding both terms of each topic's pairs, as whole numbers (exact in floating point): one
        # small product per topic
        present = self._binary[:, top.ravel()].T.reshape(*top.shape, -1).astype(np.float64)
        both = (present @ present.transpose(0, 2, 1)).astype(np.intp)[:, first, second]
        a, b = top[:, first], top[:, second]
        scored = (both > 0) & (both < self._n_docs)
        both_scored = both[scored]
        ratio = (both_scored / self._n_docs) / (self._df[a[scored]] * self._df[b[scored]])
        pair_scores = np.where(both > 0, 1.0, -1.0)
        pair_scores[scored] = np.array(list(map(math.log, ratio.tolist()))) / -self._log_share[both_scored]
        # np.mean row by row: numpy sums a row of a 2-D array in another order than the same numbers as a 1-D array
        n_pairs = pair_scores.shape[1]
        return float(np.mean([row.sum() / n_pairs for row in pair_scores]))


def _coherence(top: list[list[int]], binary: np.ndarray) -> float:
    """Mean NPMI of each topic's top-term pairs, from paragraph co-occurrence (higher is more coherent)."""
    return _Cooccurrence(binary).coherence(top)


def _nmf_solver():
    """scikit-learn's coordinate-descent NMF pieces, or None when this scikit-learn does not have them."""
    try:
        from sklearn.decomposition._cdnmf_fast import _update_cdnmf_fast
        from sklearn.decomposition._nmf import _initialize_nmf
    except ImportError:
        return None
    return _initialize_nmf, _update_cdnmf_fast


def _svd_start(matrix, n: int):
    """NNDSVD starting points (W, H) for every number of topics up to ``n``: the first j columns of W and rows of H
    start a j-topic fit; None when ``matrix`` is too large for a dense SVD (fits then start as scikit-learn's do).

    One exact SVD serves every candidate k, where scikit-learn's ``init="nndsvd"`` runs a randomized SVD per k
    (two fifths of choosing k). The formula is scikit-learn's NNDSVD (Boutsidis & Gallopoulos 2008), operation for
    operation, so each component comes out as scikit-learn's would from the same singular triplet.
    """
    rows, columns = matrix.shape
    if min(rows, columns) ** 2 * max(rows, columns) > EXACT_SVD_WORK:
        return None
    from scipy.linalg import svd

    u, s, vt = svd(matrix.toarray(), full_matrices=False, check_finite=False)
    u, s, vt = u[:, :n], s[:n], vt[:n]
    # the signs scikit-learn's randomized SVD gives (each paragraph-side vector's largest entry positive); NNDSVD
    # depends on them only when a vector's positive and negative parts weigh exactly the same
    signs = np.sign(u[np.argmax(np.abs(u), axis=0), np.arange(u.shape[1])])
    return _nndsvd(u * signs, s, vt * signs[:, np.newaxis])


def _nndsvd(u: np.ndarray, s: np.ndarray, vt: np.ndarray, eps: float = 1e-6) -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's ``_initialize_nmf(init="nndsvd")`` given the singular triplets, one component per triplet."""
    w, h = np.zeros_like(u), np.zeros_like(vt)
    # the leading singular vectors of a non-negative matrix are non-negative up to sign
    w[:, 0] = np.sqrt(s[0]) * np.abs(u[:, 0])
    h[0, :] = np.sqrt(s[0]) * np.abs(vt[0, :])
    for j in range(1, len(s)):
        x, y = u[:, j], vt[j, :]
        x_p, y_p = np.maximum(x, 0), np.maximum(y, 0)
        x_n, y_n = np.abs(np.minimum(x, 0)), np.abs(np.minimum(y, 0))
        x_p_nrm, y_p_nrm = math.sqrt(np.dot(x_p, x_p)), math.sqrt(np.dot(y_p, y_p))
        x_n_nrm, y_n_nrm = math.sqrt(np.dot(x_n, x_n)), math.sqrt(np.dot(y_n, y_n))
        m_p, m_n = x_p_nrm * y_p_nrm, x_n_nrm * y_n_nrm
        if m_p > m_n:  # the larger of the two non-negative parts of the rank-one term
            x_j, y_j, sigma = x_p / x_p_nrm, y_p / y_p_nrm, m_p
        else:
            x_j, y_j, sigma = x_n / x_n_nrm, y_n / y_n_nrm, m_n
        scale = np.sqrt(s[j] * sigma)
        w[:, j] = scale * x_j
        h[j, :] = scale * y_j
    w[w < eps] = 0
    h[h < eps] = 0
    return w, h


def _product_into(sparse, dense: np.ndarray):
    """A function of no argument that computes ``sparse @ dense`` into one array it keeps and returns it.

    scipy's own kernel without its per-call dispatch and allocation (half the time of a page's small products);
    the array is overwritten by the next call. ``dense`` must keep its memory (it is updated in place).
    """
    out = np.zeros((sparse.shape[0], dense.shape[1]), dtype=np.result_type(sparse.dtype, dense.dtype))
    try:
        from scipy.sparse import _sparsetools
    except ImportError:
        _sparsetools = None
    kernel = None if _sparsetools is None else {"csr": _sparsetools.csr_matvecs,
                                                "csc": _sparsetools.csc_matvecs}.get(sparse.format)
    if kernel is None:
        def product():
            out[...] = sparse @ dense
            return out
        return product
    # what scipy's _matmul_multivector does after validating its operands
    arguments = (sparse.shape[0], sparse.shape[1], dense.shape[1], sparse.indptr, sparse.indices, sparse.data,
                 dense.ravel(), out.ravel())
    if not (np.shares_memory(arguments[-2], dense) and np.shares_memory(arguments[-1], out)):
        raise ValueError("the operands of a kept product must be contiguous")

    def product():
        out.fill(0.0)
        kernel(*arguments)
        return out

    return product


class _Fit:
    """``NMF(n, init="nndsvd", solver="cd", max_iter, tol)`` on ``matrix`` as a loop that can pause.

    The same loop as scikit-learn's (its Cython coordinate-descent update, in the same order, with the same
    stopping rule), without the input re-validation and per-iteration transpose that cost ``NMF`` about 40 % of
    a fit. It starts from ``start`` (:func:`_svd_start`'s first ``n`` components) or, without it, from
    scikit-learn's own initialisation (and then ends bit for bit where ``NMF`` does). :meth:`run` continues from
    where the last call stopped, so a fit run in several steps ends bit for bit where one run in a single step
    does. Needs :func:`_nmf_solver`.
    """

    def __init__(self, matrix, n: int, *, random_state: int, max_iter: int = 500, tol: float = 1e-4,
                 transposed=None, start=None):
        initialize, self._update = _nmf_solver()
        if start is None:
            w, h = initialize(matrix, n, init="nndsvd", random_state=random_state)
        else:
            w, h = start[0][:, :n], start[1][:n]
        self.w, self._ht = np.ascontiguousarray(w).copy(), np.ascontiguousarray(h.T).copy()
        transposed = matrix.T if transposed is None else transposed
        self._xht, self._xtw = _product_into(matrix, self._ht), _product_into(transposed, self.w)
        self._order = np.arange(n, dtype=np.intp)
        self._max_iter, self._tol = max_iter, tol
        self._violation_init = None
        self.n_iter = 0
        self.done = max_iter < 1

    @property
    def h(self) -> np.ndarray:
        return self._ht.T

    def run(self, until: int | None = None) -> _Fit:
        """Iterate until converged, ``max_iter`` or ``until`` iterations in all, whichever comes first."""
        w, ht, update, order, xht, xtw = self.w, self._ht, self._update, self._order, self._xht, self._xtw
        dot = np.dot
        stop = self._max_iter if until is None else min(until, self._max_iter)
        while not self.done and self.n_iter < stop:
            self.n_iter += 1
            violation = update(w, dot(ht.T, ht), xht(), order)
            violation += update(ht, dot(w.T, w), xtw(), order)
            if self.n_iter == 1:
                self._violation_init = violation
            if self._violation_init == 0 or violation / self._violation_init <= self._tol:
                self.done = True
        self.done = self.done or self.n_iter >= self._max_iter
        return self


def _fit_nmf(matrix, n: int, *, random_state: int, max_iter: int = 500, tol: float = 1e-4, start=None):
    """(W, H) of ``NMF(n, init="nndsvd", solver="cd", max_iter, tol).fit_transform(matrix)`` (bit for bit), or
    of the same loop from ``start`` (see :class:`_Fit`) if given.

    :class:`_Fit` run to the end; without scikit-learn's loop pieces (another version), ``NMF`` itself.
    """
    if _nmf_solver() is None:
        from sklearn.decomposition import NMF

        init = "nndsvd" if start is None else "custom"
        model = NMF(n_components=n, init=init, random_state=random_state, max_iter=max_iter, tol=tol)
        if start is None:
            return model.fit_transform(matrix), model.components_
        return model.fit_transform(matrix, W=start[0][:, :n].copy(), H=start[1][:n].copy()), model.components_
    fit = _Fit(matrix, n, random_state=random_state, max_iter=max_iter, tol=tol, start=start).run()
    return fit.w, fit.h


@functools.lru_cache(maxsize=1)
def _blas_controller():
    """threadpoolctl's view of the BLAS libraries numpy, scipy and scikit-learn loaded (looked up once: 5 ms)."""
    import scipy.linalg  # noqa: F401  (scipy's own OpenBLAS, which the SVD runs in)
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def _one_blas_thread():
    """A context in which BLAS and LAPACK use one thread.

    A page's matrices are tiny (tens of paragraphs), and a second BLAS thread only waits: with both cores
    busy (two corpus workers, or a render beside a notebook), OpenBLAS's spinning threads made the QR steps of
    scikit-learn's NNDSVD initialisation 40 ms each, and topics 7x slower; the results are identical.
    """
    return _blas_controller().limit(limits=1, user_api="blas")


def _top_terms(h: np.ndarray) -> list[list[int]]:
    return np.argsort(-h, axis=1, kind="stable")[:, :N_TOP_TERMS].tolist()


def _choose_k(matrix, candidates: range, random_state: int, start=None):
    """(k, W, H): the most coherent candidate (ties to the smaller k), in two rounds (see the module docstring).

    Every fit starts from ``start`` (see :class:`_Fit`). Without scikit-learn's loop pieces every candidate is
    fitted to convergence with ``NMF``.
    """
    cooccurrence = _Cooccurrence((matrix > 0).toarray())
    if _nmf_solver() is None:
        scored = [(n, *_fit_nmf(matrix, n, random_state=random_state, start=start)) for n in candidates]
        exact = {n: round(cooccurrence.coherence(_top_terms(h)), 9) for n, _, h in scored}
        fits = {n: (w, h) for n, w, h in scored}
    else:
        transposed = matrix.T
        running = {n: _Fit(matrix, n, random_state=random_state, transposed=transposed, start=start).run(CHECKPOINT)
                   for n in candidates}
        early = {n: round(cooccurrence.coherence(_top_terms(fit.h)), 9) for n, fit in running.items()}
        exact = {n: early[n] for n, fit in running.items() if fit.done}
        unfinished = sorted((n for n, fit in running.items() if not fit.done), key=lambda n: (-early[n], n))
        for n in unfinished[:N_FINALISTS]:
            exact[n] = round(cooccurrence.coherence(_top_terms(running[n].run().h)), 9)
        fits = {n: (running[n].w, running[n].h) for n in exact}
    best = None
    for n in sorted(exact):
        if best is None or exact[n] > exact[best]:
            best = n
    return best, *fits[best]


def _tfidf(docs: list[list[str]]):
    """(matrix, vocabulary) of ``TfidfVectorizer(analyzer=lambda doc: doc, sublinear_tf=True).fit_transform(docs)``
    and its ``get_feature_names_out()``, bit for bit and in the same stored order, at a third of its cost.

    A row keeps its terms in the order the vectorizer leaves them (by first appearance in ``docs``), since the
    row norms, and every product after them, sum in that order.
    """
    import scipy.sparse as sp
    from sklearn.preprocessing import normalize

    first_seen: dict[str, int] = {}
    indices, counts, indptr = [], [], [0]
    for doc in docs:
        counter: dict[int, int] = {}
        for term in doc:
            j = first_seen.setdefault(term, len(first_seen))
            counter[j] = counter.get(j, 0) + 1
        for j in sorted(counter):
            indices.append(j)
            counts.append(counter[j])
        indptr.append(len(indices))
    vocab = sorted(first_seen)
    rank = np.empty(len(vocab), dtype=np.int32)
    rank[[first_seen[term] for term in vocab]] = np.arange(len(vocab), dtype=np.int32)
    indices = rank[np.asarray(indices, dtype=np.intp)]
    # the vectorizer's arithmetic, in its order: smoothed idf, 1 + log(tf), tf * idf, rows scaled to unit norm
    df = np.bincount(indices, minlength=len(vocab)).astype(np.float64)
    df += 1.0
    idf = np.full_like(df, len(docs) + 1)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    data = np.asarray(counts, dtype=np.float64)
    np.log(data, out=data)
    data += 1.0
    data *= idf[indices]
    matrix = sp.csr_matrix((data, indices, np.asarray(indptr, dtype=np.int32)), shape=(len(docs), len(vocab)))
    return normalize(matrix, norm="l2", copy=False), np.asarray(vocab, dtype=object)


def topics(x, *, k: int | None = None, random_state: int = 0, discover: bool = True) -> TopicModel:
    """Fit ``k`` NMF topics to the paragraphs of ``x`` (Page, Article, list of pages or articles).

    When ``k`` is None it is chosen automatically among 2 to ``min(10, n_paragraphs - 1)``: the k whose topics
    are most coherent wins, coherence being the mean normalised PMI (NPMI) of each topic's top-10 term pairs
    computed from paragraph co-occurrence; ties go to the smaller k. Only the most promising candidates are
    fitted to convergence (see the module docstring).

    >>> model = topics("粮食产量再创新高,粮食播种面积稳定。\\n粮食单产提高,粮食丰收。\\n粮食收购价格稳定,粮食储备充足。\\n"
    ...                "跨境电商进出口增长,跨境电商平台扩张。\\n跨境电商带动外贸,海外仓布局加快。\\n外贸企业借助跨境电商开拓市场。")
    >>> model.k, model.labels["label"].tolist()
    (2, ['粮食、稳定、丰收', '跨境电商、外贸、企业'])

    Returns:
        A :class:`TopicModel` with ``k``, ``labels``, ``article_shares`` and ``paragraph_weights``.

    Raises:
        NewsAnalysisError: fewer than 2 paragraphs with terms, or ``k`` outside 1..number of such paragraphs.
    """
    seg = segmented(x, discover=discover)

    items = seg.items
    docs, keys = [], []
    for item in items:
        for p, text in enumerate(body_texts(item.article)):
            docs.append(seg.terms(item, text))
            keys.append((item.page, item.article.index, p))
    kept = [i for i, d in enumerate(docs) if d]
    if len(kept) < 2:
        raise NewsAnalysisError(f"topics needs at least 2 paragraphs with terms; got {len(kept)}")
    matrix, vocab = _tfidf([docs[i] for i in kept])
    # a product sums a row in its stored order, and scipy's comparisons (``matrix > 0``) and NMF's validation
    # sort a matrix's indices in place: sorted once here, every fit sees one order, whichever path it takes
    matrix.sort_indices()
    # NMF's initialisation needs no more topics than paragraphs or distinct terms (a page of one repeated
    # sentence has hundreds of paragraphs and a handful of terms)
    most = min(len(kept), matrix.shape[1])
    if k is not None and not 1 <= k <= most:
        raise NewsAnalysisError(f"k={k} topics is not possible for {len(kept)} paragraphs with {matrix.shape[1]} "
                                f"distinct terms; expected 1..{most}")

    candidates = range(2, min(MAX_K, len(kept) - 1, matrix.shape[1]) + 1)
    with _one_blas_thread():
        if k is None and candidates:
            start = _svd_start(matrix, max(candidates))
            k, w, h = _choose_k(matrix, candidates, random_state, start)
        else:
            k = 1 if k is None else k
            w, h = _fit_nmf(matrix, k, random_state=random_state, start=_svd_start(matrix, k))
    return _model(k, w, h, vocab, keys, kept, items)


def _model(k, w, h, vocab, keys, kept, items) -> TopicModel:
    labels, top_terms = [], []
    for row, order in zip(h, np.argsort(-h, axis=1, kind="stable")[:, :N_TOP_TERMS].tolist()):
        top = [str(vocab[i]) for i in order if row[i] > 0]
        labels.append("、".join(top[:N_LABEL_TERMS]))
        top_terms.append("、".join(top))
    weights = np.zeros((len(keys), k))
    weights[kept] = w
    sums = weights.sum(axis=1, keepdims=True)
    shares = np.divide(weights, sums, out=np.zeros_like(weights), where=sums > 0)
    several = n_pages(items) > 1  # a page column only when there are several pages
    topic = np.arange(k, dtype=np.int64)
    # columns built as int64 and float64 arrays: the dtypes pandas infers from the lists, without the inference
    paragraph_weights = pd.DataFrame({
        **({"page": [page for page, _, _ in keys for _ in range(k)]} if several else {}),
        "article": np.repeat(np.array([article for _, article, _ in keys], dtype=np.int64), k),
        "paragraph": np.repeat(np.array([p for _, _, p in keys], dtype=np.int64), k),
        "topic": np.tile(topic, len(keys)),
        "weight": shares.ravel(),
    })
    # an article's share of each topic: its paragraphs' weights summed, then normalised to 1. Correctly rounded
    # sums (fsum) of plain Python floats: the same to the last bit or two as the two pandas groupbys they replace
    # (whose rounding depends on pandas' version and on whether the groups happen to be sorted), at a fraction of
    # their cost (a third of the topics' time on small pages).
    by_article: dict[tuple, list] = {}
    for (page, article, _), row in zip(keys, shares.tolist()):
        by_article.setdefault((page, article), []).append(row)
    totals = [[math.fsum(column) for column in zip(*rows)] for rows in by_article.values()]
    article_shares = pd.DataFrame({
        **({"page": [page for page, _ in by_article for _ in range(k)]} if several else {}),
        "article": np.repeat(np.array([article for _, article in by_article], dtype=np.int64), k),
        "topic": np.tile(topic, len(by_article)),
        "share": np.array([v / (norm if norm > 0 else 1) for row in totals for norm in [math.fsum(row)] for v in row],
                          dtype=np.float64),
    })
    label_frame = pd.DataFrame({"topic": topic, "label": labels, "top_terms": top_terms})
    return TopicModel(k=k, labels=label_frame, article_shares=article_shares, paragraph_weights=paragraph_weights)
