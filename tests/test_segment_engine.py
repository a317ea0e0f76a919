"""The jieba-rs engine gives exactly jieba's tokens: every fixture page, a generated corpus, both dictionaries,
HMM on and off, with and without the words discovered on each page."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsanalysis as na
from newsanalysis.io import read_page
from newsanalysis.segment import engine as engines
from newsanalysis.segment.tokenizer import get_tokenizer, to_matching_text
from newsanalysis.segment.units import all_texts, segmented

pytest.importorskip("rjieba")

ROOT = Path(__file__).resolve().parents[1]


def _page_files() -> list[Path]:
    files = {*ROOT.glob("tests/fixtures/**/*.txt"), *ROOT.glob("data/raw/*.txt"),
             *(ROOT.parent / "shared" / "seed").glob("*.txt"), *(ROOT.parent / "shared" / "practice").glob("*.txt")}
    return sorted(p for p in files if p.name.lower() != "readme.txt")


def _parsed_pages(limit: int | None = None):
    """(path, Page) for the fixture pages that parse (some are refused on purpose: empty, binary)."""
    for path in _page_files()[:limit]:
        try:
            yield path, na.load_page(path)
        except na.NewsAnalysisError:
            continue


def _page_texts() -> list[tuple[str, str]]:
    out = []
    for path in _page_files():
        try:
            out.append((path.name, read_page(path).text))  # GB18030 and Big5 pages too
        except na.NewsAnalysisError:
            continue
    return out


PAGES = _page_texts()

# characters jieba and jieba-rs treat differently unless the engine bridges them
_TRICKY = ["COVID-19", "2025-2030年", "A-1", "F_1", "5%3", "3+5", "C#", "AT&T", "v2.0", "5G", "㐀㐁", "𠀀𠀁", "豈更",
           "\u9fd6\u9fd7", "\r\n", "\r", "\t", "　", "😀👍", "ＡＢＣ１２３", "，。！？", "——", "…", "·", "%", "-", ".", "_",
           "１２．５％", "ⅢⅣ", "ǎé", "臺灣", "abc", "XYZ", "123", "4.5"]


def _generated_corpus(seed: int = 11, n: int = 300) -> list[str]:
    """A seeded mix of fixture lines with digits, Latin, punctuation, full-width forms, emoji and CJK extensions."""
    rng = random.Random(seed)
    lines = [line for _, text in PAGES for line in text.splitlines() if line.strip()]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 8)):
            kind = rng.random()
            if kind < 0.45:
                line = rng.choice(lines)
                start = rng.randrange(len(line))
                parts.append(line[start : start + rng.randint(1, 60)])
            elif kind < 0.75:
                parts.append(rng.choice(_TRICKY))
            elif kind < 0.85:
                parts.append(str(rng.randint(0, 10**rng.randint(1, 9))))
            else:
                parts.append("".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(rng.randint(1, 6))))
        out.append("".join(parts))
    return out


GENERATED = _generated_corpus()


@pytest.fixture(scope="module")
def user_dict(tmp_path_factory):
    path = tmp_path_factory.mktemp("dict") / "mine.txt"
    # new words, words jieba already has (their frequency counts twice in jieba's total) and Latin/digit words
    path.write_text("量子纠缠态 2000 nz\n中国 5\n上海 900000\n人工智能 300000 n\nCOVID-19 500 nz\n浦东新区\n大模型 80000\n",
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module", params=["bundled", "user"])
def pair(request, user_dict):
    """(rjieba tokenizer, jieba tokenizer) for the bundled dictionary, or the bundled plus a user dictionary."""
    dicts = [user_dict] if request.param == "user" else []
    return get_tokenizer(user_dicts=dicts, engine="rjieba"), get_tokenizer(user_dicts=dicts, engine="jieba")


@pytest.mark.parametrize("hmm", [True, False])
def test_fixture_pages_cut_exactly_as_jieba(pair, hmm):
    fast, ref = pair
    assert fast.engine == "rjieba" and ref.engine == "jieba"
    for name, text in PAGES:
        for form in (text, to_matching_text(text)):
            assert fast._engine.cut(form, hmm) == ref._engine.cut(form, hmm), name


@pytest.mark.parametrize("hmm", [True, False])
def test_generated_corpus_cuts_exactly_as_jieba(pair, hmm):
    fast, ref = pair
    for text in GENERATED:
        assert fast._engine.cut(text, hmm) == ref._engine.cut(text, hmm), text


def test_tokenizer_terms_and_spans_equal_jieba(pair):
    fast, ref = pair
    for name, text in PAGES:
        assert fast.spans(text) == ref.spans(text), name
        assert fast.terms(text) == ref.terms(text), name


def test_total_is_compensated_for_words_jieba_counts_twice(user_dict):
    """jieba adds a re-added word's frequency to its total again; without the compensating entry tokens differ."""
    ref = get_tokenizer(user_dicts=[user_dict], engine="jieba")
    fast = get_tokenizer(user_dicts=[user_dict], engine="rjieba")
    shared = fast._engine._shared.engine
    assert ref._jt.total > sum(ref._jt.FREQ.values())  # 中国, 上海, 人工智能 were in jieba's dictionary already
    texts = [text for _, text in PAGES] + GENERATED
    # without HMM jieba-rs needs no other help, so the total is all that differs
    uncompensated = sum(shared.cut(t, False, shared._stored) != ref._engine.cut(t, False) for t in texts)
    assert uncompensated > 0
    assert all(shared.cut(t, False) == ref._engine.cut(t, False) for t in texts)
    assert all(fast._engine.cut(t) == ref._engine.cut(t) for t in texts)


@pytest.mark.parametrize("hmm", [True, False])
def test_page_words_cut_exactly_as_the_jieba_overlay(pair, hmm):
    """Discovered words: blocks with them go to the page's jieba overlay, the rest to the shared instance."""
    fast, ref = pair
    n_words = 0
    for path, page in _parsed_pages():
        fast_seg, ref_seg = segmented(page, tokenizer=fast), segmented(page, tokenizer=ref)
        for item in fast_seg.items:
            fast_tok, ref_tok = fast_seg.tokenizer(item), ref_seg.tokenizer(item)
            assert fast_tok.words == ref_tok.words
            n_words += len(fast_tok.words)
            for text in all_texts(item.article):
                norm = to_matching_text(text)
                assert fast_tok._engine.cut(norm, hmm) == ref_tok._engine.cut(norm, hmm), (path.name, text)
        page_text = to_matching_text(page.text)
        tok, jieba_tok = fast_seg.tokenizer(fast_seg.items[0]), ref_seg.tokenizer(ref_seg.items[0])
        assert tok._engine.cut(page_text, hmm) == jieba_tok._engine.cut(page_text, hmm), path.name
    assert n_words > 20  # the fixtures do have discovered words


def test_page_tokenizers_share_one_rust_instance_and_leave_it_unchanged():
    base = get_tokenizer(engine="rjieba")
    ref = get_tokenizer(engine="jieba")
    shared = base._engine._shared
    before = [base._engine.cut(t) for t in GENERATED[:50]]
    built = []
    original_init = engines.RustEngine.__init__

    def counting_init(self, jt):
        built.append(jt)
        original_init(self, jt)

    engines.RustEngine.__init__ = counting_init
    try:
        for _, page in _parsed_pages(12):
            seg = segmented(page, tokenizer=base)
            for item in seg.items:
                assert seg.tokenizer(item)._engine._shared is shared
                seg.tokenizer(item).terms(item.article.paragraphs[0] if item.article.paragraphs else "")
    finally:
        engines.RustEngine.__init__ = original_init
    assert built == []  # no page built an instance of its own
    assert [base._engine.cut(t) for t in GENERATED[:50]] == before == [ref._engine.cut(t) for t in GENERATED[:50]]


def test_default_engine_loads_jieba_rs_only_after_enough_text():
    """Until ``threshold`` characters were cut the default engine cuts with jieba, then with jieba-rs: the same
    tokens, and a one-page run never pays the dictionary load."""
    ref = get_tokenizer(engine="jieba")
    shared = engines.SharedRust(ref._jt, threshold=2000)
    page = engines.PageEngine(shared, ref.with_words(["电算协同"])._jt, ["电算协同"])
    cut, states = 0, []
    for text in GENERATED[:80]:
        assert page.cut(text) == ref.with_words(["电算协同"])._engine.cut(text)
        cut += len(text)
        states.append((cut, shared.engine is not None))
    assert [loaded for _, loaded in states] == [n >= 2000 for n, _ in states]
    assert states[0][1] is False and states[-1][1] is True


def test_threads_with_different_page_totals_get_jieba_tokens():
    base = get_tokenizer(engine="rjieba")
    ref = get_tokenizer(engine="jieba")
    words = [["电算协同"], ["算力网", "脑机接"], ["全球南方论坛"], []]
    jobs = [(i % 4, text) for i, text in enumerate(GENERATED[:160])]

    def run(job):
        which, text = job
        return base.with_words(words[which]).cut(text)

    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(run, jobs))
    assert got == [ref.with_words(words[which]).cut(text) for which, text in jobs]


def test_rust_only_han_characters_are_split_out_first():
    """Every character jieba-rs puts into a Han block is in jieba's block class or split out beforehand."""
    import rjieba

    probe = rjieba.Jieba.empty()
    codes = [*range(0x80, 0xD800), *range(0xE000, 0x40000)]
    for cp in codes:
        probe.add_word(chr(cp) * 2, 1, None)
    joined = {ord(tok[0]) for tok in probe.cut("\n".join(chr(cp) * 2 for cp in codes), False) if len(tok) == 2}
    unbridged = [hex(cp) for cp in joined
                 if not engines.PY_BLOCK_RE.fullmatch(chr(cp)) and not engines._RUST_ONLY_HAN.fullmatch(chr(cp))]
    assert unbridged == []


def test_engine_choice_from_the_environment(monkeypatch):
    monkeypatch.setenv(engines.ENGINE_ENV, "jieba")
    assert get_tokenizer().engine == "jieba"
    monkeypatch.setenv(engines.ENGINE_ENV, "rjieba")
    assert get_tokenizer().engine == "rjieba"
    monkeypatch.delenv(engines.ENGINE_ENV)
    assert get_tokenizer().engine == "rjieba"  # installed, so the default
    monkeypatch.setenv(engines.ENGINE_ENV, "thulac")
    with pytest.raises(na.NewsAnalysisError, match="thulac"):
        get_tokenizer()


def test_pickled_tokenizer_keeps_its_engine():
    import pickle

    for name in engines.ENGINES:
        tok = get_tokenizer(engine=name).with_words(["电算协同"])
        assert pickle.loads(pickle.dumps(tok)) is tok


_ALPHABET = list("上海浦东全球南方的了是在和算力脑机接口贸易增长臺灣經濟电算协同中国人民") + [
    "COVID", "-", "19", "A", "b", "7", "%", "+", "#", "&", ".", "_", "，", "。", " ", "\n", "\r\n", "㐀", "𠀀", "豈",
    "\u9fd6", "😀", "Ｇ", "５", "·"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join), st.booleans(),
       st.lists(st.sampled_from(["电算协同", "算力", "脑机", "南方的", "COVID-19", "经济增长"]), max_size=3))
def test_any_text_cuts_as_jieba(text, hmm, words):
    fast = get_tokenizer(engine="rjieba").with_words(words)
    ref = get_tokenizer(engine="jieba").with_words(words)
    assert fast._engine.cut(text, hmm) == ref._engine.cut(text, hmm)
    assert fast.cut(text) == ref.cut(text)
    assert "".join(fast.cut(text)) == text
    assert fast.tag(text) == ref.tag(text)


def test_without_rjieba_jieba_cuts(monkeypatch):
    import pickle

    fast = get_tokenizer(engine="rjieba").with_words(["电算协同"])
    monkeypatch.delenv(engines.ENGINE_ENV, raising=False)
    monkeypatch.setattr(engines, "rjieba_available", lambda: False)
    assert get_tokenizer().engine == "jieba"
    with pytest.raises(na.NewsAnalysisError, match="not installed"):
        get_tokenizer(engine="rjieba")
    from newsanalysis.segment import tokenizer

    monkeypatch.setattr(tokenizer, "rjieba_available", lambda: False)
    again = pickle.loads(pickle.dumps(fast))  # a worker without rjieba
    assert again.engine == "jieba" and again.cut("推进电算协同") == fast.cut("推进电算协同")


def test_hmm_viterbi_equals_jieba_finalseg():
    """The HMM runs are cut by a faster re-statement of jieba's Viterbi: same states, near ties included."""
    from jieba import finalseg

    rng = random.Random(3)
    chars = list("上海浦东全球南方的了是在和算力脑机接口贸易增长电算协同中国人民啊哈谢一二三龘齉") + ["a", "1", ".", "%"]
    runs = ["上协协协上", "啊啊啊啊", "哈哈哈哈哈哈", "谢谢谢谢"]
    runs += ["".join(rng.choice(chars) * rng.choice([1, 1, 2, 3]) for _ in range(rng.randint(1, 12)))
             for _ in range(3000)]
    runs += [text[i : i + rng.randint(2, 15)] for _, text in PAGES[:20] for i in range(0, len(text), 11)]
    for run in runs:
        assert engines._finalseg_cut(run, finalseg) == list(finalseg.cut(run)), run


def test_tags_equal_jieba_posseg_on_every_page(pair):
    """Tagging stays jieba.posseg's; the engine only finds its route: the same (word, flag, start, end)."""
    fast, ref = pair
    for name, text in PAGES:
        assert fast.tag(text) == ref.tag(text), name
    for text in GENERATED[:150]:
        assert fast.tag(text) == ref.tag(text), text


def test_page_tokenizer_tags_equal_posseg():
    fast, ref = get_tokenizer(engine="rjieba"), get_tokenizer(engine="jieba")
    for path, page in _parsed_pages(20):
        fast_seg, ref_seg = segmented(page, tokenizer=fast), segmented(page, tokenizer=ref)
        for item in fast_seg.items:
            for text in item.article.paragraphs:
                assert fast_seg.tag(item, text) == ref_seg.tag(item, text), (path.name, text)


def test_posseg_hmm_restatement_equals_posseg():
    from jieba import posseg

    rng = random.Random(4)
    chars = list("上海浦东全球南方的了是在和算力脑机接口贸易增长电算协同中国人民啊哈谢王李张明华龘齉") + ["a", "1", ".", "%"]
    runs = ["上协协协上", "王明明", "哈哈哈哈"]
    runs += ["".join(rng.choice(chars) * rng.choice([1, 1, 2, 3]) for _ in range(rng.randint(1, 10)))
             for _ in range(600)]
    runs += [text[i : i + rng.randint(2, 12)] for _, text in PAGES[:6] for i in range(0, len(text), 37)]
    for run in runs:
        expected = [(p.word, p.flag) for p in posseg.dt._POSTokenizer__cut_detail(run)]
        assert engines._posseg_detail(run) == expected, run


def test_posseg_viterbi_restatement_equals_jieba_viterbi():
    """The array Viterbi gives posseg's own route: fixture runs, characters posseg lists no states for, and
    neighbours whose states do not follow each other (posseg then falls back to every reachable state)."""
    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P
    from jieba.posseg.viterbi import viterbi

    rng = random.Random(6)
    han = [c for _, text in PAGES[:20] for c in text if "\u4e00" <= c <= "\u9fd5"]
    unlisted = [c for c in "龘齉䶮㐀鿕鿔" if c not in char_state_tab_P]
    few = [c for c, states in char_state_tab_P.items() if len(states) <= 2]  # e.g. 乇 then 厝: no transition
    assert unlisted and few
    runs = ["王明明", "上协协协上", "乇厝", "乇厝乇", "乇哏的"]
    runs += ["".join(rng.choice(han) for _ in range(rng.randint(1, 12))) for _ in range(1500)]
    runs += ["".join(rng.choice(few + unlisted + han[:200]) for _ in range(rng.randint(1, 8))) for _ in range(1500)]
    fallbacks = 0
    for run in runs:
        assert engines._posseg_states(run) == viterbi(run, char_state_tab_P, start_P, trans_P, emit_P)[1], run
        for a, b in zip(run, run[1:]):
            if a in char_state_tab_P and b in char_state_tab_P:
                ahead = {y for y0 in char_state_tab_P[a] for y in trans_P[y0]}
                fallbacks += not ahead.intersection(char_state_tab_P[b])
    assert fallbacks > 10  # the fallback branch was exercised, not only the common one
