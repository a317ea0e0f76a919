"""New-word discovery: terms the dictionary lacks but a page or corpus repeats.

Candidates are character n-grams (2 to ``max_len`` Han characters) that occur at least ``min_count`` times,
hold together (pointwise mutual information of their weakest split, "cohesion") and are free at both ends
(entropy of the characters seen to their left and right; a text boundary counts as a fresh neighbour each time).
Fragments such as ``脑机接`` fail the right-entropy test (always followed by ``口``), phrases such as ``浦东的``
fail the edge test (they begin or end with a stopword). Discovered words are added to a per-analysis copy of
the tokenizer (:meth:`newsanalysis.segment.Tokenizer.with_words`) and reported, never written to a dictionary.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd

from newsanalysis import config
from newsanalysis.segment.tokenizer import Tokenizer, get_tokenizer, to_matching_text

_NON_RUN = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z.%]+")  # punctuation and spaces end a run
_NON_HAN = re.compile(r"[0-9A-Za-z.%]+")
_PLACEHOLDER = "0"  # digits and Latin letters: a neighbour that never forms part of a candidate
_SEP = "\n"  # between runs: a text boundary, never a neighbour
_EDGE_CHARS = frozenset("的了是在和与及等第个年月日号把被将向从对于为也都就而并又或但还更最很已不之其这那该各每某此"
                        "〇零一二两三四五六七八九十百千万亿")
COLUMNS = ["term", "count", "pmi", "left_entropy", "right_entropy"]


def _entropy(neighbours: Counter, n_boundary: int, total: int) -> float:
    """Entropy (nats) of the neighbour distribution; each boundary occurrence is a distinct neighbour."""
    h = -sum(c / total * math.log(c / total) for c in neighbours.values())
    return h + n_boundary * (math.log(total) / total)


def discover_words(
    texts: str | Iterable[str],
    *,
    tokenizer: Tokenizer | None = None,
    min_count: int = 3,
    max_len: int = 5,
    min_pmi: float = 1.0,
    min_entropy: float = 0.9,
) -> pd.DataFrame:
    """Words that ``texts`` repeat but the tokenizer's dictionary lacks.

    Args:
        texts: one text or several (a page's article texts, a corpus).
        tokenizer: the tokenizer whose dictionary decides what is new (default :func:`get_tokenizer`).
        min_count: least number of occurrences.
        max_len: longest candidate, in characters.
        min_pmi: least cohesion, the smallest ``log(count(w) * N / (count(a) * count(b)))`` over splits ``w = ab``.
        min_entropy: least left and right boundary entropy, in nats.

    Returns:
        A new DataFrame, one row per discovered word, most frequent first, with columns
        ``term`` (str), ``count`` (int), ``pmi`` (float), ``left_entropy`` (float), ``right_entropy`` (float).

    Example:
        >>> text = "“电算协同”技术取得突破。电算协同可将算力转移。推进电算协同,让算力跟着电力走。"
        >>> discover_words(text).term.tolist()
        ['电算协同']
    """
    return rows_frame(discovered_rows(texts, tokenizer=tokenizer, min_count=min_count, max_len=max_len, min_pmi=min_pmi,
                                  min_entropy=min_entropy))


def rows_frame(rows: list[tuple]) -> pd.DataFrame:
    """The :func:`discover_words` frame of :func:`discovered_rows`'s rows.

    Example:
        >>> rows_frame([("电算协同", 3, 2.5, 1.1, 1.0)]).term.tolist()
        ['电算协同']
    """
    frame = pd.DataFrame(rows, columns=COLUMNS)  # built once, in order: pandas costed more than the discovery
    if not rows:
        frame["count"] = frame["count"].astype("int64")
    return frame


def discovered_rows(
    texts: str | Iterable[str],
    *,
    tokenizer: Tokenizer | None = None,
    min_count: int = 3,
    max_len: int = 5,
    min_pmi: float = 1.0,
    min_entropy: float = 0.9,
) -> list[tuple[str, int, float, float, float]]:
    """The rows of :func:`discover_words` as ``(term, count, pmi, left_entropy, right_entropy)`` tuples, no frame
    (a page's terms need only the words; the frame is built when asked for).

    Example:
        >>> discovered_rows("“电算协同”技术取得突破。电算协同可将算力转移。推进电算协同,让算力跟着电力走。")[0][:2]
        ('电算协同', 3)
    """
    config.trace("discover")
    tok = tokenizer or get_tokenizer()
    if isinstance(texts, str):
        texts = [texts]
    # the runs (placeholders for digits and Latin letters) between separators, one regex pass each
    text = _NON_RUN.sub(_SEP, _NON_HAN.sub(_PLACEHOLDER, _SEP.join(map(to_matching_text, texts))))
    text = _SEP + text + _SEP
    total_chars = len(text) - text.count(_SEP)
    counts, positions = _frequent_ngrams(text, min_count=min_count, max_len=max_len)
    candidates: dict[str, float] = {}
    for n in range(2, max_len + 1):
        for gram, count in counts[n].items():
            if tok.knows(gram):
                continue
            pmi = min(
                math.log(count * total_chars / (counts[k][gram[:k]] * counts[n - k][gram[k:]])) for k in range(1, n)
            )
            if pmi >= min_pmi:
                candidates[gram] = pmi
    rows = []
    dominant = _dominant_neighbours(counts)
    free = [g for g in candidates if _may_be_free(g, counts[len(g)][g], dominant.get(g, 0), min_entropy)]
    for gram, (left, left_edge, right, right_edge) in _neighbours(text, positions, free).items():
        count = counts[len(gram)][gram]
        h_left = _entropy(left, left_edge, count)
        h_right = _entropy(right, right_edge, count)
        if min(h_left, h_right) >= min_entropy and _free_edges(gram, tok):
            rows.append((gram, count, round(candidates[gram], 6), round(h_left, 6), round(h_right, 6)))
    return sorted(_drop_contained(rows), key=lambda row: (-row[1], row[0]))  # code point order, as pandas sorts


def _frequent_ngrams(text: str, *, min_count: int, max_len: int) -> tuple[dict[int, dict[str, int]], dict]:
    """Counts of the n-grams (1 to ``max_len`` Han characters, no placeholder) that occur ``min_count`` times.

    Level by level (Apriori): an n-gram is counted only where its two (n-1)-gram parts are frequent, and the
    counting is vectorised (each n-gram is an integer key: the rank of its prefix times the alphabet size plus
    its last character), so no Python loop runs per character; the keys are numbered by hashing.

    ``text`` holds the runs between ``_SEP`` characters (and starts and ends with one).

    Returns:
        ``(counts, positions)``: per length the frequent n-grams and their counts, and per length
        ``(rank array, {gram: rank})`` locating the frequent n-grams in ``text`` (rank -1 where none starts).
    """
    counts: dict[int, dict[str, int]] = {n: {} for n in range(1, max_len + 1)}
    positions: dict[int, tuple[np.ndarray, dict[str, int]]] = {}
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    # distinct values numbered by hashing (pandas' factorize: several times faster than np.unique's sort); the
    # numbering is only a key, every result is a count or a position
    ids, chars = pd.factorize(codes)
    char_counts = np.bincount(ids, minlength=len(chars))
    ids = ids.astype(np.int64)
    frequent = (char_counts >= min_count) & (chars != ord(_SEP)) & (chars != ord(_PLACEHOLDER))
    rank = np.where(frequent[ids], ids, -1)
    for j in np.flatnonzero(frequent).tolist():
        counts[1][chr(chars[j])] = int(char_counts[j])
    n_chars = len(chars)
    for n in range(2, max_len + 1):
        starts = np.flatnonzero((rank[:-1] >= 0) & (rank[1:] >= 0))  # both (n-1)-gram parts are frequent
        keys = rank[starts] * n_chars + ids[starts + n - 1]
        inverse, grams = pd.factorize(keys)
        gram_counts = np.bincount(inverse, minlength=len(grams))
        some_start = np.empty(len(grams), dtype=np.int64)  # any occurrence of a key spells its n-gram
        some_start[inverse] = starts
        keep = gram_counts >= min_count
        rank = np.full(max(len(rank) - 1, 0), -1, dtype=np.int64)
        rank[starts] = np.where(keep[inverse], inverse, -1)
        index = {}
        kept = np.flatnonzero(keep)
        for j, start, count in zip(kept.tolist(), some_start[kept].tolist(), gram_counts[kept].tolist()):
            gram = text[start : start + n]
            counts[n][gram] = count
            index[gram] = j
        positions[n] = (rank, index)
    return counts, positions


def _dominant_neighbours(counts: dict[int, dict[str, int]]) -> dict[str, int]:
    """Per frequent n-gram, the count of its most frequent one-character extension (to the left or right)."""
    most: dict[str, int] = {}
    for n, grams in counts.items():
        if n > 2:
            for gram, m in grams.items():
                for part in (gram[1:], gram[:-1]):
                    if m > most.get(part, 0):
                        most[part] = m
    return most


def _may_be_free(gram: str, count: int, dominant: int, min_entropy: float) -> bool:
    """False if the neighbour seen ``dominant`` times shows that an entropy of ``gram`` is below ``min_entropy``.

    When one neighbour accounts for ``m`` of the ``c`` occurrences, the entropy is at most
    ``-(m/c) log(m/c) + (1 - m/c) log c`` (every other occurrence a different neighbour), so fragments such as
    ``脑机接`` (followed by ``口`` each time) are dropped before their neighbours are counted. The margin keeps the
    test exact: only n-grams whose computed entropy would fail anyway are dropped.
    """
    if not dominant:
        return True
    p = dominant / count
    return -p * math.log(p) + (1 - p) * math.log(count) >= min_entropy - 1e-9

def _neighbours(text: str, positions: dict, grams: Iterable[str]) -> dict[str, tuple[Counter, int, Counter, int]]:
    """Per n-gram: (left neighbour counts, occurrences at a run start, right neighbour counts, at a run end)."""
    by_len: dict[int, list[str]] = {}
    for gram in grams:
        by_len.setdefault(len(gram), []).append(gram)
    found: dict[str, tuple[Counter, int, Counter, int]] = {}
    for n, same_len in sorted(by_len.items()):
        rank, index = positions[n]
        left = {g: Counter() for g in same_len}
        right = {g: Counter() for g in same_len}
        left_edge = dict.fromkeys(same_len, 0)
        right_edge = dict.fromkeys(same_len, 0)
        wanted = np.array([index[g] for g in same_len], dtype=np.int64)
        for start in np.flatnonzero(np.isin(rank, wanted)).tolist():  # text order, as the entropies expect
            gram, before, after = text[start : start + n], text[start - 1], text[start + n]
            if before == _SEP:
                left_edge[gram] += 1
            else:
                left[gram][before] += 1
            if after == _SEP:
                right_edge[gram] += 1
            else:
                right[gram][after] += 1
        for g in same_len:
            found[g] = (left[g], left_edge[g], right[g], right_edge[g])
    return found


def _free_edges(gram: str, tok: Tokenizer) -> bool:
    """False if the n-gram starts or ends with a stopword or a single function character."""
    parts = tok.cut(gram)
    if len(parts) < 2:
        return False
    edges = (parts[0], parts[-1])
    return all(p not in tok.stopwords and p not in _EDGE_CHARS for p in edges) and all(
        len(p) > 1 or p not in tok.stopwords for p in parts
    )


def _drop_contained(rows: list[tuple]) -> list[tuple]:
    """Drop a word contained in a longer discovered word that occurs as often (it is only ever a fragment)."""
    counts = {row[0]: row[1] for row in rows}
    return [
        row
        for row in rows
        if not any(row[0] in other and other != row[0] and n >= row[1] for other, n in counts.items())
    ]
