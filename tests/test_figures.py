"""extract_figures: exact figures for real Chinese news sentences, the gold pages, and properties."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import load_gold, page_path
from newsanalysis.figures.extract import COLUMNS, extract_figures


def _rows(text: str) -> list[tuple]:
    df = extract_figures(text)
    out = []
    for r in df.itertuples():
        value = r.iso if r.iso is not None else (r.low, r.high) if r.kind in ("range", "score") else r.value
        out.append((r.text, value, r.unit, r.kind))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024年,上海离岸贸易规模同比增长73.2%", [("2024年", "2024", "年", "year"), ("73.2%", 73.2, "%", "percent")]),
        ("全国国内出游共计3.14亿人次", [("3.14亿人次", 314000000.0, "人次", "count")]),
        ("游客出游总花费1802.69亿元", [("1802.69亿元", 180269000000.0, "元", "money")]),
        ("花费增速比出游人次增速快1.6个百分点", [("1.6个百分点", 1.6, "个百分点", "percent")]),
        ("占外国游客总数的近六成", [("六成", 60.0, "%", "percent")]),
        ("日均两千余万人次", [("两千余万人次", 20000000.0, "人次", "approx")]),
        ("来自全球的350余位政府官员", [("350余位", 350.0, "位", "approx")]),
        ("累计改造4400多万户", [("4400多万户", 44000000.0, "户", "approx")]),
        ("惠及1.5亿多名居民", [("1.5亿多名", 150000000.0, "名", "approx")]),
        ("全年产量14130亿斤,过去9年", [("14130亿斤", 1413000000000.0, "斤", "measure"), ("9年", 9.0, "年", "duration")]),
        ("稳定在1.3万亿斤以上", [("1.3万亿斤", 1300000000000.0, "斤", "measure")]),
        ("折合亩产近八百斤", [("八百斤", 800.0, "斤", "measure")]),
        ("去年全国平均气温达到10.9摄氏度", [("10.9摄氏度", 10.9, "摄氏度", "measure")]),
        ("实现50千瓦压降、降幅80%", [("50千瓦", 50.0, "千瓦", "measure"), ("80%", 80.0, "%", "percent")]),
        ("货邮周转量1485.2亿吨公里", [("1485.2亿吨公里", 148520000000.0, "吨公里", "measure")]),
        ("非侵入式脑机接口将为万亿美元市场", [("万亿美元", 1e12, "美元", "money")]),
        ("参数量达到50亿的脑电大模型", [("50亿", 5e9, None, "count")]),
        ("相当于0.1的视力", [("0.1", 0.1, None, "measure")]),
        ("电极尺寸约为发丝的1/100", [("1/100", 0.01, None, "fraction")]),
        ("占到总数的一半", [("一半", 0.5, None, "fraction")]),
        ("三分之一的受访者", [("三分之一", 1 / 3, None, "fraction")]),
        ("主队以3比1获胜", [("3比1", (3.0, 1.0), None, "score")]),
        ("收支规模较2020年翻番", [("2020年", "2020", "年", "year"), ("翻番", 2.0, None, "multiple")]),
        ("收入翻一番", [("翻一番", 2.0, None, "multiple")]),
        ("由中科院脑智卓越中心的两位科学家创立", [("两位", 2.0, "位", "count")]),
        ("筛选出三类低时延推理任务", [("三类", 3.0, "类", "count")]),
        ("分为侵入式、非侵入式两大类", [("两大类", 2.0, "类", "count")]),
        ("上海完成AI百卡智算集群算力转移", [("百卡", 100.0, "卡", "count")]),
        ("运行于104张算力卡上", [("104张", 104.0, "张", "count")]),
        ("有3款侵入式产品", [("3款", 3.0, "款", "count")]),
        ("展示了64通道脑机接口系统", [("64通道", 64.0, "通道", "count")]),
        ("第三届全球南方智库对话会", [("第三届", 3.0, "届", "ordinal")]),
        ("这是中国航天史上第6次太空会师", [("第6次", 6.0, "次", "ordinal")]),
        ("另有7个省份排在历史第二位", [("7个", 7.0, "个", "count"), ("第二位", 2.0, "位", "ordinal")]),
        ("前9个月全国新开工", [("前9个月", 9.0, "月", "duration")]),
        ("约6个月的驻留期", [("6个月", 6.0, "月", "duration")]),
        ("两年后再次带队出征", [("两年", 2.0, "年", "duration")]),
        ("在3分钟内完成转移", [("3分钟", 3.0, "分钟", "duration")]),
        ("中国获得16金15银14铜", [("16金", 16.0, "金", "count"), ("15银", 15.0, "银", "count"),
                                  ("14铜", 14.0, "铜", "count")]),
        ("百分之四十的受访者", [("百分之四十", 40.0, "%", "percent")]),
        ("增长百分之2.5", [("百分之2.5", 2.5, "%", "percent")]),
        ("人均住房面积40平方米", [("40平方米", 40.0, "平方米", "measure")]),
        ("校舍47.00万所", [("47.00万所", 470000.0, "所", "count")]),
        ("车费601,293.11元", [("601,293.11元", 601293.11, "元", "money")]),
        ("增长１０．８％", [("１０．８％", 10.8, "%", "percent")]),
        ("投资2.5万元", [("2.5万元", 25000.0, "元", "money")]),
        ("中国资金净流出1200亿美元", [("1200亿美元", 120000000000.0, "美元", "money")]),
        ("他今年29岁", [("29岁", 29.0, "岁", "age")]),
        ("收入增长了两倍", [("两倍", 2.0, "倍", "multiple")]),
        ("运营航线6400班", [("6400班", 6400.0, "班", "count")]),
        ("利润增速为-5.2%", [("-5.2%", -5.2, "%", "percent")]),
        ("他第一时间赶到现场,排名第一", [("第一", 1.0, None, "ordinal")]),
    ],
)
def test_figures_in_sentences(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12月4日至5日,大会举行", [("12月4日至5日", "--12-04/--12-05", None, "range")]),
        ("2025年5月1日至5日", [("2025年5月1日至5日", "2025-05-01/2025-05-05", None, "range")]),
        ("7月16日至8月15日", [("7月16日至8月15日", "--07-16/--08-15", None, "range")]),
        ("比2000年至2023年同期平均", [("2000年至2023年", "2000/2023", "年", "range")]),
        ("未来5到10年", [("5到10年", (5.0, 10.0), "年", "range")]),
        ("高温一连持续15天至20天", [("15天至20天", (15.0, 20.0), "天", "range")]),
        ("累计下了200至400毫米的雨", [("200至400毫米", (200.0, 400.0), "毫米", "range")]),
        ("降水偏少两成至八成", [("两成至八成", (20.0, 80.0), "%", "range")]),
        ("多了1至2倍", [("1至2倍", (1.0, 2.0), "倍", "range")]),
        ("1至6月全国新开工", [("1至6月", (1.0, 6.0), "月", "range")]),
        ("报账金额在1万-5万元之间", [("1万-5万元", (10000.0, 50000.0), "元", "range")]),
        ("十八至三十万日元", [("十八至三十万日元", (180000.0, 300000.0), "日元", "range")]),
        ("记者6日从文化和旅游部获悉", [("6日", "---06", None, "date")]),
        ("12月3日,国网上海电力", [("12月3日", "--12-03", None, "date")]),
        ("今年10月下旬再返回", [("10月下旬", "--10", None, "date")]),
        ("到2000年底", [("2000年底", "2000", "年", "year")]),
        ("当天10时30分", [("10时30分", "T10:30", None, "time")]),
        ("次日1时17分,舱门打开", [("1时17分", "T01:17", None, "time")]),
        ("下午5:00开会", [("5:00", "T17:00", None, "time")]),
        ("17:17,飞船对接", [("17:17", "T17:17", None, "time")]),
        ("1987年1月11日八点出发", [("1987年1月11日", "1987-01-11", None, "date"), ("八点", "T08:00", None, "time")]),
        ("2024年3月,项目启动", [("2024年3月", "2024-03", None, "date")]),
        ("2020/12/1", [("2020/12/1", "2020-12-01", None, "date")]),
        ("二〇〇二年的冬天", [("二〇〇二年", "2002", "年", "year")]),
        ("2025脑机接口大会", [("2025", "2025", None, "year")]),
        ("2023—2025年,累计投入", [("2023—2025年", "2023/2025", "年", "range")]),
        ("北京至上海最快4小时18分可达", [("4小时18分", 4.3, "小时", "duration")]),
        ("截至3月底", [("3月底", "--03", None, "date")]),
        ("1—5月,全国固定资产投资", [("1—5月", (1.0, 5.0), "月", "range")]),
    ],
)
def test_dates_times_and_ranges(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "一般贸易进出口体现中国的制造与消费能力", "跨国公司本外币一体化资金池", "仍面临一事一议的审批壁垒",
        "离岸贸易一线放开提升结算效率", "在世界变局下统一认识", "全国粮食产量一直稳定", "一些地方连续高温",
        "一方面要把监测预警做在前面", "这一年的气候有哪些特点", "在同一时间", "期待下一届亚冬会",
        "一枝花开不是春,百花齐放春满园", "实现了零的突破", "这是他们首次飞行", "搭载神舟二十号载人飞船的长征二号F遥二十运载火箭",
        "先后迎接天舟九号货运飞船", "C909和C919投入运营", "5G网络覆盖", "七下八上防汛关键期", "共建一带一路",
        "实现一个根本性的转变", "还有一类企业", "登陆部队已经上岸", "他一连说了好几遍", "可形成兆瓦级虚拟电厂响应能力",
        "实现70%零部件本地化的企业很多", "千家万户", "其中90后居多", "iPhone 16发布", "在世界百年变局下", "我家在四川", "千千万万农民", "一一对应关系",
    ],
)
def test_no_figures_in_idioms_and_names(text: str) -> None:
    df = extract_figures(text)
    assert [t for t in df["text"] if t != "70%"] == []


# A Chinese numeral written with a place value takes the measure words an Arabic one takes, with or without an
# inner 多/余 or a leading 近, whatever noun the tokenizer starts at the measure word (杯水, 杯茶).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我们准备了两万多杯水和电解质饮料", [("两万多杯", 20000.0, "杯", "approx")]),
        ("我们准备了2万多杯水和电解质饮料", [("2万多杯", 20000.0, "杯", "approx")]),
        ("我们准备了两万多份水和电解质饮料", [("两万多份", 20000.0, "份", "approx")]),
        ("志愿者送出三百杯茶", [("三百杯", 300.0, "杯", "count")]),
        ("三千余名代表参加", [("三千余名", 3000.0, "名", "approx")]),
        ("近两百家企业参展", [("两百家", 200.0, "家", "count")]),
        ("他喝了三杯水", [("三杯", 3.0, "杯", "count")]),
    ],
)
def test_chinese_magnitudes_take_measure_words(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == expected


# A body's session name (N届 + organ + N次会议 / N中全会) is a name: its bare 届 and 次 are no counts. 第十四届 …
# 第三次会议 stays two ordinals (front_1's gold) and 召开三次会议 / 连续三届 stay counts.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3月5日，十四届全国人大三次会议在人民大会堂开幕", [("3月5日", "--03-05", None, "date")]),
        ("二十届三中全会审议通过决定", []),
        ("十四届全国政协三次会议闭幕", []),
        ("二十届中央纪委四次全会召开", []),
        ("十四届全国人大常委会第十次会议闭幕", [("第十次", 10.0, "次", "ordinal")]),
        ("第十四届全国人民代表大会第三次会议开幕",
         [("第十四届", 14.0, "届", "ordinal"), ("第三次", 3.0, "次", "ordinal")]),
        ("委员会今年共召开三次会议", [("三次", 3.0, "次", "count")]),
        ("他连续三届当选人大代表", [("三届", 3.0, "届", "count")]),
    ],
)
def test_session_names_are_no_counts(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "figure", "approx"),
    [
        ("超过14.6亿人次", "14.6亿人次", True), ("日均3亿人次左右", "3亿人次", True),
        ("约13.45亿人次", "13.45亿人次", True), ("增幅近25%", "25%", True), ("逾百万人次", None, None),
        ("增长7.6%", "7.6%", False), ("多产42.7亿斤", "42.7亿斤", False), ("10亿斤以上", "10亿斤", True),
    ],
)
def test_hedges_set_approx_and_stay_out_of_text(text: str, figure: str | None, approx: bool | None) -> None:
    df = extract_figures(text)
    if figure is None:
        return
    assert df["text"].tolist() == [figure]
    assert bool(df["approx"].iloc[0]) is approx


@pytest.mark.parametrize(
    ("text", "figure", "direction", "change"),
    [
        ("上海离岸贸易规模同比增长73.2%", "73.2%", "up", (None, None)),
        ("豆类播种1.77亿亩,下降1.4%", "1.4%", "down", (None, None)),
        ("比常年多出6.6天", "6.6天", "up", (None, None)),
        ("通勤时间从2小时缩至20分钟", "20分钟", "down", ("2小时", "20分钟")),
        ("通勤时间从2小时缩至20分钟", "2小时", "down", ("2小时", "20分钟")),
        ("全国粮食平均亩产394.7公斤", "394.7公斤", None, (None, None)),
        ("农民人均可支配收入从2017年的13432元增加到2024年的23119元", "23119元", "up", ("13432元", "23119元")),
        ("营收从100亿元降至60亿元", "100亿元", "down", ("100亿元", "60亿元")),
    ],
)
def test_changes_are_linked(text: str, figure: str, direction: str | None, change: tuple) -> None:
    df = extract_figures(text)
    row = df[df["text"] == figure].iloc[0]
    assert row["direction"] == direction
    assert (row["change_from"], row["change_to"]) == change


# The subject is the chart label of a figure: a following noun for counts with a measure word (64通道脑机接口系统),
# the noun before a clause-final count (金牌32枚), the clause before percentages, money and measures trimmed of
# connectives, time words and copulas (据测算, 今年, 达到), "<subject><verb>" for a bare change after a total
# (出口6.13万亿元，增长6.9%), the dated event for a date opening its clause, else empty.
@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        ('2024年,上海离岸贸易规模同比增长73.2%', '73.2%', '上海离岸贸易规模同比增长'),
        ('与64通道脑机接口系统相比,它可以采集到更多信号', '64通道', '脑机接口系统'),
        ('目前有3款侵入式产品已进入创新医疗器械特别审查程序', '3款', '侵入式产品'),
        ('视频展示了64通道脑机接口系统在临床试验中取得的进展', '64通道', '脑机接口系统'),
        ('患者能流畅控制五轴机械臂', '五轴', '机械臂'),
        ('脑机接口技术分为侵入式、非侵入式两大类。', '两大类', '脑机接口技术'),
        ('该公司由中科院的两位科学家创立', '两位', '科学家'),
        ('任务运行于104张算力卡上', '104张', '算力卡'),
        ('中国体育代表团收获金牌32枚、银牌27枚', '32枚', '金牌'),
        ('中国体育代表团收获金牌32枚、银牌27枚', '27枚', '银牌'),
        ('三个队伍共计85枚奖牌', '85枚', '奖牌'),
        ('其中,出口6.13万亿元,增长6.9%;进口4.17万亿元,下降6.1%。', '6.13万亿元', '出口'),
        ('其中,出口6.13万亿元,增长6.9%;进口4.17万亿元,下降6.1%。', '6.9%', '出口增长'),
        ('其中,出口6.13万亿元,增长6.9%;进口4.17万亿元,下降6.1%。', '6.1%', '进口下降'),
        ('据测算,今年春耕期间化肥可供量超过6000万吨', '6000万吨', '春耕期间化肥可供量'),
        ('同时,我国城镇人均住房建筑面积已超过40平方米', '40平方米', '我国城镇人均住房建筑面积'),
        ('高等教育毛入学率达到60.80%', '60.80%', '高等教育毛入学率'),
        ('全国有幼儿园25.33万所,其中普惠性幼儿园22.10万所', '22.10万所', '普惠性幼儿园'),
        ('在园幼儿3583.99万人', '3583.99万人', '在园幼儿'),
        ('来自34个国家和地区的1200多名运动员汇聚哈尔滨', '34个', '国家和地区'),
        ('来自34个国家和地区的1200多名运动员汇聚哈尔滨', '1200多名', '运动员'),
        ('2月14日晚,第九届亚洲冬季运动会在哈尔滨落下帷幕', '第九届', '亚洲冬季运动会'),
        ('这是第35次飞行任务', '第35次', '飞行任务'),
        ('4月24日是中国航天日。', '4月24日', '中国航天日'),
        ('发言人在4月23日的新闻发布会上介绍', '4月23日', '新闻发布会'),
        ('当天17时17分,飞船发射升空', '17时17分', ''),
        ('到2024年底,全国92.6%的地级行政单元已处在服务范围内', '92.6%', '地级行政单元'),
        ('去年西北太平洋和南海一共生成26个台风,有9个在我国登陆', '9个', '台风'),
        ('全省百余家景区在周末推出夜游项目', '百余家', '景区'),
        ('对检出的3批不合格食品已依法处置', '3批', '不合格食品'),
        ('南延段全长12.6公里,设车站7座', '7座', '车站'),
        ('南延段全长12.6公里,设车站7座', '12.6公里', '南延段全长'),
        ('2025脑机接口大会上,上海企业发布了新产品', '2025', '脑机接口大会'),
        ('我国60岁及以上老年人口已超过3亿。', '3亿', '老年人口'),
        ('比如,这家工厂的年产量为120万台', '120万台', '这家工厂的年产量'),
        ('去年,全市新增就业岗位8.6万个,比上年多1.2万个', '1.2万个', '就业岗位增加'),
        ('该市的空气优良天数比例达到87.5%,同比提高2.3个百分点', '2.3个百分点', '空气优良天数比例提高'),
        ('农业农村部2日召开新闻发布会', '2日', ''),
        ('在3分钟内完成迁移', '3分钟', ''),
        ('全市共有各类博物馆156家,年接待观众超过2000万人次。', '156家', '各类博物馆'),
        ('学校新建了3座教学楼和1个体育馆。', '1个', '体育馆'),
        ('此外,该项目总投资约45亿元,建成后可新增就业岗位1200个。', '45亿元', '该项目总投资'),
        ('截至目前,全国已建成5G基站419.1万个。', '419.1万个', '5G基站'),
        ('今年以来,共有12家企业在科创板上市。', '12家', '企业'),
        ('会议期间,双方签署了17项合作协议。', '17项', '合作协议'),
        ('3名工作人员受伤。', '3名', '工作人员'),
    ],
)
def test_subject_is_the_qualified_noun_phrase(text: str, figure: str, subject: str) -> None:
    df = extract_figures(text)
    assert df.loc[df["text"] == figure, "subject"].iloc[0] == subject


_FUNCTION_WORDS = set("的了是在有和与及或而但并也还就都又已将把被从向对于为以由比较等约近个这那其此共内上中下后前里外")


@pytest.mark.parametrize("name", ["sample", "practice_d", "practice_e"])
def test_gold_page_subjects_are_labels(name: str) -> None:
    from newsanalysis.parse.page import load_page

    df = extract_figures(load_page(page_path(name)))
    for subject in df["subject"]:
        assert len(subject) <= 12 and subject not in _FUNCTION_WORDS, subject
        assert not subject.startswith(("其中", "同时", "据", "与", "有", "展示")), subject


def test_subject_and_sentence() -> None:
    df = extract_figures("2024年,上海离岸贸易规模同比增长73.2%,收支规模较2020年翻番。下一句。")
    row = df[df["text"] == "73.2%"].iloc[0]
    assert row["subject"] == "上海离岸贸易规模同比增长"
    assert row["sentence"] == "2024年,上海离岸贸易规模同比增长73.2%,收支规模较2020年翻番。"


def test_columns_and_empty_frame() -> None:
    df = extract_figures("没有数字的句子。")
    assert list(df.columns) == COLUMNS
    assert df.empty


def test_each_empty_table_is_a_new_one() -> None:
    first = extract_figures("没有数字的句子。")
    del first["note"]  # a caller's own edits stay in its own table
    first.columns = ["列" + c for c in first.columns]
    second = extract_figures("这里也没有。")
    assert second.empty and list(second.columns) == COLUMNS
    assert second["article"].dtype == "int64" and second["approx"].dtype == "bool"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # phone numbers are no figures, a 400 line with no seven digits in a row among them
        ("服务热线400-123-4567，投诉电话0571-87654321，手机13912345678。", []),
        ("全年接待游客4001.2万人次", [("4001.2万人次", 40012000.0, "人次", "count")]),
        # a date's numeral ends at most four characters after it starts, at 年, 月, 日 or a separator
        ("二〇二四年十二月三十一日，2024-05-06发布", [("二〇二四年十二月三十一日", "2024-12-31", None, "date"),
                                                 ("2024-05-06", "2024-05-06", None, "date")]),
        ("三十一日上午", [("三十一日", "---31", None, "date")]),
        # a score and a race time need a digit on both sides of their separator
        ("他以1分44秒86夺冠，随后3比1战胜对手", [("1分44秒86", 104.86, "秒", "duration"),
                                               ("3比1", (3.0, 1.0), None, "score")]),
        ("马拉松比赛他跑出2小时40分的成绩，分数比上年高", [("2小时40分", 9600.0, "秒", "duration")]),
    ],
)
def test_figures_the_quick_tests_keep(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == expected


# The gold files label kinds more coarsely than extract_figures (their notes: "kind labels are a guide"): years
# and clock times are `date`, fractions are `ratio`. A gold label accepts exactly these kinds of ours; any other
# gold label must match our kind exactly.
GOLD_KINDS = {"date": {"date", "year", "time"}, "ratio": {"ratio", "fraction"}}


def _kind_ok(gold_kind: str, kind: str) -> bool:
    return kind in GOLD_KINDS.get(gold_kind, {gold_kind})


@pytest.mark.parametrize(
    ("gold_kind", "kind", "ok"),
    [("date", "year", True), ("date", "time", True), ("date", "date", True), ("date", "duration", False),
     ("ratio", "fraction", True), ("ratio", "ratio", True), ("ratio", "percent", False),
     ("percent", "percent", True), ("count", "approx", False), ("year", "date", False)],
)
def test_gold_kind_mapping(gold_kind: str, kind: str, ok: bool) -> None:
    assert _kind_ok(gold_kind, kind) is ok


def _figure_matches(gold: dict, row: dict) -> bool:
    v = gold["value"]
    if isinstance(v, list) and isinstance(v[0], str):
        ok = row["iso"] == "/".join(v)
    elif isinstance(v, list):
        ok = math.isclose(row["low"], v[0]) and math.isclose(row["high"], v[1])
    elif isinstance(v, str):
        ok = row["iso"] == v
    else:
        ok = math.isclose(row["value"], v, rel_tol=1e-9)
    return ok and row["unit"] == gold["unit"] and _kind_ok(gold["kind"], row["kind"])


@pytest.mark.parametrize("name", ["sample", "practice_d", "practice_e"])
def test_gold_pages(name: str) -> None:
    """Every required gold figure is found in order with value, unit and kind; nothing beyond gold + optional."""
    from newsanalysis.parse.page import load_page

    gold = load_gold(name)
    df = extract_figures(load_page(page_path(name)))
    for index, article in enumerate(gold["articles"]):
        rows = df[df["article"] == index].to_dict("records")
        texts = [r["text"] for r in rows]
        position = 0
        matched = set()
        for figure in article["figures"]:
            found = next((k for k in range(position, len(rows)) if texts[k] == figure["text"]), None)
            if found is None:
                assert figure.get("optional"), f"{name} article {index}: missing {figure}"
                continue
            assert figure.get("optional") or _figure_matches(figure, rows[found]), (figure, rows[found])
            matched.add(found)
            position = found + 1
        extra = [texts[k] for k in range(len(rows)) if k not in matched]
        assert extra == [], f"{name} article {index}: reported beyond the gold: {extra}"


def test_headlines_only_when_asked() -> None:
    from newsanalysis.parse.page import load_page

    page = load_page(page_path("practice_d"))
    body = extract_figures(page)
    with_heads = extract_figures(page, include_headlines=True)
    heads = with_heads[with_heads["paragraph"] == -1]
    assert (body["paragraph"] >= 0).all()
    assert "3亿人次" in heads["text"].tolist()
    assert len(with_heads) == len(body) + len(heads)


def test_article_input_matches_page_rows() -> None:
    from newsanalysis.parse.page import load_page

    page = load_page(page_path("practice_e"))
    df = extract_figures(page.article(2))
    page_rows = extract_figures(page)
    expected = page_rows[page_rows["article"] == 2].reset_index(drop=True)
    pd.testing.assert_frame_equal(df, expected)


_ALPHABET = st.sampled_from(list("0123456789０１２一二两三十百千万亿零余多年月日时分%％.,，。至到第前约近个元斤亿人次成倍半号之分"
                                 "中国的是在增长下降同比abcCG- "))


@settings(max_examples=150, deadline=None)
@given(st.text(_ALPHABET, max_size=40))
def test_never_crashes_offsets_slice_back_values_finite(text: str) -> None:
    df = extract_figures(text)
    for r in df.to_dict("records"):
        assert 0 <= r["start"] < r["end"] <= len(text)
        assert text[r["start"]:r["end"]] == r["text"]
        for key in ("value", "low", "high"):
            assert math.isnan(r[key]) or math.isfinite(r[key])
        assert (r["iso"] is not None) or (r["kind"] in ("range", "score")) or math.isfinite(r["value"])
        assert len(r["subject"]) <= 12 and r["subject"] not in _FUNCTION_WORDS


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60))
def test_any_unicode_text_is_safe(text: str) -> None:
    df = extract_figures(text)
    assert all(text[s:e] == t for s, e, t in zip(df["start"], df["end"], df["text"]))


@pytest.mark.parametrize(
    ("sentence", "text", "direction"),
    [
        ("央行宣布下调存款准备金率0.5个百分点。", "0.5个百分点", "down"),
        ("城镇调查失业率升至5.3%。", "5.3%", "up"),
        ("部分药品平均降价63%。", "63%", "down"),
        ("全国平均气温较常年偏高1.2摄氏度。", "1.2摄氏度", "up"),
        ("降水量较常年同期偏少两成。", "两成", "down"),
        ("猪肉价格环比上调3.1%。", "3.1%", "up"),
    ],
)
def test_change_directions_from_adjustment_words(sentence, text, direction):
    rows = extract_figures(sentence)
    assert rows.loc[rows["text"] == text, "direction"].tolist() == [direction]


# --- the page conventions of shared/practice/README.md ("More page types") --------------------------------------
# Scores are kind ``score`` with the two numbers in printed order (low, high), value NaN and no unit; a pair is a
# score when the words around it say so (以…战胜, 比分, a results line, a sports sentence), else it stays a ratio
# (师生比为1:15), a clock time (19:30) or a range (5-10天).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中国队以3比1战胜日本队", [("3比1", (3.0, 1.0), None, "score")]),
        ("比分为3:1", [("3:1", (3.0, 1.0), None, "score")]),
        ("第89分钟将比分扳为1：1", [("第89分钟", 89.0, "分钟", "ordinal"), ("1：1", (1.0, 1.0), None, "score")]),
        ("上海海港 5∶0 天津津门虎", [("5∶0", (5.0, 0.0), None, "score")]),
        ("女子单打 陈梦 4-2 孙颖莎", [("4-2", (4.0, 2.0), None, "score")]),
        ("中国队以2-0取胜", [("2-0", (2.0, 0.0), None, "score")]),
        ("湖人队以112:108险胜勇士队", [("112:108", (112.0, 108.0), None, "score")]),
        ("郑钦文以6:2、7:6（5）击败对手", [("6:2", (6.0, 2.0), None, "score"), ("7:6", (7.0, 6.0), None, "score")]),
        ("男女比例为1比2", [("1比2", 0.5, None, "ratio")]),
        ("按1∶1配比", [("1∶1", 1.0, None, "ratio")]),
        ("地图比例尺为1∶500", [("1∶500", 0.002, None, "ratio")]),
        ("师生比为1:15", [("1:15", 1 / 15, None, "ratio")]),
        ("以7比2的投票结果通过", [("7比2", 3.5, None, "ratio")]),
        ("比赛将于19:30开始", [("19:30", "T19:30", None, "time")]),
        ("预计5-10天", [("5-10天", (5.0, 10.0), "天", "range")]),
        ("5-6月举行比赛", [("5-6月", (5.0, 6.0), "月", "range")]),
    ],
)
def test_scores_ratios_and_clock_times(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == expected


# Race times and durations printed in minutes and seconds are seconds (1分45秒45 -> 105.45); hours and minutes are
# seconds in a race (2小时40分 ... 冲线 -> 9600) and hours elsewhere (4小时18分 on a train -> 4.3). A relay is one
# distance; 400米半决赛 is 400 m and a semi-final, not 400.5 m.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("潘展乐以1分45秒45夺冠", [("1分45秒45", 105.45, "秒", "duration")]),
        ("苏炳添以9秒83的成绩闯入决赛", [("9秒83", 9.83, "秒", "duration")]),
        ("中国队最终以3分11秒28位列第四", [("3分11秒28", 191.28, "秒", "duration"), ("第四", 4.0, None, "ordinal")]),
        ("“天工Ultra”用时约2小时40分率先冲线", [("2小时40分", 9600.0, "秒", "duration")]),
        ("北京至上海最快4小时18分可达", [("4小时18分", 4.3, "小时", "duration")]),
        ("男子4×100米混合泳接力", [("4×100米", 400.0, "米", "measure")]),
        ("他在400米半决赛中游出3分45秒34", [("400米", 400.0, "米", "measure"), ("3分45秒34", 225.34, "秒", "duration")]),
        ("快了0.09秒", [("0.09秒", 0.09, "秒", "duration")]),
        ("潘展乐4岁半开始学游泳", [("4岁半", 4.5, "岁", "age")]),
        ("第41分钟，武磊破门", [("第41分钟", 41.0, "分钟", "ordinal")]),
        ("海港队积59分", [("59分", 59.0, "分", "count")]),
        ("孙颖莎经过7局苦战", [("7局", 7.0, "局", "count")]),
        ("3场比赛均打满5局", [("3场", 3.0, "场", "count"), ("5局", 5.0, "局", "count")]),
        ("他在接力第一棒游出46秒40", [("第一棒", 1.0, "棒", "ordinal"), ("46秒40", 46.4, "秒", "duration")]),
        ("创造奥运会纪录9项次", [("9项次", 9.0, "项次", "count")]),
        ("2024赛季中超联赛", [("2024", "2024", None, "year")]),
    ],
)
def test_race_times_and_sports_figures(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "《1984》《百年孤独》等外国名著", "从《流浪地球2》到《第二十条》", "《唐探1900》和《封神第二部：战火西岐》领跑",
        "参赛队伍一届不缺", "最近一次夺冠", "一举两得", "三心二意", "千方百计", "武磊梅开二度", "村里的第一书记",
        "冠军归属一波三折", "站牌上的字挤在一块", "二十四节气中的惊蛰", "读完了《三体》三部曲", "达到国家二级标准",
        "继续深化“一微克”行动", "蓝天是一微克一微克抠出来的", "在南京五台山体育场", "假期最后一天", "成果丰硕的一年",
        "能省好几百元", "有时候半天没人", "消费『三支安打』", "比上一季度加快", "一年四季", "第一产业",
    ],
)
def test_no_figures_in_titles_idioms_and_names(text: str) -> None:
    assert _rows(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("《2024年全国教育事业发展统计公报》显示", [("2024年", "2024", "年", "year")]),  # a document's year (optional)
        ("第一产业增加值5.3万亿元", [("5.3万亿元", 5.3e12, "元", "money")]),
        ("光是3单元就装了两部", [("两部", 2.0, "部", "count")]),
        ("货物贸易第一大国", [("第一", 1.0, None, "ordinal")]),
        ("开业一年来", [("一年", 1.0, "年", "duration")]),
    ],
)
def test_names_keep_only_their_figures(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == expected


# A date and the clock time after it are two figures; 上午/晚上 is left out of the text but sets the hour; a whole
# hour has minutes :00. A text that is nothing but a time or a date-time is read as one figure.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("截至2月5日9时", [("2月5日", "--02-05", None, "date"), ("9时", "T09:00", None, "time")]),
        ("台风6日16时20分登陆", [("6日", "---06", None, "date"), ("16时20分", "T16:20", None, "time")]),
        ("5日上午9时开幕", [("5日", "---05", None, "date"), ("9时", "T09:00", None, "time")]),
        ("营业时间延长到晚上9点半", [("9点半", "T21:30", None, "time")]),
        ("0时至6时", [("0时至6时", "T00:00/T06:00", None, "range")]),
        ("6时30分至20时", [("6时30分至20时", "T06:30/T20:00", None, "range")]),
        ("下午5:00", [("下午5:00", "T17:00", None, "time")]),
        ("1987年1月11日八点", [("1987年1月11日八点", "1987-01-11T08:00", None, "date")]),
    ],
)
def test_dates_and_clock_times_on_pages(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == expected


# Quarters are dates Q1..Q4 (一季度, 第二季度, Traditional 第三季 / 第3季); "the first N" periods are durations
# (前三季度, 首三季, 前11月, 首4個月).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一季度国内生产总值增长5.3%", [("一季度", "Q1", None, "date"), ("5.3%", 5.3, "%", "percent")]),
        ("第二季度增长4.7%", [("第二季度", "Q2", None, "date"), ("4.7%", 4.7, "%", "percent")]),
        ("四季度GDP", [("四季度", "Q4", None, "date")]),
        ("前三季度全国居民人均可支配收入", [("前三季度", 3.0, "季度", "duration")]),
        ("连续三个季度增长", [("三个季度", 3.0, "季度", "duration")]),
        ("今年第三季本地生產總值按年實質增長3.8%", [("第三季", "Q3", None, "date"), ("3.8%", 3.8, "%", "percent")]),
        ("考慮到首三季3.3%的實際增長", [("首三季", 3.0, "季", "duration"), ("3.3%", 3.3, "%", "percent")]),
        ("累計前11月出口5784.9億美元", [("前11月", 11.0, "月", "duration"), ("5784.9億美元", 5.7849e11, "美元", "money")]),
        ("累計今年首4個月", [("首4個月", 4.0, "月", "duration")]),
        ("《奔跑吧》第三季开播", [("第三季", 3.0, "季", "ordinal")]),  # a season of a show, not a quarter
    ],
)
def test_quarters_and_first_periods(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == expected


# Traditional script reads like Simplified; units keep the printed script; on a Traditional page 113年 before a
# quarter and 115年度 are years of the Republic of China (2024, 2026), while 建校113年 on a Simplified page is 113 years.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("增速比上月加快2.92個百分點", [("2.92個百分點", 2.92, "個百分點", "percent")]),
        ("已連續11個季度錄得增長", [("11個季度", 11.0, "季度", "duration")]),
        ("總貨運量為500萬公噸", [("500萬公噸", 5e6, "公噸", "measure")]),
        ("人均GDP達3萬8748美元", [("3萬8748美元", 38748.0, "美元", "money")]),
        ("113年第4季經濟成長率概估為1.84%", [("113年", "2024", "年", "year"), ("第4季", "Q4", None, "date"),
                                       ("1.84%", 1.84, "%", "percent")]),
        ("115年度中央政府總預算案", [("115年度", "2026", "年度", "year")]),
        ("建校113年来", [("113年", 113.0, "年", "duration")]),
        ("年增百分之一點六", [("百分之一點六", 1.6, "%", "percent")]),
        ("主計總處也提及兩項特別預算", [("兩項", 2.0, "項", "count")]),
        ("訪港旅客總數達1,600萬人次", [("1,600萬人次", 1.6e7, "人次", "count")]),
    ],
)
def test_traditional_script(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("处1万元以上3万元以下罚款", [("1万元以上3万元以下", (10000.0, 30000.0), "元", "range")]),
        ("一次换两三部", [("两三部", (2.0, 3.0), "部", "range")]),
        ("三五百块", [("三五百块", (300.0, 500.0), "元", "range")]),
        ("降水偏少七八成", [("七八成", (70.0, 80.0), "%", "range")]),
        ("9月至10月", [("9月至10月", (9.0, 10.0), "月", "range")]),
        ("全国票房1.87亿", [("1.87亿", 187000000.0, None, "count")]),
        ("老年人口2.2亿", [("2.2亿", 220000000.0, None, "count")]),
        ("每月退休金3900多元", [("3900多元", 3900.0, "元", "approx")]),
        ("来回一个多小时", [("一个多小时", 1.0, "小时", "approx")]),
        ("等了二十多分钟", [("二十多分钟", 20.0, "分钟", "approx")]),
        ("连续举办16届", [("16届", 16.0, "届", "count")]),
        ("第十届全国运动会", [("第十届", 10.0, "届", "ordinal")]),
        ("中心附近最大风力17级", [("17级", 17.0, "级", "measure")]),
        ("中心最低气压915百帕", [("915百帕", 915.0, "百帕", "measure")]),
        ("运送货物207万标箱", [("207万标箱", 2070000.0, "标箱", "count")]),
        ("平均逗留時間為1.2日", [("1.2日", 1.2, "日", "duration")]),
        ("平均留港3.2晚", [("3.2晚", 3.2, "晚", "duration")]),
        ("四股客流叠加", [("四股", 4.0, "股", "count")]),
        ("我家住在6楼", [("6楼", 6.0, "楼", "ordinal")]),
        ("服务类零售额保持两位数增长", [("两位数", 2.0, "位数", "count")]),
        ("我有20个比特币", [("20个比特币", 20.0, "比特币", "money")]),
        ("三十两", [("三十两", 30.0, "两", "measure")]),
        ("打对折", [("对折", 50.0, "%", "percent")]),
        ("五百 余万", [("五百 余万", 5e6, None, "count")]),
        ("四百 点 五", [("四百 点 五", 400.5, None, "measure")]),
        ("2^5", [("2^5", 32.0, None, "count")]),
        ("华氏温度100度", [("华氏温度100度", 100.0, "华氏度", "measure")]),
        ("最高气温摄氏30度", [("摄氏30度", 30.0, "摄氏度", "measure")]),
    ],
)
def test_ranges_kinds_and_units(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == expected


_TEAMS = st.sampled_from(["中国队", "日本队", "上海海港队", "孙颖莎", "湖人队", "山东泰山"])


@settings(max_examples=80, deadline=None)
@given(_TEAMS, _TEAMS, st.integers(0, 150), st.integers(0, 150), st.sampled_from(["比", ":", "∶", "-"]),
       st.sampled_from(["战胜", "击败", "不敌", "战平"]))
def test_a_match_result_is_one_score_in_printed_order(home, away, a, b, sep, verb) -> None:
    text = f"{home}以{a}{sep}{b}{verb}{away}。"
    assert _rows(text) == [(f"{a}{sep}{b}", (float(a), float(b)), None, "score")]


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 59), st.integers(0, 59), st.integers(0, 99))
def test_a_race_time_is_seconds(minutes, seconds, hundredths) -> None:
    text = f"他以{minutes}分{seconds:02d}秒{hundredths:02d}夺冠。"
    (row,) = _rows(text)
    assert row[0] == f"{minutes}分{seconds:02d}秒{hundredths:02d}" and row[2:] == ("秒", "duration")
    assert math.isclose(row[1], minutes * 60 + seconds + hundredths / 100)


_SPORTS_ALPHABET = st.sampled_from(list("0123456789一二两三十百万亿第比:∶-×年月日时分秒钟小时季度個萬億《》“”『』队以战胜上午"
                                        "岁半米局前首至以上以下元块多余 "))


@settings(max_examples=150, deadline=None)
@given(st.text(_SPORTS_ALPHABET, max_size=40))
def test_scores_and_race_times_never_break_offsets(text: str) -> None:
    df = extract_figures(text)
    for r in df.to_dict("records"):
        assert 0 <= r["start"] < r["end"] <= len(text) and text[r["start"]:r["end"]] == r["text"]
        if r["kind"] == "score":
            assert math.isnan(r["value"]) and r["unit"] is None and r["low"] == int(r["low"])


# --- numbers too long to read -----------------------------------------------------------------------------------
# A run of more than 30 digits is a code or noise: it is reported as text with a note (kind ``unread``, value NaN)
# and the figures around it are read as without it.
SENTENCE = "前三季度，全国居民人均可支配收入30941元，比上年同期名义增长5.2%。"


def test_a_long_run_of_digits_is_reported_unread_and_the_rest_of_the_sentence_is_read_as_before() -> None:
    plain = extract_figures(SENTENCE)
    noisy = extract_figures(SENTENCE.replace("收入", "收入" + "8" * 500 + "亿元，收入"))
    unread = noisy[noisy["kind"] == "unread"]
    assert unread["text"].tolist() == ["8" * 500 + "亿"]
    assert unread["value"].isna().all() and unread["note"].tolist() == ["not read: 500 digits (more than 30)"]
    read = noisy[noisy["kind"] != "unread"]
    columns = ["text", "value", "unit", "kind"]
    assert read[columns].values.tolist() == plain[columns].values.tolist()
    assert plain["note"].isna().all() and read["note"].isna().all()


def test_thirty_digits_are_read_and_thirty_one_are_not() -> None:
    assert _rows("共计" + "1" * 30 + "个") == [("1" * 30 + "个", float("1" * 30), "个", "count")]
    assert extract_figures("共计" + "1" * 31 + "个")["kind"].tolist() == ["unread"]


def test_long_fractions_ratios_and_chinese_numerals_are_unread_too() -> None:
    for text in ("1" * 400 + "/" + "2" * 400, "3" * 40 + ":" + "4" * 40, "一" * 500 + "亿元"):
        df = extract_figures(text)
        assert df["kind"].tolist() == ["unread"], text[:20]
        assert df["note"].str.startswith("not read").all()


def test_no_figure_of_a_fixture_page_has_a_note(sample_page) -> None:
    df = extract_figures(sample_page)
    assert len(df) > 20 and df["note"].isna().all()


# --- round-2 layout pages (tests/fixtures/layouts): rules found on intl_1, notices_1, education_1, health_1 -----

def _table(text: str) -> list[tuple]:
    return [(r.text, r.kind, r.unit) for r in extract_figures(text).itertuples()]


def test_basis_points_keep_their_ge_like_percentage_points() -> None:
    rows = _table("美联储宣布将联邦基金利率目标区间下调25个基点，全年累计降息100个基点，另下调0.5个百分点。")
    assert ("25个基点", "percent", "个基点") in rows and ("100个基点", "percent", "个基点") in rows
    assert ("0.5个百分点", "percent", "个百分点") in rows
    assert _table("利率下调25基点")[0][2] == "基点"  # printed without 个: the unit stays as printed


def test_a_measure_word_that_opens_a_compound_noun_counts_nothing() -> None:
    assert not any(t.startswith("三大股") for t, _, _ in _table("受此影响，美国股市三大股指当天大幅收跌。"))
    assert _table("北京一所中学的高三班主任贺老师说。") == []


def test_a_measure_word_before_a_noun_still_counts() -> None:
    assert ("两所", "count", "所") in _table("两所学校")
    assert ("两大类", "count", "类") in _table("分为侵入式、非侵入式两大类")
    assert ("三班", "count", "班") in _table("全校共有三班学生参加比赛")
    assert ("两省", "count", "省") in _table("川渝两省市签署协议")  # 省市 is made of measure words


def test_year_of_account_keeps_du() -> None:
    rows = extract_figures("现将办理2024年度个人所得税综合所得汇算清缴有关事项公告如下。")
    assert rows[["text", "kind", "unit", "iso"]].values.tolist()[0] == ["2024年度", "year", "年度", "2024"]
    assert _table("2024年全年")[0] == ("2024年", "year", "年")


def test_days_after_jingguo_are_a_duration_not_a_day_of_month() -> None:
    rows = _table("自公告之日起经过30日即视为送达。提出答辩状的期限为公告期满后15日内。")
    assert rows == [("30日", "duration", "日"), ("15日", "duration", "日")]
    assert _table("本案定于4月30日开庭")[0][1] == "date"
    assert extract_figures("会议于30日召开")["iso"].tolist() == ["---30"]


def test_numbered_courtrooms_and_meeting_rooms_are_names_but_sessions_are_ordinals() -> None:
    assert _table("在本院第十二法庭公开开庭审理") == []
    assert _table("在第一会议室召开") == []
    assert ("第十二届", "ordinal", "届") in _table("第十二届全国人大")


def test_a_bare_threshold_on_an_index_is_a_measure() -> None:
    rows = _table("按照我国标准，成年人BMI在18.5至23.9之间为正常，24至27.9为超重，28及以上为肥胖。")
    assert rows[-1] == ("28", "measure", None)
    assert _table("今年共有28参赛，其中外地选手占一半。")[0][1] != "measure"  # no index named: not a reading


def test_list_item_numbers_and_bus_routes_are_not_figures():
    # a 便民提示 list (weather page): the item numbers open their paragraphs; 公交12路 is a route's name
    assert extract_figures("1.路面湿滑，老人和儿童尽量避免在7时前出行。")["text"].tolist() == ["7时"]
    assert extract_figures("2、加强巡查。")["text"].tolist() == []
    assert extract_figures("公交12路、35路首班车发车时间由6:00推迟至6:30。")["text"].tolist() == ["6:00", "6:30"]


def test_numbers_like_list_items_that_are_figures_stay_figures():
    assert extract_figures("1.5万人参加。")["text"].tolist() == ["1.5万人"]
    assert extract_figures("3、5年后再看。")["text"].tolist() == ["3", "5年"]  # 3 or 5 years, not item 3
    assert extract_figures("车行至12路口右转，前方3路段施工。")["text"].tolist() == ["12", "3"]  # not routes


# --- the work behind one call: each string tagged once, the tagger asked only where a reading depends on it -----


@pytest.fixture
def tagged(monkeypatch) -> list[str]:
    """The texts ``Tokenizer.tag`` is asked for while the test runs."""
    from newsanalysis.segment.tokenizer import Tokenizer

    asked: list[str] = []
    tag = Tokenizer.tag

    def counting(self, text):
        asked.append(text)
        return tag(self, text)

    monkeypatch.setattr(Tokenizer, "tag", counting)
    return asked


def test_a_page_tags_each_string_once(sample_page, tagged) -> None:
    figures = extract_figures(sample_page)
    assert len(figures) > 20 and (figures["subject"] != "").sum() > 10
    assert tagged and len(tagged) == len(set(tagged))


def test_a_measure_word_that_reads_the_same_either_way_is_not_tagged(tagged) -> None:
    # 一家 is no figure with its measure word (an indefinite 一) nor without it (a bare Chinese numeral)
    assert extract_figures("他在街角开了一家店，又迈出了一步。").empty
    assert tagged == []
    assert _table("两所学校") == [("两所", "count", "所")] and tagged  # 两所 counts only if 所学 is no noun


def _nearest_change_reference(prefix: str) -> str | None:
    """The change word nearest before a number, found word by word (what ``_direction`` must agree with)."""
    from newsanalysis.figures.extract import _DOWN, _UP

    best = None
    for word in _UP + _DOWN:
        found = prefix.rfind(word)
        if found < 0 or (len(word) == 1 and not prefix.endswith(word)):
            continue
        if best is None or (found + len(word), len(word)) > best[:2]:
            best = (found + len(word), len(word), word)
    return None if best is None else "up" if best[2] in _UP else "down"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["增长", "下降", "增", "降", "减少", "提高", "缩小", "上升", "增幅", "收窄", "多", "少", "长",
                                 "比上年", "同比", "的", "，", "回落", "升至", "降至"]), max_size=8))
def test_the_nearest_change_word_gives_the_direction(words: list[str]) -> None:
    from newsanalysis.figures.extract import _direction

    prefix = "".join(words)
    assert _direction(prefix) == _nearest_change_reference(prefix)


@settings(max_examples=300, deadline=None)
@given(st.text("0123456789.-:年月日号时点分底初上中下旬负一二两三十百千万亿零〇凌晨上午下午晚上 ，", max_size=30))
def test_the_numeral_patterns_are_tried_only_where_they_can_start(text: str) -> None:
    from newsanalysis.figures import grammar
    from newsanalysis.figures.numerals import DATE_RE, TIME_RE

    for pattern, starts in [(DATE_RE, grammar._DATE_STARTS), (TIME_RE, grammar._TIME_STARTS),
                            (grammar.CORE_RE, grammar._CORE_STARTS)]:
        expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in grammar._matches(pattern, starts, text)] == expected



def test_the_table_is_the_same_without_pandas_private_constructor(sample_page, monkeypatch) -> None:
    """The figures table is put together with ``DataFrame._from_arrays`` (a private pandas API, for speed); a
    pandas without it gets the same table, dtypes included, from the public constructor."""
    fast = extract_figures(sample_page)
    monkeypatch.delattr(pd.DataFrame, "_from_arrays")
    public = extract_figures(sample_page)
    assert len(public) > 10 and public["unit"].dtype == object
    pd.testing.assert_frame_equal(public, fast, check_exact=True)


# Blind round 6 (books_1, forum_1): book measure words, 清晨 as a time of day, and the years inside a document's or
# a standard's number.
@pytest.mark.parametrize(("text", "expected"), [
    ("全书分为四卷，收录老照片200余幅。", [("四卷", "count", 4.0, "卷"), ("200余幅", "approx", 200.0, "幅")]),
    ("丛书共六册，每册分为三辑。", [("六册", "count", 6.0, "册"), ("三辑", "count", 3.0, "辑")]),
    ("志愿者每天清晨6点出发巡江。", [("6点", "time", None, None)]),
])
def test_book_measure_words_and_early_morning_times(text, expected) -> None:
    rows = extract_figures(text)
    got = [(r.text, r.kind, None if r.kind == "time" else r.value, r.unit) for r in rows.itertuples()]
    assert got == expected
    if expected[0][1] == "time":
        assert rows["iso"].tolist() == ["T06:00"]


@pytest.mark.parametrize("text", ["根据《通知》（国发〔2023〕13号），标准提高了。", "按照《规范》（GB 17761—2018），车速受限。",
                                  "执行GB/T 7714-2015的规定。"])
def test_the_year_of_a_document_or_standard_number_is_no_figure(text) -> None:
    assert extract_figures(text)["text"].tolist() == []


# Blind round 7 (serial_1, bilingual_1): 十分 is the adverb only when no numeral comes before it or 钟 after it;
# 夜里 is a time of day; a number inside an English sentence is no figure of the Chinese text.
@pytest.mark.parametrize(("text", "expected"), [
    ("从渡口走到镇上要二十分钟。", [("二十分钟", "duration")]), ("比赛进行了十分钟。", [("十分钟", "duration")]),
    ("大家十分高兴。", []), ("这让人十分钟爱。", []), ("夜里十点，铺子里只剩一盏灯。", [("十点", "time")]),
    ("我会在渡口住上一个多月。", [("一个多月", "approx")]), ("上一届比赛很精彩。", []),
    ("Growth came in at 5.3 percent and 4.7 percent. Of them, 20.12 million came.", []),
])
def test_minutes_night_hours_and_english_numbers(text, expected) -> None:
    rows = extract_figures(text)
    assert [(r.text, r.kind) for r in rows.itertuples()] == expected
    if expected and expected[0][0] == "十点":
        assert rows["iso"].tolist() == ["T22:00"]


@pytest.mark.parametrize(("text", "expected"), [
    ("收缩压超过135毫米汞柱就要注意。", [("135毫米汞柱", "measure")]), ("@晚风2024：希望景区少一些套路。", []),
])
def test_blood_pressure_and_a_handles_digits(text, expected) -> None:
    assert [(r.text, r.kind) for r in extract_figures(text).itertuples()] == expected


# Blind round 10 (travel_1, transit_notice_1): 孔 counts a bridge's arches; a numbered list item's number before a
# bus route is neither a decimal nor a figure.
@pytest.mark.parametrize(("text", "expected"), [
    ("一座七孔石桥横跨溪面。", [("七孔", "count", 7.0, "孔")]),
    ("1.326路：自12月28日起延伸至大学城北门。", [("12月28日", "date", None, None)]),
    ("2.15路：发车间隔缩短至10分钟。", [("10分钟", "duration", 10.0, "分钟")]),
])
def test_arches_and_numbered_bus_routes(text, expected) -> None:
    rows = extract_figures(text)
    got = [(r.text, r.kind, None if r.kind == "date" else r.value, r.unit) for r in rows.itertuples()]
    assert got == expected


# Blind round 11 (military_1, company_notices_1, memorial_1): names of units and models, rounds and tents, trading
# days, a map's scale, "a few dozen", and 伍 ending a word before digits.
@pytest.mark.parametrize(("text", "expected"), [
    ("第71集团军某合成旅组织实弹演练。", []),
    ("4架直-10武装直升机低空突防，歼-20战机随后起飞。", [("4架", "count", 4.0, "架")]),
    ("最低气温降至-10℃。", [("-10℃", "measure", -10.0, "℃")]),
    ("他打出的炮弹已超过900发。", [("900发", "count", 900.0, "发")]),
    ("公司将于5月10日发布年报。", [("5月10日", "date", None, None)]),
    ("队里的3顶帐篷换了7个营地。", [("3顶", "count", 3.0, "顶"), ("7个", "count", 7.0, "个")]),
    ("自公告之日起15个交易日后减持。", [("15个交易日", "duration", 15.0, "交易日")]),
    ("股价在第10个交易日收涨。", [("第10个", "ordinal", 10.0, "个")]),
    ("主持绘制的1∶5万地质图有27幅。", [("1∶5万", "ratio", 0.00002, None), ("27幅", "count", 27.0, "幅")]),
    ("这是他几十年野外工作的心得，损失几十万元。", [("几十万元", "range", None, "元")]),
    ("入伍18年，他当过炮手。", [("18年", "duration", 18.0, "年")]),
    ("家电板块在二级市场上涨。", []),
])
def test_unit_and_model_names_rounds_scales_and_a_few_dozen(text, expected) -> None:
    rows = extract_figures(text)
    got = [(r.text, r.kind, None if r.kind in ("date", "range") else round(r.value, 6), r.unit)
           for r in rows.itertuples()]
    assert got == expected


# Blind round 12 (lottery_1, utility_notice_1, autos_1): bets, drawn numbers, issue numbers, calendar days, house
# numbers in a span, and the distance a rate is given per.
@pytest.mark.parametrize(("text", "expected"), [
    ("前区号码：03 11 17 22 31，一等奖5注。", [("5注", "count", 5.0, "注")]),
    ("奖池滚存8.91亿元，滚入第2024124期。", [("8.91亿元", "money", 891000000.0, "元")]),
    ("第15期培训班开班。", [("第15期", "ordinal", 15.0, "期")]),
    ("应自开奖之日起60个自然日内兑奖。", [("60个自然日", "duration", 60.0, "自然日")]),
    ("青石路1号至45号、和平里小区1至8号楼停电，涉及1860户。", [("1860户", "count", 1860.0, "户")]),
    ("1至8月增长5%。", [("1至8月", "range", None, "月"), ("5%", "percent", 5.0, "%")]),
    ("百公里油耗3.8升左右，全程一百公里。", [("3.8升", "measure", 3.8, "升"), ("一百公里", "measure", 100.0, "公里")]),
])
def test_bets_draws_issues_house_numbers_and_rates(text, expected) -> None:
    rows = extract_figures(text)
    got = [(r.text, r.kind, None if r.kind == "range" else r.value, r.unit) for r in rows.itertuples()]
    assert got == expected


def test_a_figures_sentence_starts_after_the_quote_closing_the_sentence_before() -> None:
    rows = extract_figures("“行业正从拼规模转向拼技术。”聂思远说，去年研发投入比重超过8%。")
    assert rows["sentence"].tolist() == ["聂思远说，去年研发投入比重超过8%。"]


# Blind round 13 (property_1, esports_1, agri_prices_1): discounts in percent, produce grades, tournament stages and
# a little over a yuan.
@pytest.mark.parametrize(("text", "expected"), [
    ("全场商品打8折。", [("8折", "percent", 80.0, "%")]),
    ("二级果每斤15元。", [("15元", "money", 15.0, "元")]),
    ("携手晋级四强，世界500强企业到场。", [("500强", "count", 500.0, "强")]),
    ("菠菜一斤便宜了1块多，花了3元多钱。", [("一斤", "measure", 1.0, "斤"), ("1块多", "approx", 1.0, "元"),
                                      ("3元多", "approx", 3.0, "元")]),
])
def test_discounts_grades_stages_and_a_little_over(text, expected) -> None:
    assert [(r.text, r.kind, r.value, r.unit) for r in extract_figures(text).itertuples()] == expected


# Blind round 14 (env_1, ent_1): a work's title keeps its year, a document's gives a date; 环 before 保 is no ring;
# a little over four years.
@pytest.mark.parametrize(("text", "expected"), [
    ("电影《1987年的夏天》将于3月7日上映。", [("3月7日", "date")]),
    ("根据《2024年国民经济和社会发展统计公报》，增长5%。", [("2024年", "year"), ("5%", "percent")]),
    ("拨打12369环保举报热线，他打出10环的成绩。", [("10环", "measure")]),
    ("筹备了四年多，未来3天多云。", [("四年多", "approx"), ("3天", "duration")]),
])
def test_work_titles_rings_and_a_little_over_a_duration(text, expected) -> None:
    assert [(r.text, r.kind) for r in extract_figures(text).itertuples()] == expected


# Blind rounds 15 and 16 (hotline, supplement, food safety, police, exam, classifieds): 附近 is no hedge, a formation's
# name and 二次 (secondary) are no counts, a span past midnight is one range, N日内 is a number of days, lab counts in
# scientific notation, addresses, rooms and classified-ad units.
@pytest.mark.parametrize(("text", "expected"), [
    ("仓库附近一处空地堆满杂物，近3年没人清理。", [("3年", "duration", 3.0, "年")]),
    ("交警支队三大队派出两支队伍，推进二次供水改造，这是他第二次来。",
     [("两支", "count", 2.0, "支"), ("第二次", "ordinal", 2.0, "次")]),
    ("商场于每日10时至次日1时营业，须在7日内整改。", [("10时至次日1时", "range", None, None), ("7日", "duration", 7.0, "日")]),
    ("8日内蒙古发布通报。", [("8日", "date", None, None)]),
    ("样品菌落总数为4.1×10⁴CFU/g，超标3倍。", [("4.1×10⁴CFU/g", "measure", 41000.0, "CFU/g"), ("3倍", "multiple", 3.0, "倍")]),
    ("来信请寄editor2024@126.com，或到新华路18号605室。", []),
    ("出租两室一厅1卫，月租3200元，工资6000—8000元/月。",
     [("两室", "count", 2.0, "室"), ("一厅", "count", 1.0, "厅"), ("1卫", "count", 1.0, "卫"), ("3200元", "money", 3200.0, "元"),
      ("6000—8000元/月", "range", None, "元/月")]),
    ("警方拘捕5男2女，高二年级学生占4成，涉及14大类商品。",
     [("5男", "count", 5.0, "男"), ("2女", "count", 2.0, "女"), ("4成", "percent", 40.0, "%"), ("14大类", "count", 14.0, "类")]),
    ("来稿每首不超过30行，数字技术赋能千行百业。", [("30行", "count", 30.0, "行")]),
])
def test_hotline_lab_and_classified_figures(text, expected) -> None:
    got = [(r.text, r.kind, None if r.value != r.value else r.value, r.unit) for r in extract_figures(text).itertuples()]
    assert got == expected


# Blind rounds 17 and 18 (recipe, TV guide, traffic, Go, court notices, exhibitions): a weekday's numeral is its name's,
# a spoken phrase quoted is no slogan, 两 after digits is a liang, more than 31 days are a span, long digit runs name,
# kitchen and board-game measure words, and a Go player's rank.
@pytest.mark.parametrize(("text", "expected"), [
    ("周四、周日两天限行，他说‘家门口就三公里’。", [("两天", "duration", 2.0, "天"), ("三公里", "measure", 3.0, "公里")]),
    ("他喝了2两黄酒，又吃了两三天药。", [("2两", "measure", 2.0, "两"), ("两三天", "range", None, "天")]),
    ("审限由90日缩短为45日，票号620140100033201905170012345678。",
     [("90日", "duration", 90.0, "日"), ("45日", "duration", 45.0, "日")]),
    ("灶上4口大锅，加2勺盐，一家三口吃得一口气不剩。", [("4口", "count", 4.0, "口"), ("2勺", "count", 2.0, "勺")]),
    ("白棋第112手打入，共弈198手，白胜2目半，本赛季5战全胜。",
     [("第112手", "ordinal", 112.0, "手"), ("198手", "count", 198.0, "手"), ("2目半", "measure", 2.5, "目"),
      ("5战", "count", 5.0, "战")]),
    ("二手房成交一目了然，二战老兵讲述第一手资料。", []),
    ("围棋名宿陈立言九段执白对弈。路面分为三段施工。", [("三段", "count", 3.0, "段")]),
])
def test_weekdays_liang_spans_and_board_games(text, expected) -> None:
    got = [(r.text, r.kind, None if r.value != r.value else r.value, r.unit) for r in extract_figures(text).itertuples()]
    assert got == expected


# Blind rounds 19 and 20 (fact check, charity, match schedule, popular science, history, council): a little over a few
# minutes or years, flags and gun salutes, a document's number, a fraction of a unit, a team's record.
@pytest.mark.parametrize(("text", "expected"), [
    ("那是它5分多钟以前发出的光，3年多以来一直如此。", [("5分多钟", "approx", 5.0, "分钟"), ("3年多", "approx", 3.0, "年")]),
    ("第二面旗帜在21响礼炮声中升起，文件编号为“京字第8号”。", [("第二面", "ordinal", 2.0, "面"), ("21响", "count", 21.0, "响")]),
    ("1微米等于百万分之一米，约为头发的八十分之一。", [("1微米", "measure", 1.0, "微米"), ("百万分之一米", "measure", 1e-06, "米"),
                                        ("八十分之一", "fraction", 0.0125, None)]),
    ("球队15战得33分，取得10胜3和2负，过去14日踢了4场。",
     [("15战", "count", 15.0, "战"), ("33分", "count", 33.0, "分"), ("10胜", "count", 10.0, "胜"), ("3和", "count", 3.0, "和"),
      ("2负", "count", 2.0, "负"), ("14日", "duration", 14.0, "日"), ("4场", "count", 4.0, "场")]),
    ("3和4之间选一个。", [("3", "count", 3.0, None), ("4", "count", 4.0, None)]),
])
def test_a_little_over_flags_fractions_of_units_and_records(text, expected) -> None:
    got = [(r.text, r.kind, None if r.value != r.value else r.value, r.unit) for r in extract_figures(text).itertuples()]
    assert got == expected


# Blind rounds 23 and 24 (a product review, a water-level bulletin): 块 counting things, pixels, a rate spelled out.
@pytest.mark.parametrize(("text", "expected"), [
    ("新机把一块5500毫安时的电池装进了机身，正面是一块6.7英寸的直屏。",
     [("5500毫安时", "measure", 5500.0, "毫安时"), ("6.7英寸", "measure", 6.7, "英寸")]),
    ("白菜3块5一斤，鸡蛋5块钱，肉三块五毛。",
     [("3块5", "money", 3.5, "元"), ("5块钱", "money", 5.0, "元"), ("三块五毛", "money", 3.5, "元")]),
    ("主摄为5000万像素。", [("5000万像素", "measure", 50000000.0, "像素")]),
    ("最大流量为6850立方米每秒，降雨强度达20毫米每小时。",
     [("6850立方米每秒", "measure", 6850.0, "立方米每秒"), ("20毫米每小时", "measure", 20.0, "毫米每小时")]),
    ("风速12米/秒，每天2次。", [("12米/秒", "measure", 12.0, "米/秒"), ("2次", "count", 2.0, "次")]),
    ("他把门板一块一块靠在墙上。", []),
])
def test_block_as_a_measure_word_pixels_and_rates_spelled_out(text, expected) -> None:
    got = [(r.text, r.kind, None if r.value != r.value else r.value, r.unit) for r in extract_figures(text).itertuples()]
    assert got == expected


def test_a_run_on_line_gives_each_figure_the_clauses_around_it_not_the_whole_stretch() -> None:
    # a schedule pasted as one line has no sentence end in thousands of characters: each figure's sentence is
    # the clauses near it (the table would otherwise hold the whole line once per figure)
    line = "".join(f"{h:02d}:{m:02d}　电视剧：《山海情深》（{e}、{e + 1}集）" for h in range(6, 24) for m in (5, 35)
                   for e in (h * 2 + m % 2,))
    figs = extract_figures(line)
    assert len(line) > 800 and len(figs) > 50
    for row in figs.itertuples():
        assert row.text in row.sentence
        assert len(row.sentence) <= 2 * 120 + len(row.text)
    # a sentence of ordinary length is kept whole
    assert extract_figures("今年全市接待游客3200万人次，同比增长12%。").sentence.tolist() == [
        "今年全市接待游客3200万人次，同比增长12%。"] * 2


# Blind rounds 25 and 26: the base of a rate, names on a roll, degrees of an angle.
@pytest.mark.parametrize(("text", "expected"), [
    ("每千人口注册护士数达到3.9人，每万人拥有医生28名。", [("3.9人", 3.9, "人"), ("28名", 28.0, "名")]),
    ("每百户家庭拥有汽车48辆。", [("48辆", 48.0, "辆")]),
    ("龚七月　房三禾　聂如意　韦思远", []),
    ("七月　八月　九月", [("七月", None, None), ("八月", None, None), ("九月", None, None)]),
    ("最陡处坡度接近80度，塔身倾斜3度。", [("80度", 80.0, "度"), ("3度", 3.0, "度")]),
    ("他一度领先，全年用电一度未省。", []),
])
def test_rate_bases_names_on_a_roll_and_angles(text, expected) -> None:
    got = [(r.text, None if r.value != r.value else r.value, r.unit) for r in extract_figures(text).itertuples()]
    assert got == expected


# Blind rounds 27 and 28: drafts counted, halves of what is counted in containers, postcodes.
@pytest.mark.parametrize(("text", "expected"), [
    ("这篇报告前后改了8稿。", [("8稿", 8.0, "稿")]),
    ("老人每天要喝一瓶半牛奶，全楼的泔水从5桶减到3桶半。", [("一瓶半", 1.5, "瓶"), ("5桶", 5.0, "桶"), ("3桶半", 3.5, "桶")]),
    ("来信请寄城北路12号，邮编200031；邮政编码：518000。", []),
    ("全村5人半数以上是老人。", [("5人", 5.0, "人")]),
])
def test_drafts_halves_of_containers_and_postcodes(text, expected) -> None:
    got = [(r.text, None if r.value != r.value else r.value, r.unit) for r in extract_figures(text).itertuples()]
    assert got == expected


# Blind round 30: a table row of counts set apart by wide spaces, a moment before 前, the last part of a code.
@pytest.mark.parametrize(("text", "expected"), [
    ("卓一凡　24　9　6", [("24", 24.0, None), ("9", 9.0, None), ("6", 6.0, None)]),
    ("本期开奖号码：05　12　19　26　33", []),
    ("开幕前三天，门票已售罄；出发前两小时集合。", [("三天", 3.0, "天"), ("两小时", 2.0, "小时")]),
    ("今年前三季度增长5%。", [("前三季度", 3.0, "季度"), ("5%", 5.0, "%")]),
    ("编号为HZ2024-17的地块以底价成交。", []),
])
def test_table_rows_moments_before_and_codes(text, expected) -> None:
    got = [(r.text, None if r.value != r.value else r.value, r.unit) for r in extract_figures(text).itertuples()]
    assert got == expected


# Blind round 29: a plus opening a field, admission tiers are names, the hours of the night.
@pytest.mark.parametrize(("text", "expected"), [
    ("重点高中　612分　+5", [("612分", 612.0, "count", None), ("+5", 5.0, "count", None)]),
    ("两数相加5+3，口号“1+1”。", [("5", 5.0, "count", None), ("3", 3.0, "count", None)]),
    ("本科二批历史类比去年低3分。", [("3分", 3.0, "count", None)]),
    ("摊主半夜2点才收摊，深夜10点还有人来，午夜12点关灯。",
     [("2点", None, "time", "T02:00"), ("10点", None, "time", "T22:00"), ("12点", None, "time", "T00:00")]),
])
def test_plus_signs_admission_tiers_and_night_hours(text, expected) -> None:
    got = [(r.text, None if r.value != r.value else r.value, r.kind, r.iso) for r in extract_figures(text).itertuples()]
    assert got == expected


# Blind rounds 31 and 32: rows of a scanner, a numbered room, codes after their label, a unit label in brackets,
# 人民币 after 元.
@pytest.mark.parametrize(("text", "expected"), [
    ("医院采购128排CT共2台，礼堂前5排留给来宾。", [("128排", 128.0, "排"), ("2台", 2.0, "台"), ("5排", 5.0, "排")]),
    ("评标在第2评标室进行。", []),
    ("华信科技（股票代码：600123）公告，项目编号：1025。", []),
    ("营收（亿元）　56.1", [("56.1", 56.1, None)]),
    ("分红总额约2.1亿元人民币。", [("2.1亿元", 210000000.0, "元")]),
])
def test_rows_rooms_codes_unit_labels_and_renminbi(text, expected) -> None:
    got = [(r.text, None if r.value != r.value else r.value, r.unit) for r in extract_figures(text).itertuples()]
    assert got == expected


# Blind rounds 33 and 34: plate digits, numbers to dial, masked numbers, pieces or sets, years before now.
@pytest.mark.parametrize(("text", "expected"), [
    ("周三限行尾号为3和8的车辆，周四为4和9。", []),
    ("请拨打120或致电0571-87000000，手机139 0571 1234。", []),
    ("身份证号码110105********5678的男子。", []),
    ("馆藏3万件（套）文物。", [("3万件（套）", 30000.0, "件（套）")]),
    ("这处遗址距今约5000年，1998年被发现。", [("5000年", 5000.0, "年"), ("1998年", None, "年")]),
])
def test_plates_numbers_to_dial_masked_numbers_sets_and_years_ago(text, expected) -> None:
    got = [(r.text, None if r.value != r.value else r.value, r.unit) for r in extract_figures(text).itertuples()]
    assert got == expected


# Blind round 33 (left after it): years of the era before and in it, centuries.
@pytest.mark.parametrize(("text", "expected"), [
    ("这枚铜印铸于公元前119年。", [("公元前119年", "year", "-0119")]),
    ("西汉（公元前202年—公元8年）", [("公元前202年—公元8年", "range", "-0202/0008")]),
    ("12世纪的瓷器，进入二十一世纪以来", [("12世纪", "ordinal", None), ("二十一世纪", "ordinal", None)]),
    ("上世纪80年代，半个世纪以来", []),
])
def test_era_years_and_centuries(text, expected) -> None:
    got = [(r.text, r.kind, r.iso) for r in extract_figures(text).itertuples()]
    assert got == expected


# Blind round 36: a weekday before a part of the day.
@pytest.mark.parametrize(("text", "expected"), [
    ("比赛安排在周六晚进行，星期三上午训练。", []),
    ("每周三次，连住三晚。", [("三次", 3.0, "次"), ("三晚", 3.0, "晚")]),
])
def test_weekdays_before_a_part_of_the_day(text, expected) -> None:
    got = [(r.text, None if r.value != r.value else r.value, r.unit) for r in extract_figures(text).itertuples()]
    assert got == expected


# Left from blind round 32 (earnings_1): a table row's label names its bare cells' unit in brackets.
@pytest.mark.parametrize(("text", "expected"), [
    ("营业收入（亿元）　56.2　48.9　+14.9%",
     [("56.2", "money", None), ("48.9", "money", None), ("+14.9%", "percent", "%")]),
    ("每股派息（美元）　0.35　0.30", [("0.35", "money", None), ("0.30", "money", None)]),
    ("新建道路（公里）　12　18", [("12", "measure", None), ("18", "measure", None)]),
    ("接待游客（万人次）　3.6　2.9", [("3.6", "count", None), ("2.9", "count", None)]),
    ("排名（名次）　3　5", [("3", "count", None), ("5", "count", None)]),
    # no row: a bracket inside running text, a bracket that is no unit, cells that are not all numbers
    ("公司（上海）　128.6万吨", [("128.6万吨", "measure", "吨")]),
    ("收入（亿港元）　128.6　同比多出9.1", [("128.6", "money", None), ("9.1", "measure", None)]),
    ("城区面积（不含水域）　56.2", [("56.2", "measure", None)]),
])
def test_a_row_label_names_the_unit_of_its_bare_cells(text, expected) -> None:
    got = [(r.text, r.kind, r.unit) for r in extract_figures(text).itertuples()]
    assert got == expected


# Blind rounds 37 and 38: degrees of latitude and longitude, the Chinese mile, strokes.
@pytest.mark.parametrize(("text", "expected"), [
    ("震中位于北纬28.5度、东经104.1度。", [("28.5度", 28.5, "度"), ("104.1度", 104.1, "度")]),
    ("从家到学校有五六里路，爷爷走了八百里。", [("五六里", None, "里"), ("八百里", 800.0, "里")]),
    ("门被敲了三下，钟响了12下。", [("三下", 3.0, "下"), ("12下", 12.0, "下")]),
    # 里 and 下 in names and words
    ("三里屯的店铺，二里头遗址，看了一下，三下乡活动，十里八乡的乡亲", []),
    ("3个月里他去了两趟。", [("3个月", 3.0, "月"), ("两趟", 2.0, "趟")]),
])
def test_degrees_of_latitude_chinese_miles_and_strokes(text, expected) -> None:
    got = [(r.text, None if r.value != r.value else r.value, r.unit) for r in extract_figures(text).itertuples()]
    assert got == expected


# Blind rounds 39 and 40: a year of the Republic named with its era, an output base, a project's phase.
@pytest.mark.parametrize(("text", "expected"), [
    ("大桥于民国二十三年（1934年）建成。", [("民国二十三年", "year", "1934"), ("1934年", "year", "1934")]),
    ("民國38年遷址。", [("民國38年", "year", "1949")]),
    ("万元GDP能耗下降2.5%。", [("2.5%", "percent", None)]),
    ("园区三期工程开工，二期正式投用，共举办三期培训班。", [("三期", "count", None)]),
])
def test_republic_era_years_output_bases_and_project_phases(text, expected) -> None:
    got = [(r.text, r.kind, r.iso) for r in extract_figures(text).itertuples()]
    assert got == expected


# Blind round 41: sizes multiplied share the unit printed after the last; 块 counts pieces before a noun.
@pytest.mark.parametrize(("text", "expected"), [
    ("展柜尺寸为1200×600×900毫米，展板60×40厘米。", [("1200", 1200.0, "毫米"), ("600", 600.0, "毫米"), ("900毫米", 900.0, "毫米"),
                                         ("60", 60.0, "厘米"), ("40厘米", 40.0, "厘米")]),
    ("她获得女子4×100米接力金牌。", [("4×100米", 400.0, "米")]),
    ("村里整理出5块试验田，每块种3种玉米。", [("5块", 5.0, "块"), ("3种", 3.0, "种")]),
    ("白菜卖3块5，他花了200多块钱，找回两块。", [("3块5", 3.5, "元"), ("200多块钱", 200.0, "元"), ("两块", 2.0, "元")]),
])
def test_multiplied_sizes_and_pieces(text, expected) -> None:
    got = [(r.text, r.value, r.unit) for r in extract_figures(text).itertuples()]
    assert got == expected
