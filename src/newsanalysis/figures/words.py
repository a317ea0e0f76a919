"""The words around figures: units and their kinds, currency signs, hedges, range connectors, idioms.

Pure vocabulary (no logic beyond building lookup tables). ``UNITS`` maps every unit word that may follow a
number to its kind; ``UNITS_LONGEST_FIRST`` is the matching order. ``LATIN_UNITS`` are unit symbols that count
only right after digits and never before another Latin letter (``280EFLOPS``, ``120Hz``; not ``5G``).
Identifier and name contexts (``沪深300指数``, ``第二人民医院``) are listed in ``IDENT_AFTER`` and
``INSTITUTION_AFTER``.
"""

from __future__ import annotations

from typing import Literal

# what a figure is (``extract.extract_figures`` documents each kind with examples)
FigureKind = Literal[
    "percent", "count", "approx", "money", "measure", "age", "date", "year", "time", "duration", "range",
    "multiple", "fraction", "ratio", "score", "ordinal", "unread",
]

# --- the words that follow a number -------------------------------------------------------------------
# unit -> kind. Matched longest first, right after the number (and an optional 个).
_UNIT_GROUPS: dict[FigureKind, str] = {
    "percent": "% ‰ 个百分点 百分点 成 个基点 基点",
    "money": "元/平方米 元/吨 元/公斤 元/斤 元/月 元/天 元/日 元/小时 元/年 元/人 元/人次 元/次 元/亩 元/晚 美元/桶 元钱 元 美元 欧元 日元 英镑 港元 港币 澳元 韩元 卢布 泰铢 新台币 台币 人民币 美金 美圆 "
             "美刀 比特币 块钱 法郎 卢比 加元 新加坡元 瑞士法郎 林吉特 兰特 越南盾 圆",
    "measure": "毫米汞柱 微克/立方米 公里/小时 千米/小时 米/秒 百帕 公吨 微克 千瓦时 万千瓦 千瓦 兆瓦 吉瓦 瓦时 瓦 公里 千米 厘米 毫米 微米 纳米 平方米 平方公里 平方千米 "
               "立方米 目 公顷 亩 公斤 千克 毫克 克 吨公里 吨 摄氏度 华氏度 ℃ °C 度 升 毫升 海里 英里 英尺 英寸 里 "
               "马力 千帕 帕 分贝 赫兹 兆赫 吉赫 兆字节 字节 千字节 吉字节 太字节 千比特 兆比特 吉比特 比特 光年 毫安时 千伏 伏 安培 毫安 兆帕 千焦 焦耳 卡路里 千卡 大卡 流明 勒克斯 像素 环 点 立方 延米 米 斤 两 cm km kg mm CM KM KG MM kWh kW",
    "duration": "周年 个赛季 赛季 个工作日 工作日 个交易日 交易日 个自然日 自然日 个小时 小时 钟头 分钟 秒钟 毫秒 秒 个月 个星期 星期 个季度 季度 昼夜 天 年 周 晚",
    "count": "人次 架次 车次 班次 户次 辆次 艘次 航次 场次 批次 件次 家次 项次 台次 例次 人份 剂次 标准箱 标箱 位数 家庭 通道 部门 车道 列 胜 平 负 局 盘 杆 球 城 国 地 方 个 人 名 位 家 张 款 项 件 台 辆 架 艘 座 所 户 套 批 次 届 类 种 "
             "条 只 头 枚 场 轮 期 份 篇 部 本 株 棵 层 栋 幢 间 道 支 队 组 片 轴 卡 班 金 银 铜 例 起 宗 "
             "笔 单 票 处 对 双 副 把 根 颗 粒 匹 门 扇 盏 封 首 集 章 节 句 字 页 版 级 档 段 步 遍 趟 回 "
             "季 代 省 市 县 区 村 镇 乡 校 床 帧 瓶 袋 包 盒 箱 桶 杯 碗 分 强 年级 股 棒 楼 卷 幅 辑 册 孔 顶 发 注 行 室 厅 卫 男 女 口 锅 勺 罐 壶 篮 筐 盆 碟 手 战 面 响 和 稿 排 件(套) 下 块",
    "multiple": "倍",
    "age": "周岁 岁",
}
# unit symbols in Latin letters: a unit only right after digits (or digits and a space) and before no other letter
LATIN_UNITS: dict[FigureKind, str] = {
    "count": "TEU",
    "measure": "EFLOPS PFLOPS TFLOPS GFLOPS FLOPS TOPS THz GHz MHz kHz Hz GWh MWh kWh TWh GW MW kW mAh "
               "Tbps Gbps Mbps kbps PB TB GB MB KB nm mm cm km m2 kg mg ml mL kV mW W V μm",
}
UNITS: dict[str, FigureKind] = {u: kind for kind, words in _UNIT_GROUPS.items() for u in words.split()}
UNITS.update({u: kind for kind, words in LATIN_UNITS.items() for u in words.split()})
LATIN_UNIT_SET = frozenset(u for words in LATIN_UNITS.values() for u in words.split())
# units that read as a unit only after digits or 第 (a game's moves and points, its games): 235手, 1目半, 3战; after a
# Chinese numeral they start words (二手车, 一目了然, 二战)
AR_ONLY_UNITS = frozenset({"手", "目", "战"})
AFTER_GAMES = frozenset("全胜负平连皆仅均得0123456789，,。、；;)）")  # 3战全胜, 5战3胜: 战 counts games only before these (歼-20战机)
# units that read as a unit only after a Chinese numeral (三地, 两国, 三方): after digits they start names
CN_ONLY_UNITS = frozenset({"地", "国", "城", "方", "局"})
# bare numbers (no unit) followed by these are identifiers or names: 沪深300指数, 12345热线, 318国道, 985高校
IDENT_AFTER = ("指数", "热线", "国道", "省道", "县道", "乡道", "高速", "客服", "服务热线", "便民热线", "政务服务",
               "高校", "工程", "计划", "号线", "路公交", "路车", "次列车", "专线", "型", "系列", "版", "频道",
               "大街", "街区", "医院", "中学", "小学", "部队", "舰", "航班", "活动", "购物节", "大促", "单元")
# after 第N: an institution's name, not an ordinal (第二人民医院, 第一中学, 第三中级人民法院)
INSTITUTION_AFTER = ("人民", "中学", "小学", "中级", "高级", "医院", "中心", "实验", "附属", "看守所", "监狱",
                     "幼儿园", "职业", "师范", "初级中学", "高中", "初中", "军医", "研究所", "设计院", "分院", "产业", "医学院", "医科大学",
                     # rooms of an institution: 第十二法庭, 第三审判庭, 第一会议室 (第十二届 stays an ordinal)
                     "法庭", "审判庭", "会议室", "报告厅", "派出所", "开标室", "评标室", "诊室", "考场", "候车室", "展厅")
UNITS_LONGEST_FIRST = sorted(UNITS, key=len, reverse=True)
CURRENCY_PREFIXES = {"$": "美元", "US$": "美元", "￥": "元", "¥": "元", "€": "欧元", "£": "英镑", "HK$": "港元"}
# words around numbers: hedges (approximate, left out of the figure's text), range connectors, and words that
# contain numerals but are not figures
HEDGES_BEFORE = ("大约", "约为", "约", "将近", "接近", "近", "超过", "超", "逾", "突破", "不到", "不足", "不少于",
                 "至少", "最多", "多达", "小于", "大于", "上", "数")
HEDGES_AFTER = ("左右", "以上", "以下", "上下", "开外", "出头", "以内", "前后", "许")
CONNECTORS = {"至", "到", "-", "~", "—", "——", "～", "〜", "－", "－－", "--", "—-"}
IDIOMS = (
    "本科一批", "本科二批", "本科三批", "专科一批", "专科二批",  # admission tiers, named
    "千家万户", "千千万万", "千方百计", "千军万马", "千丝万缕", "万众一心", "百花齐放", "百家争鸣", "五湖四海",
    "四面八方", "七上八下", "七下八上", "一五一十", "三番五次", "一举两得", "两全其美", "十有八九", "百分百",
    "千秋万代", "五花八门", "四分五裂", "七零八落", "三令五申", "半斤八两", "一带一路", "三来一补", "一事一议",
    "万无一失", "百里挑一", "九牛一毛", "一心一意", "三心二意", "十全十美", "千里之行", "万家灯火", "一国两制",
    "十分", "万分", "千万不", "百姓", "四川", "三峡", "九州", "万一", "五一", "十一五", "十二五",
    "十三五", "十四五", "十五五", "二十大", "百强", "千百万", "百年变局", "百年未有", "百年大计", "百年老店", "一分为二", "第一时间", "第一书记", "成千上万", "成百上千",
    "一波三折", "一马当先", "梅开二度", "十里八乡", "十里八村", "一届不缺", "一举夺魁", "一票难求", "一骑绝尘", "九曲十八弯", "三五成群",
    "二十四节气", "三部曲", "四部曲", "在一块", "一块儿", "五台山", "七台河", "三门峡", "六盘水", "八达岭",
    "九寨沟", "千岛湖", "第一责任人", "一年四季", "四季如春", "两点一线", "一点一滴", "一把手", "二把手", "一级市场", "二级市场", "四强", "八强", "十六强", "三十二强", "一揽子", "一蹴而就", "一枝独秀", "千行百业", "三百六十行", "一目十行", "一家三口", "一家四口", "一家五口", "一口气", "异口同声", "一目了然", "三面环山", "四面环山", "两面性", "第一手资料", "第一手信息", "第一手材料", "第二手资料",
)
# numeral words of sports reports: the sentence around a 3比1, 3∶1 or 4-2 is about a match (so it is a score)
SPORTS_WORDS = ("队", "赛", "球", "局", "盘", "冠军", "亚军", "季军", "主场", "客场", "进球", "破门", "对手", "比分",
                "选手", "晋级", "淘汰", "单打", "双打", "男单", "女单", "男双", "女双", "混双", "团体", "战胜", "击败",
                "不敌", "获胜", "取胜", "夺冠", "卫冕", "联赛", "奥运", "世锦", "锦标", "公开赛", "世界杯", "半场")

# units of the same dimension and their factor to a base unit (used to compare 3千比特 with 3000比特)
UNIT_SCALE = {
    "千瓦": ("W", 1e3), "万千瓦": ("W", 1e7), "兆瓦": ("W", 1e6), "吉瓦": ("W", 1e9), "瓦": ("W", 1.0),
    "kW": ("W", 1e3), "CM": ("m", 1e-2), "KM": ("m", 1e3), "KG": ("g", 1e3), "MM": ("m", 1e-3), "公里": ("m", 1e3), "千米": ("m", 1e3), "km": ("m", 1e3), "米": ("m", 1.0),
    "厘米": ("m", 1e-2), "cm": ("m", 1e-2), "毫米": ("m", 1e-3), "mm": ("m", 1e-3), "公斤": ("g", 1e3),
    "千克": ("g", 1e3), "kg": ("g", 1e3), "克": ("g", 1.0), "毫克": ("g", 1e-3), "吨": ("g", 1e6),
    "斤": ("g", 500.0), "比特": ("bit", 1.0), "千比特": ("bit", 1e3), "字节": ("B", 1.0),
    "兆字节": ("B", 1e6), "升": ("l", 1.0), "毫升": ("l", 1e-3),
}
