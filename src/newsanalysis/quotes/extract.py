"""Who is quoted: direct speech in “…”, indirect speech after a reporting verb, and Q&A answers.

This module finds attributions with patterns only (no jieba): a title word printed right before a
name (``市科委副主任翟炜说``), transliterated names with ``·``, reporting verbs (表示, 认为, 说, 指出 ...),
a date, place or occasion between name and verb (``赵辰昕9月23日在国新办发布会上介绍``), and the turns of an
interview, a speaker tag opening a quote item (``【任晓禾（全国人大代表）】“…”``, ``任晓禾（…）：“…”``) and the name
ending right at ``说：“`` after any description (``负责站点的志愿者领队祁南星说：“…”``). ``他说``/``她表示`` and
descriptions (``这位负责人说``) are resolved to the person mentioned last (with that title), including people
introduced without a reporting verb (``退休教师王建国今年78岁``). Unnamed or collective sources (``与会学者``,
``有关负责人``, ``大家``) keep ``speaker`` empty and describe the source in ``speaker_title`` so anonymous sourcing
can be counted; the interviewer (记者, 问, 主持人) is never named. The scan reads a Simplified copy of each
paragraph of the same length (``mentions.matching_text``), so Traditional pages with 「」 work alike, and gives
quotes, names, titles and cues back as printed.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from newsanalysis.frames import columns_table
from newsanalysis.parse.lines import GUEST_LABEL_RE, answerer
from newsanalysis.parse.model import Article, Page
from newsanalysis.parse.units import Source, to_items
from newsanalysis.quotes.mentions import (
    LEAD_RE,
    Mention,
    as_printed,
    backfill_titles,
    clause_start,
    find_mentions,
    matching_text,
    speaker_line,
    speaker_tag,
    strip_lead,
)
from newsanalysis.quotes.speakers import (
    ADVERBIAL_RE,
    ADVERBS_RE,
    ANSWER_WORDS,
    COLLECTIVE_RE,
    DATE_AFTER_NAME_RE,
    DOT_NAME_RE,
    NAME_DOTS,
    PUNCT_VERBS,
    REPORTING_VERBS,
    ROLE_END_RE,
    TIME_AFTER_NAME_RE,
    TITLE_RE,
    after_role_word,
    bare_name_ok,
    has_surname,
    longest_word_pattern,
    not_a_role,
    parse_name,
)

QUOTE_COLUMNS = ["article", "paragraph", "start", "end", "quote", "mode", "speaker", "speaker_title", "cue"]
SOURCE_COLUMNS = ["article", "speaker", "speaker_title", "n_quotes", "n_chars", "first_paragraph", "modes"]
_SOURCE_INPUTS = ["article", "speaker", "speaker_title", "quote", "paragraph", "mode"]  # the quote columns it reads
MODE_ORDER = ("direct", "indirect", "interview")

_CUE_RE = re.compile(longest_word_pattern(REPORTING_VERBS))
_SENT_END = set("。！!？?")
_SENT_END_RE = re.compile("[。！!？?]")
_CLAUSE_MARK_RE = re.compile(r"[，,；;]")
_GAP_START = ("在", "于", "此前", "日前", "近日", "也", "还", "则", "曾", "对", "向", "接受", "受访", "昨天", "今天", "当天",
              "其后", "随后")
_PRONOUNS = {"他", "她"}
_VISIT = re.compile(r"^\s*(?:—{1,2}|-{1,2})?\s*(?:专访|对话|访问|访|记)")
# the interviewer's labels: never a named source
_QUESTIONERS = ("记者", "问", "主持人")
# 这位负责人, 该负责人, 这名老球迷: a description of someone introduced earlier
_DESCRIPTION = re.compile(r"(?:这位|这名|那位|此位|该名|该)(?=[\u4e00-\u9fff])")
_PUNCT_AFTER_VERB = "，,：:“。！!"
# 虽说, 据说, 小说 …, 说明, 说法 …: 说 in another word; 提出建议, 几项建议: 建议 as a noun
_NOT_SAYING_BEFORE, _NOT_SAYING_AFTER = tuple("虽据听如是以小传或再话么来"), frozenset("明法服起过理")
_NOUN_SUGGESTION_BEFORE = tuple("出项条些点")
_NO_VOICE_RE = re.compile(r"(?:报告|研究|调查|数据|公报|统计|分析|[部局委厅院所办署])$")


def _gap_ok(text: str, gs: int, ce: int, cue_end: int) -> bool:
    """Words between a speaker and the cue are allowed when short: an adverbial (``赛后``, ``激动地对记者``),
    or, before punctuation, a date, a place or an occasion (``9月23日在国新办发布会上``, ``受访时``)."""
    gap = text[gs:ce]
    when = DATE_AFTER_NAME_RE.match(gap) or TIME_AFTER_NAME_RE.match(gap)
    if when:
        gap = gap[when.end():]
    if not gap or ADVERBS_RE.fullmatch(gap) or ADVERBIAL_RE.fullmatch(gap):
        return True
    punct_after = cue_end >= len(text) or text[cue_end] in "，,：:“。！!？?"
    return punct_after and len(gap) <= 25 and (gap.startswith(_GAP_START) or (len(gap) <= 20 and gap.endswith("时")))


@dataclass
class _State:
    """Per-article memory: titles of introduced people, their short forms, who was mentioned last and when."""

    titles: dict[str, str]
    short: dict[str, str]
    last: str = ""
    recent: dict[str, int] = field(default_factory=dict)
    clock: int = 0

    def register(self, m: Mention) -> None:
        if m.name not in self.titles or (m.title and not self.titles[m.name]):
            self.titles[m.name] = m.title
        self.short.setdefault(m.name, m.name)
        for sep in "·•・‧":
            if sep in m.name:
                self.short.setdefault(m.name.split(sep)[-1], m.name)

    def addressed(self, label: str) -> str:
        """The introduced person a surname and title stand for (``蒋处长`` for 招生处处长蒋怀远), or "" unless exactly one.

        Example:
            >>> st = _State({"蒋怀远": "招生处处长", "蒋一鸣": "考生"}, {})
            >>> st.addressed("蒋处长"), st.addressed("王处长"), st.addressed("蒋老师")
            ('蒋怀远', '', '')
        """
        hits = [n for n, title in self.titles.items() for k in (1, 2)
                if len(n) > k and label[:k] == n[:k] and len(label) > k + 1 and title.endswith(label[k:])]
        return hits[0] if len(set(hits)) == 1 else ""

    def see(self, name: str) -> None:
        self.last, self.clock = name, self.clock + 1
        self.recent[name] = self.clock

    def described(self, words: str) -> str:
        """The person last mentioned whose title or name ends with ``words`` (负责人; 老球迷 as 球迷), or ""."""
        core = words.lstrip("老小年轻男女")
        core = core if len(core) >= 2 else words
        hits = [n for n in self.recent if self.titles.get(n, "").endswith(core) or n.endswith(core)]
        return max(hits, key=self.recent.__getitem__) if hits else ""


class _Para:
    """One paragraph's mentions, and after the first pass its attributions and who was mentioned when,
    indexed for look-ups by bisection (no scan over all mentions or cues per quote)."""

    def __init__(self, text: str, mentions: list[Mention], carried: str) -> None:
        self.text, self.mentions = text, mentions
        self.by_start: dict[int, Mention] = {}
        for m in mentions:
            self.by_start.setdefault(m.start, m)
        self._sorted = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self._sorted]
        self.found: dict[int, tuple[str, str, str, int]] = {}  # clause start -> (speaker, title, cue, cue end)
        self.seen: list[tuple[int, str]] = [(-1, carried)]  # (offset, the person last mentioned from there on)
        self._ends: list[int] | None = None  # offsets of sentence ends, found when first asked for
        self.tag = speaker_tag(text)  # (who, offset of the “ it opens) for 【X（Y）】“…” and X（Y）：“…”

    def mentions_starting(self, a: int, b: int) -> list[Mention]:
        return self._sorted[bisect_left(self._starts, a):bisect_left(self._starts, b)]

    def index(self) -> None:
        """After the first pass: attributions by cue end, and who was mentioned from where on."""
        self._cues = sorted(self.found.values(), key=lambda w: w[3])
        self._cue_ends = [w[3] for w in self._cues]
        self._named, last = [], -1
        for k, w in enumerate(self._cues):
            last = k if w[0] else last
            self._named.append(last)
        self._seen_at = [p for p, _ in self.seen]

    def cues_ending(self, a: int, b: int) -> list[tuple[str, str, str, int]]:
        return self._cues[bisect_left(self._cue_ends, a):bisect_left(self._cue_ends, b)]

    def last_named_cue_before(self, pos: int) -> tuple[str, str, str, int] | None:
        k = bisect_left(self._cue_ends, pos) - 1
        return self._cues[self._named[k]] if k >= 0 and self._named[k] >= 0 else None

    def last_seen_before(self, pos: int) -> str:
        return self.seen[bisect_left(self._seen_at, pos) - 1][1]

    def sentence_ends(self) -> list[int]:
        if self._ends is None:
            self._ends = [m.start() for m in _SENT_END_RE.finditer(self.text)]
        return self._ends

    def sentence_end_in(self, a: int, b: int) -> bool:
        ends = self.sentence_ends()
        return b > a and bisect_left(ends, a) < bisect_left(ends, b)


def _cues(text: str, masked: list[tuple[int, int]]) -> list[re.Match]:
    quoted = bytearray(len(text) + 1)
    for a, b in masked:
        quoted[a:b] = b"\x01" * (b - a)
    out = []
    for m in _CUE_RE.finditer(text):
        if quoted[m.start()]:
            continue
        before, after = text[max(0, m.start() - 2):m.start()], text[m.end():m.end() + 1]
        word = m.group()
        if before.endswith(("被", "所", "的")) or after == "了":
            continue
        if word == "说" and (before.endswith(_NOT_SAYING_BEFORE) or after in _NOT_SAYING_AFTER):
            continue
        if word in PUNCT_VERBS and (not after or after not in _PUNCT_AFTER_VERB) \
                and not (word == "称" and text.startswith(_CLAIM_OPENERS, m.end())):
            continue  # (称会继续…, 称将…: 称 opens what was said)
        if word == "称" and before[-1:] in _NAMING_BEFORE_CHENG:
            continue  # 项目名称：…, 简称：…, 职称：… name or label a thing; nobody speaks
        if word == "建议" and before.endswith(_NOUN_SUGGESTION_BEFORE):
            continue
        out.append(m)
    return out


_CLAIM_OPENERS = ("会", "将", "已经", "已", "正在", "仍", "并未", "没有", "目前", "今年", "明年")
_NAMING_BEFORE_CHENG = frozenset("名简号俗又统职堪总爱昵")  # 名称, 简称, 号称, 俗称, 又称, 统称, 职称, 堪称, 总称, 爱称, 昵称


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each “…” pair; an unclosed quote runs to the end."""
    spans, i = [], 0
    while (o := text.find("“", i)) != -1:
        c = text.find("”", o + 1)
        spans.append((o + 1, c if c != -1 else len(text)))
        i = (c if c != -1 else len(text)) + 1
    return spans


def _description(text: str, j: int, ce: int, st: _State, cue_end: int) -> tuple[str, str] | None:
    """``这位负责人说`` / ``该负责人表示``: the person introduced earlier with that title, else unnamed."""
    m = _DESCRIPTION.match(text, j, ce)
    if not m:
        return None
    for e in range(m.end() + 1, min(ce, m.end() + 8) + 1):
        words = text[m.end():e]
        if not (TITLE_RE.search(words[-3:]) or (len(words) > 1 and ROLE_END_RE.match(words, len(words) - 1))):
            continue
        if _gap_ok(text, e, ce, cue_end):
            name = st.described(words)
            return (name, st.titles.get(name, "")) if name else ("", text[j:e])
    return None


_TITLE_SPAN = 12  # longer than any listed title
_ADVERB_WINDOW = 64  # more than the longest adverb of ADVERBS_RE (3 characters)
_SUBJECT_HEAD = 11


def _without_adverbs(text: str, j: int, ce: int) -> tuple[str, int]:
    """``text[j:ce]`` without its trailing adverbs (还, 也, 纷纷 ... ``ADVERBS_RE``): its first 11 characters and
    its length, without copying a long clause for every cue in it.

    Only the last ``_ADVERB_WINDOW`` characters are searched unless the adverbs run on to the window's start.

    Example:
        >>> _without_adverbs("与会专家纷纷", 0, 6)
        ('与会专家', 4)
    """
    ws = max(j, ce - _ADVERB_WINDOW)
    window = text[ws:ce]
    m = ADVERBS_RE.search(window)
    if m is not None and ws > j and m.start() < 3:
        subj = ADVERBS_RE.sub("", text[j:ce])  # the run of adverbs may begin before the window
        return subj[:_SUBJECT_HEAD], len(subj)
    cut, resume = (ws + m.start(), m.end()) if m else (ce, len(window))
    head = text[j:min(cut, j + _SUBJECT_HEAD)] + window[resume:]
    return head[:_SUBJECT_HEAD], cut - j + len(window) - resume


def _attribute(text: str, cs: int, ce: int, para: _Para, st: _State, cue_end: int):
    """Who speaks in ``text[cs:ce]`` (the words before a cue): (speaker, title) or None."""
    for m in para.mentions_starting(cs, ce):
        if not strip_lead(text[cs:m.start]) and _gap_ok(text, m.end, ce, cue_end):
            return m.name, st.titles.get(m.name, m.title) or m.title
    junk = LEAD_RE.match(text, cs, ce)
    j = junk.end() if junk else cs
    subj, n_subj = _without_adverbs(text, j, ce)
    if subj[:1] in _PRONOUNS and subj[1:2] != "们" and _gap_ok(text, j + 1, ce, cue_end):
        return (st.last, st.titles.get(st.last, "")) if st.last else ("", subj[:1])
    described = _description(text, j, ce, st, cue_end)
    if described:
        return described
    if 0 < n_subj <= 10 and COLLECTIVE_RE.search(subj):
        return "", subj
    parsed = parse_name(text, j, titled=False)
    if parsed and parsed[1] <= ce and _gap_ok(text, parsed[1], ce, cue_end):
        full = st.short.get(parsed[0], parsed[0])
        if full != parsed[0] or bare_name_ok(parsed[0], after_quote=cs > 0 and text[cs - 1] == "”"):
            return full, st.titles.get(full, "")
    if not n_subj and text[cs:ce] == "据":
        return "", ""
    return _name_before_colon_quote(text, cs, ce, cue_end)


_ANSWERS_RE = re.compile("|".join(ANSWER_WORDS))  # an intro's word for who answers a Q&A column's questions
_COLON_QUOTE_VERBS = ("说", "表示")
# 拉着王明说, 对王明说, 和王明一起说: the name after these is who is spoken to or with, not the speaker
_OBJECT_MARKS = frozenset("对向跟和与同给替为把被让叫着朝冲")


def _name_before_colon_quote(text: str, cs: int, ce: int, cue_end: int) -> tuple[str, str] | None:
    """``…志愿者领队祁南星说：“…”``: before ``说：“`` / ``表示：“`` the speaker is the name ending right at the verb,
    whatever the words before it (they are the title, from their last 的 on), or None.

    Example:
        >>> _name_before_colon_quote("负责这个站点的志愿者领队祁南星说:“好。”", 0, 15, 16)
        ('祁南星', '志愿者领队')
    """
    if not text.startswith((":“", "：“"), cue_end) or text[ce:cue_end] not in _COLON_QUOTE_VERBS:
        return None
    # a two-character name after a title word or role word (局长李明), else three characters with a surname
    two_after_title = ROLE_END_RE.match(text, ce - 3) or any(
        t.end() == ce - 2 for t in TITLE_RE.finditer(text, max(cs, ce - 2 - _TITLE_SPAN), ce - 2))
    for n in ((2, 3) if two_after_title else (3, 2)):
        ns = ce - n
        if ns <= cs or not has_surname(text, ns) or not_a_role(text, ns) or text[ns - 1] in _OBJECT_MARKS:
            continue  # a name at the clause start is parse_name's (tried already); 主持人李华 is no source
        if text[ns - 1] in NAME_DOTS:
            return _dotted_name_before(text, cs, ce)  # 彼得·施密特说：“: the end of a transliterated name
        parsed = parse_name(text, ns, titled=True)
        if parsed and parsed[1] == ce and bare_name_ok(parsed[0], after_quote=False):
            title = strip_lead(text[cs:ns])
            title = title[title.rfind("的") + 1:]
            when = DATE_AFTER_NAME_RE.fullmatch(title) or TIME_AFTER_NAME_RE.fullmatch(title)
            return parsed[0], "" if when else title  # 今天下午王明说: no title
    return None


def _dotted_name_before(text: str, cs: int, ce: int) -> tuple[str, str] | None:
    """(name, title) of a transliterated name ending at ``ce`` after its title (``面包店店主彼得·施密特``), or None.

    Example:
        >>> _dotted_name_before("面包店店主彼得·施密特说", 0, 11)
        ('彼得·施密特', '面包店店主')
    """
    found = [m for m in DOT_NAME_RE.finditer(text, cs, ce) if m.end() == ce]
    if not found:
        return None
    m = found[-1]
    first = m.group(1)[-4:]
    name = (after_role_word(first) or first) + m.group(2)  # the role word before the given name is the title's
    title = strip_lead(text[cs:ce - len(name)])
    return name, title[title.rfind("的") + 1:]


def signatures(x: Source) -> dict[int, tuple[str, str]]:
    """(name, title) of the articles of the pages in ``x`` that are signed after their body, by ``id`` of the
    article: a byline line printed below the last paragraph that ends with one of the article's reporters
    (``（青禾医院临床营养科主任医师 石安澜）`` under a Q&A column), or, anywhere in the article, the line that names
    who answers its questions (``答疑：青川区人民法院法官 苏晚晴``). Loose articles and strings have none.

    Example:
        >>> signatures("问：减重是不是越快越好？\\n答：不是。")
        {}
    """
    pages = [x] if isinstance(x, Page) else [p for p in x if isinstance(p, Page)] if isinstance(x, list | tuple) else []
    out: dict[int, tuple[str, str]] = {}
    for page in pages:
        bylines: dict[int, list] = {}  # article index -> its byline entries, in ledger order
        for entry in page.ledger:
            if entry.role == "byline":
                bylines.setdefault(entry.article, []).append(entry)
        for art in page.articles:
            if art.index not in bylines:
                continue
            last = max((line for lines in art.paragraph_lines for line in lines), default=None)
            if last is None:
                continue
            for entry in bylines[art.index]:
                answers = answerer(entry.text)
                if answers:
                    out[id(art)] = answers
                    break
                if entry.line <= last:
                    continue
                text = entry.text.strip().strip("（()）").strip()
                name = next((n for n in art.reporters if text.endswith(n)), None)
                if name:
                    out[id(art)] = (name, text[:-len(name)].strip(" \u3000·—-"))
    return out


def _article_quotes(art: Article, signed: tuple[str, str] | None = None) -> list[dict]:
    """Two passes: reporting verbs (indirect rows, attributions by clause), then quotation marks and Q&A.

    The scan reads the matching copy of each paragraph (``matching_text``); quotes are sliced from the
    printed text and names and titles are given back as printed (Traditional script stays Traditional).
    ``signed`` is the (name, title) of a signature printed below the body: the answerer of a Q&A column whose
    answers no subtitle or intro names.
    """
    printed = art.paragraphs
    paras = [matching_text(p) for p in printed]
    if not art.qa_turns and not any("“" in text or _CUE_RE.search(text) for text in paras):
        return []  # every row starts at a reporting verb, a quotation mark or an interview turn
    st = _State({}, {})
    subtitle = matching_text(art.subtitle or "")
    qa = {t.paragraph: t for t in art.qa_turns}
    visit = bool(_VISIT.match(subtitle))
    for k, text in enumerate([subtitle, *paras]):
        for m in find_mentions(text, {}, subtitle=visit and k == 0):
            st.register(m)
    guests: set[int] = set()
    for i, text in enumerate(paras):
        # a round table's guests, listed as title and name (嘉宾：江城大学经济学院教授　闵少川): whom its turns' labels name
        guest = GUEST_LABEL_RE.match(text)
        if (guest or i - 1 in guests) and i not in qa and (m := speaker_line(text[guest.end():] if guest else text)):
            st.register(m)
            guests.add(i)
    interviewee, rows = "", []
    # the interviewee: named in the subtitle, or in an intro that says who was visited or who answers
    # (本期请…律师阮清和解答读者的问题)
    intros = [p for i, p in enumerate(paras) if i not in qa and ("访" in p or qa and _ANSWERS_RE.search(p))]
    for k, text in enumerate([subtitle, *intros]):
        answers = k > 0 and "访" not in text  # 律师王清远解答: introduced, not quoted, and still the one who answers
        ms = [m for m in find_mentions(text, {}, subtitle=visit and k == 0) if answers or not m.intro]
        if ms:
            interviewee = ms[-1].name
    if not interviewee and signed and any(t.speaker == "答" for t in art.qa_turns):
        interviewee = signed[0]  # 专家答疑 … （青禾医院临床营养科主任医师 石安澜）: the signing expert answers
        st.titles.setdefault(interviewee, signed[1])
    heads = _speaker_heads(art)
    for m in set(heads.values()):
        st.register(m)
    done: list[_Para] = []
    known = {k: v for k, v in st.short.items() if len(k) >= 2}  # everyone is registered by now
    for i, text in enumerate(paras):
        mentions = find_mentions(text, known)
        head = heads.get(i)
        opens_head = head is not None and heads.get(i - 1) is not head  # the first paragraph under the heading
        if opens_head:
            st.see(head.name)  # 他/她 there are the heading's speaker
        para = _Para(text, mentions, st.last)
        if opens_head and para.tag is None and text.startswith("“"):
            para.tag = (head, 0)  # a quote opening what the heading's speaker said is theirs, unless a verb says
        found, seen = para.found, para.seen
        if i not in qa:
            masked = _quote_spans(text)
            skip = {a - 1: b + 1 for a, b in masked}  # from an opening “ to past its closing ”
            opens = list(skip)  # in text order
            ends: dict[int, int] = {}  # where the statement from a position ends, for the cues of one sentence
            events = [(m.name_start, "m", m) for m in mentions] + [(c.start(), "c", c) for c in _cues(text, masked)]
            for pos, kind, obj in sorted(events, key=lambda e: e[0]):
                if kind == "m":
                    st.see(obj.name)
                    seen.append((pos, obj.name))
                    continue
                cs = clause_start(text, pos)
                who = _attribute(text, cs, pos, para, st, obj.end())
                if who is None or (obj.group() in PUNCT_VERBS[1:] and not who[0] and _NO_VOICE_RE.search(who[1])):
                    continue  # 大数据分析，… is no statement
                cue = printed[i][obj.start():obj.end()]  # as printed (說, not 说)
                found[cs] = (*who, cue, obj.end())
                if who[0]:
                    st.see(who[0])
                    seen.append((pos, who[0]))
                s = obj.end()
                while s < len(text) and text[s] in "，,：: ":
                    s += 1
                # an unclosed “ at the end skips past the text
                e = min(_statement_end(text, s, skip, opens, para.sentence_ends(), ends), len(text))
                if e - s >= 2 and text[s] != "“":
                    rows.append(_row(art, i, s, e, printed[i], "indirect", who, cue))
        para.index()
        done.append(para)
    for i, text in enumerate(paras):
        if i in qa:
            t = qa[i]
            s = max(printed[i].rfind(t.text) if t.text else len(text), 0)
            label = matching_text(t.speaker)
            if label in _QUESTIONERS:
                who = ("", label if label == "主持人" else "记者")
            else:
                # 蒋处长：… after 招生处处长蒋怀远 in the subtitle or the intro: the interviewee by surname and title
                name = interviewee if label == "答" else st.short.get(label) or st.addressed(label) or label
                head = text[:s].rstrip().rstrip(":：").rstrip() if t.labelled else ""
                if name and head.endswith(label) and len(head) > len(label):
                    st.titles.setdefault(name, head[:-len(label)].strip())  # 市统计局新闻发言人 宋明澜：…
                who = (name, st.titles.get(name, "")) if name else ("", label)
            rows.append(_row(art, i, s, len(text), printed[i], "interview", who, t.speaker if t.labelled else ""))
            continue
        for qs, qe in _quote_spans(text):
            who = _direct_speaker(text, qs, qe, i, done, st)
            if who is None:
                if not _speechlike(text[qs:qe]):
                    continue
                who = ("", "", "")
            rows.append(_row(art, i, qs, qe, printed[i], "direct", who[:2], who[2]))
    backfill_titles(rows, [subtitle, *paras])
    as_printed(rows, [subtitle, *paras], [art.subtitle or "", *printed])
    return sorted(rows, key=lambda r: (r["paragraph"], r["start"], r["mode"]))


def _speaker_heads(art: Article) -> dict[int, Mention]:
    """The speaker's heading (a subhead naming a person, see ``speaker_line``) each paragraph is printed under."""
    out: dict[int, Mention] = {}
    if not art.subheads:
        return out
    bounds = [*art.subhead_before, len(art.paragraphs)]
    for k, subhead in enumerate(art.subheads):
        m = speaker_line(subhead)
        if m is not None:
            for i in range(bounds[k], max(bounds[k], bounds[k + 1])):
                out[i] = m
    return out


def _speechlike(body: str) -> bool:
    """A sentence in quotation marks, not a term or a name (“脑控”, “一带一路”)."""
    return (len(body) >= 4 and body[-1] in "。！!？?…") or (len(body) >= 8 and bool(_CLAUSE_MARK_RE.search(body)))


def _direct_speaker(text: str, qs: int, qe: int, i: int, paras: list[_Para],
                    st: _State) -> tuple[str, str, str] | None:
    """Who said the “…” at ``text[qs:qe]``: attribution right after it, right before it, or next door."""
    para, body = paras[i], text[qs:qe]
    found = para.found
    speechlike = _speechlike(body)
    after = qe + 1
    while after < len(text) and text[after] in "，, ":
        after += 1
    if after in found:
        return found[after][:3]
    if para.tag and para.tag[1] == qs - 1:  # 【任晓禾（…）】“…”: the item's speaker, unless a verb after it says
        m = para.tag[0]
        return m.name, st.titles.get(m.name, m.title) or m.title, ""
    m = para.by_start.get(after)
    if m and (speechlike or (after == qe + 1 and not m.intro)):
        return m.name, st.titles.get(m.name, m.title), ""
    ss = qs - 1
    while ss > 0 and text[ss - 1] not in _SENT_END and text[ss - 1] != "”":
        ss -= 1
    before = para.cues_ending(ss, qs)
    for who in before:
        if not text[who[3]:qs - 1].strip("，,：: "):
            return who[:3]
    if speechlike and qs - 1 > ss and text[qs - 2] in "，,：:":
        for m in para.mentions_starting(ss, qs):
            if not strip_lead(text[ss:m.start]) and m.end < qs:
                return m.name, st.titles.get(m.name, m.title), ""
        # 他……充上电：“……”: the sentence is about the person last mentioned
        lead = LEAD_RE.match(text, ss, qs)
        j = lead.end() if lead else ss
        if text[qs - 2] in "：:" and text[j:j + 1] in _PRONOUNS and text[j + 1:j + 2] != "们":
            name = para.last_seen_before(j)
            if name:
                return name, st.titles.get(name, ""), ""
    if speechlike:
        # 他说，……，“……”: a quote closing the sentence of a named speaker's indirect speech
        said = [w for w in before if w[0]]
        if said:
            return (*said[-1][:2], "")
    whole = ss == qs - 1 and (qe + 1 >= len(text) or text[qe + 1] in _SENT_END or text[qe - 1] in _SENT_END)
    if whole and speechlike:
        prev = para.last_named_cue_before(ss)
        k = ss - 1
        while k > 0 and text[k - 1] in _SENT_END:
            k -= 1
        if prev and not para.sentence_end_in(prev[3], k):
            return (*prev[:2], "")
        if k > 0:  # 上海游客林女士这次是第二次来青溪。“……”: the sentence before is about one person, who says it
            ps = k
            while ps > 0 and text[ps - 1] not in _SENT_END:
                ps -= 1
            named = {name for pos, name in para.seen if ps <= pos < k and name}
            if len(named) == 1:
                name = named.pop()
                return name, st.titles.get(name, ""), ""
        nxt = paras[i + 1].found if i + 1 < len(paras) else {}
        if ss == 0 and qe + 1 >= len(text.rstrip()) - 1 and 0 in nxt:
            return (*nxt[0][:2], "")
    return None


def _statement_end(text: str, s: int, skip: dict[int, int], opens: list[int], stops: list[int],
                   ends: dict[int, int]) -> int:
    """The sentence end after ``s``, stepping over quotations (``skip``: opening mark -> past its closing one;
    ``opens``: the opening marks and ``stops`` the sentence ends of ``text``, in text order).

    The walk goes from quotation to quotation by bisection, and ``ends`` remembers the end for every offset a walk
    started or landed at, so the cues of one long sentence walk it once.
    """
    walked, e, end = [], s, None
    while e < len(text):
        end = ends.get(e)
        if end is not None:
            break
        walked.append(e)
        k = bisect_left(stops, e)
        stop = stops[k] if k < len(stops) else len(text)
        k = bisect_left(opens, e)
        if k == len(opens) or opens[k] >= stop:
            end = stop
            break
        e = skip[opens[k]]
    end = e if end is None else end
    for w in walked:
        ends[w] = end
    return end


def _row(art: Article, i: int, s: int, e: int, text: str, mode: str, who: tuple, cue: str) -> dict:
    return {"article": art.index, "paragraph": i, "start": s, "end": e, "quote": text[s:e], "mode": mode,
            "speaker": who[0], "speaker_title": who[1] or "", "cue": cue}


def extract_quotes(x: Source) -> pd.DataFrame:
    """Every reported statement of a page, article or text, one row per quote, in reading order.

    Args:
        x: a parsed ``Page``, one ``Article``, a list of Articles, or a plain string (paragraphs split on newlines).

    Returns:
        DataFrame with columns ``article`` (index), ``paragraph`` (index into ``Article.paragraphs``),
        ``start``/``end`` (offsets of ``quote`` in that paragraph), ``quote`` (the words reported, without
        quotation marks), ``mode`` ("direct" | "indirect" | "interview"), ``speaker`` (full name as first
        introduced, "" when unnamed), ``speaker_title`` (role and affiliation as printed, or the unnamed
        source such as "与会学者"; "" when none), ``cue`` (the reporting verb or interview label, "" when none).

    Example:
        >>> extract_quotes("市科委副主任翟炜说,上海取得突破。")[["speaker", "speaker_title", "mode", "cue"]].values.tolist()
        [['翟炜', '市科委副主任', 'indirect', '说']]
    """
    return _frame(_quote_columns(x), ints=("article", "paragraph", "start", "end"))


def _quote_columns(x: Source) -> dict[str, list]:
    """The columns of :func:`extract_quotes` as lists."""
    signed = signatures(x)
    articles = x.articles if isinstance(x, Page) else [item.article for item in to_items(x)]
    rows = [r for art in articles for r in _article_quotes(art, signed.get(id(art)))]
    return {c: [r[c] for r in rows] for c in QUOTE_COLUMNS}


def _frame(columns: dict[str, list], ints: tuple[str, ...]) -> pd.DataFrame:
    """A frame of equally long lists, with the dtypes pandas would infer: ``ints`` as int64, the others (strings)
    as text, or object when there are no rows.

    Example:
        >>> _frame({"speaker": ["翟炜"], "n_quotes": [2]}, ints=("n_quotes",)).dtypes.astype(str).tolist()
        ['str', 'int64']
    """
    return columns_table(columns, {c: "int64" if c in ints else "text" for c in columns})


def sources(x: Source) -> pd.DataFrame:
    """Who an article quotes: one row per speaker (named) or per unnamed source description.

    Returns:
        DataFrame with columns ``article``, ``speaker`` ("" for unnamed sources), ``speaker_title``,
        ``n_quotes``, ``n_chars`` (characters quoted), ``first_paragraph`` and ``modes`` (the modes used,
        comma-separated in the order direct, indirect, interview), ordered by article and first appearance.

    Example:
        >>> sources("“我们很有信心。”市科委副主任翟炜说。").values.tolist()
        [[0, '翟炜', '市科委副主任', 1, 7, 0, 'direct']]
    """
    columns = _quote_columns(x)  # source_table(extract_quotes(x)) without the quotes table in between
    if not columns["article"]:
        return _frame({c: [] for c in SOURCE_COLUMNS}, ints=())
    return _sources_of(*(columns[c] for c in _SOURCE_INPUTS))


def source_table(q: pd.DataFrame) -> pd.DataFrame:
    """The :func:`sources` table of quotes already extracted (one quote pass serves both tables).

    One pass over the rows in plain Python (a pandas group per speaker cost more than finding the quotes).

    Example:
        >>> source_table(extract_quotes("“我们很有信心。”翟炜说。王明表示，要抓好落实。")).values.tolist()
        [[0, '翟炜', '', 1, 7, 0, 'direct'], [0, '王明', '', 1, 5, 0, 'indirect']]
    """
    used = _SOURCE_INPUTS
    if q.empty:
        if all(c in q.columns for c in used):  # no groups: the empty table _grouped_source_table gives
            return _frame({c: [] for c in SOURCE_COLUMNS}, ints=())
        return _grouped_source_table(q)
    dtypes, values = _column_values(q, used)
    if any(_has_missing(q, c, dtypes[c], values[c]) for c in used):
        return _grouped_source_table(q)  # pandas drops missing keys from groups: keep its rules there
    typed = (all(dtypes[c].kind == "i" for c in ("article", "paragraph"))
             and all(_all_str(values[c]) for c in ("speaker", "speaker_title")))
    return _sources_of(*values.values(), typed=typed)


def _sources_of(articles: list, speakers: list, titles: list, quotes: list, paragraphs: list, modes: list, *,
                typed: bool = True) -> pd.DataFrame:
    """The sources table of quote columns without missing values; ``typed``: articles and paragraphs are
    integers and names and titles strings (else the frame is typed and sorted by pandas' rules)."""
    groups: dict[tuple, list] = {}  # key -> [article, speaker, title, n_quotes, n_chars, first_paragraph, modes]
    for art, speaker, title, quote, paragraph, mode in zip(articles, speakers, titles, quotes, paragraphs, modes):
        key = (art, speaker if speaker != "" else "\x00" + title)
        g = groups.get(key)
        if g is None:
            g = groups[key] = [art, speaker, "", 0, 0, paragraph, set()]
        if title and not g[2]:
            g[2] = title
        g[3] += 1
        g[4] += len(quote)
        g[5] = min(g[5], paragraph)
        g[6].add(mode)
    rows = list(groups.values())
    out = {c: [g[k] for g in rows] for k, c in enumerate(SOURCE_COLUMNS[:6])}
    out["modes"] = [_modes(g[6]) for g in rows]
    if not typed:
        df = pd.DataFrame(out, columns=SOURCE_COLUMNS)
        return df.sort_values(["article", "first_paragraph"], kind="stable").reset_index(drop=True)
    order = sorted(range(len(rows)), key=lambda k: (rows[k][0], rows[k][5]))  # stable, as kind="stable"
    return _frame({c: [v[k] for k in order] for c, v in out.items()},
                  ints=("article", "n_quotes", "n_chars", "first_paragraph"))


def _modes(used: set[str]) -> str:
    return ",".join(m for m in MODE_ORDER if m in used)


def _all_str(values: list) -> bool:
    return all(type(v) is str for v in values)


def _has_missing(q: pd.DataFrame, name: str, dtype, values: list) -> bool:
    """Whether column ``name`` holds a missing value (strings and integers, the usual contents, are checked in
    Python)."""
    if (isinstance(dtype, np.dtype) and dtype.kind in "iu") or _all_str(values):
        return False
    return bool(q[name].isna().any())


def _column_values(q: pd.DataFrame, names: list[str]) -> tuple[dict, dict[str, list]]:
    """The dtypes and the values (as Python lists) of the columns ``names`` of ``q``.

    Read through pandas' column arrays where it has them: a Series per column costs more than the grouping
    (pandas' code runs cold after other stages of a page), and the values are the same.

    Example:
        >>> _column_values(extract_quotes("翟炜说，要抓好落实。"), ["speaker", "start"])[1]
        {'speaker': ['翟炜'], 'start': [4]}
    """
    array_of = getattr(q, "_get_column_array", None)
    where = {c: k for k, c in enumerate(q.columns.tolist())}
    if array_of is None or len(where) < len(q.columns):  # the public way; with repeated names as pandas has it
        columns = {c: q[c] for c in names}
        return {c: s.dtype for c, s in columns.items()}, {c: s.to_numpy().tolist() for c, s in columns.items()}
    arrays = {c: array_of(where[c]) if c in where else q[c] for c in names}  # q[c]: pandas' KeyError
    return {c: a.dtype for c, a in arrays.items()}, {c: a.tolist() for c, a in arrays.items()}


def _grouped_source_table(q: pd.DataFrame) -> pd.DataFrame:
    out = []
    key = q["speaker"].where(q["speaker"] != "", "\x00" + q["speaker_title"])
    for (art, _), g in q.groupby([q["article"], key], sort=False):
        titles = [t for t in g["speaker_title"] if t]
        out.append({
            "article": art, "speaker": g["speaker"].iloc[0], "speaker_title": titles[0] if titles else "",
            "n_quotes": len(g), "n_chars": int(g["quote"].str.len().sum()),
            "first_paragraph": int(g["paragraph"].min()),
            "modes": ",".join(m for m in MODE_ORDER if m in set(g["mode"])),
        })
    df = pd.DataFrame(out, columns=SOURCE_COLUMNS)
    return df.sort_values(["article", "first_paragraph"], kind="stable").reset_index(drop=True)
