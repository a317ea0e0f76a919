"""Page types beyond the plain article: results and data boxes, photo news, bylines printed after the body,
and the user's corrections (``PAGE.layout.toml``) with the warnings that invite them.

Each recogniser looks at the blocks of the whole page and changes a block's kind (``box_title``, ``photo_text``,
``tail_byline`` …) before or while the page is split into articles (``page``); ``docs/page-format.md`` shows an
example of each.
"""

from __future__ import annotations

import re
from collections import Counter

from newsanalysis.normalize import ends_sentence, fold, has_inner_sentence_end
from newsanalysis.parse import lines as L
from newsanalysis.parse.blocks import MARKER_KINDS, Block, headline_like, paragraph_end, paragraph_text
from newsanalysis.parse.model import Article, LedgerEntry, ParseWarning

MAX_HEADLINE_LINES = 4

BOX_LINE_MAX_CHARS = 40


_DIGIT = re.compile(r"\d")
_SCORE = re.compile(r"\d+\s*[∶:比\-–]\s*\d+")


_LABELLED = re.compile(r"^[^:：]{1,16}[:：][^:：]{2,}$")  # 3.1亿：老年人口 / 2024年村集体经营性收入：86.5万元


_FIELDS = re.compile(r"\S(?:\u3000+|[ \t]{2,}|[ \t](?=\S+[ \t]))\S")


SUBHEAD_WARN_CHARS = 8  # a lone subhead this long may be a missed headline


PHOTO_NEWS_MAX_TEXTS = 2


def _box_item(text: str, roll: bool = False) -> bool:
    """One line of a results or data box: short, no sentence, a figure, and fields set apart (or a score); in a
    roll of names (``roll``: under a heading such as ``获奖名单``), a line of three or more names set apart."""
    s = fold(text)
    if not _box_length(text) or ends_sentence(text) or has_inner_sentence_end(text):
        return False
    if L.is_info_field(text):
        return True  # 导演　沈既明: an information box's field, digits or none
    if _DIGIT.search(s) is None:
        if roll and L.NAMES_ROW_RE.match(text.strip()) and not _header_cells(text):
            return True  # 伍晓禾　万思棠　陆一鸣 (but 产品名称　经营单位　检验值 names the columns)
        return _GLOSS.match(text.strip()) is not None  # a vocabulary box: resilience　韧性
    return _FIELDS.search(text) is not None or _SCORE.search(s) is not None or _LABELLED.search(s) is not None


def _box_length(text: str) -> bool:
    """Short enough for one entry of a box: a line, or a listing of three or more fields set apart (《展名》　日期　地点
    　票价) a little longer."""
    n = len(fold(text))
    return n <= BOX_LINE_MAX_CHARS or n <= BOX_LISTING_MAX_CHARS and len(_WIDE_GAP.findall(text.strip())) >= 2


_WIDE_GAP = re.compile(r"\u3000+|\s{2,}")
BOX_LISTING_MAX_CHARS = 60

# how the cells of a table's header row end (姓名　单位　职务, 产品名称　经营单位　检验值): no person's names
_HEADER_CELL_ENDINGS = ("名称", "姓名", "品名", "单位", "值", "职务", "职位", "职称", "性别", "年龄", "民族", "籍贯", "项目",
                        "类别", "数量", "金额", "价格", "日期", "时间", "地点", "备注", "成绩", "得分", "排名", "名次", "票数",
                        "规格", "产地", "学校", "院系", "专业", "学历", "岗位", "部门", "地区", "奖项", "等级")


def _header_cells(text: str) -> bool:
    """Whether a line of cells set apart names a table's columns (``姓名　单位　职务``)."""
    return any(cell.endswith(_HEADER_CELL_ENDINGS) for cell in _WIDE_GAP.split(fold(text).strip()) if cell)


# a roll of names: its heading (2025年度“最美护士”名单, 光荣榜); its lines are names set apart (L.NAMES_ROW_RE), its
# group labels (一等奖（3名）) its subheads
_ROLL_HEADING = re.compile(r"(?:名单|光荣榜|红榜|英雄榜|名录)(?:\(.{1,8}\))?$")


# one entry of a glossary: a foreign term and its Chinese, set apart by a wide space (either way round)
_GLOSS = re.compile(r"^[A-Za-z][A-Za-z0-9 \-()'’/.,&]{0,40}?(?:\u3000|\t| {2,})[\u4e00-\u9fff（）()、·]{1,16}$"
                    r"|^[\u4e00-\u9fff]{1,12}(?:\u3000|\t| {2,})[A-Za-z][A-Za-z \-()'’/.,&]{0,40}$")


def _bulleted_sentence(block: Block) -> bool:
    """A plain bulleted line that is a sentence, not a brief: one point of a bulleted list."""
    return (block.kind == "text" and block.text[:1] in L.BRIEF_BULLETS and ends_sentence(block.text))


def mark_bullet_lists(blocks: list[Block]) -> None:
    """The points of a bulleted list are alike: a line read as a brief only by a colon (``●新增3种情形：…。…。``)
    next to a bulleted sentence with no run-in headline is one more point of the list, body text.

    Example:
        >>> from newsanalysis.parse.page import parse_page
        >>> page = parse_page("划重点\\n●缴费上限为每年12000元。\\n●提前领取新增3种情形：患重大疾病。出国定居也可领取。")
        >>> [(a.title, len(a.paragraphs)) for a in page.articles]
        [('划重点', 2)]
    """
    for i, block in enumerate(blocks):
        if block.kind != "brief" or (brief := L.inline_brief(block.text)) is None:
            continue
        if not fold(block.text[:brief[1]]).rstrip().endswith(":"):
            continue  # a full-width space or a dispatch header makes a brief wherever it stands
        if (i > 0 and _bulleted_sentence(blocks[i - 1])) or (i + 1 < len(blocks) and _bulleted_sentence(blocks[i + 1])):
            block.kind = "text"


RUN_IN_BOX_MIN_INDENTED = 2  # indented paragraphs on the page before an unindented line reads as set apart


def mark_run_in_boxes(blocks: list[Block]) -> None:
    """A box label run into its text (``【编后】征文持续征集……``) printed flush left under an indented paragraph, on a
    page that indents its paragraphs, is set apart from the story: a one-line piece of its own (kind ``brief``,
    the label its title). Indented like the story's paragraphs, or on a page without indents, it stays in the
    story (``【点评】`` under a pupil's essay).

    Example:
        >>> from newsanalysis.parse.page import parse_page
        >>> page = parse_page("诗会举行\\n　　本报讯 诗会昨晚举行，120余名市民到场。\\n　　朗诵者中年纪最大的76岁。\\n"
        ...                   "【编后】“乡愁”主题征文持续征集至2026年1月31日。投稿邮箱：wj@163.com")
        >>> [(a.title, len(a.paragraphs)) for a in page.articles]
        [('诗会举行', 2), ('编后', 1)]
    """
    indented = sum(1 for b in blocks if b.kind in ("text", "dateline") and b.indent > 0 and ends_sentence(b.text))
    if indented < RUN_IN_BOX_MIN_INDENTED:
        return
    for i, block in enumerate(blocks):
        if i and block.kind == "text" and block.indent == 0 and L.run_in_box(block.text) is not None \
                and blocks[i - 1].kind in ("text", "dateline") and blocks[i - 1].indent > 0:
            block.kind = "brief"


def mark_boxes(blocks: list[Block]) -> None:
    """Results and data boxes: a short heading over two or more one-line results (``上海海港 3∶1 北京国安``),
    with optional group labels between them. The heading becomes ``box_title`` (it starts an article), the
    results ``box_item`` (body paragraphs) and the labels ``box_label`` (subheads)."""
    n = len(blocks)
    i = 0
    while i < n:
        if not (headline_like(blocks[i]) and not _box_item(blocks[i].text)):
            i += 1
            continue
        # a heading, then labels and items, all short lines without sentences; on a hard-wrapped page an item may
        # be an indented paragraph of a few printed lines (豇豆　某摊位　灭蝇 / 胺　0.82毫克/千克), read whole, while the
        # printed lines of a prose paragraph are no one-line results (1.326路：自12月28日起延伸至 / 大学城…)
        k, items, last_item, kinds = i + 1, 0, None, {}
        roll = _ROLL_HEADING.search("".join(fold(blocks[i].text).split())) is not None
        while k < n and blocks[k].kind == "text" and not blocks[k].continues:
            end, text = paragraph_end(blocks, k), paragraph_text(blocks, k)
            if not _box_length(text):
                break
            if k == i + 1 and end == k + 1 and _header_row(text) and _DIGIT.search(text):
                kinds[k] = "box_label"  # 项目　2024年　2023年: the columns' names under the heading, years among them
            elif _box_item(text, roll) and (end == k + 1 or blocks[k].opens_paragraph):
                items += 1
                last_item, kinds[k] = end - 1, "box_item"
            elif end == k + 1 and headline_like(blocks[k]) and end < n and blocks[end].kind == "text" \
                    and _box_item(paragraph_text(blocks, end), roll):
                if items and _BOX_HEADING.search(fold(blocks[k].text)):
                    break  # 上轮赛果 under 本周赛程's matches: the heading of a box of its own, no group label
                kinds[k] = "box_label"
            else:
                break
            k = end
        if items >= 2 and last_item is not None:
            before = blocks[i - 1] if i > 0 else None
            # the columns' names right under a paragraph: a table printed inside that article (批次　科类　分数线)
            inside = (before is not None and before.kind == "text" and _header_row(blocks[i].text)
                      and not headline_like(before) and _finished(paragraph_text(blocks, i - 1)))
            blocks[i].kind = "box_label" if inside else "box_title"
            for k, kind in kinds.items():
                if k <= last_item:
                    blocks[k].kind = kind
            if not inside and i > 0 and _header_row(blocks[i].text) and headline_like(blocks[i - 1]):
                # 品名　批发均价（元/公斤）　涨跌 under the table's title: the columns' names, a label of the box
                blocks[i - 1].kind, blocks[i].kind = "box_title", "box_label"
            i = last_item + 1
        else:
            i += 1


def _finished(text: str) -> bool:
    """A paragraph that ends a sentence, or leads into what follows (``各批次分数线如下：``)."""
    return ends_sentence(text) or fold(text).rstrip().endswith(":")


# how the heading of a results or data box ends (a group label inside one is a date, a round, a category)
_BOX_HEADING = re.compile(r"(?:赛果|赛程|结果|战报|积分榜|排行榜|排名|一览|名单|榜单|对阵|比分)(?:\(.{1,6}\))?$")


def _header_row(text: str) -> bool:
    """A table's header row: three or more cell names set apart by wide spaces, no digits but years naming columns
    (``品名　单价　涨跌``, ``项目　2024年　2023年　变动``)."""
    cells = [c for c in _WIDE_GAP.split(text.strip()) if c]
    if len(cells) < 3:
        return False
    named = [c for c in cells if not _YEAR_CELL.fullmatch(fold(c))]
    return bool(named) and not any(ch.isdigit() for c in named for ch in c)


_YEAR_CELL = re.compile(r"(?:19|20)\d\d(?:年度?)?")


HARD_WRAP_MIN_PARAGRAPHS = 3
HARD_WRAP_MAX_WIDTH = 45  # a printed column, not a paragraph on one line
HARD_WRAP_STEADY_SHARE = 0.6
HARD_WRAP_SLACK = 2  # a line may end a character or two short of the column edge (a half-width digit pair)


def _print_width(block: Block) -> int:
    return block.indent + len(block.text)


_PHRASE_BREAK = re.compile(r"[，,；;]")
_CLOSERS = frozenset("）)」』”’》〉】，,。、；;：:！!？?…")


def mark_hard_wraps(blocks: list[Block]) -> None:
    """A PDF copy with hard-wrapped lines: each paragraph starts with an indent (``　　``) and its printed lines
    break at a steady column width, inside words and numbers. The indented line opens a paragraph
    (``opens_paragraph``); an unindented line right under a full-width line of that paragraph continues it
    (``continues``), unless the line above ends a sentence and this one reads as a headline.

    Example:
        >>> from newsanalysis.parse.page import parse_page
        >>> text = ("秋粮归仓\\n本报通讯员 闻稻\\n　　10月下旬，全县8.6万亩单季\\n稻全部收割完毕，平均亩产1260\\n斤。\\n"
        ...         "　　种粮大户邹满仓说，他流转的62\\n0亩地全部种上了水稻，收入预计达\\n到150万元。\\n"
        ...         "　　今年全县新增植保无人机46架，\\n服务面积12万亩。")
        >>> parse_page(text).articles[0].paragraphs[1]
        '种粮大户邹满仓说，他流转的620亩地全部种上了水稻，收入预计达到150万元。'
    """
    indented = [b for b in blocks if b.kind == "text" and b.indent > 0 and b.blanks_before == 0]
    if len(indented) < HARD_WRAP_MIN_PARAGRAPHS:
        return
    # the column width shows in the indented lines with a line under them that could continue them; a box's short
    # indented items (　　王某某　2000元) have none and say nothing about it
    followed = {id(a) for a, b in zip(blocks, blocks[1:]) if b.kind == "text" and b.indent == 0 and b.blanks_before == 0}
    measured = [b for b in indented if id(b) in followed] or indented
    width, _ = Counter(_print_width(b) for b in measured).most_common(1)[0]
    steady = [b for b in measured if width - HARD_WRAP_SLACK <= _print_width(b) <= width]
    if width > HARD_WRAP_MAX_WIDTH or len(steady) < max(HARD_WRAP_MIN_PARAGRAPHS, HARD_WRAP_STEADY_SHARE * len(measured)):
        return
    joins: list[Block] = []
    above: Block | None = None  # the last printed line of the paragraph being read
    for block in blocks:
        if block.kind in ("text", "dateline") and block.indent > 0:
            above = block  # (a dispatch's first printed line, 本报讯（记者 X）…, wraps like any other)
            continue
        if (above is not None and block.kind == "text" and block.blanks_before == 0
                and _print_width(above) >= width - HARD_WRAP_SLACK
                and (block.text.lstrip()[:1] in _CLOSERS
                     or _PHRASE_BREAK.search(block.text) and _print_width(block) >= width - HARD_WRAP_SLACK
                     or not (headline_like(block) and (ends_sentence(above.text) or _FIELDS.search(above.text)
                                                       and _DIGIT.search(block.text) is None)))):
            # (a line opening with a closing bracket or mark continues the one above whatever it holds, and so does
            # a line that fills the column with a clause break inside: （四）保障住房，新建保障性住房8000套 is no heading)
            # (a heading under a finished sentence, or a group label under a box's item, 1280元 / 个人, starts afresh)
            joins.append(block)
            above = block
        else:
            above = None
    if len(joins) < HARD_WRAP_MIN_PARAGRAPHS:
        return  # indented lines of one width but nothing wrapped under them: not this layout
    for block in indented:
        block.opens_paragraph = True
    for block in joins:
        block.continues = True
    for i, block in enumerate(blocks):
        # a bullet brief's first printed line holds its run-in headline, but too little of its body to read as one
        if block.kind == "text" and block.opens_paragraph and block.text[:1] in L.BRIEF_BULLETS:
            brief = L.inline_brief(paragraph_text(blocks, i))
            if brief is not None and brief[1] <= len(block.text):
                block.kind = "brief"


VERSE_MIN_LINES = 4
VERSE_MAX_CHARS = 20


def mark_verse(blocks: list[Block]) -> None:
    """A poem under its title and author (``秋天的江`` / ``文/苏晚禾``): at least four short unpunctuated lines right
    under the byline, in stanzas apart by a blank line. Each stanza is a paragraph: its first line opens it
    (``opens_paragraph``) and the others continue it, so no verse line is read as a headline. The poem ends before a
    column name, a line with brackets or a colon, or the line right above the next byline (the next piece's heading).

    Example:
        >>> from newsanalysis.parse.page import parse_page
        >>> page = parse_page("秋夜\\n文/白露\\n月亮升起来\\n照着打谷场\\n\\n风吹过稻田\\n星星落满塘\\n小城故事\\n本报记者 林岚\\n小城很安静。")
        >>> [(a.title, a.reporters, a.paragraphs) for a in page.articles]
        [('秋夜', ['白露'], ['月亮升起来照着打谷场', '风吹过稻田星星落满塘']), ('小城故事', ['林岚'], ['小城很安静。'])]
    """
    from newsanalysis.parse.headline import ends_like_column

    for i, block in enumerate(blocks):
        if block.kind != "byline" or i == 0 or not headline_like(blocks[i - 1]):
            continue
        run: list[Block] = []
        k = i + 1
        while k < len(blocks) and blocks[k].kind == "text" and blocks[k].indent == 0 and _verse_line(blocks[k].text):
            after = blocks[k + 1] if k + 1 < len(blocks) else None
            if ends_like_column(blocks[k].text) and run or (after is not None and after.kind in MARKER_KINDS) or (
                    run and (L.is_notice_title(blocks[k].text) or after is not None and after.indent > 0
                             and not after.blanks_before and after.kind == "text")):
                break  # the next piece's column name or title (征稿启事 over the indented paragraphs of its notice)
            run.append(blocks[k])
            k += 1
        if len(run) < VERSE_MIN_LINES or run[0].blanks_before:
            continue
        for n, line in enumerate(run):
            if n == 0 or line.blanks_before:
                line.opens_paragraph = True
            else:
                line.continues = True


def _verse_line(text: str) -> bool:
    s = "".join(fold(text).split())
    return 0 < len(s) <= VERSE_MAX_CHARS and not re.search(r"[()（）《》【】:：。.]", s) and not L.is_byline(text)


def mark_tail_bylines(blocks: list[Block]) -> None:
    """A byline with no body under it was printed after its article (``本报评论员`` under a commentary,
    ``本报记者 X`` closing a story): it closes that article instead of opening an empty one."""
    for i, block in enumerate(blocks):
        if block.kind != "byline":
            continue
        if i > 0 and blocks[i - 1].kind == "text" and not headline_like(blocks[i - 1]) \
                and L.SUPERVISOR_RE.match(fold(block.text)):
            block.kind = "supervisor"  # 指导老师 王晓岚 after a pupil's essay: the teacher's comment may follow
            continue
        k = i + 1
        while k < len(blocks) and blocks[k].kind in ("byline", "note"):
            k += 1
        rest = blocks[k:]
        nxt = next((n for n, b in enumerate(rest) if b.kind in MARKER_KINDS), len(rest))
        between = rest[:nxt]
        # nothing but the next article's headline lines (or page furniture) before the next start
        # (the 作者系… line under a signature is part of it)
        if all((headline_like(b) and not ends_sentence(b.text)) or b.kind in ("furniture", "credit", "jump", "tail_byline")
               for b in between) and (
                nxt < len(rest) or all(b.kind in ("furniture", "tail_byline") for b in between)
        ) and i > 0 and blocks[i - 1].kind not in MARKER_KINDS and not (nxt == 0 and headline_like(blocks[i - 1])):
            # (under headline lines and right over the dateline of its text, a byline opens that article)
            block.kind = "tail_byline"
        elif i > 0 and (L.STAFF_BYLINE_RE.match(fold(block.text)) or L.BULLET_NAME_RE.match(fold(block.text))) \
                and blocks[i - 1].kind == "text" and not headline_like(blocks[i - 1]) and ends_sentence(blocks[i - 1].text):
            # 本报评论员 or □ 乔映川 under a commentary's last paragraph never opens the next article
            block.kind = "tail_byline"


def mark_author_names(blocks: list[Block]) -> None:
    """A signed piece's author printed after the body on a line of their own, over the note that says who they are
    (``叶临川`` / ``（作者为江城大学文学院教授）``): the name is the piece's byline, not a subhead or a heading.

    Example:
        >>> from newsanalysis.parse.page import parse_page
        >>> page = parse_page("读书的乐趣\\n　　读书使人明智。\\n叶临川\\n（作者为江城大学文学院教授）")
        >>> [(a.title, a.reporters, a.paragraphs, a.subheads) for a in page.articles]
        [('读书的乐趣', ['叶临川'], ['读书使人明智。'], [])]
    """
    for i in range(1, len(blocks)):
        block, name = blocks[i], blocks[i - 1]
        if (block.kind == "tail_byline" and L.is_author_note(block.text) and name.kind == "text"
                and not name.continues and L.is_bare_name(name.text)):
            name.kind = "tail_byline"


def mark_guest_lists(blocks: list[Block]) -> None:
    """A round table's list of guests under its headline (``嘉宾：江城大学经济学院教授　闵少川`` and, on lines of their own, more
    guests as title, a space, the name): body text, never a headline or an interview turn.

    Example:
        >>> from newsanalysis.parse.page import parse_page
        >>> page = parse_page("数字经济如何赋能实体产业\\n嘉宾：江城大学教授　闵少川\\n　　　江城数字产业协会会长　芮晓棠\\n"
        ...                   "主持人：增长了多少？\\n芮晓棠：增长11.2%。")
        >>> art, = page.articles
        >>> art.title, len(art.paragraphs), [t.speaker for t in art.qa_turns]
        ('数字经济如何赋能实体产业', 4, ['主持人', '芮晓棠'])
    """
    for i, block in enumerate(blocks):
        if block.kind != "text" or not L.guest_list_line(block.text):
            continue
        block.kind = "body_hint"
        k = i + 1
        while k < len(blocks) and blocks[k].kind == "text" and L.SPEAKER_LINE_RE.match(fold(blocks[k].text)):
            blocks[k].kind = "body_hint"
            k += 1


def mark_speaker_lines(blocks: list[Block]) -> None:
    """The speakers' headings of a column of voices (``全国人大代表、江城港务集团桥吊司机 卓海生`` over what they said)
    are subheads of the column, never headlines: two or more plain lines of a title, a space and a name, each
    over running text. One such line alone stays what it would be.

    Example:
        >>> from newsanalysis.parse.page import parse_page
        >>> page = parse_page("代表委员建言\\n全国人大代表、港务集团桥吊司机 卓海生\\n　　“技术工人也得有奔头。”\\n"
        ...                   "全国政协委员、新能源公司董事长 聂思远\\n　　“行业正从拼规模转向拼技术。”聂思远说。")
        >>> [(a.title, a.subheads, len(a.paragraphs)) for a in page.articles]
        [('代表委员建言', ['全国人大代表、港务集团桥吊司机 卓海生', '全国政协委员、新能源公司董事长 聂思远'], 2)]
    """
    found = [i for i, block in enumerate(blocks)
             if block.kind == "text" and not block.continues and i + 1 < len(blocks)
             and blocks[i + 1].kind == "text" and L.is_speaker_line(block.text)]
    if len(found) >= 2:
        for i in found:
            blocks[i].kind = "speaker"


def mark_signatures(blocks: list[Block]) -> None:
    """A notice's closing lines: the issuing body and the date signed under its text (``国家税务总局北京市税务局`` /
    ``2025年2月20日``). They are the notice's last body paragraphs (``signature``), not the next article's headline.

    An issuing body counts only right after a finished paragraph, and only over a date line, after a closing
    formula (``特此公告。``) or at the end of a notice whose headline names it one (公告, 讣告 …) with a headline or
    nothing after it; a date line counts after a finished paragraph or an issuing body.

    Example:
        >>> from newsanalysis.parse.page import parse_page
        >>> page = parse_page("遗失声明\\n本公司遗失公章1枚，特此声明。\\n北京禾木文化传播有限公司\\n2025年2月20日\\n讣告\\n邬长庚同志逝世。")
        >>> [(a.title, a.paragraphs[-1]) for a in page.articles]
        [('遗失声明', '2025年2月20日'), ('讣告', '邬长庚同志逝世。')]
    """
    for i, block in enumerate(blocks):
        if block.kind != "text" or i == 0:
            continue
        before = blocks[i - 1]
        after_paragraph = before.kind == "text" and not headline_like(before) and ends_sentence(before.text)
        if L.is_date_line(block.text):
            if after_paragraph or before.kind == "signature":
                block.kind = "signature"
            continue
        if after_paragraph and (_issuer_and_date(block.text) or L.FAMILY_SIGNATURE_RE.search("".join(fold(block.text).split()))):
            block.kind = "signature"  # 江城市青禾区人民法院　二〇二五年三月十日 on one line; 子 周立言 率全体家属泣告
            continue
        # over a date line, the line above may be a short closing sentence too (让我们携手行动！)
        after_sentence = after_paragraph or before.kind == "text" and ends_sentence(before.text)
        if not (after_sentence and L.is_issuer(block.text)):
            continue
        k = i + 1
        while k < len(blocks) and blocks[k].kind == "text" and L.is_issuer(blocks[k].text):
            k += 1  # 江城市第一人民医院 / 杭景明同志治丧委员会 / 2025年11月3日: two bodies sign together
        nxt = blocks[k] if k < len(blocks) else None
        if not after_paragraph and not (nxt is not None and nxt.kind == "text" and L.is_date_line(nxt.text)):
            continue
        if nxt is not None and nxt.kind == "text" and L.is_date_line(nxt.text):
            for b in blocks[i:k]:
                b.kind = "signature"
        elif L.closes_notice(before.text):
            block.kind = "signature"
        elif nxt is None or headline_like(nxt) or nxt.kind in MARKER_KINDS:
            heading = next((b for b in reversed(blocks[:i]) if headline_like(b)), None)
            if heading is not None and L.is_notice_heading(heading.text):
                block.kind = "signature"


def _issuer_and_date(text: str) -> bool:
    """An issuing body and the date it signed, on one line apart by a wide space.

    Example:
        >>> _issuer_and_date("江城市青禾区人民法院　二〇二五年三月十日"), _issuer_and_date("二〇二五年三月十日")
        (True, False)
    """
    parts = _WIDE_GAP.split(text.strip())
    return len(parts) == 2 and L.is_issuer(parts[0]) and L.is_date_line(parts[1])


def forced_starts(blocks: list[Block], starts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Add the article starts the user's layout hints ask for: the hinted line opens an article, its headline
    lines run to the first line that is not headline-like (or to the start the parser found there)."""
    for f in [k for k, b in enumerate(blocks) if b.forced_start]:
        if any(head == f for head, _ in starts):
            continue
        inside = next((n for n, (head, body) in enumerate(starts) if head < f < body), None)
        if inside is not None:  # the hinted line is in a headline block the parser found: the start moves
            starts[inside] = (f, starts[inside][1])
            continue
        body = f + 1
        while body < len(blocks) and headline_like(blocks[body]) and body - f < MAX_HEADLINE_LINES:
            body += 1
        starts.append((f, body))
    return sorted(starts)


def is_photo_news(header: list[Block] | None, body: list[Block]) -> bool:
    """A title, one or two lines of text and a photo credit, with no byline or dateline: photo news."""
    texts = body[:-1]
    paragraphs = sum(not b.continues for b in texts)  # a hard-wrapped paragraph's printed lines are one text
    return (bool(body) and body[-1].kind == "credit" and 1 <= paragraphs <= PHOTO_NEWS_MAX_TEXTS
            and all(b.kind == "text" and not headline_like(b) for b in texts)
            and (header is None or bool(header)))


def mark_photo_news(header: list[Block], bylines: list[Block], body: list[Block]) -> None:
    """Photo news keeps its text as the article's body, not as the caption of a photo; a line under the text that
    opens as a caption does (``图为…`` over the credit) stays the photo's caption."""
    if not bylines and is_photo_news(header, body):
        texts = body[:-1]
        if len(texts) >= 2 and not texts[-1].continues and L.CAPTION_START_RE.match(fold(texts[-1].text)):
            texts = texts[:-1]
        for block in texts:
            block.kind = "photo_text"


def apply_hints(blocks: list[Block], hints) -> None:
    """The user's line hints override what the parser would read (``PAGE.layout.toml``)."""
    if not hints:
        return
    for block in blocks:
        hint = hints.line_hint(block.line)
        if hint == "new_article":
            block.forced_start = True
        elif hint in ("caption", "subhead", "body"):
            block.kind = f"{hint}_hint"  # type: ignore[assignment]


def page_warnings(blocks: list[Block], articles: list[Article], entries: list[LedgerEntry], hints) -> tuple:
    """What the parser was unsure of, line by line, in words a user can check against the page."""
    out: list[ParseWarning] = []
    by_line = {b.line: b for b in blocks}
    forced = set(hints.new_article)
    by_article: dict[int | None, list[LedgerEntry]] = {}
    for e in entries:
        by_article.setdefault(e.article, []).append(e)
    for article in articles:
        lines = by_article.get(article.index, [])
        subheads = [e for e in lines if e.role == "subhead" and by_line[e.line].kind == "text"]
        if len(subheads) == 1 and sum(map(len, subheads[0].text.split())) >= SUBHEAD_WARN_CHARS:
            out.append(ParseWarning(subheads[0].line, "headline-like line inside an article; read as a subhead "
                                    "(if an article starts here, hint new_article)", "subhead"))
        if article.title is None and lines and not (lines[0].line in forced):
            out.append(ParseWarning(lines[0].line, "article without a printed headline; its title is derived "
                                    "from the first paragraph", "no_headline"))
        head = [e for e in lines if e.role in ("kicker", "title", "subtitle", "column")]
        if len(head) == 2 and {e.role for e in head} in ({"kicker", "title"}, {"title", "subtitle"}):
            read = "kicker and title" if head[0].role == "kicker" else "title and subtitle"
            out.append(ParseWarning(head[0].line, f"two headline lines read as {read}; which is which cannot "
                                    "be told without type sizes", "headline_roles"))
    for block in blocks:
        if block.kind == "tail_byline" and L.is_byline(block.text):
            out.append(ParseWarning(block.line, "byline with no text under it; read as closing the article above",
                                    "tail_byline"))
        elif block.kind == "box_title":
            out.append(ParseWarning(block.line, "short one-line entries (results, figures or names); read as a "
                                    "results or data box, an article of its own", "box"))
        elif block.kind == "photo_text":
            out.append(ParseWarning(block.line, "title, text and photo credit without a byline; read as photo "
                                    "news, its text as the body", "photo_news"))
    for e in entries:
        if e.role == "dropped" and e.reason == "before the first article":
            out.append(ParseWarning(e.line, "text before the first article; left out of every article",
                                    "dropped"))
    return tuple(sorted(out, key=lambda w: (w.line, w.kind)))
