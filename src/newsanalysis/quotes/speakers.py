"""Who can be a speaker: the vocabulary and name shapes that ``quotes`` uses to recognise people.

What belongs here is knowledge about names and titles, not about quotations: the title words printed
before a name (``市科委副主任``), the titles printed after one (``教授``), common and compound surnames,
words that look like names but are not (places, institutions, ``大家``), collective sources
(``与会学者``, ``公司``), transliterated names joined by ``·``, the reporting verbs and particles that may
follow a name, and the helpers that decide where a name starts and ends. Finding quotations, resolving
pronouns and attributing quotes to these names stays in ``quotes``. Patterns only, no jieba; nothing is
computed at import time beyond compiling constant patterns.
"""

from __future__ import annotations

import re

# Reporting verbs, longest first; a name followed by one of them is a speaker.
# Verbs that also have other senses (分析, 说明, 形容 ...) report speech only before punctuation (see PUNCT_VERBS).
PUNCT_VERBS = ("称", "分析", "解读", "说明", "形容", "回忆", "感慨", "感叹", "坦承", "补充", "反映", "喊", "嘱咐", "叮嘱", "念叨", "解释")
REPORTING_VERBS = sorted(
    {*"解释说 补充说 介绍说 表示 认为 指出 提醒 呼吁 介绍 建议 看来 强调 坦言 直言 笑言 透露 提到 谈到 告诉记者 说道 说"
     " 预测".split(), *PUNCT_VERBS,
     *(f"{v}{w}" for v in PUNCT_VERBS if v not in ("称", "说明") for w in "说道")},
    key=lambda v: (-len(v), v),
)

# Family words printed before a name (外公林守田, 女儿沈青禾): titles, but only before a name with a common surname
# (外公却总说 names nobody)
KINSHIP_TITLES = frozenset("外公 外婆 姥姥 姥爷 爷爷 奶奶 祖父 祖母 父亲 母亲 爸爸 妈妈 舅舅 舅妈 姑姑 姑父 叔叔 婶婶 伯父 伯母"
                           " 哥哥 姐姐 弟弟 妹妹 丈夫 妻子 儿子 女儿 孙子 孙女 老伴".split())
# the words for answering a Q&A column's questions (本期请律师王清远解答读者的问题)
ANSWER_WORDS = ("解答", "答疑", "回答", "释疑")
# Titles printed before a name (longest first) and after it.
_TITLES = sorted(set(
    "副总统 总统 副主席 主席 副总理 总理 首相 部长 副部长 局长 副局长 司长 副司长 处长 副处长 厅长 副厅长 市长 副市长"
    " 省长 副省长 县长 区长 书记 副书记 秘书长 副秘书长 主任 副主任 执行主任 院长 副院长 所长 副所长 校长 副校长 会长"
    " 副会长 理事长 董事长 副董事长 总经理 副总经理 经理 总裁 副总裁 首席执行官 首席科学家 首席研究员 首席经济学家"
    " 首席专家 首席代表 创始人 联合创始人 负责人 发言人 教授 副教授 研究员 副研究员 高级研究员 助理研究员 专家 学者"
    " 主任医师 医生 医师 护士长 工程师 总工程师 总设计师 设计师 总指挥 指令长 航天员 运动员 选手 教练 主教练 队长 大使"
    " 参赞 议员 议长 委员 代表 院士 博士 作家 导演 艺术家 律师 法官 总编辑 主编 馆长 站长 行长 副行长 社长 台长 团长"
    " 组长 厂长 主管 总监 合伙人 分析师 经济学家 科学家 老师 教师 队员 村支书 里长 村长 乡长 镇长 社区主任"
    " 导师 博士生导师 总干事 署长 外长 国务卿 国务委员 特使 顾问 董事 执行董事 常委 首席运营官 首席技术官 首席财务官"
    " 创办人 带头人 检察长 总编 秘书 首席统计师 统计师 规划师 会计师 检察官 主治医师 副主任医师 护士 CEO 村主任"
    " 党支部书记 党委书记 志愿者 讲解员 网格员 技术员 驾驶员 球员 司机 保安 村医 视察 参事 干事 督导 青年"
    " 督察 总督察 高级督察 警司 总警司 高级警司 警长 警官 探长 警务处长 助理处长 助理 法官助理 检察官助理 书记员 兽医 牙医 军医 中医 老中医 邻居".split()
    + list(KINSHIP_TITLES)), key=len, reverse=True)


def longest_word_pattern(words: list[str]) -> str:
    """A pattern matching the longest of ``words`` at a position, as ``"|".join`` of them longest first would,
    written as a trie: the regex engine follows one branch per character instead of trying every word.

    Example:
        >>> longest_word_pattern(["主任", "副主任", "主任医师"])
        '(?:主任(?:医师)?|副主任)'
        >>> re.findall(longest_word_pattern(["主任", "副主任", "主任医师"]), "副主任医师，主任")
        ['副主任', '主任']
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def branch(node: dict) -> str:
        tails = [re.escape(ch) + branch(rest) for ch, rest in sorted(node.items()) if ch]
        if not tails:
            return ""
        body = tails[0] if len(tails) == 1 else f"(?:{'|'.join(tails)})"
        if "" not in node:
            return body
        return f"(?:{body})?" if len(tails) == 1 and len(body) > 1 else f"{body}?"  # longer first, else stop here

    return branch(trie)


TITLE_RE = re.compile(longest_word_pattern(_TITLES))
# Role words are open-ended (首席统计师, 种粮大户, 江北区市民, 世界冠军): a word ending in one of these
# characters is a title when a person name follows it and the name's clause reports speech (see role_name).
_ROLE_ENDS = "师员长家手主户民生者客官军工警农人众迷族"  # 族: 上班族, 打工族
ROLE_END_RE = re.compile(rf"(?<=[\u4e00-\u9fff])[{_ROLE_ENDS}]")


def after_role_word(first: str) -> str | None:
    """The given name in the part of a transliterated name before its dot when a role word runs into it
    (``烤肠摊主汉斯`` -> ``汉斯``), else None.

    Example:
        >>> after_role_word("烤肠摊主汉斯"), after_role_word("唐纳德")
        ('汉斯', None)
    """
    cut = max(first.rfind(c) for c in _ROLE_ENDS)
    return first[cut + 1:] if 0 <= cut <= len(first) - 3 else None


_NOT_ROLES = {"民族", "家族", "种族", "部族", "记者", "笔者", "编者", "国家", "大家", "人家", "全家", "老家", "回家", "在家", "持人", "群众",
              "个人", "本人", "他人", "别人", "众人", "有人", "家人", "成人"}
# the interviewer and the press: a name printed after these is never a source (作者 is: a book's author, 作者贺青川)
PRESS_WORDS = ("记者", "笔者", "主持人", "通讯员", "实习生")
POST_TITLES = ("副教授", "教授", "博士", "院士", "研究员")
INTERVIEWER_RE = re.compile(r"^(?:本报|本刊|新华社|央视)?(?:记者|主持人|问)$")  # who asks the questions
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
    "谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安"
    "齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛"
    "靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟"
    "冼蔺楼满闻厉伏仝郜阚权帅屠朴盖练廉禹井祖漆巴丰支卿狄计索宣晋相初容敬扈晁芮阙浦戈伊端宿钮衣展雍郦乌习"
    "阎亓郗禤逄訾仉笪眭昝隗綦邴菅郄郤杭洪傅萧贝凤竺茅荀邰湛揭戎濮邸缑"
)
COMPOUND_SURNAMES = {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙", "夏侯", "宇文", "长孙"}
# first characters of a surname or of 小李/老王: a name can start nowhere else (a cheap test before the patterns)
_NAME_HEADS = frozenset(SURNAMES | {c[0] for c in COMPOUND_SURNAMES} | {"小", "老"})
# a role word's last character where no longer role word goes on (行政长官) and a name may start
_ROLE_BEFORE_NAME_RE = re.compile(f"{ROLE_END_RE.pattern}(?![{_ROLE_ENDS}])(?=[{''.join(sorted(_NAME_HEADS))}])")
SURNAME_HEADS = "".join(sorted(SURNAMES | {c[0] for c in COMPOUND_SURNAMES}))  # where has_surname may hold
_SAYS_OR_ANSWERS = re.compile("|".join(sorted({*REPORTING_VERBS, *ANSWER_WORDS}, key=len, reverse=True)))
# where a person spoke, between the name and the verb: 在会上表示, 在发布会上介绍, 在接受采访时说
_OCCASION_RE = re.compile(r"在[\u4e00-\u9fff]{1,8}?[上中时]")


def _speech_follows(text: str, pos: int) -> bool:
    """Whether a reporting verb follows at ``pos``, directly or after the occasion (``在会上表示``)."""
    occasion = _OCCASION_RE.match(text, pos)
    return _SAYS_OR_ANSWERS.match(text, pos) is not None or (
        occasion is not None and _SAYS_OR_ANSWERS.match(text, occasion.end()) is not None)


# whom a person speaks to (向记者介绍, 向队友说): after 向 never a given name
_ADDRESSEES = frozenset({"记者", "本报", "队友", "大家", "媒体", "外界", "公众", "网友", "观众", "家长", "同事", "领导", "游客",
                         "乘客", "顾客", "读者", "患者", "孩子", "他们", "我们", "你们", "社会", "对方", "上级", "组织"})
_BAD_NAME_CHARS = set("的了是们等和与及在也都还就将会对向为以从把被让这那其之我你他她它该此各每某有没不年月日个说表认指")
_REPORTING = tuple(REPORTING_VERBS)
_STRONG = _REPORTING + (
    "告诉", "回应", "答复", "在", "于", "为", "以", "此前", "日前", "近日", "也", "还", "则", "曾", "对", "向", "看来", "接受", "带领",
    "受访", "其后", "随后",
) + POST_TITLES
_WEAK = ("和", "与", "的", "、")
BOUNDARY = set("，,。；;：:！!？?“”「」『』（）()\"\n")
ADVERBS_RE = re.compile(r"(?:还|也|则|都|又|曾|均|亦|纷纷|一致|普遍|进一步|回应|答复|对记者)+$")
# A date or time printed between a name and what the person did (赵辰昕9月23日在…介绍, 付凌晖15日…, 周进强当天…).
# A date written in digits always ends a name; a time word ends it only before a strong follower.
DATE_AFTER_NAME_RE = re.compile(
    r"(?:(?:去年|今年|前年|同年|当年)?(?:\d{1,2}月)?\d{1,2}日|(?:去年|今年|前年|同年|当年)\d{1,2}月)"
    r"(?:上午|下午|晚间|晚上|早上|中午|凌晨)?")
TIME_AFTER_NAME_RE = re.compile(r"(?:当天|当日|当晚|昨天|昨日|今天|今日|前天|日前|近日|此前|其后|随后|上午|下午|晚间)+")
# Short adverbials allowed between a speaker and the reporting verb: time (赛后, 当天), manner (笑着,
# 激动地), simultaneity (一边卸粮一边), addressee (对记者, 向本报记者).
_ADVERBIAL = (
    r"(?:赛后|会后|课后|事后|节后|散会后|随后|后来|当天|当日|当时|昨天|昨日|今天|今日|前天|日前|近日|最近|此前|最后|"
    r"同时|现场|一边[\u4e00-\u9fff]{1,6}?一边|边[\u4e00-\u9fff]{1,4}?边|"
    r"[笑指看摸拿翻握抱捧望搓擦比][着著](?:[\u4e00-\u9fff]{1,4}?(?=说|表示|介绍))?|"
    r"(?:不无|略带|颇为|十分|非常|有些|难掩)?(?:激动|高兴|感慨|动情|自豪|骄傲|兴奋|坦率|坦诚|认真|坚定|肯定|笑眯眯|"
    r"笑呵呵|乐呵呵|无奈|平静|郑重|诚恳|深情|风趣|幽默|谦虚|腼腆|爽朗|遗憾|开心|语重心长|意味深长|信心满满|满怀信心)地?|"
    r"(?:对|向|告诉)(?:本报|新华社)?记者|还|也|则|都|又|曾|均|亦|再次|纷纷|一致|普遍|进一步|"
    # how often a person says it: 杭景明常说, 他总说, 她生前常对学生说
    r"常常|经常|总是|常|总|生前|一再|反复|(?:常|总|经常)?对[一-鿿]{1,6}?(?=说))"
)
ADVERBIAL_RE = re.compile(f"{_ADVERBIAL}+")
COLLECTIVE_RE = re.compile(
    r"(?:学者|专家|人士|官员|代表|人员|负责人|部门|公司|企业|机构|集团|政府|中心|协会|学会|大学|医院|团队|方面|我们|他们|"
    r"她们|大家|有人|网友|居民|市民|村民|游客|家长|受访者|业内|报告|研究|调查|数据|公报|[部局委厅院所办署])$"
)
_PLACE = re.compile(r"(?:[国省市县区州洲岛村镇])$")
_ADMIN_PLACE = re.compile(r"(?:[省市县区州])$")  # after a title only these endings rule a name out (王建国 is a name)
# Forms of address after a surname (刘女士, 陈阿姨, 禤师傅) and 小/老 words that are no names.
HONORIFICS = ("女士", "先生", "阿姨", "大爷", "大妈", "大娘", "大姐", "大哥", "大叔", "大伯", "师傅", "奶奶", "爷爷",
              "阿婆", "婆婆", "阿公", "阿伯", "老伯", "老师", "老汉", "小姐", "同学", "医生")
_HONORIFIC_RE = re.compile("|".join(HONORIFICS))
_NOT_SHORT_NAMES = {"老师", "老农", "小时", "小康", "小米", "小麦", "老党", "老车", "小车", "小商", "老房", "小农", "小于",
                    "老于", "小白", "老成", "小区", "小龙", "老龙", "小强", "老安", "小常", "老常", "小童", "小计", "老年"}
# Given-name characters that are also particles: accepted in the middle of a titled name (何以宁, 王有才).
_GIVEN_NAME_PARTICLES = set("以之有其为")
_AFTER_ZHI = ("所以", "前", "后", "一", "间", "中", "外", "下", "上", "际", "处")  # 李明之前: 之 is no part of the name
# What may follow a person introduced without a reporting verb (see intro_name).
INTRO_RE = re.compile(
    r"(?:今年|去年|已经|已|是|就是|一直|把|将|正在|正|刚刚|刚|每天|平时|家住|住在|所在|看中|拿着|指着|带着|提着|坐在|站在|"
    r"走进|来到|从|在|也|还|便|就|对此|\d{1,3}岁|"
    # when or how often the person does it: 市民龚丽华一早就带着孙子来看鸟
    r"一大早|大清早|一早|早早|清早|特意|专门|连夜|常常|经常|总是|从小|至今|如今|当年|每周|每年|每逢|"
    # what a person is doing as the sentence opens: 祖母周桂英踩着木梯 (着 of 着急, 着手 … is another word)
    r"[\u4e00-\u9fff]着(?![急想重手实力眼迷陆])|"
    # adverbs that open what the person does or cares about: 院长韦叙安更关心看病就医
    r"更|最|尤其|格外|十分|非常|始终|同样|则|又|曾|常年|多年|长期|先后|"
    # what a person runs or keeps: 由第三代传人邵春娥打理
    r"打理|经营|掌管|负责|主持|带领|守着|"
    # who answers a Q&A column's questions: 本期请律师王清远解答
    + "|".join(ANSWER_WORDS) + ")")
_NAME_HAN = "[\u4e00-\u9fff]"
_HAN_RUN = re.compile(f"{_NAME_HAN}+")
_REST = 32  # how much of the text after a candidate name decides where the name ends (keeps scans linear)
NAME_DOTS = "·•・‧"
NAME_DOT_RE = re.compile(f"[{NAME_DOTS}]")
DOT_NAME_RE = re.compile(rf"({_NAME_HAN}{{1,6}})((?:[{NAME_DOTS}]{_NAME_HAN}{{1,8}})+)")
_CLAUSE_END_RE = re.compile(r"[，,。；;：:！!？?“”（）()\n]")  # where the clause after a role name ends
_REPORTS_RE = re.compile("|".join(REPORTING_VERBS) + "|告诉|回应|答复")

NOT_NAMES = set(
    "中国 美国 日本 韩国 俄罗斯 英国 法国 德国 印度 欧盟 联合国 东盟 非洲 欧洲 亚洲 美方 中方 外方 双方 各方 对方 我方"
    " 北京 上海 天津 重庆 河北 山西 辽宁 吉林 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西"
    " 甘肃 青海 台湾 广西 西藏 宁夏 新疆 香港 澳门 深圳 广州 杭州 南京 武汉 成都 西安 苏州 文件 报告 意见 通知 方案 规划"
    " 公告 声明 研究 调查 分析 数据 统计 资料 文章 评论 社论 消息 新闻 媒体 舆论 外界 市场 官方 警方 法院 检方 校方 院方"
    " 大家 记者 笔者 有人 网友 群众 文化 经济 社会 政治 科技 金融 国际 全国 全球 世界 会议 大会 论坛 峰会 业内".split()
)


def follows_name(rest: str, *, strong: bool) -> bool:
    """Whether ``rest`` (the text right after a candidate name) lets the name end there.

    Args:
        rest: the text following the candidate.
        strong: demand a reporting verb, a post title or a particle such as 在/也/对; otherwise a clause
            boundary, the end of the text or 和/与/的/、 also end a name.

    A date in digits (``9月23日在…``) ends a name, and so does a time word before a strong follower
    (``当天在…``).

    Example:
        >>> follows_name("说，", strong=True), follows_name("，", strong=True), follows_name("和李四", strong=False)
        (True, False, True)
    """
    if not rest or rest[0] in BOUNDARY:
        return not strong
    if rest.startswith(_STRONG) or (not strong and rest.startswith(_WEAK)) or DATE_AFTER_NAME_RE.match(rest):
        return True
    when = TIME_AFTER_NAME_RE.match(rest)
    if when and rest.startswith(_STRONG, when.end()):
        return True
    gap = ADVERBIAL_RE.match(rest)
    return bool(gap) and rest.startswith(_REPORTING, gap.end())


def parse_name(text: str, p: int, *, titled: bool) -> tuple[str, int] | None:
    """The person name starting at ``text[p]`` and its end, or None (the name must be followed sensibly).

    Args:
        text: the paragraph.
        p: where the candidate starts (for a titled name, right after the title word).
        titled: the name follows a title word; four-character names and names without a common surname
            are then accepted before weaker followers.

    Example:
        >>> parse_name("市科委副主任翟炜说", 6, titled=True), parse_name("中国表示", 0, titled=False)
        (('翟炜', 8), None)
    """
    short = short_name(text, p)
    if short and (titled or follows_name(text[short[1]:short[1] + _REST], strong=True)):
        return short
    m = DOT_NAME_RE.match(text, p)
    if m:
        first = m.group(1)
        if after_role_word(first) is not None:
            return None  # 烤肠摊主汉斯·米勒: a role word, then the name; the title's reader takes them apart
        last = m.start(2) + 1
        for k in range(1, m.end() - last + 1):
            if follows_name(text[last + k:last + k + _REST], strong=False):
                return text[p:last + k], last + k
        return None
    if titled and text[p + 2:p + 3] == "和" and text[p:p + 1] in SURNAMES and _HAN_RUN.fullmatch(text[p:p + 3]) \
            and text[p + 1] not in _BAD_NAME_CHARS and _speech_follows(text, p + 3):
        return text[p:p + 3], p + 3  # 律师阮清和解答: a given name ending in 和 when speech follows it, not "and"
    for n in (2, 3, 4):
        cand = text[p:p + n]
        if len(cand) < n or not _HAN_RUN.fullmatch(cand):
            return None
        # 何以宁, 王有才; and a given name ending in 之 (许衡之, 王敬之), after a title only
        inner_ok = titled and n == 3 and cand[0] in SURNAMES and (
            cand[1] in _GIVEN_NAME_PARTICLES and cand[2] not in _BAD_NAME_CHARS
            or cand[2] == "之" and cand[1] not in _BAD_NAME_CHARS and not text.startswith(_AFTER_ZHI, p + 3)
            # 陈素月, 李永年: a given name ending in 月 or 年, when speech follows it
            or cand[2] in "月年" and cand[1] not in _BAD_NAME_CHARS and cand[1] not in "一二三四五六七八九十两几上下本次正腊"
            and _speech_follows(text, p + 3))
        # 向 is a surname and a preposition: as a titled three-character name reporting speech it is the surname
        # (市民向晓蕾说), anywhere else the word (市民向记者介绍)
        surname_head = (titled and n == 3 and cand[0] == "向" and cand[1:] not in _ADDRESSEES
                        and not ROLE_END_RE.match(cand, 2) and follows_name(text[p + n:p + n + _REST], strong=True))
        if ((cand[0] in _BAD_NAME_CHARS and not surname_head)
                or (not inner_ok and not _BAD_NAME_CHARS.isdisjoint(cand[1:])) or TITLE_RE.fullmatch(cand)):
            continue
        surname = cand[:2] in COMPOUND_SURNAMES or (cand[0] in SURNAMES and n <= 3)
        if n == 4 and cand[:2] not in COMPOUND_SURNAMES and (not titled or INTRO_RE.match(text, p + 3)):
            continue  # 孙大海正在…: a three-character name and 正在
        if cand in NOT_NAMES or ADVERBS_RE.fullmatch(cand):
            continue
        if follows_name(text[p + n:p + n + _REST], strong=not (surname and titled)):
            return cand, p + n
    return None


def short_name(text: str, p: int) -> tuple[str, int] | None:
    """A name of an ordinary person whose length is fixed by its form, or None: ``小李`` / ``老王`` (小 or 老
    and a surname), ``刘女士`` / ``陈阿姨`` / ``欧阳女士`` (a surname and a form of address).

    Example:
        >>> short_name("外卖骑手小李把车停下", 4), short_name("市民欧阳女士说", 2), short_name("老师说", 0)
        (('小李', 6), ('欧阳女士', 6), None)
    """
    if text[p:p + 1] not in _NAME_HEADS:
        return None
    head, rest = text[p:p + 2], text[p + 2:p + 2 + _REST]
    if (len(head) == 2 and head[0] in "小老" and head[1] in SURNAMES and head not in _NOT_SHORT_NAMES
            and (not _HAN_RUN.match(rest) or INTRO_RE.match(rest) or follows_name(rest, strong=True))):
        return head, p + 2  # not 小沈 of 小沈阳
    for k in (2, 1):
        surname = text[p:p + k]
        if (k == 2 and surname in COMPOUND_SURNAMES) or (k == 1 and surname in SURNAMES):
            addr = _HONORIFIC_RE.match(text, p + k)  # the first of HONORIFICS printed there
            if addr:
                return text[p:addr.end()], addr.end()
    return None


def intro_name(text: str, p: int, *, listed: bool) -> tuple[str, int] | None:
    """The name after a title ending at ``p`` when the sentence goes on about the person without reporting
    speech (``退休教师王建国今年78岁``, ``外卖骑手小李把电动车停在路边``), or None.

    Such a mention is no source by itself; it tells who a later ``他说`` or ``这位负责人说`` refers to. The
    name must carry a common surname (or be a ``short_name``) and be followed by a word that starts a
    predicate (今年, 是, 把, 家住 ...); after a listed title (``listed``) a comma also ends it.

    Example:
        >>> intro_name("村民亓德旺今年81岁", 2, listed=False), intro_name("国家统计局今年", 5, listed=False)
        (('亓德旺', 5), None)
    """
    if text[p:p + 1] not in _NAME_HEADS or not_a_role(text, p):
        return None
    short = short_name(text, p)
    if short:
        return short
    lengths = (3, 4) if text[p:p + 2] in COMPOUND_SURNAMES else (2, 3)
    if text[p:p + 1] not in SURNAMES and text[p:p + 2] not in COMPOUND_SURNAMES:
        return None
    for n in lengths:
        cand, rest = text[p:p + n], text[p + n:p + n + _REST]
        if len(cand) < n or not _HAN_RUN.fullmatch(cand):
            return None
        if not _BAD_NAME_CHARS.isdisjoint(cand[1:]) and not (cand[-1] != "月" and _BAD_NAME_CHARS.isdisjoint(cand[1:].replace("月", ""))):
            if n == lengths[0] and cand[-1] == "月":
                continue  # 程月华: 月 inside a given name (a name never ends in it here)
            return None
        if cand in NOT_NAMES or COLLECTIVE_RE.search(cand) or _ADMIN_PLACE.search(cand) or TITLE_RE.search(cand):
            continue
        if INTRO_RE.match(rest) or (listed and rest[:1] in ("，", ",", "。")):
            return cand, p + n  # (摊主是邻居郑爷爷。 introduces him too)
    return None


def bare_name_ok(name: str, *, after_quote: bool) -> bool:
    """A name printed without a title: ``·`` names, names with a common surname, or any name right after ”.

    Places, institutions, collective sources and title words are never bare names.

    Example:
        >>> bare_name_ok("翟炜", after_quote=False), bare_name_ok("公司", after_quote=True)
        (True, False)
    """
    if DOT_NAME_RE.fullmatch(name):
        return True
    if short_name(name, 0) == (name, len(name)) and name not in NOT_NAMES:
        return True  # 刘女士, 郑爷爷 (a surname and a form of address, though 爷爷 alone is a title word)
    if name in NOT_NAMES or COLLECTIVE_RE.search(name) or _PLACE.search(name) or TITLE_RE.search(name):
        return False
    return name[0] in SURNAMES or name[:2] in COMPOUND_SURNAMES or after_quote


def role_name(text: str, p: int, *, reported: bool = True) -> tuple[str, int] | None:
    """The name after an open role word ending at ``p`` (``种粮大户`` + ``尤德才``), or None.

    Stricter than a listed title: the role word must end in 师/员/长/家/手/主/户/民/生/者/客/官/军/工/警/农/人
    (not 记者, 国家, 大家), the name must carry a common surname and pass ``bare_name_ok``, and a reporting
    verb must follow in the name's clause, possibly after a short adverbial (``一边卸粮一边说``).

    Args:
        text: the paragraph.
        p: the offset right after the role word.
        reported: demand the reporting verb; False where the context names a speaker anyway (the
            ``——专访世界冠军乔语桐`` subtitle of an interview): the name must then end the text.

    Example:
        >>> role_name("江北区市民蔡晓蕾说", 5), role_name("维护国家安全在于人民", 4)
        (('蔡晓蕾', 8), None)
    """
    if not has_surname(text, p) or not_a_role(text, p) or not ROLE_END_RE.match(text, p - 1):
        return None  # every name parse_name gives starts at p
    if reported and not NAME_DOT_RE.search(text, p + 1, p + 7) and not _REPORTS_RE.search(text, p + 2, p + 24):
        return None  # without · a name ends by p + 4, and no reporting verb follows in the 20 characters read after it
    parsed = parse_name(text, p, titled=True)
    if parsed is None:
        return None
    name, end = parsed
    if not (name[0] in SURNAMES or name[:2] in COMPOUND_SURNAMES) or not bare_name_ok(name, after_quote=False):
        return None
    if not reported:
        return parsed if not text[end:].strip() else None
    clause = _CLAUSE_END_RE.split(text[end:end + 20], maxsplit=1)[0]
    return parsed if _REPORTS_RE.search(clause) else None


def has_surname(text: str, p: int) -> bool:
    """Whether a common or compound surname starts at ``text[p]`` (a cheap test before parsing a name there).

    Example:
        >>> has_surname("市民欧阳女士说", 2), has_surname("上官婉儿", 0), has_surname("市民说", 2)
        (True, True, False)
    """
    return text[p:p + 1] in SURNAMES or text[p:p + 2] in COMPOUND_SURNAMES


def not_a_role(text: str, p: int) -> bool:
    """Whether the word ending at ``p`` is no title for the name after it: the press and the interviewer
    (``本报记者``, ``主持人``, ``通讯员``) and words such as 国家, 大家 (but ``社区工作者`` is a role).

    Example:
        >>> not_a_role("本报记者王晓", 4), not_a_role("社区工作者韦晓楠", 5), not_a_role("市民刘女士", 2)
        (True, False, False)
    """
    if text.endswith("工作者", 0, p):
        return False
    return text.endswith(PRESS_WORDS, 0, p) or text[max(0, p - 2):p] in _NOT_ROLES


def role_title_ends(text: str) -> list[int]:
    """Offsets right after each open role word's last character where a name may start (a surname, 小 or 老) and
    no longer role word goes on (行政长官, not 行政长): the candidates for ``role_name`` and ``intro_name``.

    Example:
        >>> role_title_ends("种粮大户尤德才说，行政长官李家超表示，大户说")
        [4, 13]
    """
    return [m.end() for m in _ROLE_BEFORE_NAME_RE.finditer(text)]


def is_interviewer(speaker: str, title: str) -> bool:
    """Whether a quote or source row is the interviewer's: no name and a title such as 记者, 主持人 or 问 (who asks
    the questions is never a source).

    Example:
        >>> is_interviewer("", "本报记者"), is_interviewer("沈克华", "教授"), is_interviewer("", "有关负责人")
        (True, False, False)
    """
    return not speaker and bool(INTERVIEWER_RE.match((title or "").strip()))
