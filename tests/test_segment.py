"""Tests for newsanalysis.segment (tokenizer) and newsanalysis.segment.newwords (new-word discovery)."""

from __future__ import annotations

import logging
import pickle
import tempfile
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import get_context

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsanalysis.segment.newwords import _EDGE_CHARS, discover_words
from newsanalysis.segment.tokenizer import DictionaryError, get_tokenizer, to_matching_text


@pytest.fixture(scope="module")
def tok():
    return get_tokenizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("增长23,876人", ["增长", "23,876", "人"]),
        ("同比增长23.4%", ["同比增长", "23.4%"]),
        ("投资50亿美元", ["投资", "50亿美元"]),
        ("规模达1.2万亿元", ["规模", "达", "1.2万亿元"]),
        ("脑机接口大会", ["脑机接口", "大会"]),
        ("上海离岸贸易规模", ["上海", "离岸贸易", "规模"]),
        ("全球南方国家", ["全球南方", "国家"]),
    ],
)
def test_cut_keeps_numbers_and_terms_whole(tok, text, expected):
    assert tok.cut(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("记者表示,上海离岸贸易规模同比增长73.2%。", ["上海", "离岸贸易", "规模", "同比增长"]),
        ("據悉，臺灣的半導體產業增長5%", ["台湾", "半导体", "产业", "增长"]),
        ("我们认为，这是一个非常重要的问题。", []),
        ("２０２４年ＧＤＰ增长５．２％", ["GDP", "增长"]),
        ("他说：“算力需求还在不断增长！”", ["算力", "需求", "增长"]),
    ],
)
def test_terms_drop_stopwords_punctuation_numbers(tok, text, expected):
    assert tok.terms(text) == expected


def test_tag_keeps_numbers_whole(tok):
    tagged = tok.tag("营收增长23.4%至23,876元")
    assert ("23.4%", "m") in [(w, f) for w, f, _, _ in tagged]
    assert ("23,876元", "m") in [(w, f) for w, f, _, _ in tagged]


def test_matching_text_is_length_preserving():
    assert to_matching_text("臺灣經濟成長２３％") == "台湾经济成长23%"
    assert len(to_matching_text("後來發現雲端運算")) == len("後來發現雲端運算")


def test_traditional_cut_returns_original_characters(tok):
    text = "國際貿易規則"
    assert "".join(tok.cut(text)) == text
    assert tok.terms(text) == ["国际贸易", "规则"]


def test_tokenizer_is_cached_and_global_jieba_untouched(tok):
    import jieba

    assert get_tokenizer() is tok
    assert not jieba.dt.initialized or "脑机接口" not in jieba.dt.FREQ
    assert jieba.default_logger.level >= logging.WARNING
    assert tok._jt.tmp_dir.startswith(tempfile.gettempdir())
    assert "site-packages" not in tok._jt.tmp_dir


def test_user_dictionary_and_stopwords_extend(tmp_path):
    user = tmp_path / "mine.txt"
    user.write_text("量子纠缠态 2000 nz\n", encoding="utf-8")
    custom = get_tokenizer(user_dicts=[user], stopwords=["产业"])
    assert custom.terms("量子纠缠态产业") == ["量子纠缠态"]
    assert "量子纠缠态" not in get_tokenizer().terms("量子纠缠态产业")


def test_bad_user_dictionary_names_the_file(tmp_path):
    with pytest.raises(DictionaryError, match="missing.txt"):
        get_tokenizer(user_dicts=[tmp_path / "missing.txt"])


def test_pickle_roundtrip_gives_same_tokenizer(tok):
    derived = tok.with_words(["电算协同"])
    again = pickle.loads(pickle.dumps(derived))
    assert again is derived
    assert again.cut("推进电算协同") == ["推进", "电算协同"]
    assert tok.cut("推进电算协同") != ["推进", "电算协同"]  # the parent is left unchanged


TEXTS = [
    "12月3日,国网上海电力公司联合中国电信集团完成算力跨省转移。",
    "粮食总产量再创新高,比上年增长1.2%。",
    "跨境电商进出口额达2.38万亿元,同比增长10.5%。",
    "新能源汽车产销量连续十年位居全球第一。",
]


def _terms(text):
    return get_tokenizer().terms(text)


def test_threads_give_identical_results(tok):
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(_terms, TEXTS * 5)) == [tok.terms(t) for t in TEXTS * 5]


def test_processes_give_identical_results(tok):
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        assert list(pool.map(_terms, TEXTS)) == [tok.terms(t) for t in TEXTS]


han = st.text(alphabet=st.sampled_from(list("上海浦东全球南方的了是在和算力脑机接口贸易增长臺灣經濟")), max_size=40)
mixed = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.one_of(han, mixed))
def test_cut_covers_text_exactly(tok, text):
    assert "".join(tok.cut(text)) == text
    assert [(s, e) for _, s, e in tok.term_spans(text)] == [
        (s, e) for s, e in tok.spans(text) if tok.is_term(to_matching_text(text)[s:e])
    ]


@settings(max_examples=40, deadline=None)
@given(han)
def test_terms_are_deterministic_and_clean(tok, text):
    terms = tok.terms(text)
    assert terms == tok.terms(text)
    assert all(len(t) >= 2 and t not in tok.stopwords for t in terms)


DISCOVERY = "“电算协同”技术取得突破。电算协同可将算力转移。推进电算协同,让算力跟着电力走。"
SPORT = ("自由式滑雪比赛在张家口举行。选手在自由式滑雪坡面障碍技巧中夺冠。" "自由式滑雪大跳台决赛明天进行。")


@pytest.mark.parametrize(("text", "expected"), [(DISCOVERY, ["电算协同"]), (SPORT, ["自由式滑雪"])])
def test_discovery_finds_repeated_unknown_words(text, expected):
    assert discover_words(text)["term"].tolist() == expected


def test_discovery_ignores_known_words_and_fragments():
    found = discover_words("浦东的开放。浦东的发展。浦东的未来。浦东的企业。")
    assert found.empty
    assert list(found.columns) == ["term", "count", "pmi", "left_entropy", "right_entropy"]


MIXED = "5G电算协同上线;AI电算协同试点,电算协同3期。哈哈哈哈哈哈。"


@pytest.mark.parametrize(("text", "options", "expected"), [
    (DISCOVERY, {}, [["电算协同", 3, 2.140066, 1.098612, 1.098612]]),
    # digits and Latin letters are one neighbour ("0"), punctuation a text boundary: left entropy
    # -(2/3)log(2/3) + log(3)/3 (5G, AI | start)
    (MIXED, {"min_count": 2, "min_entropy": 0.5, "max_len": 4}, [["电算协同", 3, 2.159484, 0.636514, 1.098612]]),
    (MIXED, {}, []),
])
def test_discovery_statistics(text, options, expected):
    assert discover_words(text, **options).values.tolist() == expected


def _reference_discovery(texts, tok, min_count, max_len, min_pmi, min_entropy):
    """Plain re-statement of the algorithm: count every n-gram of every run, then filter."""
    import math
    import re
    from collections import Counter

    runs = [re.sub(r"[0-9A-Za-z.%]+", "0", run) for text in texts
            for run in re.findall(r"[\u4e00-\u9fff0-9A-Za-z.%]+", to_matching_text(text))]
    counts = Counter(run[i : i + n] for run in runs for n in range(1, max_len + 1) for i in range(len(run) - n + 1))
    total = sum(map(len, runs))
    rows = []
    for gram, count in counts.items():
        if len(gram) < 2 or count < min_count or "0" in gram or tok.knows(gram):
            continue
        pmi = min(math.log(count * total / (counts[gram[:k]] * counts[gram[k:]])) for k in range(1, len(gram)))
        left, right, edges = Counter(), Counter(), Counter()
        for run in runs:
            for i in range(len(run) - len(gram) + 1):
                if run[i : i + len(gram)] == gram:
                    (left.update(run[i - 1]) if i else edges.update("l"))
                    (right.update(run[i + len(gram)]) if i + len(gram) < len(run) else edges.update("r"))
        h = [-sum(c / count * math.log(c / count) for c in side.values()) + edges[e] * math.log(count) / count
             for side, e in ((left, "l"), (right, "r"))]
        parts = tok.cut(gram)
        free = len(parts) > 1 and all(p not in tok.stopwords and p not in _EDGE_CHARS for p in (parts[0], parts[-1]))
        free = free and all(len(p) > 1 or p not in tok.stopwords for p in parts)
        if pmi >= min_pmi and min(h) >= min_entropy and free:
            rows.append((gram, count, round(pmi, 6), round(h[0], 6), round(h[1], 6)))
    kept = [r for r in rows if not any(r[0] in o[0] and o[0] != r[0] and o[1] >= r[1] for o in rows)]
    return sorted(kept, key=lambda r: (-r[1], r[0]))



news_bits = st.sampled_from(["电算协同", "脑机接口", "算力", "全球南方", "的", "在", "。", ",", "5G", "AI", "12.5%",
                             "哈", "协同", "电算", "臺灣", "离岸", "贸易", "\n", " "])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(news_bits, max_size=30).map("".join), max_size=4),
       st.integers(1, 4), st.integers(1, 6), st.sampled_from([0.0, 1.0]), st.sampled_from([0.0, 0.9]))
def test_discovery_equals_plain_counting(tok, texts, min_count, max_len, min_pmi, min_entropy):
    found = discover_words(texts, tokenizer=tok, min_count=min_count, max_len=max_len, min_pmi=min_pmi,
                           min_entropy=min_entropy)
    expected = _reference_discovery(texts, tok, min_count, max_len, min_pmi, min_entropy)
    assert [tuple(r) for r in found.itertuples(index=False)] == expected


def _fixture_pages():
    from conftest import FIXTURES

    return sorted(FIXTURES.glob("*.txt")) + sorted((FIXTURES / "layouts").glob("*.txt"))


def test_page_tokenizer_overlays_the_dictionary_without_copying_it():
    from newsanalysis.segment.tokenizer import _build

    base = get_tokenizer()
    page_tok = base.with_words(["脑机接", "算力网"])
    assert page_tok._jt._base is base._jt.FREQ  # shared, not copied
    assert len(page_tok._jt._extra) <= 2 * 5  # the added words and their new prefixes only
    assert page_tok.knows("算力网") and not base.knows("算力网")
    assert page_tok is _build(base.key, page_tok.words)
    assert pickle.loads(pickle.dumps(page_tok)).cut("算力网建设") == page_tok.cut("算力网建设")


@pytest.mark.slow
def test_overlay_tokenizer_gives_the_tokens_of_a_full_copy():
    """Per-page tokenizers (an overlay on the shared tables) cut and tag exactly as a full dictionary copy would."""
    from newsanalysis.parse import load_page
    from newsanalysis.segment.tokenizer import _copy_jieba, _discovered_freq, DISCOVERED_TAG  # noqa: I001
    from newsanalysis.segment.units import all_texts, segmented

    base = get_tokenizer()
    for path in _fixture_pages():
        page = load_page(path)
        seg = segmented(page)
        texts = [t for item in seg.items for t in all_texts(item.article)]
        if not seg.tokenizer(seg.items[0]).words:
            continue
        overlay = seg.tokenizer(seg.items[0])._jt
        copied = _copy_jieba(base._jt)
        for word in seg.tokenizer(seg.items[0]).words:
            copied.add_word(word, _discovered_freq(copied, word), DISCOVERED_TAG)
        assert overlay.total == copied.total, path.name
        assert {w: overlay.FREQ[w] for w in overlay._extra} == {w: copied.FREQ[w] for w in overlay._extra}
        for text in texts:
            for hmm in (True, False):
                assert list(overlay.cut(text, HMM=hmm)) == list(copied.cut(text, HMM=hmm)), (path.name, text)


def test_segmented_builds_the_new_words_frame_only_when_asked_and_as_before():
    """Terms need only the discovered words; the frame, built on first request, is the one discover_words gives
    each page with its ``page`` column, pages concatenated in order."""
    import pandas as pd

    from newsanalysis.parse import load_page
    from newsanalysis.segment.units import all_texts, page_tokenizers, segmented

    pages = [load_page(path) for path in _fixture_pages()[:4]]
    seg = segmented(pages)
    assert "new_words" not in seg.__dict__  # not built by segmenting
    frames = []
    for page in pages:
        found = discover_words([t for a in page.articles for t in all_texts(a)])
        found.insert(0, "page", page.stem)
        frames.append(found)
    expected = pd.concat(frames, ignore_index=True)
    assert len(expected) and expected["page"].nunique() > 1
    pd.testing.assert_frame_equal(seg.new_words, expected)
    pd.testing.assert_frame_equal(page_tokenizers(seg.items)[1], expected)
    assert seg.new_terms == sorted(set(expected["term"]))
    assert segmented("没有新词的一句话。").new_words.columns.tolist()[:2] == ["page", "term"]
