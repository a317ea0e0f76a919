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


# Attribution printed after a long quote, and carried on by a pronoun or a description of someone named earlier.
CARRIED = [
    ("“今年的订单比去年多了三成，工人们都在加班加点。”服装厂厂长马建华告诉记者。",
     [("direct", "马建华", "服装厂厂长", "告诉记者", "今年的订单比去年多了三成，工人们都在加班加点。")]),
    ("快递点负责人孙大海正在清点包裹。“双十一以来，每天要处理两千多件快递。”这位负责人说。",
     [("direct", "孙大海", "快递点负责人", "说", "双十一以来，每天要处理两千多件快递。")]),
    ("某科技公司负责人刘宏伟介绍，研发投入增长两成。该负责人表示，明年还将扩大招聘。",
     [("indirect", "刘宏伟", "某科技公司负责人", "介绍", "研发投入增长两成"),
      ("indirect", "刘宏伟", "某科技公司负责人", "表示", "明年还将扩大招聘")]),
    ("“比赛很艰苦，但我们坚持下来了。”女排主教练蔡斌赛后说。他表示，队员们的表现值得肯定。",
     [("direct", "蔡斌", "女排主教练", "说", "比赛很艰苦，但我们坚持下来了。"),
      ("indirect", "蔡斌", "女排主教练", "表示", "队员们的表现值得肯定")]),
    ("“最后十分钟最难熬。”申花队球迷邵光明告诉记者。这位老球迷说，他看了二十年球。",
     [("direct", "邵光明", "申花队球迷", "告诉记者", "最后十分钟最难熬。"),
      ("indirect", "邵光明", "申花队球迷", "说", "他看了二十年球")]),
    ("种粮大户张德胜今年种了500亩小麦。他说，今年的收成不错。",
     [("indirect", "张德胜", "种粮大户", "说", "今年的收成不错")]),
    ("“一个人吃饭最难凑合。”退休教师李建国今年80岁。他说，食堂的饭菜软烂可口。",
     [("direct", "李建国", "退休教师", "", "一个人吃饭最难凑合。"),
      ("indirect", "李建国", "退休教师", "说", "食堂的饭菜软烂可口")]),
    ("外卖骑手小赵把车停在路边，接了一杯热水：“歇一会儿再跑，心里踏实。”",
     [("direct", "小赵", "外卖骑手", "", "歇一会儿再跑，心里踏实。")]),
    ("社区书记黄丽华说，加装电梯的意见已经征求完毕，“大家的账算清楚了，工程才好推进。”",
     [("indirect", "黄丽华", "社区书记", "说", "加装电梯的意见已经征求完毕，“大家的账算清楚了，工程才好推进。”"),
      ("direct", "黄丽华", "社区书记", "", "大家的账算清楚了，工程才好推进。")]),
    ("游泳队的冯子墨则把功劳归于队友。冯子墨说，接下来要调整状态。",
     [("indirect", "冯子墨", "", "说", "接下来要调整状态")]),
]

# A date, a time word, a place or an occasion between the name and the reporting verb.
WHEN_AND_WHERE = [
    ("国家发展改革委副主任赵辰昕9月23日在国新办发布会上介绍，前8个月经济运行平稳。",
     [("indirect", "赵辰昕", "国家发展改革委副主任", "介绍", "前8个月经济运行平稳")]),
    ("国家统计局新闻发言人付凌晖15日在国新办发布会上介绍，8月份国民经济保持稳定。",
     [("indirect", "付凌晖", "国家统计局新闻发言人", "介绍", "8月份国民经济保持稳定")]),
    ("教育部副部长吴岩当天在发布会上表示，将继续扩大优质资源。",
     [("indirect", "吴岩", "教育部副部长", "表示", "将继续扩大优质资源")]),
    ("省农业农村厅厅长杨华去年12月5日在全省农业工作会议上指出，粮食生产再获丰收。",
     [("indirect", "杨华", "省农业农村厅厅长", "指出", "粮食生产再获丰收")]),
    ("市文旅局局长郜振东昨天在接受采访时表示，假期客流创新高。",
     [("indirect", "郜振东", "市文旅局局长", "表示", "假期客流创新高")]),
    ("经济顾问林思源14日发布季度报告时表示，出口增长强劲。",
     [("indirect", "林思源", "经济顾问", "表示", "出口增长强劲")]),
    ("代表团副团长周明当天在巴黎“中国之家”举行的发布会上介绍，全队打破世界纪录1项。",
     [("indirect", "周明", "代表团副团长", "介绍", "全队打破世界纪录1项")]),
    ("“差距还很明显。”研究中心研究员欧阳思远受访时说。",
     [("direct", "欧阳思远", "研究中心研究员", "说", "差距还很明显。")]),
    ("交通运输部副部长李扬分析，路网运行总体平稳。",
     [("indirect", "李扬", "交通运输部副部长", "分析", "路网运行总体平稳")]),
]

# Ordinary people: a role and a name (小李, 刘女士, 陈阿姨); the role is the title, never part of the name.
ORDINARY_PEOPLE = [
    ("外卖骑手小李说，平台的补贴让他安心不少。", [("indirect", "小李", "外卖骑手", "说", "平台的补贴让他安心不少")]),
    ("“孩子上学方便多了。”家长赵女士说。", [("direct", "赵女士", "家长", "说", "孩子上学方便多了。")]),
    ("“菜价比上个月便宜了。”陈阿姨说。", [("direct", "陈阿姨", "", "说", "菜价比上个月便宜了。")]),
    ("出租车司机老张说，最近打车的人多了。", [("indirect", "老张", "出租车司机", "说", "最近打车的人多了")]),
    ("“比以前热闹多了。”市民欧阳女士说。", [("direct", "欧阳女士", "市民", "说", "比以前热闹多了。")]),
    ("“今年的猕猴桃卖得好。”果农阎师傅说。", [("direct", "阎师傅", "果农", "说", "今年的猕猴桃卖得好。")]),
    ("在公园晨练的市民赵大爷说，空气比以前好多了。", [("indirect", "赵大爷", "市民", "说", "空气比以前好多了")]),
    ("家住城南小区的居民钱女士表示，停车难缓解了。", [("indirect", "钱女士", "居民", "表示", "停车难缓解了")]),
    ("“演出比预想的精彩。”杭州观众陆小帆说。", [("direct", "陆小帆", "杭州观众", "说", "演出比预想的精彩。")]),
    ("“家门口就能看病。”社区工作者韦晓晴说。", [("direct", "韦晓晴", "社区工作者", "说", "家门口就能看病。")]),
    ("“合作项目明显增多。”出版社版权经理何以宁告诉记者。",
     [("direct", "何以宁", "出版社版权经理", "告诉记者", "合作项目明显增多。")]),
]

# Traditional script: 「」 and 『』, Traditional verbs and titles; names and quotes come back as printed.
TRADITIONAL = [
    ("「我們會繼續努力。」行政長官李家超說。", [("direct", "李家超", "行政長官", "說", "我們會繼續努力。")]),
    ("財政司司長陳茂波表示，本港經濟穩步增長。", [("indirect", "陳茂波", "財政司司長", "表示", "本港經濟穩步增長")]),
    ("衛生署署長林文健指出，流感活動持續上升。他強調，市民應盡早接種疫苗。",
     [("indirect", "林文健", "衛生署署長", "指出", "流感活動持續上升"),
      ("indirect", "林文健", "衛生署署長", "強調", "市民應盡早接種疫苗")]),
    ("「『穩中求進』是今年的主調。」主計長陳淑姿稱。",
     [("direct", "陳淑姿", "主計長", "稱", "『穩中求進』是今年的主調。")]),
    ("經濟研究院所長溫啟明認為，明年成長率將回落。",
     [("indirect", "溫啟明", "經濟研究院所長", "認為", "明年成長率將回落")]),
    ("統計處長蔡文泰說明，出口明顯優於預期。", [("indirect", "蔡文泰", "統計處長", "說明", "出口明顯優於預期")]),
    ("「差短創新高。」研究員歐陽承志受訪時說。", [("direct", "歐陽承志", "研究員", "說", "差短創新高。")]),
]

# Must give no named speaker: the interviewer, the press, anonymous people, people described but never named.
NOT_NAMED_MORE = [
    "主持人李华说：“欢迎收看本期节目。”",
    "记者问：“今年的目标是什么？”",
    "本报记者张三今年跑遍了全省。他说，变化很大。",
    "本報記者陳大文說，現場秩序良好。",
    "一位市民说，公交线路调整后方便多了。",
    "有关负责人表示，将尽快解决。",
    "该负责人说，问题已经解决。",
    "这位老人说，日子越过越好。",
    "外卖骑手把电动车停在路边。他说，今天单子多。",
    "该公司表示，产品将按时交付。",
    "老师说，孩子们进步很大。",
    "进行大数据分析，提升效率。",
    "各地持续推进高标准农田建设和主要作物单产提升。他说，要抓好秋粮。",
    "两名指令长时隔3年再度会师。他说，感觉很好。",
    "“十四五”规划专家组成员今年出版了新书。",
    "商家应在产品质量上下功夫。他表示，会继续改进。",
    "小时候他说过很多话。",
]


def _rows(df: pd.DataFrame) -> list[tuple]:
    return [(r.mode, r.speaker, r.speaker_title, r.cue, r.quote) for r in df.itertuples()]


@pytest.mark.parametrize(("text", "expected"), ATTRIBUTIONS)
def test_attributions(text, expected):
    assert _rows(extract_quotes(text)) == expected


# A sentence's lead (在, 据, 同时…) is skipped at every sentence start, not only the paragraph's first: 在他看来 after
# a sentence naming someone is that person's view (the lead pattern once held at offset 0 only).
@pytest.mark.parametrize(("text", "expected"), [
    ("研讨会上学者各抒己见。农业大学教授王建国提醒各方保持耐心。在他看来，合作需要时间。",
     [("indirect", "王建国", "农业大学教授", "提醒", "各方保持耐心"),
      ("indirect", "王建国", "农业大学教授", "看来", "合作需要时间")]),
    ("会议持续两天。农业专家李明远认为单产还有潜力。同时他说，良种推广是关键。",
     [("indirect", "李明远", "农业专家", "认为", "单产还有潜力"),
      ("indirect", "李明远", "农业专家", "说", "良种推广是关键")]),
    ("研讨会开了两天。经济学家张晓梅说，市场信心正在恢复。此外她表示，消费还会回升。",
     [("indirect", "张晓梅", "经济学家", "说", "市场信心正在恢复"),
      ("indirect", "张晓梅", "经济学家", "表示", "消费还会回升")]),
])
def test_a_lead_is_skipped_at_any_sentence_start(text, expected):
    assert _rows(extract_quotes(text)) == expected


# A book's author named as 作者 in a review (blind round 6, books_1) is a source; 作者 alone names no one.
@pytest.mark.parametrize(("text", "expected"), [
    ("作者贺青川在后记中说：“我想写的是人和河。”", [("direct", "贺青川", "作者", "说", "我想写的是人和河。")]),
    ("作者认为，这本书值得一读。", []),
])
def test_a_books_author_is_a_source(text, expected):
    assert _rows(extract_quotes(text)) == expected


# A titled given name ending in 之 (blind round 7, bilingual_1), but not 之 opening 之前 / 之所以.
def test_a_given_name_ending_in_zhi():
    assert _rows(extract_quotes("江城大学经济学院教授许衡之认为，四季度增速明显回升。")) == [
        ("indirect", "许衡之", "江城大学经济学院教授", "认为", "四季度增速明显回升")]
    assert "李明之" not in extract_quotes("主任李明之前表示，数据很好。")["speaker"].tolist()


def test_a_young_returnee_is_titled_and_carried_on_by_his_pronoun():
    rows = _rows(extract_quotes("返乡青年刘一鸣今年28岁。他笑着说：“茶山就是我的办公室。”"))
    assert rows == [("direct", "刘一鸣", "返乡青年", "说", "茶山就是我的办公室。")]


# A quote item opened by a speaker tag, 【name（title）】“…” or name（title）：“…” (blind round 5, mode 3): the quote is
# the tagged person's, and 他/她 later in the paragraph carry the tag on (the verb after the quote is its cue).
SPEAKER_TAGS = [
    ("【沈青禾（全国人大代表、江城县农技站站长）】“今年我们要把良种推广到每个村。”",
     [("direct", "沈青禾", "全国人大代表、江城县农技站站长", "", "今年我们要把良种推广到每个村。")]),
    ("【欧阳晓帆（全国政协委员、江城市人民医院主任医师）】“分级诊疗要让群众少跑腿。”",
     [("direct", "欧阳晓帆", "全国政协委员、江城市人民医院主任医师", "", "分级诊疗要让群众少跑腿。")]),
    ("柯映雪（全国人大代表、青禾县第一中学教师）：“乡村教师的待遇还要再提一提。”",
     [("direct", "柯映雪", "全国人大代表、青禾县第一中学教师", "", "乡村教师的待遇还要再提一提。")]),
    ("柯映雪(全国人大代表、青禾县第一中学教师):“乡村教师的待遇还要再提一提。”",
     [("direct", "柯映雪", "全国人大代表、青禾县第一中学教师", "", "乡村教师的待遇还要再提一提。")]),
    ("【邵明远（全国政协委员、青澜大学教授）】“科研要面向产业需求。”他认为，高校要和企业结成伙伴。",
     [("direct", "邵明远", "全国政协委员、青澜大学教授", "认为", "科研要面向产业需求。"),
      ("indirect", "邵明远", "全国政协委员、青澜大学教授", "认为", "高校要和企业结成伙伴")]),
    ("柯映雪（全国人大代表、青禾县第一中学教师）：“乡村教师的待遇还要再提一提。”她表示，希望编制向山区学校倾斜。",
     [("direct", "柯映雪", "全国人大代表、青禾县第一中学教师", "表示", "乡村教师的待遇还要再提一提。"),
      ("indirect", "柯映雪", "全国人大代表、青禾县第一中学教师", "表示", "希望编制向山区学校倾斜")]),
    # the tag of the next item, not the speaker of the paragraph before, is who 他 is
    ("江城大学教授蓝若川认为，转型要稳。\n【邵明远（全国政协委员、青澜大学教授）】“科研要面向产业需求。”他表示，要多下企业。",
     [("indirect", "蓝若川", "江城大学教授", "认为", "转型要稳"),
      ("direct", "邵明远", "全国政协委员、青澜大学教授", "表示", "科研要面向产业需求。"),
      ("indirect", "邵明远", "全国政协委员、青澜大学教授", "表示", "要多下企业")]),
]

# <description><role><name>说：“…” in mid-paragraph (blind round 5, mode 4): the name ends right at the verb.
COLON_QUOTES = [
    ("8:40　补给站前，负责这个站点的志愿者领队祁南星说：“我们准备了三千杯水。”",
     [("direct", "祁南星", "志愿者领队", "说", "我们准备了三千杯水。")]),
    ("记者来到村委会，正在整理账本的村文书鲍晓光说：“今年的分红比去年多了一成。”",
     [("direct", "鲍晓光", "村文书", "说", "今年的分红比去年多了一成。")]),
    ("清晨的街道上，值守路口的协管领班邬立新表示：“雪一停我们就上岗了。”",
     [("direct", "邬立新", "协管领班", "表示", "雪一停我们就上岗了。")]),
    ("局长吴迪说：“我们将加快审批。”", [("direct", "吴迪", "局长", "说", "我们将加快审批。")]),
]

# Bracketed subheads and colon labels that name nobody, and tags whose name or role is no person's.
NOT_SPEAKER_TAGS = [
    "【数说】“十四五”以来，全市新建公园120个，人均公园绿地面积达到15平方米。",
    "【链接】“一带一路”倡议提出于2013年，至今已有150多个国家参与。",
    "数据来源：“国家统计局”网站，统计口径为全年。",
    "数据来源（国家统计局）：“今年经济运行总体平稳，稳中有进。”",
    "地址：江城市青禾路18号。",
    "地址（新址）：“青禾路18号，地铁站旁。”",
    "【张家界（湖南省）】“这里的山很美，水也很清。”",
    "【热线（市民服务中心）】“有问题请拨打12345，全天有人接听。”",
    "大家都说：“今年的收成真不错。”",
    "【柏叙白（本报记者）】“这一路走下来，感触很深。”",
    "随行的本报记者柏叙白说：“这一路走下来，感触很深。”",
    "路边的老人拉着贺明川说：“小伙子，加油！”",
    "一位跑者转身对卫子谦说：“前面还有五公里。”",
]


@pytest.mark.parametrize(("text", "expected"), SPEAKER_TAGS + COLON_QUOTES)
def test_speaker_tags_and_names_before_a_colon_quote(text, expected):
    assert _rows(extract_quotes(text)) == expected


@pytest.mark.parametrize("text", NOT_SPEAKER_TAGS)
def test_subheads_and_labels_are_no_speaker_tags(text):
    assert (extract_quotes(text)["speaker"] == "").all()


@pytest.mark.parametrize("text", NO_NAMED_SPEAKER + NOT_NAMED_MORE)
def test_no_false_named_speaker(text):
    assert (extract_quotes(text)["speaker"] == "").all()


@pytest.mark.parametrize(("text", "expected"), CARRIED + WHEN_AND_WHERE + ORDINARY_PEOPLE + TRADITIONAL)
def test_attributions_carried_dated_ordinary_traditional(text, expected):
    assert _rows(extract_quotes(text)) == expected


@pytest.mark.parametrize(("text", "title"), [
    ("有关负责人表示，将尽快解决。", "有关负责人"),
    ("该负责人说，问题已经解决。", "该负责人"),
    ("一位市民说，公交线路调整后方便多了。", "一位市民"),
])
def test_anonymous_speakers_keep_their_description(text, title):
    assert _rows(extract_quotes(text))[0][1:3] == ("", title)


def test_description_takes_the_latest_person_with_that_title():
    text = ("驿站负责人孙大海介绍，件量翻了一番。社区主任周红说，驿站很受欢迎。"
            "“再招两个人就好了。”这位负责人说。")
    assert _rows(extract_quotes(text))[-1][:3] == ("direct", "孙大海", "驿站负责人")


def test_interviewer_labels_are_never_named():
    paras = ["主持人：今年的目标是什么？", "林若水：稳中求进。", "問：明年呢？"]
    art = Article(index=0, title="圆桌", paragraphs=paras, paragraph_roles=["qa", "qa", "qa"],
                  qa_turns=[QATurn("主持人", "今年的目标是什么？", 0, True), QATurn("林若水", "稳中求进。", 1, True),
                            QATurn("問", "明年呢？", 2, True)])
    q = extract_quotes(art)
    assert q[["speaker", "speaker_title", "cue"]].values.tolist() == [
        ["", "主持人", "主持人"], ["林若水", "", "林若水"], ["", "记者", "問"]]


def _traditional(text: str, *, corner_quotes: bool) -> str:
    import opencc

    out = opencc.OpenCC("s2t").convert(text)
    return out.translate(str.maketrans("“”‘’", "「」『』")) if corner_quotes else out


@pytest.mark.parametrize("corner_quotes", [False, True])
def test_sample_page_in_traditional_script_has_the_same_sources(tmp_path, corner_quotes):
    from newsanalysis.normalize import to_matching_text
    from newsanalysis.parse.page import load_page

    path = tmp_path / "sample-traditional.txt"
    path.write_text(_traditional(page_path("sample").read_text(encoding="utf-8"), corner_quotes=corner_quotes),
                    encoding="utf-8")
    simplified, traditional = load_page(page_path("sample")), load_page(path)
    want, got = extract_quotes(simplified), extract_quotes(traditional)
    assert got["mode"].value_counts().to_dict() == want["mode"].value_counts().to_dict()  # 17 indirect, not 3
    assert [to_matching_text(x) for x in got["speaker"]] == list(want["speaker"])
    for r in got.itertuples():  # quotes and names are given as printed, in Traditional script
        assert traditional.articles[r.article].paragraphs[r.paragraph][r.start:r.end] == r.quote
    named = sources(traditional)
    assert {to_matching_text(s) for s in named["speaker"] if s} == {s for s in sources(simplified)["speaker"] if s}


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
    paras = [p.strip() for p in text.split("\n") if p.strip()]  # a string's paragraphs are its stripped lines
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


# --- mentions: the matching copy, clauses, people in a paragraph ---

def test_matching_text_keeps_length_and_folds_script_and_corner_quotes():
    from newsanalysis.quotes.mentions import matching_text

    assert matching_text("「很好。」陳淑姿說，『穩中求進』") == "“很好。”陈淑姿说,‘稳中求进’"


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("「」『』“”說這位負責人陳茂波表示，。abc１２ ")), max_size=40))
def test_matching_text_has_the_same_length(text):
    from newsanalysis.quotes.mentions import matching_text

    assert len(matching_text(text)) == len(text)


@pytest.mark.parametrize(("text", "pos", "start"), [
    ("当天在巴黎“中国之家”举行的发布会上介绍", 19, 0),   # a short quoted term inside a clause is a word
    ("他说，“我们会努力。”李明说", 13, 11),             # a quotation is not
    ("“一带一路”研究中心主任王强说", 14, 6),
])
def test_clause_start_reads_quoted_terms_as_words(text, pos, start):
    from newsanalysis.quotes.mentions import clause_start

    assert clause_start(text, pos) == start


@pytest.mark.parametrize(("text", "expected"), [
    ("本期邀请研究中心研究员苏文涛、复旦大学教授林若岚、一家养老企业负责人郑海舟，共话发展。",
     [("苏文涛", "研究中心研究员"), ("林若岚", "复旦大学教授"), ("郑海舟", "一家养老企业负责人")]),
    ("在公园晨练的市民赵大爷说，空气好了。", [("赵大爷", "市民")]),
    ("从郑州驾车返京的旅客韩先生说，路上顺利。", [("韩先生", "旅客")]),
    ("北京一家出版社的版权经理何以宁说，合作多了。", [("何以宁", "北京一家出版社的版权经理")]),
])
def test_mention_titles(text, expected):
    from newsanalysis.quotes.mentions import find_mentions

    assert [(m.name, m.title) for m in find_mentions(text, {})] == expected


# health_1 (tests/fixtures/layouts): a 专家答疑 column signed below its body by the expert who answers
_QA_COLUMN = ["专家答疑", "问：减重是不是越快越好？",
              "答：不是。一般建议每周减重0.5至1公斤，3到6个月内减去原体重的5%至10%，就能带来明显的健康收益。",
              "问：只节食不运动行不行？", "答：单靠节食很难长期坚持。建议成年人每周进行150分钟以上中等强度运动。"]


def test_a_qa_column_signed_below_its_body_is_answered_by_the_signer() -> None:
    from newsanalysis.parse.page import load_page

    page = load_page(page_path("sample").parent / "layouts" / "health_1.txt")
    table = sources(page)
    row = table[table["speaker"] == "石安澜"]
    assert row[["speaker_title", "modes"]].values.tolist() == [["青禾医院临床营养科主任医师", "interview"]]


def test_a_qa_byline_above_the_body_is_the_interviewer_not_the_answerer(tmp_path) -> None:
    from newsanalysis.parse.page import load_page

    path = tmp_path / "qa.txt"
    path.write_text("\n\n" + "\n\n".join([_QA_COLUMN[0], "本报记者 石安澜", *_QA_COLUMN[1:]]), encoding="utf-8")
    page = load_page(path)
    assert page.articles[0].reporters == ["石安澜"]
    assert "石安澜" not in sources(page)["speaker"].tolist()
    path.write_text("\n\n" + "\n\n".join([*_QA_COLUMN, "（青禾医院临床营养科主任医师 石安澜）"]), encoding="utf-8")
    assert "石安澜" in sources(load_page(path))["speaker"].tolist()


@pytest.mark.parametrize("line, name, title", [
    ("答疑：青川区人民法院法官 苏晚晴", "苏晚晴", "青川区人民法院法官"),
    ("解答嘉宾：江城市医保局待遇保障处处长 何远舟", "何远舟", "江城市医保局待遇保障处处长"),
    ("主答：陶知秋", "陶知秋", ""),
])
def test_the_answerer_line_of_a_qa_column_names_its_interviewee(tmp_path, line, name, title) -> None:
    from newsanalysis.parse.page import load_page

    path = tmp_path / "qa.txt"
    path.write_text("\n\n".join([_QA_COLUMN[0], line, *_QA_COLUMN[1:]]) + "\n", encoding="utf-8")
    table = sources(load_page(path))
    row = table[table["speaker"] == name]
    assert row[["speaker_title", "modes", "n_quotes"]].values.tolist() == [[title, "interview", 2]]


# --- the tables as pandas would build them, and the walks behind clauses and statements ---

def _fixture_pages():
    from newsanalysis.errors import NewsAnalysisError
    from newsanalysis.parse.page import load_page

    root = page_path("sample").parent
    pages = []
    for path in sorted(root.glob("*.txt")) + sorted((root / "layouts").glob("*.txt")):
        try:
            pages.append(load_page(path))
        except NewsAnalysisError:
            continue
    return pages


def test_source_table_is_the_pandas_grouping_of_the_quotes_on_every_fixture_page():
    from newsanalysis.quotes.extract import _grouped_source_table, source_table

    compared = 0
    for page in _fixture_pages():
        q = extract_quotes(page)
        if len(q):
            pd.testing.assert_frame_equal(source_table(q), _grouped_source_table(q))
            compared += 1
    assert compared >= 20


def test_sources_is_the_source_table_of_the_quotes_on_every_fixture_page():
    from newsanalysis.quotes.extract import source_table

    for page in _fixture_pages():
        pd.testing.assert_frame_equal(sources(page), source_table(extract_quotes(page)))
    for text in ["", "今天天气晴。", "「我們會繼續努力。」行政長官李家超說。"]:
        pd.testing.assert_frame_equal(sources(text), source_table(extract_quotes(text)))


def test_tables_have_pandas_dtypes_with_and_without_rows():
    q = extract_quotes("“我们很有信心。”市科委副主任翟炜说。王明表示，要抓好落实。")
    want = pd.DataFrame({c: q[c].tolist() for c in QUOTE_COLUMNS})  # what pandas infers from the values
    pd.testing.assert_frame_equal(q, want)
    s = sources("“我们很有信心。”市科委副主任翟炜说。")
    pd.testing.assert_frame_equal(s, pd.DataFrame({c: s[c].tolist() for c in SOURCE_COLUMNS}))
    empty_q, empty_s = extract_quotes("今天天气晴，气温回升。"), sources("今天天气晴，气温回升。")
    assert list(empty_q.columns) == QUOTE_COLUMNS and list(empty_s.columns) == SOURCE_COLUMNS
    assert empty_q.dtypes.astype(str).tolist() == ["int64"] * 4 + ["object"] * 5
    assert set(empty_s.dtypes.astype(str)) == {"object"} and len(empty_s) == 0


def test_renaming_one_table_leaves_the_next_alone():
    q = extract_quotes("王明表示，要抓好落实。")
    q.columns.name = "字段"
    q.index.name = "行"
    again = extract_quotes("王明表示，要抓好落实。")
    assert again.columns.name is None and again.index.name is None
    assert sources(again).columns.name is None


@pytest.mark.parametrize("change", [
    lambda q: q.assign(speaker=q["speaker"].where(q.index != 0, None)),    # a missing speaker: pandas drops it
    lambda q: q.astype({"article": "Int64"}),
    lambda q: q.astype(object),
    lambda q: q.iloc[::-1],
    lambda q: q[["article", "speaker", "speaker_title", "quote", "paragraph", "mode"]],
])
def test_source_table_of_edited_quotes_follows_pandas_rules(change):
    from newsanalysis.quotes.extract import _grouped_source_table, source_table

    q = change(extract_quotes("“我们很有信心。”翟炜说。王明表示，要抓好落实。记者问：“怎么做？”"))
    pd.testing.assert_frame_equal(source_table(q), _grouped_source_table(q))


def test_source_table_needs_its_columns():
    from newsanalysis.quotes.extract import source_table

    with pytest.raises(KeyError, match="mode"):
        source_table(extract_quotes("王明表示，要抓好落实。").drop(columns=["mode"]))


@pytest.mark.parametrize(("text", "quote"), [
    ("王明表示，要抓好“菜篮子”工程，保障供应！随后散会。", "要抓好“菜篮子”工程，保障供应"),
    ("王明表示，今年要把“一。二。”落实好，大家同意。随后散会。", "今年要把“一。二。”落实好，大家同意"),  # ends in “…”
    ("王明表示，要抓好落实，“这一条", "要抓好落实，“这一条"),                     # an unclosed “ runs to the end
])
def test_an_indirect_statement_steps_over_quotations(text, quote):
    q = extract_quotes(text)
    assert q[q["mode"] == "indirect"]["quote"].tolist() == [quote]


def test_an_article_without_verbs_quotes_or_turns_has_no_rows_and_one_with_them_does():
    article = Article(index=0, paragraphs=["市科委副主任翟炜今年52岁。", "翟炜长期从事科技管理工作。"])
    assert extract_quotes([article]).empty
    article.paragraphs.append("翟炜说，要抓好落实。")
    assert extract_quotes([article])[["speaker", "speaker_title"]].values.tolist() == [["翟炜", "市科委副主任"]]


def test_names_printed_two_ways_come_back_as_printed():
    from newsanalysis.quotes.mentions import as_printed

    rows = [{"speaker": "陈发", "speaker_title": "理发师"}]
    # 发 is printed as both 發 and 髮 in this article: the name is looked up where it is printed
    as_printed(rows, ["理发师陈发说", "头发"], ["理髮師陳發說", "頭髮"])
    assert rows == [{"speaker": "陳發", "speaker_title": "理髮師"}]
    rows = [{"speaker": "陈茂波", "speaker_title": ""}]
    as_printed(rows, ["陈茂波说,好", "陈茂波"], ["陳茂波說，好", "陳茂波"])
    assert rows == [{"speaker": "陳茂波", "speaker_title": ""}]


def test_forget_pages_empties_the_mention_caches():
    from newsanalysis.memo import forget_pages
    from newsanalysis.quotes.mentions import _mentions_of, _plain_mentions, find_mentions

    find_mentions("市科委副主任翟炜说，要抓好落实。", {})
    assert _mentions_of.cache_info().currsize and _plain_mentions.cache_info().currsize
    forget_pages()
    assert _mentions_of.cache_info().currsize == 0 and _plain_mentions.cache_info().currsize == 0


def test_known_names_are_found_at_every_occurrence():
    from newsanalysis.quotes.mentions import find_mentions

    text = "翟炜说，翟炜表示，在翟炜看来，翟炜翟炜认为"  # 翟炜翟炜: neither is followed or led as a name is
    assert [(m.start, m.name) for m in find_mentions(text, {"翟炜": "翟炜"})] == [(0, "翟炜"), (4, "翟炜"), (10, "翟炜")]
    assert find_mentions("翟炜翟炜说", {"翟炜": "翟炜"}) == []


def test_tables_are_the_same_without_pandas_private_constructors(sample_page, monkeypatch):
    """The quotes and sources tables are put together and read with private pandas methods (for speed); a pandas
    without them gets the same tables, dtypes included, through the public API."""
    import pandas as pd

    from newsanalysis.quotes import extract_quotes, source_table

    fast_quotes = extract_quotes(sample_page)
    fast_sources = source_table(fast_quotes)
    monkeypatch.delattr(pd.DataFrame, "_from_arrays")
    monkeypatch.delattr(pd.DataFrame, "_get_column_array")
    quotes = extract_quotes(sample_page)
    sources = source_table(quotes)
    assert len(quotes) > 5 and len(sources) > 3
    pd.testing.assert_frame_equal(quotes, fast_quotes, check_exact=True)
    pd.testing.assert_frame_equal(sources, fast_sources, check_exact=True)


# Blind round 10: the speakers' headings of a column of voices, people introduced by what they do, a quote standing
# after the sentence about its speaker, and 向 as a surname.
def test_a_speakers_heading_gives_the_words_under_it_to_the_speaker() -> None:
    from newsanalysis.parse.page import parse_page

    page = parse_page("\n".join([
        "基层声音", "省人大代表、青山村党支部书记 房立春", "　　“今年村里的高标准农田又扩大了。”",
        "　　他建议，继续加大农机购置补贴力度。",
        "省政协委员、农科院研究员 程望舒", "　　“良种是农业的芯片。”她说，要让好品种走进更多田块。",
    ]))
    table = sources(page)
    assert table[["speaker", "speaker_title", "modes"]].values.tolist() == [
        ["房立春", "省人大代表、青山村党支部书记", "direct,indirect"], ["程望舒", "省政协委员、农科院研究员", "direct,indirect"]]


@pytest.mark.parametrize("text, speaker, title", [
    ("如今由第三代传人邵春娥打理。“米要用新米，蒸足40分钟才软糯。”她一边掀开蒸笼一边说。", "邵春娥", "第三代传人"),
    ("船工吴老伯摇了30年的橹，他说，雨天坐船最有味道。", "吴老伯", "船工"),
    ("上海游客林女士这次是第二次来。“上回是秋天来的，这次专门挑了雨季。”", "林女士", "上海游客"),
    ("医院院长韦叙安更关心看病就医。他表示，关键在于留得住好医生。", "韦叙安", "医院院长"),
    ("家住城东的市民向晓蕾说，过去要换乘2趟公交车。", "向晓蕾", "市民"),
])
def test_speakers_introduced_by_what_they_do(text, speaker, title) -> None:
    assert sources(text)[["speaker", "speaker_title"]].values.tolist() == [[speaker, title]]


@pytest.mark.parametrize("text", ["市民向记者介绍，过去要换乘2趟公交车。", "队员向队友说，要坚持到底。"])
def test_xiang_before_whom_one_speaks_to_is_no_surname(text) -> None:
    assert sources(text)["speaker"].tolist() in ([], [""])


def test_a_role_ending_in_zu_titles_its_speaker() -> None:
    # autos_1 (blind round 12): 上班族顾女士：“…”; 民族 is no role
    assert sources("上班族顾女士：“冬天续航缩水比较明显。”")[["speaker", "speaker_title"]].values.tolist() == [
        ["顾女士", "上班族"]]
    assert sources("中华民族张扬个性。他说，好。")["speaker"].tolist() in ([], [""])


@pytest.mark.parametrize("text, expected", [
    # a family word before a name with a surname is its title, and a pronoun after it finds that person
    ("外婆陈秀兰在镇上开了四十年裁缝铺。她常说：“针脚要密，做人要实。”", [["陈秀兰", "外婆"]]),
    ("女儿沈青禾回忆，父亲80岁那年还背着样品袋上山。", [["沈青禾", "女儿"]]),
])
def test_a_family_word_is_the_title_of_a_name_with_a_surname(text, expected) -> None:
    named = sources(text)
    assert named[named["speaker"] != ""][["speaker", "speaker_title"]].values.tolist() == expected


def test_a_family_word_before_an_adverb_names_nobody() -> None:
    # serial_1's trap: 外公却总说 must not give the speaker 却总
    assert "却总" not in sources("外公却总说：“船小不怕浪。”")["speaker"].tolist()


def test_the_intro_of_a_qa_column_names_who_answers() -> None:
    # property_1 (blind round 13): 本期请…律师 X 解答读者的问题, then 问：/答： turns
    from newsanalysis.parse.page import parse_page

    page = parse_page("\n".join(["购房问答", "本报记者 应书禾", "本期请江城明衡律师事务所律师王清远解答读者的问题。",
                                 "问：定金和订金有什么区别？", "答：定金有担保作用，订金一般可以退还。"]))
    named = sources(page)
    assert named[named["speaker"] != ""][["speaker", "speaker_title", "modes"]].values.tolist() == [
        ["王清远", "江城明衡律师事务所律师", "interview"]]


def test_a_titled_given_name_may_end_in_he() -> None:
    assert sources("律师王清和说，合同有效。")[["speaker", "speaker_title"]].values.tolist() == [["王清和", "律师"]]
    assert "王明和" not in sources("市民王明和李华说，很好。")["speaker"].tolist()


# Blind rounds 15 and 16: 反映 and 喊 report speech; a person introduced 对此 or doing something (踩着) is who 他/她
# stand for next; a Q&A turn labelled with surname and title (蒋处长) is the interviewee introduced in full; police ranks
# are titles.
def test_callers_memoirs_and_interviewees_by_surname_and_title() -> None:
    assert sources("家住河东的居民韩秀英反映，小区门口的路灯不亮。")["speaker"].tolist() == ["韩秀英"]
    assert sources("退休教师邵文清对此感触很深。他说，社区食堂解决了大问题。")["speaker"].tolist() == ["邵文清"]
    assert sources("外婆程玉兰拎着竹篮进了门。她笑着说：“今年的桃子甜。”")["speaker"].tolist() == ["程玉兰"]
    assert sources("警署高级督察欧阳嘉宁在记者会上表示，案件仍在调查。")[["speaker", "speaker_title"]].values.tolist() == [
        ["欧阳嘉宁", "警署高级督察"]]
    assert sources("法官助理苗若溪提醒，当事人应及时更新地址。")[["speaker", "speaker_title"]].values.tolist() == [
        ["苗若溪", "法官助理"]]
    interview = Article(index=0, title="填报志愿要看位次", subtitle="——访市招生办主任柯望川",
                        paragraphs=["记者：今年有什么新变化？", "柯主任：本科计划增加了3000人。"],
                        qa_turns=[QATurn("记者", "今年有什么新变化？", 0), QATurn("柯主任", "本科计划增加了3000人。", 1)])
    named = sources(interview)
    assert named[named["speaker"] != ""][["speaker", "modes"]].values.tolist() == [["柯望川", "interview"]]


def test_a_round_tables_guests_are_named_with_their_titles() -> None:
    from newsanalysis.parse.page import parse_page

    page = parse_page("\n".join([
        "老街区更新怎么改", "主持人：本报记者　邝一鸣", "嘉宾：江城大学建筑学院教授　闵少川", "　　　城南街道党工委书记　芮晓棠",
        "主持人：改造最难的是什么？", "闵少川：难在留住街区原有的生活气息。", "芮晓棠：我们先后开了23场居民议事会。",
    ]))
    named = sources(page)
    assert named[named["speaker"] != ""][["speaker", "speaker_title", "modes"]].values.tolist() == [
        ["闵少川", "江城大学建筑学院教授", "interview"], ["芮晓棠", "城南街道党工委书记", "interview"]]


def test_readers_explanations_and_remarks_with_a_smile() -> None:
    assert sources("家住城北的读者孔令仪在信中说，女儿常问星星有多远。")[["speaker", "speaker_title"]].values.tolist() == [
        ["孔令仪", "读者"]]
    assert sources("物理学院副教授邵清和解释，蓝光更容易被散射。")[["speaker", "speaker_title"]].values.tolist() == [
        ["邵清和", "物理学院副教授"]]
    assert sources("主教练易卓衡笑言，球队只管赢好每一场。")["speaker"].tolist() == ["易卓衡"]
    assert sources("本期请律师王清远解答读者的问题。")["speaker"].tolist() == []


def test_who_says_it_often_and_a_vet() -> None:
    assert sources("老院长杭景明常说：“病人跑一趟不容易。”")["speaker"].tolist() == ["杭景明"]
    assert sources("兽医滕晓雯告诉记者，诊所每月接诊的犬只中约有15%是走失的。")[["speaker", "speaker_title"]].values.tolist() == [
        ["滕晓雯", "兽医"]]


def test_given_names_ending_in_month_or_year_and_village_heads() -> None:
    assert sources("里长陈素月表示，溪洲里设籍人口1260人。")[["speaker", "speaker_title"]].values.tolist() == [
        ["陈素月", "里长"]]
    assert sources("里長陳素月表示，帳目一律用大字印出張貼。")[["speaker", "speaker_title"]].values.tolist() == [
        ["陳素月", "里長"]]
    assert sources("老院长李永年说，医院去年添了两台设备。")["speaker"].tolist() == ["李永年"]
    # a month after a name is no part of it
    assert sources("局长陈十月说，上海取得突破。")["speaker"].tolist() == []


# Blind rounds 25 and 26: a press conference's labels, a name ending in 和 before the occasion, descriptors before a title.
def test_press_conference_turns_give_the_spokesperson_her_printed_title_and_the_press_is_no_source() -> None:
    from newsanalysis.parse.page import parse_page

    page = parse_page(
        "新闻发布会问答\n　　主持人：现在开始提问。\n　　江城日报记者：今年的就业形势怎么样？\n"
        "　　市人社局新闻发言人 邵清远：总体稳定，城镇新增就业3.2万人。\n　　新华社记者：高校毕业生呢？\n"
        "　　邵清远：我们开发了2000个见习岗位。\n")
    named = sources(page)
    named = named[named["speaker"] != ""]
    assert named[["speaker", "speaker_title", "modes"]].values.tolist() == [["邵清远", "市人社局新闻发言人", "interview"]]


@pytest.mark.parametrize(("text", "expected"), [
    ("市卫生健康委员会副主任祁允和在会上表示，全市注册护士增加。", [("祁允和", "市卫生健康委员会副主任")]),
    ("里长陈素月在说明会上说，今年收支平衡。", [("陈素月", "里长")]),
    ("市长祁允和在场群众交谈。", []),
    ("获得一等奖的急诊科护士长伍晓禾说，这份荣誉属于团队。", [("伍晓禾", "急诊科护士长")]),
    ("今年68岁的退休教师樊秀英说，社区食堂很方便。", [("樊秀英", "退休教师")]),
    ("北京一家出版社的版权经理王明说，版权交易增长。", [("王明", "北京一家出版社的版权经理")]),
])
def test_names_ending_in_he_before_the_occasion_and_descriptors_before_a_title(text, expected) -> None:
    got = extract_quotes(text)
    assert [(r.speaker, r.speaker_title) for r in got.itertuples()] == expected


# Blind rounds 27 and 28: people introduced with what they are (X是…, a name with 月 inside, a surname and 爷爷),
# then quoted through 他/她.
@pytest.mark.parametrize(("text", "expected"), [
    ("驻村第一书记洪文涛是去年来的。“今年村里通了公交。”他说。", [("洪文涛", "驻村第一书记")]),
    ("家住西湖社区的志愿者柯月娥，每天早上都来巡查。她告诉记者，垃圾乱扔的少了。", [("柯月娥", "志愿者")]),
    ("巷口的修鞋匠是老邻居孙爷爷。孙爷爷说，他在这里干了二十年。", [("孙爷爷", "老邻居")]),
    ("局长陈十月说，上海取得突破。", []),
])
def test_people_introduced_by_what_they_are_are_found_by_their_pronouns(text, expected) -> None:
    got = sources(text)
    assert [(r.speaker, r.speaker_title) for r in got.itertuples() if r.speaker] == expected


# Blind rounds 31 and 32: 称 opening what is said, 名称 naming a thing, a role word before a transliterated name, a
# transliterated name's short form.
@pytest.mark.parametrize(("text", "expected"), [
    ("公司主席邝仲言称会继续回购股份。", [("邝仲言", "公司主席")]),
    ("项目名称：江城医院设备采购。商品名称：书架。", []),
    ("面包店店主彼得·施密特说：“面粉贵了。”", [("彼得·施密特", "面包店店主")]),
    ("市交通局发言人安娜·贝克介绍，票价不变。贝克表示，线路将增加。",
     [("安娜·贝克", "市交通局发言人"), ("安娜·贝克", "市交通局发言人")]),
])
def test_claims_names_of_things_and_transliterated_names(text, expected) -> None:
    got = extract_quotes(text)
    assert [(r.speaker, r.speaker_title) for r in got.itertuples() if r.speaker] == expected


# Blind round 40: a person introduced with when they came (一早), then quoted through 她; an item's number before a
# title in a numbered list.
@pytest.mark.parametrize(("text", "expected"), [
    ("市民邵青禾一大早就排起了队。她说，展品比想象的还多。", [("邵青禾", "市民")]),
    ("3.区教育局局长尤晓川表示，明年新建学校4所。（4）市气象台台长滕远说，周末有雨。",
     [("尤晓川", "区教育局局长"), ("滕远", "市气象台台长")]),
])
def test_a_person_who_came_early_and_a_title_after_a_list_number(text, expected) -> None:
    got = extract_quotes(text)
    assert [(r.speaker, r.speaker_title) for r in got.itertuples() if r.speaker] == expected
