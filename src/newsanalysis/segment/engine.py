"""Segmentation engines behind :class:`~newsanalysis.segment.Tokenizer`: jieba (the reference) and jieba-rs.

jieba-rs (through ``rjieba``) finds jieba's dictionary route about ten times faster. :class:`RustEngine` gives
exactly jieba's tokens for a given jieba dictionary (5x jieba's speed on new text, 8x once the HMM's runs
recur) because it closes the three gaps between the two:

* the dictionary: it is filled from the jieba tokenizer's own table (every entry with a frequency, same
  numbers), and jieba's running total, which counts a re-added word twice, is matched by one extra entry
  (``_TOTAL_WORD``, outside every block so never a token) holding the difference;
* blocks: jieba-rs joins CJK extension characters (``㐀``, ``𠀀``, compatibility ideographs) into Han blocks, jieba
  emits each alone, so the text is split at them first;
* HMM: jieba-rs's HMM is not jieba's to the last bit (its Viterbi sums in another order, so near ties such as
  ``上协协协上`` go the other way, and its Latin/digit splitter keeps ``COVID-19`` whole), so jieba-rs only finds
  the dictionary route (its HMM-off cut) and the runs of single characters are given to jieba's own HMM
  (``jieba.finalseg``; its Viterbi restated bit for bit, 3x faster, and remembered per run) exactly as jieba's
  ``__cut_DAG`` does. HMM-off output joins runs of single Latin letters and digits; such a run that is also a
  dictionary word is told apart from the word by comparing the route scores (the route took it whole only if
  the word scores higher), and a case too close to call is cut by jieba.

A page's discovered words never enter the shared jieba-rs instance (it cannot drop words again, and a new one
costs a dictionary load): :class:`PageEngine` sends the few blocks that contain a discovered word to the page's
jieba overlay and everything else to the shared instance, with the page's total set through ``_TOTAL_WORD``.
That is exact because jieba cuts every block on its own and a block without the word looks up only entries the
overlay does not change; only the total (one number) reaches every block.

Filling jieba-rs with the dictionary takes about 0.4 s, as long as jieba takes for two or three pages, so by
default (:class:`SharedRust` with ``AUTO_THRESHOLD``) a process cuts with jieba until it has cut that much text and
only then loads jieba-rs: a one-page run never pays for it. ``NEWSANALYSIS_SEGMENTER=rjieba`` (or
``get_tokenizer(engine="rjieba")``) loads it at once, ``NEWSANALYSIS_SEGMENTER=jieba`` selects jieba itself.
"""

from __future__ import annotations

import functools
import math
import os
import re
import threading
from collections import ChainMap
from typing import NamedTuple

from newsanalysis.errors import NewsAnalysisError
from newsanalysis.memo import text_cache

ENGINE_ENV = "NEWSANALYSIS_SEGMENTER"
ENGINES = ("rjieba", "jieba")

# jieba.re_han_default: the blocks jieba cuts with its dictionary (everything else is one token per character)
PY_BLOCK_RE = re.compile("[\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-]+")
# CJK that jieba-rs puts into blocks but jieba does not (jieba-rs is_cjk minus jieba's range), split out first
_RUST_ONLY_HAN = re.compile("([\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0003ffff])")
# the characters of PY_BLOCK_RE outside the Han range: a single-character block token is one of these or Han
_ASCII_BLOCK_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+#&._%-")
_ASCII_RUN = re.compile("[a-zA-Z0-9]+").fullmatch
# '~' is outside every block of both engines, so this entry is never looked up while cutting
_TOTAL_WORD = "~newsanalysis~total~"
_NEVER = re.compile(r"(?!)")
AUTO_THRESHOLD = 60_000  # characters the default engine cuts with jieba before it loads jieba-rs


def engine_name(requested: str | None = None) -> str:
    """The engine to use: ``requested``, else ``$NEWSANALYSIS_SEGMENTER``, else rjieba when it is installed.

    Example:
        >>> engine_name("jieba")
        'jieba'
    """
    name = (requested or os.environ.get(ENGINE_ENV) or "").strip().lower()
    if not name or name == "auto":
        return "rjieba" if rjieba_available() else "jieba"
    if name not in ENGINES:
        raise NewsAnalysisError(f"segmentation engine {name!r} is not known; expected one of {', '.join(ENGINES)}")
    if name == "rjieba" and not rjieba_available():
        raise NewsAnalysisError("segmentation engine 'rjieba' is not installed (pip install rjieba); "
                                f"unset {ENGINE_ENV} to use jieba")
    return name


@functools.lru_cache(maxsize=1)  # asked on every get_tokenizer call; a failing import costs a file search
def rjieba_available() -> bool:
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return False
    return True


class JiebaEngine:
    """jieba itself: the reference every other engine must equal."""

    name = "jieba"

    def __init__(self, jt):
        self._jt = jt

    def cut(self, text: str, hmm: bool = True) -> list[str]:
        """jieba's tokens of ``text``.

        Example:
            >>> from newsanalysis.segment.tokenizer import get_tokenizer
            >>> JiebaEngine(get_tokenizer()._jt).cut("上海离岸贸易")
            ['上海', '离岸贸易']
        """
        return list(self._jt.cut(text, HMM=hmm))

    def tag(self, text: str, pos_tok) -> list[tuple[str, str]]:
        """``jieba.posseg`` (word, flag) pairs of ``text`` by ``pos_tok`` (a POSTokenizer over this dictionary)."""
        return [(p.word, p.flag) for p in pos_tok.cut(text)]


class RustEngine:
    """jieba-rs over one jieba dictionary, shared by the configuration's tokenizer and all its page tokenizers.

    ``cut(text, total=...)`` cuts as jieba would with that running total (a page tokenizer's total grows with
    its added words); the total is one counter entry, set under a lock for each call.
    """

    name = "rjieba"

    def __init__(self, jt):
        import rjieba
        from jieba import finalseg

        self._finalseg, self._freq = finalseg, jt.FREQ
        self._hmm_memo: dict[str, tuple[str, ...]] = {}
        self._detail_memo: dict[str, tuple[tuple[str, str], ...]] = {}
        rs = rjieba.Jieba.empty()
        add, stored = rs.add_word, 0
        for word, freq in jt.FREQ.items():
            if freq:  # prefix entries (0) only serve jieba's DAG walk; jieba-rs walks a trie
                add(word, freq, None)
                stored += freq
        self._rs, self._stored, self.total = rs, stored, jt.total
        self._current_total: int | None = None
        self._lock = threading.Lock()

    def cut(self, text: str, hmm: bool = True, total: int | None = None) -> list[str] | None:
        """jieba's tokens of ``text`` for this dictionary, with jieba's running total ``total``; None in the rare
        case (see :meth:`_with_hmm`) where only jieba can tell.

        Example:
            >>> from newsanalysis.segment.tokenizer import get_tokenizer
            >>> RustEngine(get_tokenizer(engine="jieba")._jt).cut("上海离岸贸易")
            ['上海', '离岸贸易']
        """
        total = self.total if total is None else total
        with self._lock:  # the counter is set per call; rjieba cuts with the GIL released
            if total != self._current_total:
                extra = total - self._stored
                if extra < 0:
                    raise ValueError(f"total {total} below the dictionary's own frequencies ({self._stored})")
                self._rs.add_word(_TOTAL_WORD, extra, None)
                self._current_total = total
            if _RUST_ONLY_HAN.search(text) is None:
                route = self._rs.cut(text, False)
            else:
                route = []
                for i, part in enumerate(_RUST_ONLY_HAN.split(text)):
                    if i % 2:
                        route.append(part)
                    elif part:
                        route.extend(self._rs.cut(part, False))
        return self._with_hmm(route, total) if hmm else route

    def _with_hmm(self, route: list[str], total: int) -> list[str] | None:
        """jieba's HMM cut from the HMM-off cut: what jieba's ``__cut_DAG`` does with the same route.

        A run of single characters (within a block) that is not a dictionary word goes to ``jieba.finalseg``,
        one that is a word is emitted character by character. An HMM-off token of several Latin letters or
        digits is either one route step (a dictionary word) or single steps joined; it was one step only if
        the word scores higher than its characters (the route chose it over them), and None is returned when
        the two are within rounding of each other.
        """
        freq, hmm_cut, ascii_block, ascii_run = self._freq, self._hmm, _ASCII_BLOCK_CHARS, _ASCII_RUN
        out: list[str] = []
        buf = ""
        for token in route:
            if len(token) == 1:
                if "\u4e00" <= token <= "\u9fd5" or token in ascii_block:  # a block character
                    buf += token
                    continue
            elif token.isascii() and ascii_run(token):  # isascii first: most tokens are Han words
                joined = _joined_steps(token, freq, total)
                if joined is None:
                    return None
                if joined:
                    buf += token
                    continue
            if buf:
                out.extend(_flush(buf, freq, hmm_cut))
                buf = ""
            out.append(token)
        if buf:
            out.extend(_flush(buf, freq, hmm_cut))
        return out

    def _hmm(self, run: str) -> tuple[str, ...]:
        """``jieba.finalseg.cut(run)``, remembered (names and unknown words recur on a page and across pages)."""
        finalseg = self._finalseg
        if finalseg.Force_Split_Words:  # jieba's global list of words its HMM must split: not cacheable
            return tuple(finalseg.cut(run))
        found = self._hmm_memo.get(run)
        if found is None:
            if len(self._hmm_memo) >= _HMM_MEMO_SIZE:
                self._hmm_memo.clear()
            found = self._hmm_memo[run] = tuple(_finalseg_cut(run, finalseg))
        return found

    def tag_block(self, block: str, total: int, pos_tok, lookups=None) -> list[tuple[str, str]] | None:
        """posseg's ``__cut_DAG`` of one of its blocks: (word, flag) pairs, None when only jieba can tell.

        The route is jieba-rs's HMM-off cut of the block (posseg's blocks hold none of the characters where
        the two engines' blocks differ), runs of single characters go to posseg's own HMM (remembered per run).
        ``lookups`` is ``(tags, frequencies)`` of ``pos_tok`` read faster (:class:`Lookup`), when the caller has them.
        """
        route = self.cut(block, False, total)
        tags, freq = lookups or (pos_tok.word_tag_tab, pos_tok.tokenizer.FREQ)
        ascii_run = _ASCII_RUN
        out: list[tuple[str, str]] = []
        buf = ""
        for token in route:
            if len(token) == 1:
                buf += token
                continue
            if token.isascii() and ascii_run(token):  # isascii first: most tokens are Han words
                joined = _joined_steps(token, freq, total)
                if joined is None:
                    return None
                if joined:
                    buf += token
                    continue
            if buf:
                out.extend(self._tag_run(buf, tags, freq))
                buf = ""
            out.append((token, tags.get(token, "x")))
        if buf:
            out.extend(self._tag_run(buf, tags, freq))
        return out

    def _tag_run(self, buf: str, tags, freq):
        if len(buf) == 1:
            return ((buf, tags.get(buf, "x")),)
        if freq.get(buf):
            return [(c, tags.get(c, "x")) for c in buf]
        found = self._detail_memo.get(buf)
        if found is None:
            if len(self._detail_memo) >= _HMM_MEMO_SIZE:
                self._detail_memo.clear()
            found = self._detail_memo[buf] = tuple(_posseg_detail(buf))  # posseg's own HMM
        return found


_HMM_MEMO_SIZE = 50_000


def _posseg_detail(run: str) -> list[tuple[str, str]]:
    """posseg's ``__cut_detail(run)`` as (word, flag) pairs, its Viterbi done by :func:`_posseg_states`."""
    from jieba import posseg

    out: list[tuple[str, str]] = []
    for block in posseg.re_han_detail.split(run):
        if not block:
            continue
        if posseg.re_han_detail.match(block):
            states = _posseg_states(block)
            begin = nexti = 0
            for i, (position, flag) in enumerate(states):
                if position == "B":
                    begin = i
                elif position == "E":
                    out.append((block[begin : i + 1], flag))
                    nexti = i + 1
                elif position == "S":
                    out.append((block[i], flag))
                    nexti = i + 1
            if nexti < len(block):
                out.append((block[nexti:], states[nexti][1]))
            continue
        for x in posseg.re_skip_detail.split(block):
            if x:
                out.append((x, "m" if posseg.re_num.match(x) else "eng" if posseg.re_eng.match(x) else "x"))
    return out


def _posseg_states(obs: str) -> list[tuple[str, str]]:
    """The route of ``jieba.posseg.viterbi.viterbi(obs, ...)``, bit for bit and many times faster.

    jieba scores every (previous state, state) pair in Python; here one step is a few array operations over
    the previous states and the character's states (:func:`_posseg_model`), with the same float64 sums in the
    same order (previous + transition + emission; a missing transition is -inf and loses, as in jieba). States
    are numbered from jieba's greatest tuple down, so ``argmax`` (the first maximum) breaks an exact tie as
    jieba's max over ``(score, state)`` tuples does. When no previous state leads anywhere jieba's own
    function runs.

    Example:
        >>> _posseg_states("王明明")
        [('B', 'nr'), ('M', 'nr'), ('E', 'nr')]
    """
    model = _posseg_model()
    trans, emissions, neg_inf = model.trans, model.emissions, -math.inf
    act, ems = emissions.get(obs[0]) or _posseg_every_emission(obs[0])
    vals = model.start[act] + ems
    back = []
    for c in obs[1:]:
        states, ems = emissions.get(c) or _posseg_every_emission(c)
        scores = trans[act[:, None], states]
        scores += vals[:, None]
        scores += ems
        best = scores.max(0)
        reached = best != neg_inf
        if not reached.all():
            if not reached.any():  # no state of the character is reachable: jieba takes every reachable state
                states, ems = model.every_state, _posseg_every_emission(c)[1]
                scores = trans[act]
                scores += vals[:, None]
                scores += ems
                best = scores.max(0)
                reached = best != neg_inf
                if not reached.any():
                    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P
                    from jieba.posseg.viterbi import viterbi

                    return viterbi(obs, char_state_tab_P, start_P, trans_P, emit_P)[1]
            states, best = states[reached], best[reached]
            back.append((states, act[scores.argmax(0)[reached]]))
        else:
            back.append((states, act[scores.argmax(0)]))
        act, vals = states, best
    searchsorted = model.np.searchsorted
    state = int(act[vals.argmax()])
    route = [state]
    for states, previous in reversed(back):
        state = int(previous[searchsorted(states, state)])
        route.append(state)
    names = model.states
    return [names[y] for y in reversed(route)]


class _PossegModel(NamedTuple):
    np: object  # numpy, imported with the model
    states: tuple  # posseg's (position, tag) states, greatest first
    start: object  # start log-probability per state number
    trans: object  # [previous, next] transition log-probability, -inf where posseg has none
    emissions: dict  # character -> (its allowed state numbers ascending, their emission log-probabilities)
    every_state: object  # all state numbers ascending


@functools.lru_cache(maxsize=1)
def _posseg_model() -> _PossegModel:
    """jieba.posseg's HMM as arrays over state numbers, built once (about 0.05 s, like loading a model)."""
    import numpy as np
    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P
    from jieba.posseg.viterbi import MIN_FLOAT

    states = tuple(sorted(trans_P, reverse=True))
    number = {y: i for i, y in enumerate(states)}
    trans = np.full((len(states), len(states)), -math.inf)
    for y0, targets in trans_P.items():
        for y, p in targets.items():
            trans[number[y0], number[y]] = p
    emissions = {}
    for c, allowed in char_state_tab_P.items():
        ids = sorted(number[y] for y in allowed)
        emissions[c] = (np.array(ids, dtype=np.intp), np.array([emit_P[states[i]].get(c, MIN_FLOAT) for i in ids]))
    start = np.array([start_P[y] for y in states])
    return _PossegModel(np, states, start, trans, emissions, np.arange(len(states)))


@text_cache(4096)
def _posseg_every_emission(c: str):
    """(every state number, emission log-probabilities of ``c``) for a character posseg lists no states for."""
    from jieba.posseg import emit_P
    from jieba.posseg.viterbi import MIN_FLOAT

    model = _posseg_model()
    return model.every_state, model.np.array([emit_P[y].get(c, MIN_FLOAT) for y in model.states])


def _finalseg_cut(run: str, finalseg) -> list[str]:
    """``jieba.finalseg.cut(run)`` (no force-split words), with its Viterbi done by :func:`_viterbi_states`."""
    out: list[str] = []
    # most runs are Han only: one block, as re_han.split would find it
    for block in (run,) if _FINALSEG_HAN(run) else finalseg.re_han.split(run):
        if not block:
            continue
        if finalseg.re_han.match(block):
            states = _viterbi_states(block, finalseg)
            begin = nexti = 0
            for i, state in enumerate(states):
                if state == "B":
                    begin = i
                elif state == "E":
                    out.append(block[begin : i + 1])
                    nexti = i + 1
                elif state == "S":
                    out.append(block[i])
                    nexti = i + 1
            if nexti < len(block):
                out.append(block[nexti:])
        else:
            out.extend(x for x in finalseg.re_skip.split(block) if x)
    return out


_FINALSEG_HAN = re.compile("[\u4E00-\u9FD5]+").fullmatch  # jieba.finalseg.re_han's characters, a whole run


def _viterbi_states(obs: str, finalseg) -> str:
    """The state string of ``jieba.finalseg.viterbi(obs, "BMES", ...)``, bit for bit and about 3x faster.

    Same sums in the same order (previous + transition + emission) and the same tie rule (jieba takes the max
    of ``(score, state)`` tuples, so an exact tie goes to the later letter); back-pointers instead of copying a
    path per state and step, the four emissions of a character read at once (:func:`_finalseg_emissions`).

    Example:
        >>> from jieba import finalseg
        >>> _viterbi_states("王小明来了", finalseg)
        'BMESS'
    """
    low = finalseg.MIN_FLOAT
    start, trans = finalseg.start_P, finalseg.trans_P
    emissions, lows = _finalseg_emissions(finalseg), (low, low, low, low)
    t_eb, t_sb = trans["E"].get("B", low), trans["S"].get("B", low)
    t_mm, t_bm = trans["M"].get("M", low), trans["B"].get("M", low)
    t_ss, t_es = trans["S"].get("S", low), trans["E"].get("S", low)
    t_be, t_me = trans["B"].get("E", low), trans["M"].get("E", low)
    e_b, e_m, e_e, e_s = emissions.get(obs[0], lows)
    v_b, v_m = start["B"] + e_b, start["M"] + e_m
    v_e, v_s = start["E"] + e_e, start["S"] + e_s
    back = []  # per character after the first: the previous state of B, M, E, S (0 B, 1 M, 2 E, 3 S)
    for c in obs[1:]:
        e_b, e_m, e_e, e_s = emissions.get(c, lows)
        from_e, from_s = v_e + t_eb + e_b, v_s + t_sb + e_b  # B after E or S
        n_b, p_b = (from_e, 2) if from_e > from_s else (from_s, 3)
        from_m, from_b = v_m + t_mm + e_m, v_b + t_bm + e_m  # M after M or B
        n_m, p_m = (from_b, 0) if from_b > from_m else (from_m, 1)
        from_b, from_m = v_b + t_be + e_e, v_m + t_me + e_e  # E after B or M
        n_e, p_e = (from_b, 0) if from_b > from_m else (from_m, 1)
        from_s, from_e = v_s + t_ss + e_s, v_e + t_es + e_s  # S after S or E
        n_s, p_s = (from_e, 2) if from_e > from_s else (from_s, 3)
        v_b, v_m, v_e, v_s = n_b, n_m, n_e, n_s
        back.append((p_b, p_m, p_e, p_s))
    state = 2 if v_e > v_s else 3
    states = [state]
    for step in reversed(back):
        state = step[state]
        states.append(state)
    return "".join(["BMES"[y] for y in reversed(states)])


@functools.lru_cache(maxsize=1)
def _finalseg_emissions(finalseg) -> dict[str, tuple[float, float, float, float]]:
    """Per character of jieba's HMM, its B, M, E and S emission log-probabilities (``MIN_FLOAT`` where one is
    missing, as ``emit_P[state].get(c, MIN_FLOAT)`` gives): one lookup a character instead of four."""
    emit, low = finalseg.emit_P, finalseg.MIN_FLOAT
    chars = set().union(*(emit[y] for y in "BMES"))
    return {c: tuple(emit[y].get(c, low) for y in "BMES") for c in chars}


def _flush(buf: str, freq, hmm_cut):
    if len(buf) == 1:
        return (buf,)
    if not freq.get(buf):
        return hmm_cut(buf)
    return buf


def _joined_steps(token: str, freq, total: int) -> bool | None:
    """True if an HMM-off Latin/digit token is single route steps joined, False if one step, None if too close."""
    word = freq.get(token)
    if not word:
        return True  # the route only takes dictionary words whole
    log_total = math.log(total)
    whole = math.log(word) - log_total
    parts = sum(math.log(freq.get(c) or 1) - log_total for c in token)
    if abs(whole - parts) < 1e-9 * max(1.0, abs(parts)):
        return None
    return parts > whole


class Lookup:
    """``mapping.get`` for lookups in a hot loop: a page overlay's ChainMap of two dicts is read dict by dict
    (``ChainMap.get`` runs in Python, several times slower), any other mapping through its own ``get``.

    Example:
        >>> from collections import ChainMap
        >>> Lookup(ChainMap({"算力网": 50}, {"算力": 300, "网": 0})).get("网", 1)
        0
    """

    __slots__ = ("get",)

    def __init__(self, mapping):
        if type(mapping) is ChainMap and len(mapping.maps) == 2:
            first, second = (m.get for m in mapping.maps)
            missing = _MISSING

            def get(key, default=None):
                found = first(key, missing)
                return second(key, default) if found is missing else found

            self.get = get
        else:
            self.get = mapping.get


_MISSING = object()


class SharedRust:
    """A configuration's :class:`RustEngine`, loaded at once (``threshold`` 0) or once ``threshold`` characters
    have been cut without it; until then :class:`PageEngine` cuts with jieba (the same tokens)."""

    def __init__(self, jt, threshold: int = 0):
        self._jt, self.total = jt, jt.total
        self._pending = threshold
        self.engine: RustEngine | None = None
        self._lock = threading.Lock()
        if threshold <= 0:
            self.load()

    def load(self) -> RustEngine:
        with self._lock:
            if self.engine is None:
                self.engine = RustEngine(self._jt)
            return self.engine

    def ready(self, n_chars: int) -> RustEngine | None:
        """The engine, or None while fewer than ``threshold`` characters (``n_chars`` more now) were cut."""
        if self.engine is None:
            self._pending -= n_chars
            if self._pending > 0:
                return None
            return self.load()
        return self.engine


class PageEngine:
    """A tokenizer's engine over a configuration's :class:`SharedRust`: blocks jieba-rs cannot cut exactly go
    to jieba.

    ``jt`` is the tokenizer's jieba (the configuration's, or a page overlay with ``words`` added); blocks that
    contain one of ``words``, or (HMM only) a Latin/digit pattern jieba-rs splits differently, are cut by it.
    """

    name = "rjieba"

    def __init__(self, shared: SharedRust, jt, words=()):
        self._shared, self._jt, self.total = shared, jt, jt.total
        self._freq = Lookup(jt.FREQ)
        self._lookups: tuple = (None, None)  # (pos_tok, its (tags, frequencies) Lookups)
        words = sorted(set(words), key=lambda w: (-len(w), w))
        alternatives = "|".join(map(re.escape, words))
        self._needs_jieba = re.compile(alternatives) if words else _NEVER

    def cut(self, text: str, hmm: bool = True) -> list[str]:
        """jieba's tokens of ``text`` with this tokenizer's dictionary.

        Example:
            >>> from newsanalysis.segment.tokenizer import get_tokenizer
            >>> base = get_tokenizer(engine="rjieba")
            >>> base.with_words(["电算协同"])._engine.cut("推进电算协同,COVID-19")
            ['推进', '电算协同', ',', 'COVID', '-', '19']
        """
        shared = self._shared.engine or self._shared.ready(len(text))
        if shared is None:
            return list(self._jt.cut(text, HMM=hmm))
        needs_jieba = self._needs_jieba
        if needs_jieba.search(text) is None:
            return self._rust_or_jieba(shared, text, hmm)
        out: list[str] = []
        pos = 0
        for block in PY_BLOCK_RE.finditer(text):
            if needs_jieba.search(block.group()) is not None:
                if block.start() > pos:
                    out.extend(self._rust_or_jieba(shared, text[pos : block.start()], hmm))
                # a block alone is cut as within the text; jieba's route, its HMM runs remembered
                out.extend(self._dag_cut(shared, block.group()) if hmm else self._jt.cut(block.group(), HMM=False))
                pos = block.end()
        if pos < len(text):
            out.extend(self._rust_or_jieba(shared, text[pos:], hmm))
        return out

    def tag(self, text: str, pos_tok) -> list[tuple[str, str]]:
        """Exactly ``pos_tok.cut(text)`` as (word, flag) pairs; ``pos_tok`` is posseg over this tokenizer's jieba.

        posseg's own loop (jieba.posseg ``__cut_internal``) with its route from jieba-rs; blocks with one of
        this tokenizer's added words, and a block jieba-rs cannot settle, are tagged by posseg itself.

        Example:
            >>> from newsanalysis.segment.tokenizer import get_tokenizer
            >>> tok = get_tokenizer(engine="rjieba")
            >>> tok._engine.tag("王明在上海工作", tok._postokenizer())
            [('王明', 'nr'), ('在', 'p'), ('上海', 'ns'), ('工作', 'vn')]
        """
        from jieba import posseg

        shared = self._shared.engine or self._shared.ready(len(text))
        if shared is None:
            return [(p.word, p.flag) for p in pos_tok.cut(text)]
        pos_tok.makesure_userdict_loaded()
        if self._lookups[0] is not pos_tok:  # one POSTokenizer per tokenizer: made once
            self._lookups = (pos_tok, (Lookup(pos_tok.word_tag_tab), Lookup(pos_tok.tokenizer.FREQ)))
        lookups = self._lookups[1]
        out: list[tuple[str, str]] = []
        needs_jieba = self._needs_jieba
        for i, block in enumerate(posseg.re_han_internal.split(text)):
            if not block:
                continue
            if i % 2:  # split's captured group: exactly the blocks posseg's re_han_internal.match takes
                pairs = None if needs_jieba.search(block) else shared.tag_block(block, self.total, pos_tok, lookups)
                if pairs is None:
                    pairs = self._dag_tag(shared, block, lookups)
                out.extend(pairs)
                continue
            for x in posseg.re_skip_internal.split(block):  # posseg's own treatment of everything else
                if posseg.re_skip_internal.match(x):
                    out.append((x, "x"))
                    continue
                for xx in x:
                    if posseg.re_num.match(xx):
                        out.append((xx, "m"))
                    elif posseg.re_eng.match(x):
                        out.append((xx, "eng"))
                    else:
                        out.append((xx, "x"))
        return out

    def _route(self, block: str) -> list[str]:
        """The words of jieba's dictionary route through ``block`` (its ``get_DAG`` and ``calc``, this
        tokenizer's dictionary), as jieba's ``__cut_DAG`` and posseg's walk it."""
        jt = self._jt
        route: dict = {}
        jt.calc(block, jt.get_DAG(block), route)
        words, x, n = [], 0, len(block)
        while x < n:
            y = route[x][1] + 1
            words.append(block[x:y])
            x = y
        return words

    def _dag_cut(self, shared: RustEngine, block: str) -> list[str]:
        """jieba's ``__cut_DAG(block)``: its route, runs of single characters as jieba's HMM cuts them
        (:meth:`RustEngine._hmm`, remembered, instead of jieba's own Viterbi).

        Example:
            >>> from newsanalysis.segment.tokenizer import get_tokenizer
            >>> page = get_tokenizer(engine="rjieba").with_words(["电算协同"])
            >>> page._engine._dag_cut(page._engine._shared.engine, "王小明推进电算协同")
            ['王小明', '推进', '电算协同']
        """
        freq, hmm_cut = self._freq, shared._hmm
        out: list[str] = []
        buf = ""
        for word in self._route(block):
            if len(word) == 1:
                buf += word
                continue
            if buf:
                out.extend(_flush(buf, freq, hmm_cut))
                buf = ""
            out.append(word)
        if buf:
            out.extend(_flush(buf, freq, hmm_cut))
        return out

    def _dag_tag(self, shared: RustEngine, block: str, lookups: tuple) -> list[tuple[str, str]]:
        """posseg's ``__cut_DAG(block)`` as (word, flag) pairs: its route, runs of single characters tagged by
        posseg's HMM (:meth:`RustEngine._tag_run`, remembered, instead of posseg's own Viterbi); ``lookups`` are
        the (tags, frequencies) of its POSTokenizer."""
        tags, freq = lookups
        out: list[tuple[str, str]] = []
        buf = ""
        for word in self._route(block):
            if len(word) == 1:
                buf += word
                continue
            if buf:
                out.extend(shared._tag_run(buf, tags, freq))
                buf = ""
            out.append((word, tags.get(word, "x")))
        if buf:
            out.extend(shared._tag_run(buf, tags, freq))
        return out

    def _rust_or_jieba(self, shared: RustEngine, text: str, hmm: bool) -> list[str]:
        tokens = shared.cut(text, hmm, self.total)
        return list(self._jt.cut(text, HMM=hmm)) if tokens is None else tokens
