"""Tests for newsanalysis.quotes.speakers: where names start and end, which bare words are names, title words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsanalysis.quotes.speakers import (
    REPORTING_VERBS,
    ROLE_END_RE,
    TITLE_RE,
    bare_name_ok,
    follows_name,
    has_surname,
    intro_name,
    not_a_role,
    parse_name,
    role_name,
    role_title_ends,
    short_name,
)

# (text, start, titled, expected (name, end) or None) -- the start is right after the title word when titled.
NAME_SPLITS = [
    ("市科委副主任翟炜说", 6, True, ("翟炜", 8)),
    ("清华大学教授王强认为", 6, True, ("王强", 8)),
    ("公司总经理张伟说。", 5, True, ("张伟", 7)),
    ("首席执行官赵郑拓告诉记者", 5, True, ("赵郑拓", 8)),
    ("院士钟南山在接受采访时表示", 2, True, ("钟南山", 5)),
    ("主任毛颖教授介绍", 2, True, ("毛颖", 4)),
    ("巴西总统路易斯·伊纳西奥·卢拉·达席尔瓦表示", 4, True, ("路易斯·伊纳西奥·卢拉·达席尔瓦", 20)),
    ("世界银行首席经济学家英德米特·吉尔看来", 10, True, ("英德米特·吉尔", 17)),
    ("联合国秘书长古特雷斯在致辞中呼吁", 6, True, ("古特雷斯", 10)),
    ("张伟和李明表示", 0, True, ("张伟", 2)),
    ("欧阳明高表示", 0, False, ("欧阳明高", 4)),
    ("司马南说", 0, False, ("司马南", 3)),
    ("李春临表示，", 0, False, ("李春临", 3)),
    ("李明说，", 0, False, ("李明", 2)),
    # a four-character name without a compound surname needs a title before it
    ("古特雷斯在致辞中呼吁", 0, False, None),
    ("中国表示", 0, False, None),
    ("上海表示", 0, False, None),
    ("大家认为", 0, False, None),
    ("市场普遍认为", 0, False, None),
    ("他说", 0, False, None),
    ("2023年王强说", 0, False, None),
    ("主任说", 0, True, None),
    ("王", 0, False, None),
    # a date or a time word between the name and the verb ends the name
    ("副局长郗文静9月23日在会上介绍", 3, True, ("郗文静", 6)),
    ("发言人付凌晖15日介绍", 3, True, ("付凌晖", 6)),
    ("副团长周进强当天在巴黎介绍", 3, True, ("周进强", 6)),
    ("研究员欧阳承翰受访时说", 3, True, ("欧阳承翰", 7)),
    ("司长陈茂波其后在网志形容", 2, True, ("陈茂波", 5)),
    # ordinary people: a form of address or 小/老 fixes the length
    ("市民刘女士说", 2, True, ("刘女士", 5)),
    ("外卖骑手小李说", 4, True, ("小李", 6)),
    ("小李说", 0, False, ("小李", 2)),
    ("老师说", 0, False, None),
    # a three-character name before 正在, and given-name characters that are also particles
    ("负责人孙大海正在清点", 3, True, None),
    ("版权经理何以宁在展台前告诉记者", 4, True, ("何以宁", 7)),
    ("何以见得", 0, False, None),
]


@pytest.mark.parametrize(("text", "start", "titled", "expected"), NAME_SPLITS)
def test_parse_name_splits(text, start, titled, expected):
    assert parse_name(text, start, titled=titled) == expected


# (word, after a closing quotation mark, accepted as a bare name)
BARE_NAMES = [
    ("翟炜", False, True),
    ("欧阳明", False, True),
    ("埃隆·马斯克", False, True),
    ("古特雷斯", False, True),
    ("素拉杰", False, False),
    ("素拉杰", True, True),
    ("中国", True, False),
    ("北京", True, False),
    ("记者", True, False),
    ("大家", True, False),
    ("公司", True, False),
    ("与会学者", True, False),
    ("杭州市", True, False),
    ("主任", True, False),
    ("教授", True, False),
]


@pytest.mark.parametrize(("name", "after_quote", "expected"), BARE_NAMES)
def test_bare_name_ok(name, after_quote, expected):
    assert bare_name_ok(name, after_quote=after_quote) is expected


@pytest.mark.parametrize(("rest", "strong", "expected"), [
    ("说，", True, True),
    ("表示，", True, True),
    ("教授介绍", True, True),
    ("在会上说", True, True),
    ("，", True, False),
    ("和李四", True, False),
    ("，", False, True),
    ("", False, True),
    ("和李四", False, True),
    ("的研究", False, True),
    ("今天", False, False),
    # short adverbials before the verb
    ("赛后说。", True, True),
    ("一边卸粮一边说。", True, True),
    ("激动地对记者说", True, True),
    ("笑着表示", True, True),
    ("会后表示，", True, True),
    ("赛后夺冠", True, False),
    ("基地表示", True, False),
    ("9月23日在国新办发布会上介绍", True, True),
    ("当天在发布会上表示", True, True),
    ("当天夺冠", True, False),
    ("今年78岁", False, False),
])
def test_follows_name(rest, strong, expected):
    assert follows_name(rest, strong=strong) is expected


# (text, offset right after the role word, reported, expected)
ROLE_NAMES = [
    ("国家统计局工业司首席统计师蒋晓岚表示", 13, True, ("蒋晓岚", 16)),
    ("江北区市民蔡晓蕾说", 5, True, ("蔡晓蕾", 8)),
    ("种粮大户尤德才一边卸粮一边说", 4, True, ("尤德才", 7)),
    ("游客陈静激动地对记者说", 2, True, ("陈静", 4)),
    ("乒乓球世界冠军乔语桐", 7, False, ("乔语桐", 10)),
    ("乒乓球世界冠军乔语桐", 7, True, None),          # no reporting verb
    ("维护国家安全在于人民", 4, True, None),           # 国家 is not a role
    ("国家卫健委表示", 2, True, None),
    ("本报记者王晓说", 4, True, None),                # reporters are not sources
    ("居民楼里，", 2, False, None),                    # 楼里 is no name
    ("增长高于预期", 2, True, None),
    ("东川区社区工作者韦晓楠说", 8, True, ("韦晓楠", 11)),   # 工作者 is a role, 作者 is not
    ("杭州观众陆小棠说", 4, True, ("陆小棠", 7)),
    ("海港队球迷姚立新告诉记者", 5, True, ("姚立新", 8)),
    ("节目主持人李华说", 5, True, None),               # the interviewer is never a source
]


@pytest.mark.parametrize(("text", "p", "reported", "expected"), ROLE_NAMES)
def test_role_name(text, p, reported, expected):
    assert role_name(text, p, reported=reported) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("王李蔡晓蕾市民大户冠军师家长说表示赛后一边，。国 ")), max_size=16).map("".join),
       st.integers(0, 16), st.booleans())
def test_role_name_returns_the_text_it_spans(text, p, reported):
    parsed = role_name(text, p, reported=reported)
    if parsed is not None:
        name, end = parsed
        assert text[p:end] == name and len(name) >= 2 and p >= 2


def test_longest_title_and_verb_match_first():
    assert [m.group() for m in TITLE_RE.finditer("副主任，首席经济学家，博士生导师，副教授")] == [
        "副主任", "首席经济学家", "博士生导师", "副教授"]
    lengths = [len(v) for v in REPORTING_VERBS]
    assert lengths == sorted(lengths, reverse=True)
    assert REPORTING_VERBS.index("解释说") < REPORTING_VERBS.index("说")


_CHARS = st.sampled_from(list("王李张欧阳司马翟炜明中国公司大家说表示认为在和的·，。“”教授主任 1"))


@settings(max_examples=200, deadline=None)
@given(st.lists(_CHARS, max_size=20).map("".join), st.integers(0, 20), st.booleans())
def test_parse_name_returns_the_text_it_spans(text, start, titled):
    parsed = parse_name(text, start, titled=titled)
    if parsed is not None:
        name, end = parsed
        assert text[start:end] == name
        assert len(name) >= 2
        assert not any(c in "，。“” 1" for c in name)


# (text, offset right after the title, listed title, expected) -- people introduced without a reporting verb
INTRO_NAMES = [
    ("村民亓德旺今年81岁", 2, False, ("亓德旺", 5)),
    ("退休教师王建国今年78岁", 4, True, ("王建国", 7)),
    ("站点负责人覃桂芳今年46岁", 5, True, ("覃桂芳", 8)),
    ("外卖骑手小李把电动车停在路边", 4, False, ("小李", 6)),
    ("市民陈阿姨就是受益者之一", 2, False, ("陈阿姨", 5)),
    ("公司经理张伟，今年45岁", 4, True, ("张伟", 6)),
    ("国家统计局今年", 5, False, None),
    ("高标准农田建设和产能提升", 4, False, None),     # 农田 is no role and name
    ("两名指令长时隔3年再度会师", 5, True, None),
    ("本报记者张三今年跑遍了全省", 4, False, None),    # reporters are not sources
    ("主持人李华今年", 3, True, None),
]


@pytest.mark.parametrize(("text", "p", "listed", "expected"), INTRO_NAMES)
def test_intro_name(text, p, listed, expected):
    assert intro_name(text, p, listed=listed) == expected


@pytest.mark.parametrize(("text", "p", "expected"), [
    ("外卖骑手小李把车停下", 4, ("小李", 6)),
    ("老王说", 0, ("老王", 2)),
    ("市民欧阳女士说", 2, ("欧阳女士", 6)),
    ("禤师傅说", 0, ("禤师傅", 3)),
    ("老师说", 0, None),
    ("小时候", 0, None),
    ("小康社会", 0, None),
    ("王强说", 0, None),
])
def test_short_name(text, p, expected):
    assert short_name(text, p) == expected


@pytest.mark.parametrize(("text", "p", "expected"), [
    ("本报记者王晓", 4, True),
    ("节目主持人李华", 5, True),
    ("通讯员甘棠", 3, True),
    ("社区工作者韦晓楠", 5, False),
    ("市民刘女士", 2, False),
    ("维护国家安全", 4, True),
])
def test_not_a_role(text, p, expected):
    assert not_a_role(text, p) is expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("王李小老刘女士阿姨欧阳今年是把，。记者主持人市民村民说 1")), max_size=16).map("".join),
       st.integers(0, 16), st.booleans())
def test_intro_and_short_names_return_the_text_they_span(text, p, listed):
    for parsed in (intro_name(text, p, listed=listed), short_name(text, p)):
        if parsed is not None:
            name, end = parsed
            assert text[p:end] == name and len(name) >= 2
            assert not any(c in "，。 1" for c in name)


@pytest.mark.parametrize(("text", "p", "expected"), [
    ("市民欧阳女士说", 2, True), ("上官婉儿", 0, True), ("记者王晓", 2, True),
    ("市民说", 2, False), ("小李说", 0, False), ("王", 1, False), ("", 0, False),
])
def test_has_surname(text, p, expected):
    assert has_surname(text, p) is expected


def test_role_title_ends_only_where_a_name_may_start_and_no_longer_role_goes_on():
    text = "种粮大户尤德才说，行政长官李家超表示，大户说，老农民小李说"
    assert role_title_ends(text) == [4, 13, 26]  # not 长 of 行政长官, nor 户 before 说, nor 农 before 民
    assert all(ROLE_END_RE.match(text, e - 1) for e in role_title_ends(text))


_NAME_TEXT = st.lists(st.sampled_from(
    ["市民", "大户", "冠军", "师", "王", "欧阳", "上官", "小", "老", "晓蕾", "女士", "·", "德", "说", "表示", "告诉记者", "今年",
     "，", "在", "一边卸粮一边", "国家", "长", "9月23日"]), max_size=14).map("".join)


@settings(max_examples=300, deadline=None)
@given(_NAME_TEXT, st.integers(0, 30), st.booleans())
def test_a_name_without_a_dot_ends_within_four_characters(text, p, titled):
    # role_name reads no further than this for a reporting verb before it parses the name
    parsed = parse_name(text, p, titled=titled)
    if parsed is not None and "·" not in parsed[0]:
        assert 2 <= parsed[1] - p <= 4


@settings(max_examples=300, deadline=None)
@given(_NAME_TEXT, st.integers(0, 30))
def test_a_role_name_reports_speech_in_the_20_characters_after_it(text, p):
    parsed = role_name(text, p)
    if parsed is not None:
        assert re.search("|".join(REPORTING_VERBS) + "|告诉|回应|答复", text[parsed[1]:parsed[1] + 20])
