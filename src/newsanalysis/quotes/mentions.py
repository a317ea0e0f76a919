"""People mentioned in a paragraph: a title and a name, ``·`` names, names known from the article, introductions.

What belongs here: the matching copy of a paragraph (``matching_text``: Simplified script, “” for 「」, same
length, so offsets found in the copy are valid in the printed text) and the way back to the printed names
(``as_printed``), where a clause starts (``clause_start``), what precedes a title without being part of it
(``strip_lead``), a speaker tag opening a quote item (``speaker_tag``), ``find_mentions`` and titles printed elsewhere in the article (``backfill_titles``). Deciding
who says what stays in ``extract``; the vocabulary of names and titles is in ``speakers``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsanalysis.memo import text_cache
from newsanalysis.normalize import to_matching_text
from newsanalysis.parse.lines import SPEAKER_LINE_RE
from newsanalysis.quotes.speakers import (
    BOUNDARY,
    DOT_NAME_RE,
    KINSHIP_TITLES,
    INTRO_RE,
    NAME_DOT_RE,
    POST_TITLES,
    ROLE_END_RE,
    SURNAME_HEADS,
    TITLE_RE,
    after_role_word,
    bare_name_ok,
    follows_name,
    has_surname,
    intro_name,
    not_a_role,
    parse_name,
    role_name,
    role_title_ends,
)

_QUOTE_MARKS = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’", "﹁": "“", "﹂": "”", "﹃": "‘", "﹄": "’"})
_CORNER_MARK = re.compile("[「」『』﹁﹂﹃﹄]")  # a search is much cheaper than translating every character
# no ^: LEAD_RE.match(text, pos) anchors at pos, where a ^ would only ever hold at 0
LEAD_RE = re.compile(
    r"(?:在|据|由|对此|对于|同时|此外|另外|其中|而|但|并|也|还|又|则|会上|当天|昨天|今天|前天|近日|日前|此前|随后|如今|本期|特邀|邀请|请|"
    r"记者专访了|专访了|采访了|—{1,2}(?:专访|对话|访问|访|记)|专访[：:]|对话[：:]|\d{1,2}月\d{1,2}日|"
    # an item's number in a numbered list: 5.市气象台首席预报员邝云舟表示
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,2})[.．、](?!\d)|[(（]\d{1,2}[)）])+"
)
_SCENE = re.compile(r"^.{0,20}?(?:会上|会议上|论坛上|仪式上|活动上|典礼上|发布会上|现场|期间|之际)")
# a clause about what the person was doing, printed before the role (在公园晨练的市民, 家住城东新村的市民)
# what the person is or did, said before the role and 的: 在公园晨练的, 71岁的, 获得一等奖的, 荣获…的 (the title is the role)
_ACTIVITY = re.compile(r"^(?:家住|住在|正在|今年|已经|(?:\d{1,3}|[一二三四五六七八九十]{1,3})多?岁|获得|荣获|夺得|[\u4e00-\u9fff][完着著了过])")
_TERM_MAX = 12
_TITLE_WINDOW = 12  # longer than any listed title
# a name printed bare at the start of a sentence: what may follow it, and last characters of things, not people
_NOT_IN_BARE_NAME = set("应该要能可需须得让使被")
_PERSON_NEXT = re.compile(r"(?:则|也|还|又|曾|便|就|一直|已经|今年|去年|随后|其后|赛后|会后|坦言|透露|告诉|表示|认为|指出|说)")
_THING_ENDS = set("站场馆路街桥港湾园区城村镇厂店楼院所局部委厅处科室队组团会社网台报刊业期周节届季量率价费额数线车船机器品物")
_SENTENCE_BEFORE_SURNAME = re.compile(rf"[。！!？?；;]”?\s*(?=[{SURNAME_HEADS}])")
_NOT_IN_TERM = BOUNDARY | set("。！!？?…、")
# a quote item opened by who speaks: 【任晓禾（全国人大代表）】“…” or 任晓禾（全国人大代表）：“…”
_SPEAKER_TAG_RE = re.compile(
    r"(?:【(?P<bn>[\u4e00-\u9fff·•・‧]{2,12})[（(](?P<bt>[^（）()【】“”]{2,40})[）)]】"
    r"|(?P<cn>[\u4e00-\u9fff·•・‧]{2,12})[（(](?P<ct>[^（）()【】“”：:]{2,40})[）)][：:])\s*(?=“)"
)
_TAG_HEAD = 56  # longer than any tag the pattern takes: where a colon tag's “ must be


@dataclass(frozen=True)
class Mention:
    """A person mentioned in a paragraph: ``start`` includes the printed title, ``end`` the name.

    ``intro`` marks a person introduced without a reporting verb (``退休教师王建国今年78岁``): no source by
    itself, but whom a later ``他说`` refers to.
    """

    start: int
    name_start: int
    end: int
    name: str
    title: str
    intro: bool = False


def matching_text(text: str) -> str:
    """The copy of ``text`` the scanner reads: half-width, Simplified script, 「」 as “” and 『』 as ‘’.

    Example:
        >>> matching_text("「很好。」陳淑姿說")
        '“很好。”陈淑姿说'
    """
    text = to_matching_text(text)
    return text.translate(_QUOTE_MARKS) if _CORNER_MARK.search(text) else text


def speaker_tag(text: str) -> tuple[Mention, int] | None:
    """The speaker tag that opens ``text`` and the offset of the “ it introduces, or None: ``【X（Y）】“`` or
    ``X（Y）：“``, X a personal name and Y a role (a listed title or a role word at its end, 代表, 书记, 种粮大户).

    Subheads in brackets (``【数说】``) and labels (``数据来源：``) name nobody.

    Example:
        >>> m, q = speaker_tag("【任晓禾（全国人大代表）】“我们有信心。”")
        >>> m.name, m.title, q
        ('任晓禾', '全国人大代表', 13)
        >>> speaker_tag("【数说】“十四五”规划"), speaker_tag("数据来源：国家统计局")
        (None, None)
    """
    if not (text.startswith("【") or "：“" in text[:_TAG_HEAD] or ":“" in text[:_TAG_HEAD]):
        return None  # most paragraphs: no regex
    m = _SPEAKER_TAG_RE.match(text)
    if m is None:
        return None
    key = "b" if m.group("bn") else "c"
    name, title = m.group(key + "n"), m.group(key + "t").strip()
    if len(name) > 4 and not DOT_NAME_RE.fullmatch(name) or not _titled_person(name, title):
        return None
    ns = m.start(key + "n")
    return Mention(0, ns, ns + len(name), name, title), m.end()


def speaker_line(text: str) -> Mention | None:
    """The person a speaker's heading in a column of voices names (title, a space, the name), or None: the
    paragraphs under it are theirs. The title must hold a listed title or end in a role word, as a speaker tag's.

    Example:
        >>> m = speaker_line("全国人大代表、江城港务集团桥吊司机 卓海生")
        >>> m.name, m.title
        ('卓海生', '全国人大代表、江城港务集团桥吊司机')
        >>> speaker_line("本周天气 晴好"), speaker_line("老街区“微更新” 居民家门口添了口袋公园")
        (None, None)
    """
    s = matching_text(text)
    m = SPEAKER_LINE_RE.match(s)
    if m is None:
        return None
    if not _titled_person(m.group("name"), m.group("title")):
        return None
    name, ns = m.group("name"), m.start("name")
    return Mention(m.start("title"), ns, ns + len(name), text[ns:ns + len(name)], text[m.start("title"):m.end("title")])


def _titled_person(name: str, title: str) -> bool:
    """Whether a speaker tag's or heading's ``name`` is a person's and ``title`` a role: a listed title or a role
    word at its end, not the press (【柏叙白（本报记者）】). ``bare_name_ok`` (after_quote=False) demands a surname and
    rules out places, institutions and title words."""
    ok = DOT_NAME_RE.fullmatch(name) or bare_name_ok(name, after_quote=False)
    role = TITLE_RE.search(title) or ROLE_END_RE.match(title, len(title) - 1)
    return bool(ok and role and not not_a_role(title, len(title)))


def _is_term(text: str, o: int, c: int) -> bool:
    """Whether the “…” from ``o`` to ``c`` is a short term inside a clause (在巴黎“中国之家”举行的…)."""
    return (0 < o and text[o - 1] not in BOUNDARY and 0 < c - o - 1 <= _TERM_MAX
            and not any(ch in _NOT_IN_TERM for ch in text[o + 1:c]))


@text_cache(8)
def _clause_starts_of(text: str) -> dict[int, int]:
    """position -> clause start, filled as positions of ``text`` are walked over (the paragraphs being read)."""
    return {}


def clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``text[pos]`` starts: after the last boundary, reading short quoted terms as words.

    The walk back from a position is the same whoever starts it, so every position walked over remembers where
    it ended: the cues and titles of one long clause cost one walk, not one each.

    Example:
        >>> clause_start("据介绍，在巴黎“中国之家”举行的活动", 16)
        4
    """
    known = _clause_starts_of(text)
    walked, i, start = [], pos, None
    while i > 0:
        start = known.get(i)
        if start is not None:
            break
        walked.append(i)
        if text[i - 1] == "”":
            o = text.rfind("“", max(0, i - _TERM_MAX - 2), i - 1)
            if o != -1 and _is_term(text, o, i - 1):
                i = o
                continue
        if text[i - 1] in BOUNDARY:
            break
        i -= 1
    start = i if start is None else start
    for w in walked:
        known[w] = start
    return start


def strip_lead(s: str) -> str:
    """Drop what precedes a title in its clause: 在, 据, dates, 记者专访了, ``发布会上``."""
    for strip in (LEAD_RE, _SCENE, LEAD_RE):
        m = strip.match(s)
        s = s[m.end():] if m else s
    return s


def _title(text: str, cs: int, title_end: int) -> tuple[int, str]:
    """Where the mention starts (its clause, without the lead) and the title: the role without a clause about
    what the person was doing (``在公园晨练的市民`` -> 市民; ``北京一家出版社的版权经理`` stays)."""
    raw = text[cs:title_end]
    title = strip_lead(raw)
    start = title_end - len(title)
    if "的" in title and (raw.startswith(("在", "从")) or _ACTIVITY.match(title)):
        title = title[title.rfind("的") + 1:]
    if "是" in title[:-1]:
        title = title[title.rfind("是") + 1:]  # 摊主是邻居郑爷爷: the title is what he is, 邻居
    return start, title


def find_mentions(text: str, known: dict[str, str], *, subtitle: bool = False) -> list[Mention]:
    """Title + name mentions, ``·`` names and names already known from this article, in text order.

    Listed titles come first; open role words (``种粮大户``) name someone only when the name reports speech,
    or, in a ``——专访…`` subtitle (``subtitle=True``), when the name ends the line. A title and name followed
    by something else the person did (``村民亓德旺今年81岁``) is an ``intro`` mention.

    Example:
        >>> [(m.title, m.name) for m in find_mentions("市科委副主任翟炜说，翟炜表示", {"翟炜": "翟炜"})]
        [('市科委副主任', '翟炜'), ('', '翟炜')]
    """
    present = [(short, full) for short, full in known.items() if short in text]
    if not present:
        return list(_plain_mentions(text, subtitle))
    base, covered = _mentions_of(text, subtitle)
    # a known short form found as a name of its own stands for the full name (霍夫曼 for 卡特琳·霍夫曼)
    found = {k: replace(m, name=known[m.name]) if known.get(m.name, m.name) != m.name else m for k, m in base.items()}
    taken = bytearray(covered)

    def add(key: int, m: Mention) -> None:
        found[key] = m
        taken[m.name_start:m.end] = b"\x01" * (m.end - m.name_start)

    for short, full in present:
        s = text.find(short)
        while s != -1:  # every occurrence, left to right, not overlapping
            e = s + len(short)
            if not taken[s]:
                lead = text[clause_start(text, s):s]
                rest = text[e:e + 16]
                if ((follows_name(rest, strong=False) or INTRO_RE.match(rest))
                        and (not strip_lead(lead) or lead.endswith(("在", "由")))):
                    add(s, Mention(s, s, e, full, ""))
            s = text.find(short, e if e > s else s + 1)
    return _clip_lists(text, sorted(found.values(), key=lambda x: x.name_start))


@text_cache(256)
def _plain_mentions(text: str, subtitle: bool) -> tuple[Mention, ...]:
    """``find_mentions`` of a paragraph where no known name is printed (most paragraphs, read up to three times)."""
    base, _ = _mentions_of(text, subtitle)
    return tuple(_clip_lists(text, sorted(base.values(), key=lambda x: x.name_start)))


@text_cache(256)
def _mentions_of(text: str, subtitle: bool) -> tuple[dict[int, Mention], bytes]:
    """The mentions ``find_mentions`` finds without known names, and the offsets their names cover (each
    paragraph is read for mentions up to three times: to register people, with the names known, for 访)."""
    found: dict[int, Mention] = {}
    taken = bytearray(len(text) + 1)  # offsets covered by a name found so far: overlaps are checked in O(name)

    def add(key: int, m: Mention) -> None:
        found[key] = m
        taken[m.name_start:m.end] = b"\x01" * (m.end - m.name_start)

    tag = speaker_tag(text)
    if tag:
        add(tag[0].name_start, tag[0])
    listed = list(TITLE_RE.finditer(text))
    inside = bytearray(len(text) + 1)
    candidates = []
    for m in listed:
        inside[m.start() + 1:m.end()] = b"\x01" * (m.end() - m.start() - 1)
        if m.group() in KINSHIP_TITLES and not has_surname(text, m.end()):
            continue  # 外公却总说: a family word names someone only with a surname after it
        parsed = parse_name(text, m.end(), titled=True)
        if parsed is None:
            candidates.append((m.end(), intro_name(text, m.end(), listed=True), True))
        else:
            candidates.append((m.end(), parsed, False))
    for e in role_title_ends(text):
        if inside[e]:
            continue  # inside a listed title
        parsed = role_name(text, e, reported=not subtitle)
        if parsed is None and not subtitle:
            candidates.append((e, intro_name(text, e, listed=False), True))
        else:
            candidates.append((e, parsed, False))
    for title_end, parsed, intro in candidates:
        if parsed is None or title_end in found or not_a_role(text, title_end) or any(taken[title_end:parsed[1]]):
            continue
        name, end = parsed
        start, title = _title(text, clause_start(text, title_end), title_end)
        post = next((t for t in POST_TITLES if text.startswith(t, end)), None)
        if post:
            title, end = f"{title}、{post}", end + len(post)
        add(title_end, Mention(start, title_end, end, name, title, intro))
    for ss in _sentence_starts(text):
        j = ss + (lead.end() - ss if (lead := LEAD_RE.match(text, ss)) else 0)
        if taken[j] or not has_surname(text, j):
            continue  # bare_name_ok below demands a surname
        if not (_PERSON_NEXT.match(text, j + 3) or _PERSON_NEXT.match(text, j + 4)):
            continue  # what follows no name of 3 or 4 characters (the only ones taken here) is a person's doing
        parsed = parse_name(text, j, titled=False)
        if (parsed and len(parsed[0]) >= 3 and not DOT_NAME_RE.fullmatch(parsed[0]) and not taken[j]
                and _PERSON_NEXT.match(text, parsed[1]) and parsed[0][-1] not in _THING_ENDS
                and not any(c in _NOT_IN_BARE_NAME for c in parsed[0]) and bare_name_ok(parsed[0], after_quote=False)):
            add(j, Mention(j, j, parsed[1], parsed[0], "", True))  # 潘展乐则把功劳归于队友
    for m in DOT_NAME_RE.finditer(text) if NAME_DOT_RE.search(text) else ():
        if taken[m.start(2)]:
            continue
        first = m.group(1)[-4:]
        first = after_role_word(first) or first  # 摊主汉斯·米勒: the role word before the given name is no part of it
        parsed = parse_name(text, m.start(2) - len(first), titled=True)
        if parsed:
            ns = m.start(2) - len(first)
            add(ns, Mention(ns, ns, parsed[1], parsed[0], ""))
    return found, bytes(taken)


def _sentence_starts(text: str) -> list[int]:
    """0 and the sentence starts where a surname may begin (the only ones ``_mentions_of`` reads past 0)."""
    return [0] + [m.end() for m in _SENTENCE_BEFORE_SURNAME.finditer(text)]


def _clip_lists(text: str, mentions: list[Mention]) -> list[Mention]:
    """In a list of people (``A研究员苏文涛、B教授林若岚``) a title starts after the person before it."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev and m.title and m.start < prev.end <= m.name_start:
            title = text[prev.end:m.name_start].lstrip("、和与及 ")
            post = next((t for t in POST_TITLES
                         if m.title.endswith(f"、{t}") and text.startswith(t, m.end - len(t))), "")
            m = Mention(m.name_start - len(title), m.name_start, m.end, m.name,
                        f"{title}、{post}" if post else title, m.intro)
        out.append(m)
    return out


def as_printed(rows: list[dict], matching: list[str], printed: list[str]) -> None:
    """Give names and titles found in the matching copy back as printed (陈茂波 -> 陳茂波), in place.

    Each matching character maps to the character printed in its place; where an article prints one
    matching character two ways (发 for both 發 and 髮), the string is looked up in the text instead.
    """
    if all(m == p for m, p in zip(matching, printed)):
        return
    needed = {c for r in rows for c in r["speaker"] + r["speaker_title"]}
    if not needed:
        return
    if len(matching) == len(printed) and all(len(m) == len(p) for m, p in zip(matching, printed)):
        # one string each, with offsets kept: a character's places are found in one pass
        matching, printed = ["\n".join(matching)], ["\n".join(printed)]
    printed_as: dict[str, set[str]] = {}  # matching character -> the characters printed in its places
    for m, p in zip(matching, printed):
        for a in needed.intersection(m):
            seen = printed_as.setdefault(a, set())
            end = min(len(m), len(p))
            i = m.find(a, 0, end)
            while i != -1:
                seen.add(p[i])
                i = m.find(a, i + 1, end)
    table = {a: next(iter(b)) for a, b in printed_as.items() if len(b) == 1}
    mixed = {a for a, b in printed_as.items() if len(b) > 1}

    def back(s: str) -> str:
        if not mixed.intersection(s):
            return "".join(table.get(c, c) for c in s)
        hit = next(((p, k) for m, p in zip(matching, printed) if (k := m.find(s)) != -1), None)
        return hit[0][hit[1]:hit[1] + len(s)] if hit else s

    for r in rows:
        r["speaker"], r["speaker_title"] = back(r["speaker"]), back(r["speaker_title"])


def backfill_titles(rows: list[dict], texts: list[str]) -> None:
    """Give a titleless named speaker the title printed right before the name anywhere in the article.

    ``浙江选手柏雨宁跳过1.92米`` does not read as a mention (no reporting verb or boundary follows the name),
    but once ``柏雨宁`` is a speaker, the listed title or role word ending right before the name is hers.
    """
    missing = {r["speaker"] for r in rows if r["speaker"] and not r["speaker_title"]}
    found: dict[str, str] = {}
    for name in missing:
        for text in texts:
            if name not in text:
                continue
            for m in re.finditer(re.escape(name), text):
                s = m.start()
                titled = any(t.end() == s for t in TITLE_RE.finditer(text, max(0, s - _TITLE_WINDOW), s))
                if (titled or ROLE_END_RE.match(text, s - 1)) and s > 0 and not not_a_role(text, s):
                    title = _title(text, clause_start(text, s), s)[1]
                    if title:
                        found.setdefault(name, title)
    for r in rows:
        if r["speaker"] in found and not r["speaker_title"]:
            r["speaker_title"] = found[r["speaker"]]
