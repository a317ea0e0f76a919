"""Chinese word segmentation fitted to news: the only module that imports jieba.

A :class:`Tokenizer` wraps its own ``jieba.Tokenizer`` instance (jieba's global default dictionary is never
touched), loaded lazily once per process and cached per configuration, so threads and Dask workers share it
read-only. On top of jieba it adds the bundled news dictionary and stopword list
(``newsanalysis/resources``) plus the user's own files (parameters or ``data/dict/``), guards numbers,
percentages and money so they are never split nor counted as terms, and matches Traditional Chinese through a
length-preserving OpenCC conversion, so offsets always point into the original text. A per-page tokenizer
(:meth:`Tokenizer.with_words`) keeps the words discovered on the page in a small overlay over its
configuration's tables, read-only and shared, never copied (memory stays flat however many pages come).

Cutting goes through a segmentation engine (:mod:`newsanalysis.segment.engine`): jieba-rs via ``rjieba`` when it
is installed (about ten times faster, the same tokens; by default loaded once the process has cut a few pages),
else jieba; ``NEWSANALYSIS_SEGMENTER=jieba`` forces jieba. One jieba-rs instance serves a configuration and
every page tokenizer derived from it.
"""

from __future__ import annotations

import copy
import logging
import math
import operator
import os
import re
import threading
from collections import ChainMap
from collections.abc import Iterable, Sequence
from pathlib import Path

from newsanalysis import config
from newsanalysis.errors import NewsAnalysisError
from newsanalysis.memo import on_forget
from newsanalysis.normalize import to_matching_text
from newsanalysis.segment.engine import (
    AUTO_THRESHOLD,
    ENGINE_ENV,
    JiebaEngine,
    Lookup,
    PageEngine,
    SharedRust,
    engine_name,
    rjieba_available,
)
from newsanalysis.segment.lexicon import (
    NUMBER_RE,
    NUMBER_SPLIT_RE,
    STOPWORDS,
    USER_DICT,
    DictionaryError,
    cache_dir,
    is_number_or_punct,
    read_stopwords,
    read_user_dict,
    tokenizer_key,
)

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

__all__ = ["DictionaryError", "Tokenizer", "extract_keywords", "get_tokenizer", "read_user_dict", "tfidf_keywords",
           "to_matching_text"]

DISCOVERED_TAG = "nz"
_DIGIT = re.compile(r"\d")
_IS_TERM_SIZE = 200_000  # tokens whose is_term answer a tokenizer remembers


_LOCK = threading.RLock()
_BASE: dict[str, object] = {}
_TOKENIZERS: dict[tuple, Tokenizer] = {}


def _base_jieba():
    """The process-wide jieba.Tokenizer with jieba's dictionary only (loaded once, never mutated)."""
    with _LOCK:
        if "jieba" not in _BASE:
            import jieba

            jieba.setLogLevel(logging.WARNING)  # keep "Building prefix dict" out of reports
            tok = jieba.Tokenizer()
            tok.tmp_dir = cache_dir()
            tok.initialize()
            _BASE["jieba"] = tok
        return _BASE["jieba"]


def _base_tags() -> dict[str, str]:
    """jieba's word -> part-of-speech table, loaded on first tagging request."""
    with _LOCK:
        if "tags" not in _BASE:
            import jieba.posseg

            # importing jieba.posseg already read the tag table; reading dict.txt again costs ~0.4 s.
            # It is only ever copied ({**table, ...}), never mutated.
            _BASE["tags"] = jieba.posseg.dt.word_tag_tab
        return _BASE["tags"]


class Tokenizer:
    """Segmentation with the news dictionary, number guard, stopwords and Traditional-Chinese matching.

    Obtain one with :func:`get_tokenizer`; instances are read-only after construction and safe to share
    between threads. They pickle as their configuration, so Dask workers rebuild (and cache) their own.

    Example:
        >>> get_tokenizer().terms("上海离岸贸易规模同比增长73.2%")
        ['上海', '离岸贸易', '规模', '同比增长']
    """

    def __init__(
        self, jt, stopwords: frozenset[str], key: tuple, words: tuple[str, ...] = (), vocabulary=frozenset(),
        parent: Tokenizer | None = None, engine=None,
    ):
        self._jt = jt
        self._engine = engine or JiebaEngine(jt)
        self._cut = self._engine.cut
        self.engine = self._engine.name  # "rjieba" or "jieba": which one cuts (the tokens are the same)
        self._parent = parent  # the configuration's tokenizer a per-page one overlays (None for a base one)
        self.stopwords = stopwords
        self.vocabulary = frozenset(vocabulary) | frozenset(words)  # dictionary terms: always terms
        self.key = key
        self.words = words  # words added on top of the configuration (new-word discovery)
        self._is_term: dict[str, bool] = {}
        self._pos = None
        self._frequency = Lookup(jt.FREQ).get  # a page's overlay read dict by dict, not through ChainMap

    def __reduce__(self):
        return (_rebuild, (self.key, self.words, self.engine))

    def __repr__(self) -> str:
        return f"Tokenizer(key={self.key!r}, n_added_words={len(self.words)}, engine={self.engine!r})"

    # -- segmentation ------------------------------------------------------------------------------------
    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every token, covering ``text`` exactly; numbers are single tokens."""
        return self._spans(to_matching_text(text))

    def _spans(self, norm: str) -> list[tuple[int, int]]:
        cut, out, pos = self._cut, [], 0
        # every number pattern needs a digit: without one the text is cut whole
        for m in NUMBER_SPLIT_RE.finditer(norm) if _DIGIT.search(norm) is not None else ():
            if m.start() > pos:
                for tok in cut(norm[pos : m.start()]):
                    out.append((pos, pos + len(tok)))
                    pos += len(tok)
            out.append((m.start(), m.end()))
            pos = m.end()
        for tok in cut(norm[pos:]):
            out.append((pos, pos + len(tok)))
            pos += len(tok)
        return out

    def cut(self, text: str) -> list[str]:
        """Every token as a slice of the original ``text`` (so ``"".join(cut(text)) == text``).

        Example:
            >>> get_tokenizer().cut("增长23,876人")
            ['增长', '23,876', '人']
        """
        return [text[s:e] for s, e in self.spans(text)]

    def is_term(self, token: str) -> bool:
        """True if a normalised token counts as a term (not stopword, punctuation, number or single char)."""
        known = self._is_term.get(token)
        if known is None:
            if len(self._is_term) >= _IS_TERM_SIZE:  # bounded: a base tokenizer lives as long as the process
                self._is_term.clear()
            known = self._is_term[token] = (token in self.vocabulary and token not in self.stopwords) or not (
                len(token) < 2
                or token in self.stopwords
                or token.lower() in self.stopwords
                or is_number_or_punct(token)
                or token.strip() != token
            )
        return known

    def terms(self, text: str) -> list[str]:
        """Terms of ``text`` in Simplified form, stopwords, punctuation and numbers removed.

        Example:
            >>> get_tokenizer().terms("記者表示，臺灣的半導體產業增長5%")
            ['台湾', '半导体', '产业', '增长']
        """
        known, is_term, out = self._is_term.get, self.is_term, []
        for token in self._tokens(to_matching_text(text)):
            term = known(token)  # the method call only for a token not seen before
            if term is None:
                term = is_term(token)
            if term:
                out.append(token)
        return out

    def _tokens(self, norm: str) -> list[str]:
        """Tokens of normalised text (the fast path of :meth:`terms`: no offsets)."""
        if _DIGIT.search(norm) is None:  # every number pattern needs a digit: most clauses have none
            return self._cut(norm)
        cut, out, pos = self._cut, [], 0
        for m in NUMBER_SPLIT_RE.finditer(norm):
            if m.start() > pos:
                out.extend(cut(norm[pos : m.start()]))
            out.append(m.group())
            pos = m.end()
        out.extend(cut(norm[pos:]))
        return out


    def term_spans(self, text: str) -> list[tuple[str, int, int]]:
        """(term, start, end) for every term of ``text``; offsets index the original ``text``."""
        norm = to_matching_text(text)
        is_term = self.is_term
        return [(norm[s:e], s, e) for s, e in self._spans(norm) if is_term(norm[s:e])]

    def tag(self, text: str) -> list[tuple[str, str, int, int]]:
        """(token, part-of-speech, start, end) with jieba.posseg; numbers are kept whole and tagged ``m``.

        Part-of-speech tagging is several times slower than :meth:`cut`; use it only where tags are needed.
        The tags are always jieba.posseg's (jieba-rs's own tagger differs); the rjieba engine only finds
        posseg's dictionary route for it.
        """
        config.trace("tag", str(len(text)))
        pos_tok, engine_tag = self._postokenizer(), self._engine.tag
        norm = to_matching_text(text)
        out, pos = [], 0

        def tag_piece(piece: str, offset: int) -> None:
            for word, flag in engine_tag(piece, pos_tok):
                out.append((word, flag, offset, offset + len(word)))
                offset += len(word)

        if _DIGIT.search(norm) is None:  # a number needs a digit: most clauses have none
            tag_piece(norm, 0)
            return out
        for m in NUMBER_RE.finditer(norm):
            if m.start() > pos:
                tag_piece(norm[pos : m.start()], pos)
            out.append((m.group(), "m", m.start(), m.end()))
            pos = m.end()
        tag_piece(norm[pos:], pos)
        return out

    def _postokenizer(self):
        if self._pos is not None:  # set once, under the lock; asked on every tag call
            return self._pos
        with _LOCK:
            if self._pos is None:
                import jieba.posseg

                # posseg moves a tokenizer's user tags into its own table and empties the tokenizer's in place
                # (makesure_userdict_loaded). Our jieba instance must stay as built (tokenizers derived from it
                # copy its tags), so posseg gets a shallow view of it whose user tags are already merged.
                view = copy.copy(self._jt)
                view.user_word_tag_tab = {}
                pos_tok = object.__new__(jieba.posseg.POSTokenizer)
                pos_tok.tokenizer = view
                if self._parent is None:
                    pos_tok.word_tag_tab = {**_base_tags(), **self._jt.user_word_tag_tab}
                else:  # a per-page tokenizer: its few added tags over the configuration's table, never a copy
                    pos_tok.word_tag_tab = ChainMap(self._jt.user_word_tag_tab,
                                                    self._parent._postokenizer().word_tag_tab)
                self._pos = pos_tok
            return self._pos

    # -- dictionary --------------------------------------------------------------------------------------
    def knows(self, word: str) -> bool:
        """True if ``word`` is an entry of this tokenizer's dictionary."""
        return self._frequency(word, 0) > 0

    def freq(self, word: str) -> int:
        """The dictionary frequency of ``word`` (0 when unknown)."""
        return self._frequency(word, 0)

    def suggest_freq(self, word: str) -> int:
        """The frequency jieba needs to keep ``word`` whole (its parts' joint frequency, plus one)."""
        return self._jt.suggest_freq(word)

    def with_words(self, words: Iterable[str]) -> Tokenizer:
        """A tokenizer that also knows ``words`` (cached; this one is left unchanged)."""
        words = tuple(sorted(set(words) - {w for w in words if self.knows(w)}))
        if not words:
            return self
        return _build(self.key, tuple(sorted(set(self.words) | set(words))), self.engine)


def _build(key: tuple, words: tuple[str, ...] = (), engine: str | None = None) -> Tokenizer:
    """The cached tokenizer for a configuration ``key`` plus added ``words``, cut by ``engine``."""
    chosen = bool(engine or os.environ.get(ENGINE_ENV))  # asked for by name: jieba-rs is loaded at once
    engine = engine_name(engine)
    with _LOCK:
        cached = _TOKENIZERS.get((key, words, engine))
        if cached is not None:
            if chosen and engine == "rjieba":
                cached._engine._shared.load()
            return cached
        dicts, stops = key
        if words:
            parent = _build(key, (), engine if chosen else None)
            jt = _overlay_jieba(parent._jt)
            for word in words:
                jt.add_word(word, _discovered_freq(jt, word), DISCOVERED_TAG)
            # the page's words stay in its jieba overlay; the configuration's jieba-rs instance is shared
            cutter = PageEngine(parent._engine._shared, jt, words) if engine == "rjieba" else None
            tok = Tokenizer(jt, parent.stopwords, key, words, parent.vocabulary, parent, cutter)
        else:
            jt = _copy_jieba(_base_jieba())
            vocabulary = set()
            for path in (USER_DICT, *map(Path, dicts)):
                for word, freq, tag in read_user_dict(path):
                    jt.add_word(word, freq or jt.suggest_freq(word) * 3, tag)
                    vocabulary.add(word)
            stop = set(read_stopwords(STOPWORDS))
            for kind, value in stops:
                stop.update(read_stopwords(Path(value)) if kind == "file" else [value])
            stop.update({to_matching_text(w) for w in stop})
            cutter = _shared_engine(key, jt, chosen) if engine == "rjieba" else None
            tok = Tokenizer(jt, frozenset(stop), key, (), vocabulary, None, cutter)
        if len(_TOKENIZERS) > 64:  # bounded: per-analysis tokenizers come and go
            # drop the oldest per-analysis tokenizer, or the oldest of all when only base ones are cached
            _TOKENIZERS.pop(next((k for k in _TOKENIZERS if k[1]), next(iter(_TOKENIZERS))))
        _TOKENIZERS[(key, words, engine)] = tok
        return tok


def _shared_engine(key: tuple, jt, load_now: bool) -> PageEngine:
    """The configuration's jieba-rs engine (one per dictionary configuration and process, loaded once)."""
    shared = _RUST.get(key)
    if shared is None or shared.total != jt.total:
        shared = _RUST[key] = SharedRust(jt, 0 if load_now else AUTO_THRESHOLD)
    elif load_now:
        shared.load()
    return PageEngine(shared, jt)


_RUST: dict[tuple, SharedRust] = {}  # kept when the tokenizer cache drops a configuration: loading costs 0.4 s


def _copy_jieba(source):
    """A new jieba.Tokenizer sharing nothing mutable with ``source`` (no dictionary reload)."""
    import jieba

    jt = jieba.Tokenizer()
    jt.tmp_dir = source.tmp_dir
    jt.FREQ = dict(source.FREQ)
    jt.total = source.total
    jt.user_word_tag_tab = dict(source.user_word_tag_tab)
    jt.initialized = True
    return jt


def _overlay_jieba(source):
    """A jieba.Tokenizer over ``source``'s tables: words it adds go to a small overlay, ``source`` is never copied.

    ``FREQ`` is a ChainMap (the overlay first, then ``source.FREQ``), so jieba's own ``add_word``,
    ``suggest_freq`` and the HMM path see exactly the merged dictionary a copy would hold; the hot lookups
    (``get_DAG``, ``calc``) read the two dicts directly.
    """
    jt = _overlay_class()()
    jt.tmp_dir = source.tmp_dir
    jt._extra, jt._base = {}, source.FREQ
    jt.FREQ = ChainMap(jt._extra, source.FREQ)
    jt.total = source.total
    jt.user_word_tag_tab = dict(source.user_word_tag_tab)  # the user dictionaries' tags only (small)
    jt.initialized = True
    return jt


def _overlay_class():
    """The jieba.Tokenizer subclass of :func:`_overlay_jieba` (made once, when jieba is first needed)."""
    with _LOCK:
        if "overlay" in _BASE:
            return _BASE["overlay"]
    import jieba

    class OverlayTokenizer(jieba.Tokenizer):
        def get_DAG(self, sentence):  # jieba's get_DAG, reading the overlay before the base table
            extra, base = self._extra, self._base
            DAG = {}
            N = len(sentence)
            for k in range(N):
                tmplist = []
                i = k
                frag = sentence[k]
                while i < N:
                    f = extra.get(frag)
                    if f is None:
                        f = base.get(frag)
                        if f is None:
                            break
                    if f:
                        tmplist.append(i)
                    i += 1
                    frag = sentence[k:i + 1]
                if not tmplist:
                    tmplist.append(k)
                DAG[k] = tmplist
            return DAG

        def calc(self, sentence, DAG, route):  # jieba's calc, same arithmetic in the same order
            extra, base = self._extra, self._base
            N = len(sentence)
            log = math.log
            route[N] = (0, 0)
            logtotal = log(self.total)
            for idx in range(N - 1, -1, -1):
                route[idx] = max((log(extra.get(w := sentence[idx:x + 1]) or base.get(w) or 1) - logtotal
                                  + route[x + 1][0], x) for x in DAG[idx])

    with _LOCK:
        return _BASE.setdefault("overlay", OverlayTokenizer)


def _discovered_freq(jt, word: str) -> int:
    return max(jt.suggest_freq(word) * 5, 50)


def _rebuild(key: tuple, words: tuple[str, ...], engine: str | None = None) -> Tokenizer:
    # a worker without rjieba cuts with jieba: the tokens are the same
    return _build(key, words, engine if engine != "rjieba" or rjieba_available() else "jieba")


def forget_pages() -> None:
    """Drop what earlier pages left behind: the tokenizers made for their discovered words (base configurations
    stay, their remembered term tests emptied) and the jieba-rs engines' remembered HMM runs, so the next page is
    cut as a page of a fresh archive would be (benchmarks use it; results never depend on it)."""
    with _LOCK:
        for key in [k for k in _TOKENIZERS if k[1]]:
            del _TOKENIZERS[key]
        for tok in _TOKENIZERS.values():
            tok._is_term.clear()
        for shared in _RUST.values():
            if shared.engine is not None:
                shared.engine._hmm_memo.clear()
                shared.engine._detail_memo.clear()


on_forget(forget_pages)


def get_tokenizer(
    *, user_dicts: Sequence[str | Path] = (), stopwords: Iterable[str | Path] = (), engine: str | None = None
) -> Tokenizer:
    """The cached :class:`Tokenizer` for this configuration (jieba + bundled + user dictionaries).

    Args:
        user_dicts: extra jieba-style dictionary files (``word [freq] [pos]`` per line); files in
            ``data/dict/`` whose name does not contain ``stop`` are always added.
        stopwords: extra stopwords, given as words or as paths of one-word-a-line files; ``data/dict/*stop*.txt``
            are always added.
        engine: ``"rjieba"`` or ``"jieba"`` (same tokens); default ``$NEWSANALYSIS_SEGMENTER``, else rjieba when
            installed.

    Example:
        >>> get_tokenizer().cut("脑机接口大会")
        ['脑机接口', '大会']
    """
    return _build(tokenizer_key(user_dicts, stopwords), (), engine)


_KEYWORD_POS = ("n", "nr", "ns", "nt", "nz", "nw", "vn", "v", "eng", "an", "j", "l", "i")


class _PairCutter:
    """Adapter giving jieba.analyse our tagged tokens (non-terms tagged ``x``) where it expects posseg."""

    def __init__(self, tok: Tokenizer):
        self.tok = tok

    def cut(self, text: str, *args, **kwargs):
        from jieba.posseg import pair

        is_term = self.tok.is_term
        return iter([pair(w, f if is_term(w) else "x") for w, f, _, _ in self.tok.tag(to_matching_text(text))])


def _tfidf_extractor():
    with _LOCK:
        if "tfidf" not in _BASE:
            import jieba.analyse

            # importing jieba.analyse already built this extractor from idf.txt; extract_keywords copies it
            _BASE["tfidf"] = jieba.analyse.default_tfidf
        return _BASE["tfidf"]


def tfidf_keywords(terms: Iterable[str], *, top_n: int = 20, idf: dict[str, float] | None = None
                   ) -> list[tuple[str, float]]:
    """(term, weight) pairs of jieba.analyse's TF-IDF ``extract_tags`` over ``terms`` (a text's terms, in order).

    jieba's own arithmetic in its order, without its per-call copy of the extractor and its cut: a caller that
    has the terms already (an analysis segments each text once) does not cut the text again. ``idf`` as in
    :func:`extract_keywords`.

    Example:
        >>> [term for term, _ in tfidf_keywords(["离岸贸易", "上海", "离岸贸易"], top_n=1)]
        ['离岸贸易']
    """
    if idf is None:
        extractor = _tfidf_extractor()
        idf_freq, median_idf = extractor.idf_freq, extractor.median_idf
    else:
        idf_freq, median_idf = idf, max(idf.values(), default=1.0)
    freq: dict[str, float] = {}
    for term in terms:
        if len(term.strip()) < 2:  # extract_tags' test (its stopwords are ours, already out of the terms)
            continue
        freq[term] = freq.get(term, 0.0) + 1.0
    total = sum(freq.values())
    for term in freq:
        freq[term] *= idf_freq.get(term, median_idf) / total
    ranked = sorted(freq.items(), key=operator.itemgetter(1), reverse=True)  # stable: ties in order of first use
    return [(w, float(weight)) for w, weight in (ranked[:top_n] if top_n else ranked)]


def extract_keywords(
    text: str,
    *,
    tokenizer: Tokenizer,
    method: str = "tfidf",
    top_n: int = 20,
    idf: dict[str, float] | None = None,
) -> list[tuple[str, float]]:
    """(term, weight) pairs by jieba.analyse (TF-IDF or TextRank) over ``tokenizer``'s terms.

    ``idf`` replaces jieba's shipped IDF table (terms it lacks get its largest value: unseen means rare).
    """

    import jieba.analyse

    if method == "tfidf":
        return tfidf_keywords(tokenizer.terms(text), top_n=top_n, idf=idf)
    if method == "textrank":
        extractor = jieba.analyse.TextRank()
        extractor.tokenizer = extractor.postokenizer = _PairCutter(tokenizer)
        extractor.stop_words = set()
        ranked = extractor.textrank(text, topK=top_n, withWeight=True, allowPOS=_KEYWORD_POS)
        return [(w, float(s)) for w, s in ranked]
    raise NewsAnalysisError(f"keyword method {method!r} is not known; expected 'tfidf' or 'textrank'")
