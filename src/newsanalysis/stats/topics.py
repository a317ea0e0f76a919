"""Topics of a page or corpus: NMF (scikit-learn) over paragraph-level TF-IDF of our tokens.

Paragraphs are the documents, so a report can show how an article moves between topics paragraph by paragraph.
Everything is deterministic: NNDSVD initialisation, a fixed ``random_state`` and sorted vocabularies.

Choosing k runs scikit-learn's own coordinate-descent loop directly (:class:`_Fit`, bit for bit ``NMF``'s
result, with the sparse products called without scipy's per-call dispatch) and in two rounds: every candidate k
gets ``CHECKPOINT`` iterations, then only the ``N_FINALISTS`` most coherent of the unfinished ones run on to
convergence, from where they paused (a resumed fit ends exactly where an uninterrupted one would), and the most
coherent converged fit wins. On the 58 fixture pages with topics this picks the same k (so the same topics) as
fitting every candidate to convergence, with about half the iterations; measured alternatives that changed the
chosen k: checkpoint 20 with 2 finalists (2 pages), checkpoint 10 with 3 (1 page), and, fitting every k with
looser stopping, ``max_iter=200, tol=1e-3`` (2 pages), ``100, 1e-3`` (3), ``50, 1e-2`` (9).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from itertools import combinations

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


def _coherence(top: list[list[int]], binary: np.ndarray) -> float:
    """Mean NPMI of each topic's top-term pairs, from paragraph co-occurrence (higher is more coherent)."""
    n_docs = binary.shape[0]
    columns = sorted({int(t) for terms in top for t in terms})
    where = {t: i for i, t in enumerate(columns)}
    present = binary[:, columns].astype(np.int64)
    # exact integers, as Python numbers: the same float arithmetic as numpy scalars, several times faster
    together = (present.T @ present).tolist()  # paragraphs holding both terms, every pair at once
    df = present.sum(axis=0).tolist()
    scores = []
    for terms in top:
        pair_scores = []
        for a, b in combinations([where[int(t)] for t in terms], 2):
            both = together[a][b]
            if both == 0:
                pair_scores.append(-1.0)
                continue
            p_ab = both / n_docs
            if p_ab >= 1.0:
                pair_scores.append(1.0)
                continue
            pmi = math.log(p_ab / ((df[a] / n_docs) * (df[b] / n_docs)))
            pair_scores.append(pmi / -math.log(p_ab))
        scores.append(float(np.mean(pair_scores)) if pair_scores else 0.0)
    return float(np.mean(scores))


def _nmf_solver():
    """scikit-learn's coordinate-descent NMF pieces, or None when this scikit-learn does not have them."""
    try:
        from sklearn.decomposition._cdnmf_fast import _update_cdnmf_fast
        from sklearn.decomposition._nmf import _initialize_nmf
    except ImportError:
        return None
    return _initialize_nmf, _update_cdnmf_fast


def _sparse_product():
    """``(sparse, dense) -> sparse @ dense`` computed by scipy's own kernel without its per-call dispatch."""
    try:
        from scipy.sparse import _sparsetools
    except ImportError:
        return lambda sparse, dense: sparse @ dense
    kernels = {"csr": _sparsetools.csr_matvecs, "csc": _sparsetools.csc_matvecs}

    def product(sparse, dense):
        kernel = kernels.get(sparse.format)
        if kernel is None:
            return sparse @ dense
        # what scipy's _matmul_multivector does after validating its operands
        out = np.zeros((sparse.shape[0], dense.shape[1]), dtype=np.result_type(sparse.dtype, dense.dtype))
        kernel(sparse.shape[0], sparse.shape[1], dense.shape[1], sparse.indptr, sparse.indices, sparse.data,
               dense.ravel(), out.ravel())
        return out

    return product


class _Fit:
    """``NMF(n, init="nndsvd", solver="cd", max_iter, tol)`` on ``matrix`` as a loop that can pause.

    The same loop as scikit-learn's (its own initialisation and Cython coordinate-descent update, in the same
    order, with the same stopping rule), without the input re-validation and per-iteration transpose that
    cost ``NMF`` about 40 % of a fit. :meth:`run` continues from where the last call stopped, so a fit run in
    several steps ends bit for bit where one run in a single step does. Needs :func:`_nmf_solver`.
    """

    def __init__(self, matrix, n: int, *, random_state: int, max_iter: int = 500, tol: float = 1e-4,
                 transposed=None, product=None):
        initialize, self._update = _nmf_solver()
        w, h = initialize(matrix, n, init="nndsvd", random_state=random_state)
        self.w, self._ht = w, np.ascontiguousarray(h.T)
        self._matrix = matrix
        self._transposed = matrix.T if transposed is None else transposed
        self._product = product or _sparse_product()
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
        w, ht, update, product, order = self.w, self._ht, self._update, self._product, self._order
        stop = self._max_iter if until is None else min(until, self._max_iter)
        while not self.done and self.n_iter < stop:
            self.n_iter += 1
            violation = update(w, np.dot(ht.T, ht), product(self._matrix, ht), order)
            violation += update(ht, np.dot(w.T, w), product(self._transposed, w), order)
            if self.n_iter == 1:
                self._violation_init = violation
            if self._violation_init == 0 or violation / self._violation_init <= self._tol:
                self.done = True
        self.done = self.done or self.n_iter >= self._max_iter
        return self


def _fit_nmf(matrix, n: int, *, random_state: int, max_iter: int = 500, tol: float = 1e-4):
    """(W, H) of ``NMF(n, init="nndsvd", solver="cd", max_iter, tol).fit_transform(matrix)``, bit for bit.

    :class:`_Fit` run to the end; without scikit-learn's loop pieces (another version), ``NMF`` itself.
    """
    if _nmf_solver() is None:
        from sklearn.decomposition import NMF

        model = NMF(n_components=n, init="nndsvd", random_state=random_state, max_iter=max_iter, tol=tol)
        return model.fit_transform(matrix), model.components_
    fit = _Fit(matrix, n, random_state=random_state, max_iter=max_iter, tol=tol).run()
    return fit.w, fit.h


@functools.lru_cache(maxsize=1)
def _blas_controller():
    """threadpoolctl's view of the BLAS libraries numpy, scipy and scikit-learn loaded (looked up once: 5 ms)."""
    import scipy.linalg  # noqa: F401  (scipy's own OpenBLAS, which the NNDSVD's QR runs in)
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def _one_blas_thread():
    """A context in which BLAS and LAPACK use one thread.

    A page's matrices are tiny (tens of paragraphs), and a second BLAS thread only waits: with both cores
    busy (two corpus workers, or a render beside a notebook), OpenBLAS's spinning threads made the QR steps of
    the NNDSVD initialisation 40 ms each, and topics 7x slower; the results are identical.
    """
    return _blas_controller().limit(limits=1, user_api="blas")


def _top_terms(h: np.ndarray) -> list[list[int]]:
    return [list(np.argsort(-row, kind="stable")[:N_TOP_TERMS]) for row in h]


def _choose_k(matrix, candidates: range, random_state: int):
    """(k, W, H): the most coherent candidate (ties to the smaller k), in two rounds (see the module docstring).

    Without scikit-learn's loop pieces every candidate is fitted to convergence with ``NMF``.
    """
    binary = (matrix > 0).toarray()
    if _nmf_solver() is None:
        scored = [(n, *_fit_nmf(matrix, n, random_state=random_state)) for n in candidates]
        exact = {n: round(_coherence(_top_terms(h), binary), 9) for n, _, h in scored}
        fits = {n: (w, h) for n, w, h in scored}
    else:
        transposed, product = matrix.T, _sparse_product()
        running = {n: _Fit(matrix, n, random_state=random_state, transposed=transposed, product=product).run(CHECKPOINT)
                   for n in candidates}
        early = {n: round(_coherence(_top_terms(fit.h), binary), 9) for n, fit in running.items()}
        exact = {n: early[n] for n, fit in running.items() if fit.done}
        unfinished = sorted((n for n, fit in running.items() if not fit.done), key=lambda n: (-early[n], n))
        for n in unfinished[:N_FINALISTS]:
            exact[n] = round(_coherence(_top_terms(running[n].run().h), binary), 9)
        fits = {n: (running[n].w, running[n].h) for n in exact}
    best = None
    for n in sorted(exact):
        if best is None or exact[n] > exact[best]:
            best = n
    return best, *fits[best]


def topics(x, *, k: int | None = None, random_state: int = 0, discover: bool = True) -> TopicModel:
    """Fit ``k`` NMF topics to the paragraphs of ``x`` (Page, Article, list of pages or articles).

    When ``k`` is None it is chosen automatically among 2 to ``min(10, n_paragraphs - 1)``: the k whose topics
    are most coherent wins, coherence being the mean normalised PMI (NPMI) of each topic's top-10 term pairs
    computed from paragraph co-occurrence; ties go to the smaller k. Only the most promising candidates are
    fitted to convergence (see the module docstring).

    Returns:
        A :class:`TopicModel` with ``k``, ``labels``, ``article_shares`` and ``paragraph_weights``.

    Raises:
        NewsAnalysisError: fewer than 2 paragraphs with terms, or ``k`` outside 1..number of such paragraphs.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

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
    vectorizer = TfidfVectorizer(analyzer=lambda doc: doc, sublinear_tf=True)
    matrix = vectorizer.fit_transform([docs[i] for i in kept])
    vocab = vectorizer.get_feature_names_out()
    # NMF's initialisation needs no more topics than paragraphs or distinct terms (a page of one repeated
    # sentence has hundreds of paragraphs and a handful of terms)
    most = min(len(kept), matrix.shape[1])
    if k is not None and not 1 <= k <= most:
        raise NewsAnalysisError(f"k={k} topics is not possible for {len(kept)} paragraphs with {matrix.shape[1]} "
                                f"distinct terms; expected 1..{most}")

    candidates = range(2, min(MAX_K, len(kept) - 1, matrix.shape[1]) + 1)
    with _one_blas_thread():
        if k is None and candidates:
            k, w, h = _choose_k(matrix, candidates, random_state)
        else:
            k = 1 if k is None else k
            w, h = _fit_nmf(matrix, k, random_state=random_state)
    return _model(k, w, h, vocab, keys, kept, items)


def _model(k, w, h, vocab, keys, kept, items) -> TopicModel:
    labels = []
    for t, row in enumerate(h):
        top = [str(vocab[i]) for i in np.argsort(-row, kind="stable")[:N_TOP_TERMS] if row[i] > 0]
        labels.append((t, "、".join(top[:N_LABEL_TERMS]), "、".join(top)))
    weights = np.zeros((len(keys), k))
    weights[kept] = w
    sums = weights.sum(axis=1, keepdims=True)
    shares = np.divide(weights, sums, out=np.zeros_like(weights), where=sums > 0)
    several = n_pages(items) > 1  # a page column only when there are several pages
    paragraph_weights = pd.DataFrame({
        **({"page": [page for page, _, _ in keys for _ in range(k)]} if several else {}),
        "article": [article for _, article, _ in keys for _ in range(k)],
        "paragraph": [p for _, _, p in keys for _ in range(k)],
        "topic": list(range(k)) * len(keys),
        "weight": shares.ravel().tolist(),
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
        "article": [article for _, article in by_article for _ in range(k)],
        "topic": list(range(k)) * len(by_article),
        "share": pd.Series([v / (norm if norm > 0 else 1) for row in totals for norm in [math.fsum(row)] for v in row],
                           dtype="float64"),
    })
    label_frame = pd.DataFrame(labels, columns=["topic", "label", "top_terms"])
    return TopicModel(k=k, labels=label_frame, article_shares=article_shares, paragraph_weights=paragraph_weights)
