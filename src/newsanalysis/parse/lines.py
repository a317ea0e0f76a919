"""Recognising single printed lines: bylines, photo credits, datelines, jump lines, editor's notes, Q&A labels.

Every pattern runs on the width-folded line (see ``normalize.fold``), so ``（记者 查睿）`` and
``(记者 查睿)`` match alike and offsets stay valid in the original text.

The parser asks about the same line many times (whether it ends a sentence, its names, its Q&A label), so the
questions asked again and again are bounded caches of the line's text (``memo.text_cache``); answers holding
lists are kept as tuples and copied out, so a caller changing its list cannot change the next caller's answer.
Questions asked once per line are not cached (a cache that never answers twice only costs); cheap tests of a few
characters let them, and :func:`is_running_text`, skip the long patterns on lines that cannot match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsanalysis.memo import text_cache
from newsanalysis.normalize import (
    ends_sentence,
    fold,
    fold_width,
    has_inner_sentence_end,
)

_HAN = r"[\u4e00-\u9fff\u3400-\u4dbf]"
_DOT = r"[·•・‧]"
NAME = rf"(?:{_HAN}{{1,8}}(?:{_DOT}{_HAN}{{1,10}})+|{_HAN}{{2,4}})"
_SEP = r"(?:\s*[、,，/]\s*|\s+)"
_NAMES = rf"{NAME}(?:{_SEP}{NAME})*"

REPORTER_ROLES = (
    "本报特约评论员", "本报评论员", "特约评论员", "评论员", "本报特约通讯员", "特约通讯员",
    "本报特约记者", "本报见习记者", "本报首席记者", "本报特派记者", "新华社特约记者", "本报通讯员",
    "新华社记者", "中新社记者", "人民日报记者", "本报记者", "特约记者", "见习记者", "特派记者",
    "首席记者", "实习记者", "通讯员", "实习生", "记者", "撰文", "文/图", "文/", "图/",
    "本版资料整理", "资料整理", "文字整理",
)
_ROLE = (
    r"(?:[0-9A-Za-z\u4e00-\u9fff]{2,12}?(?=(?:特约|见习|首席|实习)?记者))?"  # a paper's name: 21世纪经济报道记者
    "(?:" + "|".join(re.escape(r) for r in sorted(REPORTER_ROLES, key=len, reverse=True))
    # a bare 文 (文 王明 图 李华) is a role only standing alone: inside 阎文涛 it is part of the name
    + r"|(?<![\u4e00-\u9fff])文(?=[\s:：])" + ")"
)
# 深圳报道 (a place printed against 报道) or a bare 报道/采写 after the names; 文/图 credits text and photos
_REPORTED_END = re.compile(r"(?:(?:\s+|\s*/\s*)[\u4e00-\u9fff]{2,4}报[道导]|\s*(?:报[道导]|采写|整理|编译))\s*[:：]?\s*$|(?:文/图|图/文|文图)\s*$")
_REPORTED = r"(?:\s*/?\s*(?:[\u4e00-\u9fff]{2,4})?(?:报[道导]|采写|整理|编译)|\s*(?:文/图|图/文|文图))"
_ROLE_SPLIT = re.compile(_ROLE)

# words that follow 记者/通讯员 in column labels and must not be read as names
_NOT_NAMES = {
    "手记", "观察", "调查", "来信", "节日", "采访", "走访", "探访", "体验", "再访", "回访", "跟踪", "专访",
    "笔记", "视角", "连线", "直击", "日记", "随笔", "故事", "点评", "追踪", "报道", "述评", "获悉",
    "文章",  # 评论员文章 / 本报评论员文章: a column label
}

# Every credit below (摄, 发, 供图, 绘, 作, 资料图片, 来源 …) has one of these characters: a line without any is
# none, and the long pattern need not run on it (a class of characters is found much faster than a choice of words).
CREDIT_CHAR = re.compile("[摄发图绘画作源]")
_BARE_WEN = re.compile(r"撰文|文/|(?<![\u4e00-\u9fff])文(?=[\s:：])")


def _names_a_role(s: str) -> bool:
    """Whether ``s`` holds one of the roles above, as the byline patterns need (found with plain ``in`` tests)."""
    return ("记者" in s or "评论员" in s or "通讯员" in s or "实习生" in s or "图/" in s
            or ("文" in s and _BARE_WEN.search(s) is not None))

_BULLET = r"[■□●○◎◆◇★☆▲△▶►※]?\s*"
BYLINE_RE = re.compile(  # 本报记者 王明 / 〔记者 张三/台北报导〕 (Taiwan papers bracket the byline; a (…) is a tail byline)
    rf"^\s*{_BULLET}(?P<open>[〔【\[])?\s*{_ROLE}\s*{_NAMES}(?:\s*{_ROLE}\s*{_NAMES})*{_REPORTED}?\s*(?(open)[〕】\]])\s*$"
)
# an opinion page's signature: □ 方知秋
BULLET_NAME_RE = re.compile(rf"^\s*[■□●○◎◆◇★☆]\s*{_NAMES}\s*$")
# a student's essay signed with school, grade and class: 江城一中 高二（3）班 李思远 (or 江城实验小学四年级（2）班 李小米);
# its teacher's line (指导老师：X, 指导老师 X) under it or after the essay
STUDENT_BYLINE_RE = re.compile(rf"^\s*{_HAN}{{2,16}}\s*(?:高[一二三]|初[一二三]|[一二三四五六七八九]年级)\s*\(?\s*\d{{1,2}}\s*\)?\s*班\s+"
                               rf"(?P<name>{NAME})\s*$")
_BULLET_UNIT = re.compile(rf"^\s*(?:[■□●○◎◆◇★☆]|[—–-]{{1,2}})\s*(?P<name>{NAME})\s*\(\s*{_HAN}{{2,30}}\s*\)\s*$")
# who answers a Q&A column: 答疑：青川区人民法院法官 苏晚晴 (a source, not its writer)
_ANSWERER = rf"(?:答疑|解答|释疑|答问|主答)(?:专家|嘉宾|人)?\s*[:：]\s*(?:(?P<title>{_HAN}{{2,24}})\s+)?(?P<name>{NAME})"
ANSWERER_RE = re.compile(rf"^\s*{_ANSWERER}\s*$")
SUPERVISOR_RE = re.compile(rf"^\s*(?:指导(?:老师|教师)(?:\s*[:：]\s*|\s+){_NAMES}|{_ANSWERER})\s*$")
# 记者 林晓棠/文 蒋帆/摄: words by one, pictures by another
COMBINED_CREDIT_RE = re.compile(
    rf"^\s*{_BULLET}(?:{_ROLE})?\s*(?P<words>{_NAMES})\s*/\s*文\s*[,，、]?\s*(?:{_ROLE})?\s*(?P<photos>{_NAMES})\s*/\s*摄\s*$"
)
# collective bylines without a personal name
STAFF_BYLINE_RE = re.compile(
    r"^\s*(?:(?:本报|新华社|人民日报|经济日报|光明日报)(?:特约)?评论员|本报编辑部|本报(?:综合|联合)?报道组|本报综合报道)\s*$"
)
CREDIT_RE = re.compile(
    rf"^\s*[(\[【]?\s*(?:"
    rf"(?:(?:组图|图)\s*[:：]\s*)?(?:{_ROLE}\s*)?{_NAMES}\s*/?\s*摄(?:影)?"  # 组图：本报记者 邬晴川 摄 credits a photo group
    rf"|摄影\s*[:：/]\s*{_NAMES}"  # 摄影：殷照
    rf"|(?:新华社|中新社|本报|视觉中国|IC|人民视觉)(?:记者\s*{_NAMES}\s*)?发(?:\s*[(]?\s*{_NAMES}\s*摄\s*[)]?)?"
    rf"|{_HAN}{{2,10}}\s*(?:供图|制图|绘图|绘)|{NAME}\s+作|资料图片|(?:图片来源|数据来源|资料来源|来源|制图)[:：].{{1,30}}"
    rf"|(?:漫画|插图|插画|绘图|绘画)\s*[:：/]\s*{_NAMES}"  # 漫画：邬小舟 credits a cartoon
    rf")\s*[)\]】]?\s*$"
)
JUMP_RE = re.compile(r"^\s*[(\[【]\s*((?:下转|上接|转|接)(?:第)?\s*[0-9一二三四五六七八九十A-Za-z]+\s*版.{0,8}?"
                     r"|未完待续|待续|未完)\s*[)\]】]\s*$")  # （未完待续）: a serial goes on in the next installment
_PAGE_NO = r"第?\s*[0-9一二三四五六七八九十A-Za-z]{1,4}\s*版"
# the mark a wire story or a serial installment ends with, on a line of its own: （完）, 【完】, （全文完）
END_MARK_RE = re.compile(r"^\s*[(\[【]\s*(?:完|全文完|本文完|终)\s*[)\]】]\s*$")


# a dispatch header printed in brackets after the story instead of before it: （本报柏林12月1日电）, （新华社北京3月5日电）
_TAIL_DATELINE_RE = re.compile(
    r"^\s*\(\s*(?P<dateline>(?:本报|新华社|中新社|人民日报|光明日报|经济日报)(?:驻)?[\u4e00-\u9fff]{0,10}?"
    r"\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:专|讯|电讯)?电)\s*\)\s*$")


def tail_dateline(text: str) -> str | None:
    """The dispatch header of a line that is only one, in brackets, as printed after a story; else None.

    Example:
        >>> tail_dateline("（本报柏林12月1日电）"), tail_dateline("（本报记者 王明）")
        ('本报柏林12月1日电', None)
    """
    printed = text.strip()
    s = fold(printed)  # one character for one, so the match's offsets hold in the printed line
    m = _TAIL_DATELINE_RE.match(s) if "电" in s else None
    return None if m is None else printed[m.start("dateline"):m.end("dateline")]


def is_end_mark(text: str) -> bool:
    """A story's end mark on a line of its own.

    Example:
        >>> is_end_mark("（完）"), is_end_mark("（未完待续）"), is_end_mark("完成")
        (True, False, False)
    """
    return END_MARK_RE.match(fold(text)) is not None
# a teaser's pointer to the page that carries the story: （详见第3版）, （见A5版）, >>>第6版, →第2版
POINTER_RE = re.compile(
    rf"(?:[(\[【]\s*(?P<bracketed>(?:详见|详情见|见)\s*(?:本报)?{_PAGE_NO})\s*[)\]】]"
    rf"|(?:>{{2,3}}|》{{2,3}}|→|▶|➤)\s*(?P<arrowed>(?:详见)?\s*{_PAGE_NO}))\s*$"
)
# an editor's note, or a serial's recap of the installments before (上期提要), which opens it the same way
# a feature's summary (提要：, 内容提要：) opens it the same way, with its colon
_NOTE_LABELS = ("编者按", "上期提要", "前情提要", "前文提要", "提要", "内容提要")
EDITORS_NOTE_RE = re.compile(r"^\s*[【\[]?\s*(?:编者按|上期提要|前情提要|前文提要|(?:内容)?提要(?=\s*[】\]]?\s*[:：]))"
                             r"\s*[】\]]?\s*[:：]?\s*")
_MONTH_DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
_AGENCY = r"(?:本报|新华社|中新社|中新网|人民网|央视网|新华网|光明网|澎湃新闻|经济日报|人民日报|解放日报|文汇报|中央社|中通社)"
DATELINE_RE = re.compile(
    rf"^\s*[\[【]?(?P<dateline>本报讯|据?新华社电|新华社消息|据?{_AGENCY}(?:{_HAN}{{1,12}}?)?(?:\d{{4}}年)?{_MONTH_DAY}(?:电|讯)"
    rf"|{_AGENCY}{_HAN}{{1,12}}?\d{{1,2}}日(?:电|讯)|本报{_HAN}{{2,6}}电)[\]】]?"
    rf"\s*(?:\((?P<byline>[^()]{{1,60}})\)|(?P<reported>(?:本报)?记者\s*{_NAMES}\s*报道\s*[:：]?))?\s*"
)
JUMP_IN_RE = re.compile(r"^\s*\(\s*(?P<jump>(?:上接|接|续)(?:第)?\s*[0-9一二三四五六七八九十A-Za-z]+\s*版)\s*\)\s*")
PAGE_FURNITURE_RE = re.compile(
    r"^\s*(?:第\s*\d+\s*版|\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天].*|.{0,20}(?:版|专版)\s*$)"
    r"|\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天]"
    # a Taiwan paper's date line: 中華民國113年11月4日　星期一　第B6版 (the ROC year)
    r"|^\s*中华民国\s*\d{2,3}\s*年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天]"
    r"|(?:责任编辑|美术编辑|本版编辑|版式设计|责编|图片编辑)\s*[:：]?\s*\S"
    r"|^\s*(?:今日|本期|本版)?导读(?:\s|[:：])"  # 导读:外贸“成绩单”出炉(A3): the index of the day's pages
)
_FURNITURE_CHAR = re.compile("[版年编导]")  # 版, 年, 编 or 导读 is in every alternative of the pattern above
# a line of three or more personal names set apart by wide spaces (伍晓禾　万思棠　陆一鸣), as a roll of names prints
# them: a name of two to four characters, or a transliterated one with a dot
_ROW_NAME = r"(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8})"
NAMES_ROW_RE = re.compile(rf"^{_ROW_NAME}(?:(?:\u3000+|[ \t]{{2,}}){_ROW_NAME}){{2,}}$")
# how a photo caption opens: 图为…, 上图：…, 图①…
CAPTION_START_RE = re.compile(r"^\s*(?:图为|上图|下图|左图|右图|图[①-⑩0-9一二三四五六七八九]+\s*[:：为]?|图片[:：]|图表[:：])")
QA_RE = re.compile(rf"^\s*(?P<speaker>记者|问|答|主持人|Q|A|{NAME})\s*[:：]\s*(?=\S)")
# a reporter of another outlet asking (江城电视台记者：), and a speaker labelled with the title before the name
# (市统计局新闻发言人 宋明澜：, set apart by a space): labels of a press conference's transcript
_OUTLET_REPORTER_RE = re.compile(rf"^\s*(?P<speaker>{_HAN}{{1,10}}记者)\s*[:：]\s*(?=\S)")
_TITLED_SPEAKER_RE = re.compile(rf"^\s*{_HAN}{{2,20}}[ \u3000](?P<speaker>{NAME})\s*[:：]\s*(?=\S)")
# a Q&A column's labels for who asks and who answers: 读者问： / 专家答： / Q： / A： read as 问 and 答
_ASKED = re.compile(r"^(?:Q|读者|网友|市民|听众|观众|患者|家长|考生|群众)问?$")
_ANSWERED = re.compile(rf"^(?:A|{_HAN}{{1,3}}答)$")
_CUE_ENDINGS = ("说", "表示", "指出", "介绍", "认为", "称", "道", "强调", "提醒", "坦言", "透露", "告诉", "问")


@dataclass(frozen=True)
class Dateline:
    """An inline dispatch header at the start of a paragraph and how long it is."""

    dateline: str
    names: list[str]
    length: int


_SIGN_DASH = r"(?:[—–-]{1,2}\s*)?"  # ——安徽合肥 读者 郜明远: a signature may open with a dash
_WRITERS = r"(?:居民|市民|村民|网友|家长|患者|业主|职工|乘客|游客|消费者)"  # who signs a letter besides a 读者
_EXPERT_POST = r"(?:医师|医生|教授|研究员|律师|工程师|营养师|药师|专家|主任|院长|所长)"
TAIL_BYLINE_RE = re.compile(
    rf"^\s*\(\s*(?:{_ROLE}\s*{_NAMES}(?:\s*{_ROLE}\s*{_NAMES})*|作者\s*[:：]?\s*{NAME}(?:\s*[,，]\s*系[^()]{{1,60}})?)\s*\)\s*$"
    # an opinion piece's signature after its body: ◇ 宋知微（作者系华东师范大学教授）
    rf"|^\s*[■□●○◎◆◇★☆]?\s*{NAME}\s*\(\s*作者系[^()]{{1,60}}\)\s*$"
    # or signed with the author's unit in brackets: □ 何以清（江城大学新闻学院）, ——邵听澜（江城大学教授）
    rf"|^\s*(?:[■□●○◎◆◇★☆]|[—–-]{{1,2}})\s*{NAME}\s*\(\s*{_HAN}{{2,30}}\s*\)\s*$"
    # a reader's letter signed with place and name: (江西南昌 仝晓雯) / 江苏南京 读者 靳文博 / ——读者 王明
    rf"|^\s*\(\s*{_HAN}{{2,8}}\s+(?:读者\s*)?{NAME}\s*\)\s*$|^\s*{_SIGN_DASH}(?:{_HAN}{{2,10}}?\s*)?读者\s+{NAME}\s*$"
    # or after a dash with the writer's place and who they are: ——城北区锦绣苑居民 葛长顺
    rf"|^\s*[—–-]{{1,2}}\s*{_HAN}{{0,12}}?{_WRITERS}\s+{NAME}\s*$"
    # the expert who wrote or answered a column, signed with the post: (青禾医院临床营养科主任医师 石安澜)
    rf"|^\s*\(\s*{_HAN}{{2,24}}{_EXPERT_POST}\s+{NAME}\s*\)\s*$"
    # who compiled a chronicle or a data page: (本版资料整理：温知夏) / (文字整理 林岚)
    rf"|^\s*\(\s*(?:本版)?(?:资料|文字)整理\s*:?\s*{_NAMES}\s*\)\s*$"
)
# a brief's reporter in brackets after its last sentence: 。（孙海燕） / 。（记者 魏晨阳）
TRAILING_BYLINE_RE = re.compile(
    rf"(?<=[。!?…”』」])\s*\(\s*(?:(?:{_ROLE})\s*)?{_NAMES}\s*\)\s*$"
)
# bracketed words after a dispatch header that are not reporters: 新华社北京1月2日电(综合)
_NOT_BRACKET_BYLINES = {"综合", "综述", "专电", "快讯", "通讯", "评论", "特稿", "消息", "记者", "编辑", "摄影", "图片"}
_NOT_BRACKET_NAMES = {"完", "待续", "续完", "图文", "上", "下", "中", "附图", "资料", "全文完", "未完待续"}


LEADING_BYLINE_RE = re.compile(rf"^\s*\(\s*(?:{_ROLE}\s*)+{_NAMES}(?:\s*{_ROLE}\s*{_NAMES})*\s*\)\s*")


def leading_byline(text: str) -> tuple[list[str], int] | None:
    """A bracketed byline opening a brief's text, ``（记者 郗望）文化和旅游部……``: its names and length.

    Example:
        >>> leading_byline("（通讯员 禤嘉乐 记者 靳一帆）去年全市新增绿地。")
        (['禤嘉乐', '靳一帆'], 16)
    """
    if "(" not in text and "（" not in text:  # the pattern opens with a bracket
        return None
    m = LEADING_BYLINE_RE.match(fold(unpad_names(text)))
    if not m or len(unpad_names(text)) != len(text):
        return None
    names = split_names(text[:m.end()])
    return (names, m.end()) if names else None


AUTHOR_NOTE_RE = re.compile(r"^\s*\(\s*作者(?:系|为|是|单位\s*:)[^()]{2,60}\)\s*$")
# a book review's book box: 《书名》 贺青川 著 / 青澜人民出版社 2024年5月 定价68元
_BOOK_BY = re.compile(rf"^《[^《》]{{1,40}}》\s*(?:\[[^\]]{{1,6}}\]\s*)?{NAME}(?:\s*[、,]\s*{NAME})*\s*(?:等\s*)?"
                      r"(?:著|编著|主编|编|译|绘|撰|编译|口述)(?=\s|$|[,;，；])")
_PUBLISHER = re.compile(r"(?:出版社|书局|出版集团|出版公司|出版传媒|书店|印书馆)")
_BOOK_FACT = re.compile(r"定价|ISBN|\d{4}\s*年\s*\d{1,2}\s*月|\d{4}[.\-/]\d{1,2}|\d+(?:\.\d+)?\s*元")
BOOK_INFO_MAX_CHARS = 60


# What a line of running text may start with and still be one of the kinds above or below: a bracket (a tail
# byline, an author's note, a jump), a bullet (a brief, a signature) or the first character of a dispatch header
# or a staff byline (本报讯, 据新华社电, 中新社北京…电, 文汇报记者 …, 本报评论员).
BULLETS = "■□●○◎◆◇★☆▲△▶►※"  # every mark a paper prints before a brief, a signature or a subhead
_SPECIAL_OPENINGS = "([【—" + BULLETS + "本据新中人央光澎经解文"  # — : ——读者 王明, ——城北区居民 葛长顺
# a short line is a credit, byline or tail byline only with a credit's or a role's character, a bracket or 读者
_SHORT_LINE_MARK = re.compile("[摄发图绘画作源文记评通实(]|读者")


def is_running_text(text: str) -> bool:
    """A line that cannot be a credit, byline, tail byline, author's note, jump, editor's note, page furniture,
    dateline, brief or jump mark, told by a few characters: the parser need not ask each of those questions.

    Example:
        >>> is_running_text("城市更新让老街焕新颜"), is_running_text("本报讯（记者 查睿）今年以来，全区持续推进城市更新。")
        (True, False)
        >>> is_running_text("今年是浦东开发开放35周年。")  # 年: a short line with it may be a page header
        False
    """
    folded = fold(text)
    if not folded or folded[0] in _SPECIAL_OPENINGS or "编者按" in folded or "提要" in folded[:6] \
            or folded[:2] in _CREDIT_OPENINGS:
        return False
    s = fold(unpad_names(text))  # as the byline and credit patterns see it: never longer than the folded line
    if ("摄" in s and "/" in s) or (len(s) <= 60 and _SHORT_LINE_MARK.search(s) is not None):
        return False
    return len(folded) > 80 or _FURNITURE_CHAR.search(folded) is None


def is_author_note(text: str) -> bool:
    """The line under a signed piece that says who its author is: ``（作者系云岭大学艺术学院教授）``.

    Example:
        >>> is_author_note("（作者系云岭大学艺术学院教授）"), is_author_note("（下转第2版）")
        (True, False)
    """
    return bool(AUTHOR_NOTE_RE.match(fold(text)))


def is_book_info(text: str) -> bool:
    """A line of a book review's book box: the book and its author (``《长河之书》 贺青川 著``), or its publisher with the
    date or price (``青澜人民出版社 2024年5月 定价68元``); never a sentence.

    Example:
        >>> is_book_info("《长河之书》 贺青川 著"), is_book_info("青澜人民出版社 2024年5月 定价68元")
        (True, True)
        >>> is_book_info("青禾书局2024年3月出版，定价49.80元。"), is_book_info("《长河之书》出版")
        (False, False)
    """
    if "《" not in text and "出" not in text and "书" not in text:
        return False  # every form below has a book title or a publisher (出版社, 书局 …): most lines, one look
    s = fold(text).strip()
    if len(s) > BOOK_INFO_MAX_CHARS or "。" in s or s.endswith(("!", "?")):
        return False
    if s.startswith("《") and _BOOK_BY.match(s):
        return True
    return "，" not in text and "," not in s and bool(_PUBLISHER.search(s)) and bool(_BOOK_FACT.search(s))


def is_bare_name(text: str) -> bool:
    """A line shaped like one person's name and nothing else (``叶临川``, ``迭戈·卡里奥``): any two to four Han
    characters are, so only its place (over ``（作者为…）``) tells a name from a short word.

    Example:
        >>> is_bare_name("叶临川"), is_bare_name("叶临川。"), is_bare_name("江城大学文学院教授")
        (True, False, False)
    """
    s = "".join(unpad_names(text).split())
    return bool(_BARE_NAME.fullmatch(fold(s))) and _split_names(s) == (s,)


_BARE_NAME = re.compile(NAME)


# a reader's message on a 问政 / 留言板 page opens with who sent it: 网友“江城老李”：…, 市民王女士：…, 读者李先生来信：…
_MESSAGE_RE = re.compile(r"^\s*(?:网友|网民|市民|读者|居民|群众|留言人|听众|观众)\s*(?:[“\"][^“”\"]{1,16}[”\"]|[\u4e00-\u9fff]{1,5}"
                         r"(?:先生|女士|同学|老师|大爷|阿姨)?)?\s*(?:留言|来信|来电|提问|反映|问)?\s*[:：]")
# the line naming the department that answers a message: 【回复单位】江城市住建局
REPLY_LABEL_RE = re.compile(r"^\s*【\s*(?:回复|答复|办理|责任)(?:单位|部门)?\s*】")


# the guests of a round table or a talk, listed under its headline: 嘉宾：江城大学经济学院教授　闵少川
GUEST_LABEL_RE = re.compile(r"^\s*(?:本期|对话|访谈|受访|特邀|座谈)?嘉宾\s*[:：]\s*(?=\S)")


def guest_list_line(text: str) -> bool:
    """The line opening a list of guests (``嘉宾：江城大学经济学院教授　闵少川``): neither a headline nor an interview turn.

    Example:
        >>> guest_list_line("嘉宾：江城大学经济学院教授　闵少川"), guest_list_line("嘉宾们纷纷表示赞同。")
        (True, False)
    """
    return GUEST_LABEL_RE.match(fold(text)) is not None


def opens_message(text: str) -> bool:
    """A paragraph opening with a reader's message label (``网友“江城老李”：``, ``市民王女士：``) or the rumour a fact check
    answers (``网传：``).

    Example:
        >>> opens_message("网友“江城老李”：我家住在五楼"), opens_message("市民王女士来电：小区停水"), opens_message("网友们纷纷点赞。")
        (True, True, False)
        >>> opens_message("网传：近日一条消息在微信群流传。")
        True
    """
    s = fold(text)
    return bool(_MESSAGE_RE.match(s) or _RUMOUR_RE.match(s))


# what a fact check quotes before it answers: 网传：…, 传言：…
_RUMOUR_RE = re.compile(r"^\s*[【\[]?(?:网传|传言|网帖|流言|谣言|传闻|说法)[】\]]?\s*[:：]?(?<=[:：】\]])")


# one line of an information box (a film's, a book's, an exhibition's): a field's name set apart from its value
# (片名　《九号码头》, 导演　沈既明, 出版社：江城出版社), or a rating in stars (推荐指数：★★★★☆)
_INFO_FIELDS = (
    r"(?:片名|原名|译名|导演|编剧|监制|出品人?|出品方|制片人?|主演|领衔主演|配音|类型|片长|时长|上映(?:日期|时间)?|定档|"
    r"国家|地区|语言|评分|豆瓣评分|猫眼评分|书名|作者|译者|著者|出版社|出版(?:日期|时间)|定价|页数|装帧|ISBN|展期|展览时间|"
    r"开放时间|演出时间|演出地点|剧目|票价|门票|地址|网址|咨询电话|预约方式|主办|承办|协办|策展人?|"
    # a person's card (人物名片, 专家简介)
    r"姓名|性别|出生(?:日期|年月)?|籍贯|民族|学历|学位|职务|职称|现任|曾任|简历|研究方向|研究领域|主要成果|主要业绩|代表作品?|"
    r"主要作品|荣誉|所获荣誉|获奖情况|毕业院校|工作单位)")
_INFO_FIELD_RE = re.compile(rf"^\s*{_INFO_FIELDS}(?:[ \t\u3000]+|\s*[:：]\s*)\S"
                            # the card's first line: the name, then the year of birth (林晓峰　1975年生　青禾县人)
                            rf"|^\s*{_HAN}{{2,4}}[ \t\u3000]+(?:19|20)\d\d年(?:\d{{1,2}}月)?(?:出?生|生人)(?:[ \t\u3000]|$)")
_INFO_HEADER_RE = re.compile(  # 片名　上映日期, 姓名　单位　职务: the names of a table's columns
    rf"^\s*{_INFO_FIELDS}(?:[ \t\u3000]+(?:{_INFO_FIELDS}|类型|日期|时间|地点|单位|部门|年龄|备注|序号))+\s*$")
_RATING_RE = re.compile(r"^\s*[^:：]{1,10}[:：]\s*[★☆✩✭✮✯⭐]+\s*$")


def is_info_field(text: str) -> bool:
    """One line of an information box: a field's name and its value, or a rating in stars; never a headline.

    Example:
        >>> is_info_field("导演　沈既明"), is_info_field("推荐指数：★★★★☆"), is_info_field("导演沈既明谈新作")
        (True, True, False)
        >>> is_info_field("片名　上映日期"), is_info_field("姓名　单位　职务")  # the header rows of tables
        (False, False)
        >>> is_info_field("林晓峰　1975年生　青禾县人"), is_info_field("研究方向　秸秆综合利用、土壤改良")
        (True, True)
    """
    s = fold(text)
    if _INFO_FIELD_RE.match(s) is not None:
        return _INFO_HEADER_RE.match(s) is None  # 片名　上映日期 names a table's columns
    return _RATING_RE.match(s) is not None


def is_lead_in(text: str) -> bool:
    """A sentence that leads into the points under it (``在她看来，护心要抓住三个关键：``): never a headline or subhead.

    Example:
        >>> is_lead_in("在她看来，冬季护心要抓住三个关键："), is_lead_in("专家：冬季要护心")
        (True, False)
    """
    s = fold(text).rstrip()
    return s.endswith(":") and "," in s


# a column of voices names each speaker on a line of its own: 全国人大代表、江城港务集团桥吊司机 卓海生 (the title, a
# space, the name; no sentence mark in the title)
SPEAKER_LINE_RE = re.compile(rf"^\s*(?P<title>{_HAN}[^\s。！？!?；;：:“”\"，,]{{3,38}}?{_HAN})\s+"
                             rf"(?P<name>{_HAN}{{1,8}}(?:{_DOT}{_HAN}{{1,10}})+|{_HAN}{{2,3}})\s*$")


def is_speaker_line(text: str) -> bool:
    """Whether a line has the shape of a speaker's heading in a column of voices (title, a space, a name).

    Example:
        >>> is_speaker_line("全国人大代表、江城港务集团桥吊司机 卓海生"), is_speaker_line("石桥村党支部书记 任秋实")
        (True, True)
        >>> is_speaker_line("老街区“微更新” 居民家门口添了口袋公园")
        False
    """
    return SPEAKER_LINE_RE.match(fold(text)) is not None


# the heading of one step of a sequence: 第一天：老街、古桥和一笼米糕, 第二站：茶园, Day 2: 乘船 (an itinerary's days)
_SEQUENCE_HEADING_RE = re.compile(
    r"^\s*(?:第[一二三四五六七八九十\d]{1,3}(?:天|日|站|程|段|部分)|(?:Day|DAY|D)\s?\d{1,2})\s*[:：|｜]\s*"
    r"[^。！？!?；;]{2,24}$")


def is_sequence_heading(text: str) -> bool:
    """The heading of one step of a sequence (an itinerary's ``第一天：…``): a subhead, never a speaker's turn or an
    article of its own.

    Example:
        >>> is_sequence_heading("第一天：老街、古桥和一笼米糕"), is_sequence_heading("第二天，我们驱车来到茶园。")
        (True, False)
    """
    return _SEQUENCE_HEADING_RE.match(fold(text)) is not None


def answerer(text: str) -> tuple[str, str] | None:
    """(name, title) of the line naming who answers a Q&A column, else None.

    Example:
        >>> answerer("答疑：青川区人民法院法官 苏晚晴")
        ('苏晚晴', '青川区人民法院法官')
        >>> answerer("本报记者 苏晚晴") is None
        True
    """
    m = ANSWERER_RE.match(fold(text))  # fold keeps offsets: the printed name is sliced from ``text``
    if m is None:
        return None
    return text[m.start("name"):m.end("name")], text[m.start("title"):m.end("title")] if m.group("title") else ""


_CREDIT_OPENINGS = ("答疑", "解答", "释疑", "答问", "主答", "指导")  # 答疑：… / 指导老师：… name who answered or taught


# an English sentence's end on a bilingual page: a word (or %), then . ! or ?, then closing quotes; never 5.0
_ENGLISH_END = re.compile(r"[A-Za-z%)][.!?][\"'”’)]*$")
_ENGLISH_NUMBER_END = re.compile(r" \d{1,4}[.!?][\"'”’)]*$")


def ends_english_sentence(text: str) -> bool:
    """An English sentence of several words ending the line (a bilingual page's English paragraph), which the
    Chinese sentence marks do not tell.

    Example:
        >>> ends_english_sentence("Growth came in at 5.3 percent."), ends_english_sentence("China's GDP tops 130 trillion")
        (True, False)
        >>> ends_english_sentence('"Come back soon," she said.'), ends_english_sentence("增长5.")
        (True, False)
    """
    s = fold(text).rstrip()
    if s.count(" ") < 2 or s[-1:] not in ".!?\"'”’)":
        return False
    if _ENGLISH_END.search(s):
        return True
    # ends on a number (on January 17.): only a line that is mostly English words
    latin = sum(c.isascii() and c.isalpha() for c in s)
    return _ENGLISH_NUMBER_END.search(s) is not None and latin > 2 * sum("\u4e00" <= c <= "\u9fff" for c in s)


def is_tail_byline(text: str) -> bool:
    """A byline in brackets printed after the body, such as ``（本报记者 王明）``.

    Example:
        >>> is_tail_byline("（本报记者 王明 通讯员 李华）"), is_tail_byline("（下转第2版）")
        (True, False)
        >>> is_tail_byline("——城北区锦绣苑居民　葛长顺"), is_tail_byline("——记者手记　葛长顺")
        (True, False)
    """
    s = fold(unpad_names(text))
    # every form is bracketed but a reader's signature (——读者 王明, ——城北区居民 葛长顺)
    return (len(s) <= 60 and ("(" in s or "读者" in s or s.lstrip()[:1] in "—–-") and bool(TAIL_BYLINE_RE.match(s))
            and bool(_split_names(s)))


_PADDED_NAME = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff])[ \u3000]([\u4e00-\u9fff])(?=摄|[^\u4e00-\u9fff]|$)")


@text_cache()
def unpad_names(text: str) -> str:
    """Close up two-character names padded to three-character width (``王　明`` -> ``王明``).

    Example:
        >>> unpad_names("本报记者 王　明 李华")
        '本报记者 王明 李华'
    """
    if (" " not in text and "\u3000" not in text) or _PADDED_NAME.search(text) is None:  # the common case
        return text
    return _PADDED_NAME.sub(r"\1\2", text)


def trailing_byline(text: str) -> tuple[int, list[str]] | None:
    """Where a bracketed byline at the end of a paragraph starts, and its names.

    Example:
        >>> trailing_byline("……有力震慑了非法捕捞行为。（郑　舟）")
        (14, ['郑舟'])
    """
    found = _trailing_byline(text)
    return (found[0], list(found[1])) if found else None


_LAST_BRACKET = re.compile(r"[(（][^()（）]{1,30}[)）]\s*$")


@text_cache()
def _trailing_byline(text: str) -> tuple[int, tuple[str, ...]] | None:
    if ")" not in text and "）" not in text:  # the byline closes with a bracket
        return None
    unpadded = unpad_names(text)
    if len(unpadded) != len(text):
        # keep offsets valid in the original: search the original, names from the unpadded copy
        m = _LAST_BRACKET.search(text)
        if not m or not TRAILING_BYLINE_RE.search(fold(unpadded)):
            return None
        names = _split_names(m.group())
        return (m.start(), names) if names and not set(names) & _NOT_BRACKET_NAMES else None
    m = TRAILING_BYLINE_RE.search(fold(text))
    if not m:
        return None
    names = _split_names(text[m.start():m.end()])  # same length as the folded copy: names as printed
    if not names or set(names) & _NOT_BRACKET_NAMES:
        return None
    start = m.start()
    while start < len(text) and text[start].isspace():
        start += 1
    return start, names


_LETTER_SIGNATURE = re.compile(
    rf"^\s*(?:\(\s*(?!{_ROLE}){_HAN}{{2,8}}\s+(?:读者\s*)?(?P<name>{NAME})\s*\)|{_SIGN_DASH}(?:{_HAN}{{2,10}}?\s*)?读者\s+(?P<reader>{NAME})"
    rf"|\(\s*{_HAN}{{2,24}}{_EXPERT_POST}\s+(?P<expert>{NAME})\s*\))\s*$")


def split_names(text: str) -> list[str]:
    """Names from a byline or credit, without role words, in printed order.

    Example:
        >>> split_names("本报记者 庞立言 通讯员 甘棠")
        ['庞立言', '甘棠']
    """
    return list(_split_names(text))


# what the person named after it did, printed as a byline's label: 主持人：…, 整理：…, 采写：…
_BYLINE_LABEL = re.compile(r"^\s*(?:主持人|主持|采写|整理|撰文|采访|统筹|执笔)\s*:\s*(?=\S)")
_PAPER_BEFORE_REPORTER = re.compile(r"^[0-9A-Za-z\u4e00-\u9fff]{2,12}?(?=(?:特约|见习|首席|实习)?记者)")
_AUTHOR_POST = re.compile(r"[,，]\s*系.*$|\(\s*作者系[^()]*\)\s*$")
_AGENCY_OR_AUTHOR = re.compile(r"(?:新华社|中新社|人民视觉|视觉中国)发|作者\s*[:：]?")
_PHOTO_MARK = re.compile(r"/?\s*摄(?:影)?\s*[)\]】]?\s*$")
_NAME_SEPARATORS = re.compile(r"[\s、,，/:]+")
_NAME_RE = re.compile(NAME)
_NAMES_RE = re.compile(rf"\s*{_NAMES}\s*")
_ROLE_AT_START = re.compile(rf"\s*{_ROLE}")


@text_cache()
def _split_names(text: str) -> tuple[str, ...]:
    folded = fold(unpad_names(text))
    if "班" in folded and (student := STUDENT_BYLINE_RE.match(folded)):
        return _as_printed([student.group("name")], unpad_names(text))  # the school and class are not names
    if SUPERVISOR_RE.match(folded):
        return ()  # the teacher who supervised a student's essay, or the expert answering a Q&A, did not write it
    if "作者" in folded and AUTHOR_NOTE_RE.match(folded):
        return ()  # (作者单位：…) says who the author is, over a line that names them
    if (signed := _BULLET_UNIT.match(folded)) is not None:
        return _as_printed([signed.group("name")], unpad_names(text))  # □ 何以清（江城大学新闻学院）: not the unit
    letter = _LETTER_SIGNATURE.match(fold(unpad_names(text)))
    if letter:  # (江西南昌 仝晓雯): the place is not a name
        return _as_printed([letter.group("name") or letter.group("reader") or letter.group("expert")], unpad_names(text))
    body = fold(unpad_names(text)).lstrip("■□●○◎◆◇★☆▲△▶►※ ")
    if (label := _BYLINE_LABEL.match(body)) is not None:
        return _split_names(body[label.end():])
    if body.startswith("(") and body.endswith(")"):
        body = body[1:-1].strip()  # (本报记者 柯岚 整理): the 整理 before the bracket is no name either
    body = _REPORTED_END.sub("", body)
    body = _PAPER_BEFORE_REPORTER.sub("", body)
    combined = COMBINED_CREDIT_RE.match(body)
    if combined:
        body = body[: combined.end("words")]  # the reporter; the photographer is a credit
    body = _AUTHOR_POST.sub("", body)  # (作者:蔡林,系…) / 宋知微(作者系…)
    body = _AGENCY_OR_AUTHOR.sub(" ", body)
    body = _PHOTO_MARK.sub("", body).strip("()[]【】 ")
    names: list[str] = []
    for chunk in _ROLE_SPLIT.split(body):
        for token in _NAME_SEPARATORS.split(chunk):
            if token and _NAME_RE.fullmatch(token) and token not in _NOT_NAMES:
                names.append(token)
    return _as_printed(names, unpad_names(text))


def _as_printed(names: list[str], text: str) -> tuple[str, ...]:
    """The names as printed (Traditional characters kept): matching ran on the folded copy, same length."""
    folded, printed = fold(text), fold_width(text)
    out, start = [], 0
    for name in names:
        at = folded.find(name, start)
        out.append(printed[at:at + len(name)] if at >= 0 else name)
        start = at + len(name) if at >= 0 else start
    return tuple(out)


def is_byline(text: str) -> bool:
    """True for a byline line such as ``本报记者 洪俊杰 周显帆``; photo credits are not bylines.

    Example:
        >>> is_byline("本报记者 沈思怡"), is_byline("本报记者 张驰 摄"), is_byline("记者手记")
        (True, False, False)
    """
    s = fold(unpad_names(text))
    if (label := _BYLINE_LABEL.match(s)) is not None:
        rest = s[label.end():]  # 主持人：本报记者 邝一鸣, 整理：本报记者 柯岚: the label says what the named did
        return len(rest) <= 40 and (is_byline(rest) or _NAMES_RE.fullmatch(rest) is not None and bool(_split_names(rest)))
    if STAFF_BYLINE_RE.match(s) or ("摄" in s and COMBINED_CREDIT_RE.match(s)):
        return True
    if "班" in s and STUDENT_BYLINE_RE.match(s) or SUPERVISOR_RE.match(s):
        return True  # a student's essay: the student signs it; the teacher's line names no reporter
    if len(s) <= 20 and BULLET_NAME_RE.match(s):
        return bool(_split_names(s))
    if len(s) > 60 or not _names_a_role(s) or not BYLINE_RE.match(s) or CREDIT_RE.match(s):
        return False
    names_part = _REPORTED_END.sub("", s)  # 本报记者 张三 北京报道: the place and 报道 are not names
    return bool(_split_names(s)) and not any(
        tok in _NOT_NAMES for tok in _NAME_SEPARATORS.split(_ROLE_SPLIT.sub(" ", names_part)) if tok
    )


def is_credit(text: str) -> bool:
    """True for a photo credit such as ``本报记者 张驰 摄`` or ``新华社发``."""
    s = fold(unpad_names(text))
    return len(s) <= 60 and CREDIT_CHAR.search(s) is not None and bool(CREDIT_RE.match(s))


_PHOTO_CREDIT_LEAD = re.compile(r"\s*[(\[【]?\s*摄影\s*[:：/]\s*")
_PHOTO_CREDIT_END = re.compile(r"(?:摄(?:影)?|文/图|图/文|文图)\s*[)\]】]?$")
_PHOTO_GROUP_LEAD = re.compile(r"^\s*(?:组图|图)\s*[:：]")


def credit_photographers(text: str) -> list[str]:
    """The photographers named by a credit line (credits ending in 摄, ``摄影：`` credits and ``文/图`` bylines).

    Example:
        >>> credit_photographers("组图：本报记者 邬晴川 摄"), credit_photographers("摄影：殷照 黎晓岚")
        (['邬晴川'], ['殷照', '黎晓岚'])
    """
    s = fold(unpad_names(text)).strip()
    if "摄" not in s and "图" not in s:  # every form below names 摄, 摄影 or 图 (文/图, 图/文, 文图)
        return []
    combined = COMBINED_CREDIT_RE.match(s)
    if combined:
        return split_names(unpad_names(text)[combined.start("photos"):combined.end("photos")])
    if (lead := _PHOTO_CREDIT_LEAD.match(s)) is not None:
        return split_names(text[lead.end():])
    if not _PHOTO_CREDIT_END.search(s):
        return []
    return split_names(_PHOTO_GROUP_LEAD.sub("", text))


def jump_text(text: str) -> str | None:
    """``下转第2版`` for a jump line ``（下转第2版）``, or a teaser's pointer line (``（详见第2版）``, ``>>>第6版``), else
    None.

    Example:
        >>> jump_text("（下转第2版）"), jump_text("（详见第2版）"), jump_text(">>>第6版"), jump_text("第6版")
        ('下转第2版', '详见第2版', '第6版', None)
        >>> jump_text("（下轉A2版）")
        '下轉A2版'
    """
    folded = fold(text)
    m = JUMP_RE.match(folded)
    if m:
        return text[m.start(1):m.end(1)].strip()  # as printed: 下轉A2版 on a Traditional page
    found = trailing_pointer(folded)
    return found[1] if found is not None and not folded[:found[0]].strip() else None


def trailing_pointer(text: str) -> tuple[int, str] | None:
    """Where a page pointer closing ``text`` starts, and the pointer without its brackets or arrows: a teaser ends
    with the page its story is on (``……考务保障有序。（详见第3版）``).

    Example:
        >>> trailing_pointer("各地考点秩序平稳。（详见第3版）"), trailing_pointer("样品自月背起飞。>>>第4版")
        ((9, '详见第3版'), (8, '第4版'))
        >>> trailing_pointer("全年增长5%（第3版）") is None
        True
    """
    if "版" not in text[-8:]:
        return None
    m = POINTER_RE.search(fold(text))
    if not m:
        return None
    return m.start(), "".join((m.group("bracketed") or m.group("arrowed")).split())


def editors_note_body(text: str) -> str | None:
    """The note without its ``编者按：`` label, or None if the line is not an editor's note."""
    m = EDITORS_NOTE_RE.match(fold(text))
    if not m or not fold(text).lstrip().lstrip("【[").startswith(_NOTE_LABELS):
        return None
    return text[m.end():].strip()


def leading_dateline(text: str) -> Dateline | None:
    """An inline dateline (and byline in brackets) at the start of a paragraph.

    Example:
        >>> d = leading_dateline("本报讯(记者 查睿)12月3日,国网上海电力公司……")
        >>> d.dateline, d.names, d.length
        ('本报讯', ['查睿'], 10)
        >>> leading_dateline("新华社香港1月21日电（郗明哲）香港机场管理局21日公布").names
        ['郗明哲']
    """
    found = _leading_dateline(text)
    return Dateline(found[0], list(found[1]), found[2]) if found else None


@text_cache()
def _leading_dateline(text: str) -> tuple[str, tuple[str, ...], int] | None:
    s = fold(text)
    m = DATELINE_RE.match(s)
    if not m:
        return None
    if m.group("reported"):
        reported = text[m.start("reported"):m.end("reported")]
        return text[m.start("dateline"):m.end("dateline")], _split_names(reported), m.end()
    byline = m.group("byline")
    names: tuple[str, ...] = ()
    if byline is not None:
        bare = _NAMES_RE.fullmatch(byline) is not None  # 新华社香港1月21日电(郗明哲): names only
        if bare and set(_NAME_SEPARATORS.split(byline.strip())) & (_NOT_BRACKET_NAMES | _NOT_BRACKET_BYLINES):
            bare = False
        if not bare and not _ROLE_AT_START.match(byline):
            # a bracket that is not a byline stays in the text
            return text[m.start("dateline"):m.end("dateline")], (), m.end("dateline")
        names = _split_names(text[m.start("byline"):m.end("byline")])
    return text[m.start("dateline"):m.end("dateline")], names, m.end()


BRIEF_BULLETS = "●■▲◆○★▶►◎◇□☆"
# bullet, run-in headline, then a separator: a full-width or wide space, a colon, or the dispatch header itself
_BRIEF_RE = re.compile(
    rf"^\s*[{BRIEF_BULLETS}]\s*(?P<title>[^\s。!?;:：]{{2,30}}?)"
    r"(?P<sep>\u3000+\s*|[ \t]{2,}|\s*[:：]\s*|[ \t]|(?=本报讯|新华社|据新华社|本报[\u4e00-\u9fff]{2,6}电))(?=\S)"
)
MIN_BRIEF_BODY_CHARS = 12
BRIEF_TITLE_REACH = 24  # how far past a colon or space a run-in headline may go on to its wide-space break
_BRIEF_TITLE_STOP = re.compile(r"[。!?;,，、]")
MIN_BRIEF_BODY_AFTER_SPACE = 30  # after a single narrow space, only a long body makes the line a brief
_BODY_PUNCTUATION = re.compile(r"[。!?；;]")


# a box's label in brackets run into its text: 【编后】“乡愁”主题征文持续征集……
_RUN_IN_BOX_RE = re.compile(r"^\s*【(?P<label>[^【】\s]{2,8})】\s*(?=\S)")


def run_in_box(text: str) -> tuple[str, int] | None:
    """A box label in brackets opening its own text (``【编后】征文持续征集至1月31日。``): the label and where the text
    starts, or None. Whether the line is a piece of its own depends on the page (``layout.mark_run_in_boxes``).

    Example:
        >>> run_in_box("【编后】征文持续征集至1月31日。"), run_in_box("【习作点评】文章选材贴近生活。")
        (('编后', 4), None)
    """
    m = _RUN_IN_BOX_RE.match(text)
    if m is None or not is_box_label(m.group("label")) or len(text) - m.end() < MIN_BRIEF_BODY_CHARS:
        return None
    return m.group("label"), m.end()


def inline_brief(text: str, boxed: bool = False) -> tuple[str, int] | None:
    """A bullet brief: bullet, run-in headline, separator, body (``●标题　本报讯（记者 X）正文``); with ``boxed``
    also a box label run into its text (:func:`run_in_box`, a line the page sets apart as a piece of its own).

    The body must read as text (a sentence, or a dispatch header): a bulleted subhead has no body after it.
    A colon is the separator papers print only before a report (a dispatch header, a bracketed byline, or two
    sentences or more): one sentence after it is the colon's own clause, as in a bulleted list of points.
    Returns the title and where the body (or its dateline) starts, or None.

    Examples:
        >>> inline_brief("●市区新增5条公交线路　本报讯（记者 程立）市交通委昨天宣布……")
        ('市区新增5条公交线路', 12)
        >>> inline_brief("■细颗粒物浓度降至30.5微克：2日召开的会议通报了这一数据。全年优良天数290天。")
        ('细颗粒物浓度降至30.5微克', 16)
        >>> inline_brief("●提前领取新增3种情形：患重大疾病、出国定居、丧失劳动能力。") is None
        True
        >>> inline_brief("●青岚电器（603619）：一季度净利润增长18.2%　公司29日晚间披露季度报告，营收增长12.7%。")
        ('青岚电器（603619）：一季度净利润增长18.2%', 28)
        >>> inline_brief("■小米SU7 Ultra正式上市　2月27日晚，小米汽车发布SU7 Ultra量产版。")
        ('小米SU7 Ultra正式上市', 17)
        >>> inline_brief("■ 从试验田到示范区") is None
        True
    """
    folded = fold(text)
    if boxed and (box := run_in_box(text)) is not None:
        return box
    if not folded.lstrip()[:1] or folded.lstrip()[0] not in BRIEF_BULLETS:  # a brief opens with its bullet
        return None
    for m in _BRIEF_RE.finditer(folded):  # one match at most (anchored); the loop keeps the names local
        rest = folded[m.end():]
        dispatch = leading_dateline(text[m.end():]) is not None
        body_like = dispatch or (len(rest) >= MIN_BRIEF_BODY_CHARS and _BODY_PUNCTUATION.search(rest) is not None)
        weak = text[m.start("sep"):m.end("sep")] in (" ", "\t")  # folding turns U+3000 into a space
        if ":" in m.group("sep") or weak:
            # 青岚电器（603619）：一季度净利润增长18.2%　公司…, 小米SU7 Ultra正式上市　2月27日晚…: the colon or the
            # space is the headline's own, the wide space the break
            wide = text.find("\u3000", m.end(), m.end() + BRIEF_TITLE_REACH)
            if wide > m.end() and not _BRIEF_TITLE_STOP.search(folded, m.end(), wide):
                body = wide + len(text[wide:]) - len(text[wide:].lstrip("\u3000 "))
                if len(folded) - body >= MIN_BRIEF_BODY_CHARS and _BODY_PUNCTUATION.search(folded, body):
                    return text[m.start("title"):wide].strip(), body
        if ":" in m.group("sep") and not dispatch and not (
                has_inner_sentence_end(rest) or leading_byline(text[m.end():]) is not None):
            return None  # the anchored pattern matches once: no other separator to try
        if body_like and (not weak or dispatch or len(rest) >= MIN_BRIEF_BODY_AFTER_SPACE):
            return text[m.start("title"):m.end("title")].strip(), m.end()
    return None


def leading_jump(text: str) -> tuple[str, int] | None:
    """A continuation mark at the start of a paragraph, ``（上接第1版）``: its text and length."""
    m = JUMP_IN_RE.match(fold(text))
    return ("".join(text[m.start("jump"):m.end("jump")].split()), m.end()) if m else None  # as printed


@text_cache()
def qa_label(text: str) -> tuple[str, int] | None:
    """The speaker label of an interview turn and where its text starts, e.g. ``记者:`` -> ('记者', 3)."""
    s = fold(text)
    if ":" not in s:  # every label ends with a colon
        return None
    m = QA_RE.match(s) or _OUTLET_REPORTER_RE.match(s) or _TITLED_SPEAKER_RE.match(s)
    if not m or _SIDEBAR_RE.match(s) or GUEST_LABEL_RE.match(s):  # 链接：…, 组图：… head a sidebar; 嘉宾：… lists guests
        return None
    speaker = m.group("speaker")
    if speaker.endswith("记者"):
        return "记者", m.end()  # 央广记者：, 江城电视台记者：, 本报记者： at a press conference: the press asks
    if speaker == "Q" or (speaker.endswith("问") and _ASKED.match(speaker)):
        return "问", m.end()
    if _ANSWERED.match(speaker):
        return "答", m.end()
    if speaker not in ("记者", "问", "答", "主持人") and speaker.endswith(_CUE_ENDINGS):
        return None
    return speaker, m.end()


# a prompt printed beside a QR code: 扫码收听英文朗读, 扫描二维码 观看视频, 扫一扫 看更多
_QR_PROMPT = re.compile(r"^(?:请)?(?:扫码|扫一扫|扫描(?:上方|下方|右侧|左侧|左方|右方)?(?:二维码|小程序码)|长按识别二维码)")
QR_PROMPT_MAX_CHARS = 24


def is_page_furniture(text: str) -> bool:
    """Page headers such as ``2025年12月5日 星期五`` or ``第3版``, and prompts beside a QR code (``扫码收听英文朗读``);
    they belong to no article.

    Example:
        >>> is_page_furniture("第3版"), is_page_furniture("扫描二维码 收听本版英文朗读"), is_page_furniture("扫码支付已经普及。")
        (True, True, False)
    """
    s = fold(text).strip()
    if s[:1] in "扫请长" and len(s) <= QR_PROMPT_MAX_CHARS and _QR_PROMPT.match(s) and not ends_sentence(text):
        return True
    return len(s) <= 80 and _FURNITURE_CHAR.search(s) is not None and not ends_sentence(text) and bool(PAGE_FURNITURE_RE.search(s) if len(s) > 40 or not PAGE_FURNITURE_RE.match(s) else True)


_SECTION_NAME_RE = re.compile(rf"^{_HAN}{{2,4}}{_DOT}{_HAN}{{2,4}}$")


def is_section_name(text: str) -> bool:
    """A page's section name (版名) printed on its own, such as ``市场·财经``: two short words joined by a dot.

    Example:
        >>> is_section_name("健康·科普"), is_section_name("市场·财经观察报告"), is_section_name("城市更新进行时")
        (True, False, False)
    """
    return bool(_SECTION_NAME_RE.match("".join(fold(text).split())))


_DATE_LINE_RE = re.compile(
    r"^(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日$")
_ISSUER_RE = re.compile(
    rf"^{_HAN}{{2,30}}?(?:人民法院|法院|检察院|委员会|人民政府|办公室|办公厅|管理局|局|有限公司|公司|集团|中心|协会|学会|基金会"
    rf"|医院|大学|学院|学校|研究所|研究院|组织部|宣传部|统战部|部|党委|工委|纪委|监委|委|办事处|处|报社|出版社|合作社|社"
    rf"|图书馆|博物馆|纪念馆|馆|站|厂)$")
_ISSUER_ENDINGS = "院会府室厅局司团心学校所部委处社馆站厂"
# a family's signature under an obituary or a notice of thanks: 子 周立言 女 周立秋 率全体家属泣告
FAMILY_SIGNATURE_RE = re.compile(r"(?:泣告|敬告|哀告|叩告|谨告|泣启|敬启|叩谢|鞠躬)$")
_NOTICE_WORDS = re.compile(r"公告|声明|讣告|通知|通告|启事|公示|告示|悬赏|招标|拍卖")
_CLOSING_FORMULA = re.compile(r"特此(?:公告|声明|通知|通告|公示|告知)|此致")


def is_date_line(text: str) -> bool:
    """A line that is only a date, as under a notice's issuing body: ``2025年2月20日``.

    Example:
        >>> is_date_line("2025年2月20日"), is_date_line("2025年2月20日 星期四")
        (True, False)
    """
    s = fold(text).rstrip()
    if not s.endswith("日") or "年" not in s:  # what the pattern needs, found without it
        return False
    return bool(_DATE_LINE_RE.match("".join(s.split())))


def is_issuer(text: str) -> bool:
    """A line that is only the name of an issuing body, as signed under a notice: ``北京市朝阳区人民法院``.

    Example:
        >>> is_issuer("国家税务总局北京市税务局"), is_issuer("邬长庚同志治丧委员会"), is_issuer("冰雪大世界迎客")
        (True, True, False)
    """
    s = fold(text).rstrip()
    if s[-1:] not in _ISSUER_ENDINGS:  # the last character of every issuing body the pattern names
        return False
    return bool(_ISSUER_RE.match("".join(s.split())))


def is_notice_heading(text: str) -> bool:
    """A headline that names a notice (公告, 声明, 讣告, 启事 …).

    Example:
        >>> is_notice_heading("北京市朝阳区人民法院公告"), is_notice_heading("春节档票房创新纪录")
        (True, False)
    """
    return bool(_NOTICE_WORDS.search(text))


def closes_notice(text: str) -> bool:
    """A paragraph with a notice's closing formula: ``特此公告。``, ``特此声明。``.

    Example:
        >>> closes_notice("特此公告。"), closes_notice("逾期将依法缺席判决。")
        (True, False)
    """
    return bool(_CLOSING_FORMULA.search(text))


_SIDEBAR_RE = re.compile(
    r"^\s*[【\[]?(?:相关链接|知识链接|背景链接|资料链接|新闻链接|链接|延伸阅读|相关阅读|小贴士|小知识|组图)[】\]]?\s*[:：]\s*\S")


def is_sidebar_label(text: str) -> bool:
    """A heading that opens a sidebar or a group of photos: ``链接：体重指数怎么算``, ``组图：冰城处处是冰雪``.

    Example:
        >>> is_sidebar_label("链接：体重指数怎么算"), is_sidebar_label("组图：冰城处处是冰雪"), is_sidebar_label("链接")
        (True, True, False)
    """
    return bool(_SIDEBAR_RE.match(fold(text)))


def is_bare_link_label(text: str) -> bool:
    """A line that is only the word 链接 (with or without brackets or a colon): the label of a background box that
    either explains the story above or stands on its own (``page`` tells which from the box's first words).

    Example:
        >>> is_bare_link_label("链接"), is_bare_link_label("【链接】"), is_bare_link_label("链接：体重指数怎么算")
        (True, True, False)
    """
    s = "".join(fold(text).split())
    return 2 <= len(s) <= 5 and s.strip("【[]】:：") == "链接"


_FOLIO_RE = re.compile(r"^第\s*\d+\s*版")


def is_folio(text: str) -> bool:
    """A folio line naming the page number (``第7版　2025年1月15日　星期三``).

    Example:
        >>> is_folio("第7版　2025年1月15日　星期三"), is_folio("第三次会议开幕")
        (True, False)
    """
    return bool(_FOLIO_RE.match(fold(text).lstrip()))


# Labels papers print over a sidebar or a box. A bare 链接 is left out: it heads a box of its own or a note that
# belongs to the story above (unseen2_v2, a subhead there); ``page`` tells which (``is_bare_link_label``).
_BOX_LABELS = (
    "以案说法", "以案释法", "法官提醒", "法官说法", "律师说法", "专家提醒", "专家建议", "专家点评", "温馨提示",
    "便民提示", "出行提示", "小知识", "小贴士", "名词解释", "知识链接", "相关链接", "背景链接", "资料链接",
    "新闻链接", "背景资料", "资料卡", "延伸阅读", "相关阅读", "数说", "数读", "记者手记", "编后", "编后语",
    "短评", "点评", "记者点评", "专家观点", "专家解读", "权威发布", "划重点", "新闻背景", "记者观察", "一图读懂",
    "专家简介", "专家名片", "人物简介", "人物名片", "作者简介", "网友热评", "网友评论", "网友声音",
    # a column of one-sentence items (numbered, no run-in headlines: not a column label over briefs)
    "一句话新闻", "新闻一句话", "一句话快讯",
    # the headings of a classified-ads page: each heads its own list of items
    "招聘", "求职", "出租", "求租", "出售", "求购", "转让", "招租", "招商", "招生", "家政服务", "房屋出租", "房屋出售",
    "商铺出租", "便民信息", "分类信息", "二手交易",
)
# a short line naming a kind of notice to readers: 交通提示, 安全提醒 (the shape rule beyond the list)
_BOX_LABEL_RE = re.compile(
    r"^[【\[]?(?:" + "|".join(_BOX_LABELS) + r"|[\u4e00-\u9fff]{2}(?:提示|提醒|贴士)|[\u4e00-\u9fff]{2,6}小(?:贴士|知识|常识)"
    r"|[\u4e00-\u9fff]{2,8}(?:一览|速览|一览表))[】\]]?[:：]?$")  # 公交线路调整一览: a list of its own


def is_box_label(text: str) -> bool:
    """A line that is only the label of a sidebar or box (``以案说法``, ``【小知识】``, ``交通提示``): it heads an
    article of its own, not a subhead of the story above.

    Example:
        >>> is_box_label("以案说法"), is_box_label("【名词解释】"), is_box_label("交通提示"), is_box_label("来自最古老的盆地")
        (True, True, True, False)
        >>> is_box_label("出行贴士"), is_box_label("公交线路调整一览"), is_box_label("应急避难小贴士")
        (True, True, True)
    """
    return bool(_BOX_LABEL_RE.match("".join(fold(text).split())))


_NOTICE_TITLE_RE = re.compile(r"^[\u4e00-\u9fff·]{0,16}(?:公告|通知|通告|启事|告知书|公示|声明|须知|稿约|讣告|更正|勘误)$")


def is_notice_title(text: str) -> bool:
    """A line that is only a notice's title (``停水公告``, ``燃气暂停供应通知``, ``招聘启事``), stricter than
    :func:`is_notice_heading`: it heads a piece of its own, even right under another notice.

    Example:
        >>> is_notice_title("燃气暂停供应通知"), is_notice_title("关于做好春运工作的通知精神"), is_notice_title("更正")
        (True, False, True)
    """
    return _NOTICE_TITLE_RE.match("".join(fold(text).split())) is not None


_QA_COLUMN_RE = re.compile(r"(?:答疑|问答|答问|解答|释疑|解惑|答客问|信箱|门诊|热线)$")


def is_qa_column_heading(text: str) -> bool:
    """The heading of a question-and-answer column: ``专家答疑``, ``政策问答``, ``健康信箱``.

    Example:
        >>> is_qa_column_heading("专家答疑"), is_qa_column_heading("优质本科继续扩招")
        (True, False)
    """
    return bool(_QA_COLUMN_RE.search("".join(fold(text).split())))
