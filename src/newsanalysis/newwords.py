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
from collections import Counter, defaultdict
from collections.abc import Iterable

import pandas as pd

from .segment import Tokenizer, get_tokenizer, to_matching_text

_RUN = re.compile(r"[\u4e00-\u9fff0-9A-Za-z.%]+")  # punctuation and spaces end a run
_NON_HAN = re.compile(r"[0-9A-Za-z.%]+")
_PLACEHOLDER = "0"  # digits and Latin letters: a neighbour that never forms part of a candidate
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
    tok = tokenizer or get_tokenizer()
    if isinstance(texts, str):
        texts = [texts]
    runs = [_NON_HAN.sub(_PLACEHOLDER, run) for text in texts for run in _RUN.findall(to_matching_text(text))]
    counts: dict[int, Counter] = {
        n: Counter(run[i : i + n] for run in runs for i in range(len(run) - n + 1)) for n in range(1, max_len + 1)
    }
    total_chars = sum(counts[1].values())
    candidates: dict[str, float] = {}
    for n in range(2, max_len + 1):
        for gram, count in counts[n].items():
            if count < min_count or _PLACEHOLDER in gram or tok.knows(gram):
                continue
            pmi = min(
                math.log(count * total_chars / (counts[k][gram[:k]] * counts[n - k][gram[k:]])) for k in range(1, n)
            )
            if pmi >= min_pmi and _free_edges(gram, tok):
                candidates[gram] = pmi
    left: dict[str, Counter] = defaultdict(Counter)
    right: dict[str, Counter] = defaultdict(Counter)
    left_edge: Counter = Counter()
    right_edge: Counter = Counter()
    lengths = sorted({len(g) for g in candidates})
    for run in runs:
        for n in lengths:
            for i in range(len(run) - n + 1):
                gram = run[i : i + n]
                if gram in candidates:
                    if i:
                        left[gram][run[i - 1]] += 1
                    else:
                        left_edge[gram] += 1
                    if i + n < len(run):
                        right[gram][run[i + n]] += 1
                    else:
                        right_edge[gram] += 1
    rows = []
    for gram, pmi in candidates.items():
        count = counts[len(gram)][gram]
        h_left = _entropy(left[gram], left_edge[gram], count)
        h_right = _entropy(right[gram], right_edge[gram], count)
        if min(h_left, h_right) >= min_entropy:
            rows.append((gram, count, round(pmi, 6), round(h_left, 6), round(h_right, 6)))
    rows = _drop_contained(rows)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["count"] = frame["count"].astype("int64")
    return frame.sort_values(["count", "term"], ascending=[False, True], ignore_index=True)


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
