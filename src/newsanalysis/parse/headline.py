"""Headline blocks: which printed line is the kicker, title, subtitle or column label; display titles and slugs.

Type sizes are lost in copied text, so roles follow the conventions of Chinese newspapers: a short
label without digits or punctuation above or below the title is a column (栏目), and so is a known column's name
with its year or issue number (``数读2024``); a line starting with ``——`` is a subtitle; of two lines the longer
is the title (a shorter first line is its kicker, a shorter second line its subtitle), but under a column label
two lines are title and subtitle; three lines are kicker, title, subtitle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsanalysis.normalize import fold
from newsanalysis.parse import lines as L

COLUMN_MAX_CHARS = 10
BOTTOM_COLUMN_MAX_CHARS = 7  # a one-part label under the title
TITLE_MAX_CHARS = 28
DERIVED_TITLE_CHARS = 24


@dataclass
class Headline:
    kicker: str | None = None
    title: str | None = None
    subtitle: str | None = None
    column: str | None = None
    roles: list[str] = field(default_factory=list)  # one role per input line


def _visible(text: str) -> str:
    return "".join(text.split())


def _label(text: str) -> str:
    """A label line as its words: folded, without spaces or the brackets it may be printed in (``【简讯】``)."""
    s = _visible(fold(text))
    return s[1:-1] if len(s) > 2 and s[0] in "【[〖" and s[-1] in "】]〗" else s


_NOT_IN_COLUMN_LABEL = re.compile(r"[0-9,.;:?!\"“”'()、%]|[^\w·|｜]")


def is_column_label(text: str) -> bool:
    """A short series or column label such as ``奋进引领区 勇担新使命`` or ``城市更新进行时``, or a known column or
    box label with its year or issue number (``数读2024``, ``城市更新进行时⑤``).

    Example:
        >>> is_column_label("城市更新进行时"), is_column_label("“电算协同”技术取得关键突破"), is_column_label("数读2024")
        (True, False, True)
    """
    s = _label(text)
    if not 0 < len(s) <= COLUMN_MAX_CHARS:
        return False
    return not _NOT_IN_COLUMN_LABEL.search(s) or _numbered_column(s)


# a year or an issue number printed after a column's name: 数读2024, 两会观察2025, 进行时⑤, 之三, (3), 第12期
_ISSUE_NUMBER = re.compile(r"(?:\d{1,4}|[①-⑳]|之[一二三四五六七八九十]+|\(\d{1,3}\)|第\d{1,4}期)$")


def _numbered_column(s: str) -> bool:
    """A known column's or box's name followed by its year or issue number (``s`` folded, without spaces).

    Example:
        >>> _numbered_column("数读2024"), _numbered_column("两会观察2025"), _numbered_column("同比增长12")
        (True, True, False)
    """
    if s[-1:] not in _ISSUE_ENDINGS and not s[-1:].isdigit():
        return False  # what the pattern needs at the end, found without it
    m = _ISSUE_NUMBER.search(s)
    name = s[:m.start()] if m else ""
    return bool(name) and not _NOT_IN_COLUMN_LABEL.search(name) and (L.is_box_label(name) or name.endswith(_COLUMN_WORDS))


_ISSUE_ENDINGS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳期)一二三四五六七八九十"


COLUMN_NAME_MAX_CHARS = 4
_COLUMN_WORDS = (
    "进行时", "观察", "解读", "评论", "时评", "短评", "对话", "简讯", "快讯", "特稿", "调查", "访谈", "一线", "速递",
    "直击", "纪实", "专栏", "视点", "新闻", "链接", "手记", "故事", "走笔", "随笔", "论坛", "广角", "看台", "漫谈",
    "前沿", "笔谈", "档案", "图说", "镜头", "问答", "专访", "面对面", "大家谈", "连线", "回眸", "巡礼", "在行动",
    "看变化", "新气象", "现场", "观潮", "视窗", "之窗", "周刊", "讲堂", "热议", "声音", "镜头", "特写", "札记",
    "文章", "来信", "信箱", "之声", "杂谈", "留言板", "问政", "热线", "连载", "诗苑", "文苑", "艺苑", "诗页", "诗歌",
)


# columns of short items, each under a heading of its own: every heading in one starts the next item
_ITEM_COLUMN_WORDS = ("速递", "简讯", "快讯", "短讯", "书讯", "导读", "一览", "集锦", "荐书", "书架", "短波", "快递")


def is_item_column(text: str) -> bool:
    """The name of a column of short items (``新书速递``, ``要闻简讯``, ``今日导读``), where each heading opens an item.

    Example:
        >>> is_item_column("新书速递"), is_item_column("今日导读"), is_item_column("政策解读")
        (True, True, False)
    """
    return is_column_name(text) and _label(text).endswith(_ITEM_COLUMN_WORDS)


def ends_like_column(text: str) -> bool:
    """A column label ending in a column word (``长篇连载``, ``政策解读``): a column's name whatever its length.

    Example:
        >>> ends_like_column("长篇连载"), ends_like_column("一只白鹭")
        (True, False)
    """
    return is_column_label(text) and _label(text).endswith(_COLUMN_WORDS)


def is_column_name(text: str) -> bool:
    """The name of a recurring column (栏目) as printed above a title: very short, or ending like one.

    Example:
        >>> is_column_name("城市更新进行时"), is_column_name("政策解读"), is_column_name("聚焦秋粮收购")
        (True, True, False)
    """
    s = _label(text)
    return is_column_label(text) and (len(s) <= COLUMN_NAME_MAX_CHARS or s.endswith(_COLUMN_WORDS) or _numbered_column(s))


def _split_kicker(line: str) -> tuple[str, str] | None:
    """Kicker and title printed on one line, separated by spaces (split at the last space)."""
    parts = line.strip().split()
    if len(parts) < 2:
        return None
    left, right = line.strip().rsplit(maxsplit=1) if len(parts) >= 2 else (line, "")
    if len(_visible(left)) >= 8 and len(_visible(right)) >= 6:
        return left.strip(), right.strip()
    return None


_CLAUSES = re.compile(r"[，,；;\u3000]|\S \S")
_SERIES = re.compile(r"(?:系列|述评|评论|报道)之[一二三四五六七八九十]+\s*$")  # 推进城市更新系列评论之二
KICKER_MAX_CHARS = 12
# a line saying who released which figures: 教育部发布2024年全国教育事业发展统计公报, 乘联会发布2024年全年乘用车零售数据
_RELEASES = re.compile(r"^[^，,]{2,12}?(?:发布|公布)(?!会)[^，,]{2,}(?:数据|公报|报告|榜单|统计|名单|通报)$")


def _is_subtitle(first: str, second: str) -> bool:
    """Of two headline lines, is the second a subtitle under the title (else the first is a kicker over it)?

    Without type sizes this is a guess from the words: a dash, a line too long for a title, or a second line of
    two clauses under a one-clause first line is a subtitle; a two-clause first line over a one-clause second
    line is a kicker; otherwise the shorter second line is the subtitle.

    Examples:
        >>> _is_subtitle("2024年国民综合阅读率达82.1%", "人均纸质图书阅读量4.79本,电子书3.52本")
        True
        >>> _is_subtitle("稳外资政策持续加力", "前三季度新设外资企业超4.5万家")
        False
        >>> _is_subtitle("海关总署发布前三季度进出口数据", "货物贸易进出口增长4%")
        False
    """
    if second.lstrip().startswith(("—", "-")) or len(_visible(second)) > TITLE_MAX_CHARS or _SERIES.search(second):
        return True
    if _RELEASES.search(_visible(first)):
        return False  # 国家统计局发布3月份70个大中城市房价数据 over what the data say: the kicker names the release
    two_clause_second, two_clause_first = bool(_CLAUSES.search(second.strip())), bool(_CLAUSES.search(first.strip()))
    # a kicker is a short phrase (家门口的养老服务): a long first line over two clauses is the title
    if two_clause_second and not two_clause_first and len(_visible(first)) >= KICKER_MAX_CHARS:
        return True
    if two_clause_first and not two_clause_second:
        return False
    return len(_visible(second)) < len(_visible(first))


def assign_headline(lines: list[str]) -> Headline:
    """Give each headline line its role.

    Examples:
        >>> assign_headline(["数读2024", "居民钱袋子更鼓了", "2024年全国居民人均可支配收入41314元"]).roles
        ['column', 'title', 'subtitle']
        >>> h = assign_headline(["变局之下,浦东如何重塑全球角色", "在国际经贸版图中,核心价值是成为全球经济规则创新试验田和资源配置枢纽",
        ...                      "奋进引领区 勇担新使命"])
        >>> h.title, h.column, h.roles
        ('变局之下,浦东如何重塑全球角色', '奋进引领区 勇担新使命', ['title', 'subtitle', 'column'])
    """
    head = Headline(roles=["stray"] * len(lines))
    idx = list(range(len(lines)))
    if len(idx) >= 2:
        for pos in (idx[-1], idx[0]):
            others = [k for k in idx if k != pos]
            if pos == idx[0] and not is_column_name(lines[pos]):
                continue  # above the title, a phrase that is not a column's name is a kicker (引题)
            if pos == idx[-1] and not (is_column_name(lines[pos]) or len(lines[pos].split()) > 1
                                       or len(_visible(lines[pos])) <= BOTTOM_COLUMN_MAX_CHARS):
                # under the title a series label is short (博物馆里的中国) or has two parts (奋进引领区 勇担新使命);
                # a longer phrase there is a subtitle or the title under its kicker (吉金长歌里的千年回响)
                continue
            if (
                is_column_label(lines[pos])
                and (len(_visible(lines[pos])) < max(len(_visible(lines[k])) for k in others)
                     or pos == idx[0] and ends_like_column(lines[pos]))  # 诗苑 over the poem 春分
                and any(not lines[k].lstrip().startswith(("—", "-")) for k in others)  # a subtitle needs a title
            ):
                head.column = lines[pos]
                head.roles[pos] = "column"
                idx.remove(pos)
                break
    if len(idx) > 3 and head.column is None and is_column_label(lines[idx[0]]):
        head.column = lines[idx[0]]  # four lines: a column label, then kicker, title and subtitle
        head.roles[idx[0]] = "column"
        idx = idx[1:]
    if len(idx) > 3:
        idx = idx[-3:]  # earlier extras stay "stray"
    texts = [lines[k] for k in idx]
    if len(idx) == 1:
        split = _split_kicker(texts[0]) if not texts[0].lstrip().startswith(("—", "-")) else None
        if split:
            head.kicker, head.title = split
            head.roles[idx[0]] = "title"
        else:
            head.title = texts[0]
            head.roles[idx[0]] = "title"
    elif len(idx) == 2:
        first, second = texts
        # a column label printed above takes the kicker's place: the two lines under it are title and subtitle
        if head.roles[0] == "column" or _is_subtitle(first, second):
            head.title, head.subtitle = first, second
            head.roles[idx[0]], head.roles[idx[1]] = "title", "subtitle"
        else:
            head.kicker, head.title = first, second
            head.roles[idx[0]], head.roles[idx[1]] = "kicker", "title"
    elif len(idx) == 3:
        head.kicker, head.title, head.subtitle = texts
        for k, role in zip(idx, ("kicker", "title", "subtitle")):
            head.roles[k] = role
    return head


_AFTER_SENTENCE = re.compile(r"(?<=[。！？!?])")


def display_title(kicker: str | None, title: str | None, subtitle: str | None, first_paragraph: str) -> tuple[str, bool]:
    """The title to show in reports, and whether it had to be derived from the body.

    Example:
        >>> display_title(None, None, None, "12月4日至5日,以“脑联世界·智汇上海”为主题的大会举行。")
        ('12月4日至5日,以“脑联世界·智汇上海”为主题…', True)
    """
    for candidate in (title, kicker, subtitle):
        if candidate:
            return candidate, False
    sentence = _AFTER_SENTENCE.split(first_paragraph.strip(), maxsplit=1)[0] if first_paragraph else ""
    if not sentence:
        return "(untitled)", True
    if len(sentence) > DERIVED_TITLE_CHARS:
        sentence = sentence[:DERIVED_TITLE_CHARS].rstrip("，,、；;：: ") + "…"
    return sentence, True


