"""Tests for newsanalysis.quotes: attribution tables, interviews, the three fixture pages, properties."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsanalysis.errors import NewsAnalysisError
from newsanalysis.parse.model import Article, QATurn
from newsanalysis.quotes.extract import QUOTE_COLUMNS, SOURCE_COLUMNS, extract_quotes, sources

from conftest import load_gold, page_path

# (text, [(mode, speaker, speaker_title, cue, quote), ...]) -- written for these tests, not from the fixtures.
ATTRIBUTIONS = [
    ("国家发展改革委副主任李春临表示,今年经济运行总体平稳。",
     [("indirect", "李春临", "国家发展改革委副主任", "表示", "今年经济运行总体平稳")]),
    ("“我们对明年的市场充满信心。”公司总经理张伟说。",
     [("direct", "张伟", "公司总经理", "说", "我们对明年的市场充满信心。")]),
    ("清华大学经济管理学院教授王强认为，消费回暖的势头仍将持续。",
     [("indirect", "王强", "清华大学经济管理学院教授", "认为", "消费回暖的势头仍将持续")]),
    ("在世界银行首席经济学家英德米特·吉尔看来,全球增长仍面临下行风险。吉尔还指出,发展中国家需要加快改革。",
     [("indirect", "英德米特·吉尔", "世界银行首席经济学家", "看来", "全球增长仍面临下行风险"),
      ("indirect", "英德米特·吉尔", "世界银行首席经济学家", "指出", "发展中国家需要加快改革")]),
    ("北京大学国家发展研究院院长黄益平说：“数字经济是增长的新引擎。”",
     [("direct", "黄益平", "北京大学国家发展研究院院长", "说", "数字经济是增长的新引擎。")]),
    ("“这是一个好消息，”李明说，“但我们还要继续努力。”",
     [("direct", "李明", "", "说", "这是一个好消息，"), ("direct", "李明", "", "说", "但我们还要继续努力。")]),
    ("业内人士认为，这一政策将带动相关产业发展。",
     [("indirect", "", "业内人士", "认为", "这一政策将带动相关产业发展")]),
    ("对此，市交通委相关负责人回应称，将尽快优化线路。",
     [("indirect", "", "市交通委相关负责人", "称", "将尽快优化线路")]),
    ("“AI正在改变一切。”李开复在论坛上说。",
     [("direct", "李开复", "", "说", "AI正在改变一切。")]),
    ("中国工程院院士钟南山在接受记者采访时表示，疫情总体可控。他强调，要做好个人防护。",
     [("indirect", "钟南山", "中国工程院院士", "表示", "疫情总体可控"),
      ("indirect", "钟南山", "中国工程院院士", "强调", "要做好个人防护")]),
    ("昨天上午举行的发布会上商汤科技董事长徐立表示,公司将加大投入。",
     [("indirect", "徐立", "商汤科技董事长", "表示", "公司将加大投入")]),
    ("中国社会科学院世界经济与政治研究所研究员、博士生导师张宇燕表示,全球经济复苏乏力。",
     [("indirect", "张宇燕", "中国社会科学院世界经济与政治研究所研究员、博士生导师", "表示", "全球经济复苏乏力")]),
    ("联合国秘书长古特雷斯在致辞中呼吁，各国加强合作。",
     [("indirect", "古特雷斯", "联合国秘书长", "呼吁", "各国加强合作")]),
    ("“改革不是稳定的敌人。”她说。",
     [("direct", "", "她", "说", "改革不是稳定的敌人。")]),
    ("“数据要素潜力巨大。”市数据局局长邹平说,全市将开放更多公共数据。",
     [("direct", "邹平", "市数据局局长", "说", "数据要素潜力巨大。"),
      ("indirect", "邹平", "市数据局局长", "说", "全市将开放更多公共数据")]),
    ("巴西总统路易斯·伊纳西奥·卢拉·达席尔瓦表示,两国合作前景广阔。达席尔瓦说,巴方欢迎更多投资。",
     [("indirect", "路易斯·伊纳西奥·卢拉·达席尔瓦", "巴西总统", "表示", "两国合作前景广阔"),
      ("indirect", "路易斯·伊纳西奥·卢拉·达席尔瓦", "巴西总统", "说", "巴方欢迎更多投资")]),
    ("复旦大学附属华山医院神经外科主任毛颖教授介绍,手术只需两个小时。",
     [("indirect", "毛颖", "复旦大学附属华山医院神经外科主任、教授", "介绍", "手术只需两个小时")]),
    ("“我们的目标是让更多患者受益。”阶梯医疗首席执行官赵郑拓告诉记者。“这只是第一步。”",
     [("direct", "赵郑拓", "阶梯医疗首席执行官", "告诉记者", "我们的目标是让更多患者受益。"),
      ("direct", "赵郑拓", "阶梯医疗首席执行官", "", "这只是第一步。")]),
    ("泰国前副总理素拉杰以区域合作为例,“东盟一体化让每个成员国都受益匪浅。”",
     [("direct", "素拉杰", "泰国前副总理", "", "东盟一体化让每个成员国都受益匪浅。")]),
    ("会上，上海市副市长陈杰介绍了相关情况。他说，今年上海将新增充电桩2万个。",
     [("indirect", "陈杰", "上海市副市长", "说", "今年上海将新增充电桩2万个")]),
    ("对于外界关注的问题，公司董事会秘书王晓东回应称，公司经营一切正常。",
     [("indirect", "王晓东", "公司董事会秘书", "称", "公司经营一切正常")]),
    ("商务部新闻发言人何亚东在例行新闻发布会上表示，中方将采取必要措施。",
     [("indirect", "何亚东", "商务部新闻发言人", "表示", "中方将采取必要措施")]),
    ("研究团队负责人、浙江大学教授陈红胜告诉记者，这项技术有望在三年内实现应用。",
     [("indirect", "陈红胜", "研究团队负责人、浙江大学教授", "告诉记者", "这项技术有望在三年内实现应用")]),
    ("中方认为,各方应保持克制。习近平指出，要坚持高质量发展。",
     [("indirect", "习近平", "", "指出", "要坚持高质量发展")]),
    # open role words as titles (reviewer batch 2, issue 1) and siblings
    ("国家统计局工业司首席统计师蒋晓岚表示，装备制造业支撑作用明显增强。",
     [("indirect", "蒋晓岚", "国家统计局工业司首席统计师", "表示", "装备制造业支撑作用明显增强")]),
    ("某券商首席分析师祁明远认为，市场仍有上行空间。",
     [("indirect", "祁明远", "某券商首席分析师", "认为", "市场仍有上行空间")]),
    ("学生家长周敏告诉记者，孩子很喜欢课后服务。",
     [("indirect", "周敏", "学生家长", "告诉记者", "孩子很喜欢课后服务")]),
    ("“日子越过越好了。”黄杜村村民盛阿婆说。",
     [("direct", "盛阿婆", "黄杜村村民", "说", "日子越过越好了。")]),
    # a collective word followed by a name is a title (issue 2); alone it stays collective
    ("“周末带孩子骑行，空气好、风景好。”江北区市民蔡晓蕾说。",
     [("direct", "蔡晓蕾", "江北区市民", "说", "周末带孩子骑行，空气好、风景好。")]),
    ("江北区市民蔡晓蕾表示，绿道让出行更方便。",
     [("indirect", "蔡晓蕾", "江北区市民", "表示", "绿道让出行更方便")]),
    ("“环境变好了。”游客陈静激动地对记者说。",
     [("direct", "陈静", "游客", "说", "环境变好了。")]),
    ("市民表示，出行更方便了。", [("indirect", "", "市民", "表示", "出行更方便了")]),
    # adverbials between the name and the verb (issue 3)
    ("“现在手机上预约，来了就能卖。”种粮大户尤德才一边卸粮一边说。",
     [("direct", "尤德才", "种粮大户", "说", "现在手机上预约，来了就能卖。")]),
    ("“这个成绩给了我很大信心。”柏雨宁赛后说。",
     [("direct", "柏雨宁", "", "说", "这个成绩给了我很大信心。")]),
    ("“我们有信心拿下下一场。”队长吕洋会后表示。",
     [("direct", "吕洋", "队长", "表示", "我们有信心拿下下一场。")]),
    ("“日子好了。”村民王大妈笑着说。", [("direct", "王大妈", "村民", "说", "日子好了。")]),
]

# Sentences that must give no named speaker (no places, organisations, verbs or scare quotes as people).
NO_NAMED_SPEAKER = [
    "他说明了原因。",
    "中国认为这是好事。",
    "上海表示欢迎。",
    "江苏表示欢迎。",
    "文件指出，要加强管理。",
    "据了解,该项目总投资50亿元。记者从市教委获悉,明年将新增学位2万个。",
    "对普通人来说，及时关注预警信息是最有效的防护。",
    "浦东正从“为中国制造”转向“为全球配置资源”。",
    "此次出征的乘组由陈冬、陈中瑞、王杰三名航天员组成。",
    "来自全球的350余位政府官员、专家学者齐聚黄浦江畔。",
    "这一建议得到了广泛支持,被认为切实可行。",
    # role-like words before surname-like characters are not titles unless a reporting verb follows
    "维护国家安全在于人民。",
    "国家卫健委表示，将加强监管。",
    "华为高兴地表示，产能提升。",
    "走进居民楼里，大家说，环境好了。",
    "“很好。”记者王晓说。",
]


def _rows(df: pd.DataFrame) -> list[tuple]:
    return [(r.mode, r.speaker, r.speaker_title, r.cue, r.quote) for r in df.itertuples()]


@pytest.mark.parametrize(("text", "expected"), ATTRIBUTIONS)
def test_attributions(text, expected):
    assert _rows(extract_quotes(text)) == expected


@pytest.mark.parametrize("text", NO_NAMED_SPEAKER)
def test_no_false_named_speaker(text):
    assert (extract_quotes(text)["speaker"] == "").all()


def test_scare_quotes_are_not_speech():
    text = "瘫痪病人还能“脑控”机器狗。公司预测,患者植入这款产品后,“脑控”手机的速度将接近常人。"
    q = extract_quotes(text)
    assert _rows(q) == [("indirect", "", "公司", "预测", "患者植入这款产品后,“脑控”手机的速度将接近常人")]


def test_standalone_quote_paragraph_takes_next_paragraph_speaker():
    text = "“我们坚定支持全球发展倡议，愿同各方加强合作。”\n肯尼亚外交部长穆达瓦迪表示,非洲需要更多基础设施投资。"
    q = extract_quotes(text)
    assert _rows(q) == [
        ("direct", "穆达瓦迪", "肯尼亚外交部长", "", "我们坚定支持全球发展倡议，愿同各方加强合作。"),
        ("indirect", "穆达瓦迪", "肯尼亚外交部长", "表示", "非洲需要更多基础设施投资"),
    ]
    assert q["paragraph"].tolist() == [0, 1]


def test_title_found_anywhere_in_article_and_short_form_resolves():
    text = ("托马斯·海贝勒提醒,南北合作同样重要。\n"
            "德国杜伊斯堡-埃森大学政治学与中国研究教授托马斯·海贝勒为学者们作了报告。\n"
            "在海贝勒看来,全球北方要减少关税壁垒。")
    s = sources(text)
    assert s.values.tolist() == [
        [0, "托马斯·海贝勒", "德国杜伊斯堡-埃森大学政治学与中国研究教授", 2, 19, 0, "indirect"]]


def test_role_title_printed_earlier_fills_a_titleless_speaker():
    text = "女子跳高比赛中，浙江选手柏雨宁跳过1.92米。\n“这个成绩给了我很大信心。”柏雨宁赛后说。"
    assert sources(text)[["speaker", "speaker_title", "modes"]].values.tolist() == [["柏雨宁", "浙江选手", "direct"]]


@pytest.mark.parametrize(("subtitle", "title"), [
    ("——专访乒乓球世界冠军乔语桐", "乒乓球世界冠军"),
    ("——访乒乓球世界冠军乔语桐", "乒乓球世界冠军"),
    ("——对话青澜气候研究所研究员乔语桐", "青澜气候研究所研究员"),
    ("——记全国劳动模范、种粮大户乔语桐", "全国劳动模范、种粮大户"),
    ("专访：国家队主教练乔语桐", "国家队主教练"),
])
def test_interviewee_from_subtitle(subtitle, title):
    paras = ["问:心情如何？", "答:挺踏实的。"]
    art = Article(index=0, title="标题", subtitle=subtitle, paragraphs=paras, paragraph_roles=["qa", "qa"],
                  qa_turns=[QATurn("问", "心情如何？", 0, True), QATurn("答", "挺踏实的。", 1, True)])
    assert sources(art)[["speaker", "speaker_title", "modes"]].values.tolist() == [
        ["", "记者", "interview"], ["乔语桐", title, "interview"]]


def test_interview_turns_from_article():
    paras = ["记者专访了青澜气候研究所首席研究员闻启舟。", "问：今年夏天会更热吗？", "答：大概率偏热。", "各地要提前准备。"]
    art = Article(
        index=3, subtitle="——访青澜气候研究所首席研究员闻启舟", paragraphs=paras,
        paragraph_roles=["body", "qa", "qa", "qa"],
        qa_turns=[QATurn("问", "今年夏天会更热吗？", 1), QATurn("答", "大概率偏热。", 2),
                  QATurn("答", "各地要提前准备。", 3, labelled=False)],
    )
    q = extract_quotes(art)
    assert _rows(q) == [
        ("interview", "", "记者", "问", "今年夏天会更热吗？"),
        ("interview", "闻启舟", "青澜气候研究所首席研究员", "答", "大概率偏热。"),
        ("interview", "闻启舟", "青澜气候研究所首席研究员", "", "各地要提前准备。"),
    ]
    assert q[["article", "paragraph", "start"]].values.tolist() == [[3, 1, 2], [3, 2, 2], [3, 3, 0]]


def test_sources_schema_and_counts():
    s = sources("“我们很有信心。”市科委副主任翟炜说。大家表示,前景可期。")
    assert list(s.columns) == SOURCE_COLUMNS
    assert s.values.tolist() == [
        [0, "翟炜", "市科委副主任", 1, 7, 0, "direct"],
        [0, "", "大家", 1, 4, 0, "indirect"],
    ]


def test_empty_and_bad_input():
    assert list(extract_quotes("").columns) == QUOTE_COLUMNS
    assert sources("").empty
    with pytest.raises(NewsAnalysisError, match="expected Page, Article, str"):
        extract_quotes(42)


@pytest.mark.parametrize("name", ["sample", "practice_d", "practice_e"])
def test_named_sources_match_gold(name):
    from newsanalysis.parse.page import load_page

    page = load_page(page_path(name))
    gold = load_gold(name)
    s = sources(page)
    got = {(r.article, r.speaker): r for r in s.itertuples() if r.speaker}
    want = {(i, x["speaker"]): x for i, a in enumerate(gold["articles"]) for x in a.get("sources") or []}
    assert set(got) == set(want)
    for key, x in want.items():
        assert got[key].speaker_title == (x["title"] or ""), key
        assert set(x["modes"]) <= set(got[key].modes.split(",")), key
    # interviews: every question is attributed to 记者 and answered by the gold interviewee
    q = extract_quotes(page)
    for i, a in enumerate(gold["articles"]):
        if a.get("interview"):
            turns = q[(q["article"] == i) & (q["mode"] == "interview")]
            questions = turns[turns["speaker_title"] == "记者"]
            assert len(questions) == a["interview"]["n_questions"]
            assert set(turns["speaker"]) - {""} == {a["interview"]["answers_by"]}


def test_page_offsets_slice_back():
    from newsanalysis.parse.page import load_page

    page = load_page(page_path("sample"))
    for r in extract_quotes(page).itertuples():
        assert page.articles[r.article].paragraphs[r.paragraph][r.start:r.end] == r.quote


_CHARS = st.sampled_from(list("“”，,。：:？说表示认为他她们在看来记者问答·教授主任李王张颇钦中国公司的一是 \n") + ["市科委副主任"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_CHARS, max_size=60).map("".join))
def test_never_crashes_and_offsets_slice_back(text):
    q = extract_quotes(text)
    assert list(q.columns) == QUOTE_COLUMNS
    paras = [p for p in text.split("\n") if p.strip()]
    for r in q.itertuples():
        assert paras[r.paragraph][r.start:r.end] == r.quote
        assert r.mode in ("direct", "indirect", "interview")
    sources(text)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80))
def test_never_crashes_on_any_text(text):
    q = extract_quotes(text)
    paras = [p for p in text.split("\n") if p.strip()]
    assert all(paras[r.paragraph][r.start:r.end] == r.quote for r in q.itertuples())
