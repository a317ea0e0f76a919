"""Topics of a page or corpus: NMF (scikit-learn) over paragraph-level TF-IDF of our tokens.

Paragraphs are the documents, so a report can show how an article moves between topics paragraph by paragraph.
Everything is deterministic: NNDSVD initialisation, a fixed ``random_state`` and sorted vocabularies.

Choosing k fits every candidate with scikit-learn's own coordinate-descent loop run directly (:func:`_fit_nmf`,
bit for bit ``NMF``'s result, about 1.7x faster). Cheaper choices were measured on the 48 fixture pages and
rejected because they change the chosen k: ``max_iter=200, tol=1e-3`` on 2 pages, ``100, 1e-3`` on 3,
``50, 1e-2`` on 9 (and saved at most 2.4x of the fits).
"""

from __future__ import annotations

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
    df = binary.sum(axis=0)
    scores = []
    for terms in top:
        pair_scores = []
        for a, b in combinations(terms, 2):
            both = float(np.count_nonzero(binary[:, a] & binary[:, b]))
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


def _fit_nmf(matrix, n: int, *, random_state: int, max_iter: int = 500, tol: float = 1e-4):
    """(W, H) of ``NMF(n, init="nndsvd", solver="cd", max_iter, tol).fit_transform(matrix)``, bit for bit.

    Choosing k fits up to 9 models per page; ``NMF`` spends about 40 % of each fit re-validating its input
    and transposing the sparse matrix on every iteration. This is the same loop (scikit-learn's own
    initialisation and Cython coordinate-descent update, in the same order, with the same stopping rule), with
    the transpose made once. Without those pieces (another scikit-learn), ``NMF`` itself is used.
    """
    solver = _nmf_solver()
    if solver is None:
        from sklearn.decomposition import NMF

        model = NMF(n_components=n, init="nndsvd", random_state=random_state, max_iter=max_iter, tol=tol)
        return model.fit_transform(matrix), model.components_
    initialize, update = solver
    w, h = initialize(matrix, n, init="nndsvd", random_state=random_state)
    ht = np.ascontiguousarray(h.T)
    transposed = matrix.T
    order = np.arange(n, dtype=np.intp)
    violation_init = None
    for n_iter in range(1, max_iter + 1):
        violation = update(w, np.dot(ht.T, ht), matrix @ ht, order)
        violation += update(ht, np.dot(w.T, w), transposed @ w, order)
        if n_iter == 1:
            violation_init = violation
        if violation_init == 0 or violation / violation_init <= tol:
            break
    return w, ht.T


def topics(x, *, k: int | None = None, random_state: int = 0, discover: bool = True) -> TopicModel:
    """Fit ``k`` NMF topics to the paragraphs of ``x`` (Page, Article, list of pages or articles).

    When ``k`` is None it is chosen automatically: every k from 2 to ``min(10, n_paragraphs - 1)`` is fitted and
    the k whose topics are most coherent wins, coherence being the mean normalised PMI (NPMI) of each topic's
    top-10 term pairs computed from paragraph co-occurrence; ties go to the smaller k.

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
    if k is not None and not 1 <= k <= len(kept):
        raise NewsAnalysisError(f"k={k} topics is not possible for {len(kept)} paragraphs; expected 1..{len(kept)}")

    def fit(n: int):
        return _fit_nmf(matrix, n, random_state=random_state)

    if k is None:
        binary = (matrix > 0).toarray()
        best = None
        for n in range(2, min(MAX_K, len(kept) - 1) + 1):
            w, h = fit(n)
            top = [list(np.argsort(-row, kind="stable")[:N_TOP_TERMS]) for row in h]
            score = round(_coherence(top, binary), 9)
            if best is None or score > best[0]:
                best = (score, n, w, h)
        if best is None:
            best = (0.0, 1, *fit(1))
        _, k, w, h = best
    else:
        w, h = fit(k)
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
    para_rows = [(page, art, p, t, float(shares[i, t])) for i, (page, art, p) in enumerate(keys) for t in range(k)]
    paragraph_weights = pd.DataFrame(para_rows, columns=["page", "article", "paragraph", "topic", "weight"])
    totals = paragraph_weights.groupby(["page", "article", "topic"], sort=False, dropna=False)["weight"].sum()
    article_shares = totals.reset_index().rename(columns={"weight": "share"})
    norm = article_shares.groupby(["page", "article"], sort=False, dropna=False)["share"].transform("sum")
    article_shares["share"] = (article_shares["share"] / norm.where(norm > 0, 1)).astype("float64")
    if n_pages(items) < 2:
        paragraph_weights = paragraph_weights.drop(columns="page")
        article_shares = article_shares.drop(columns="page")
    label_frame = pd.DataFrame(labels, columns=["topic", "label", "top_terms"])
    return TopicModel(k=k, labels=label_frame, article_shares=article_shares.reset_index(drop=True),
                      paragraph_weights=paragraph_weights)
