"""Who is quoted: direct speech in “…”, indirect speech after a reporting verb, and Q&A answers.

This module finds attributions with patterns only (no jieba): a title word printed right before a
name (``市科委副主任翟炜说``), transliterated names with ``·``, reporting verbs (表示, 认为, 说, 指出 ...),
``他说``/``她表示`` resolved to the last person mentioned, and the turns of an interview. Unnamed or
collective sources (``与会学者``, ``公司``, ``大家``) keep ``speaker`` empty and describe the source in
``speaker_title`` so anonymous sourcing can be counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from newsanalysis.parse.model import Article
from newsanalysis.parse.units import Source, to_items
from newsanalysis.quotes.speakers import (
    ADVERBIAL_RE,
    ADVERBS_RE,
    BOUNDARY,
    COLLECTIVE_RE,
    DOT_NAME_RE,
    POST_TITLES,
    REPORTING_VERBS,
    TITLE_RE,
    bare_name_ok,
    follows_name,
    parse_name,
    role_name,
    role_title_ends,
)

QUOTE_COLUMNS = ["article", "paragraph", "start", "end", "quote", "mode", "speaker", "speaker_title", "cue"]
SOURCE_COLUMNS = ["article", "speaker", "speaker_title", "n_quotes", "n_chars", "first_paragraph", "modes"]
MODE_ORDER = ("direct", "indirect", "interview")

_CUE_RE = re.compile("|".join(REPORTING_VERBS))
_SENT_END = set("。！!？?")
_JUNK = re.compile(
    r"^(?:在|据|由|对此|对于|同时|此外|另外|其中|而|但|并|也|还|又|则|会上|当天|昨天|今天|前天|近日|日前|此前|随后|"
    r"记者专访了|专访了|采访了|—{1,2}(?:专访|对话|访问|访|记)|专访[：:]|对话[：:]|\d{1,2}月\d{1,2}日)+"
)
_GAP_START = ("在", "于", "此前", "日前", "近日", "也", "还", "则", "曾", "对", "向", "接受", "昨天", "今天", "当天")
_SCENE = re.compile(r"^.{0,20}?(?:会上|会议上|论坛上|仪式上|活动上|典礼上|发布会上|现场|期间|之际)")
_PRONOUNS = {"他", "她"}
_VISIT = re.compile(r"^\s*(?:—{1,2}|-{1,2})?\s*(?:专访|对话|访问|访|记)")


@dataclass(frozen=True)
class _Mention:
    """A person mentioned in a paragraph: ``start`` includes the printed title, ``end`` the name."""

    start: int
    name_start: int
    end: int
    name: str
    title: str


def _strip_lead(s: str) -> str:
    """Drop what precedes a title in its clause: 在, 据, dates, 记者专访了, ``发布会上``."""
    for strip in (_JUNK, _SCENE, _JUNK):
        m = strip.match(s)
        s = s[m.end():] if m else s
    return s


def _clause_start(text: str, pos: int) -> int:
    i = pos
    while i > 0 and text[i - 1] not in BOUNDARY:
        i -= 1
    return i


def _find_mentions(text: str, known: dict[str, str], *, subtitle: bool = False) -> list[_Mention]:
    """Title + name mentions, ``·`` names and names already known from this article, in text order.

    Listed titles come first; open role words (``种粮大户``) name someone only when the name reports speech,
    or, in a ``——专访…`` subtitle (``subtitle=True``), when the name ends the line.
    """
    found: dict[int, _Mention] = {}
    listed = list(TITLE_RE.finditer(text))
    titled = [(m.end(), parse_name(text, m.end(), titled=True)) for m in listed]
    roles = [(e, role_name(text, e, reported=not subtitle)) for e in role_title_ends(text)
             if not any(m.start() < e < m.end() for m in listed)]
    for title_end, parsed in titled + roles:
        if parsed is None or title_end in found or any(
                x.name_start < parsed[1] and title_end < x.end for x in found.values()):
            continue
        name, end = parsed
        cs = _clause_start(text, title_end)
        title = text[cs:title_end]
        title = _strip_lead(title)
        start = title_end - len(title)
        post = next((t for t in POST_TITLES if text.startswith(t, end)), None)
        if post:
            title, end = f"{title}、{post}", end + len(post)
        found[title_end] = _Mention(start, title_end, end, name, title)
    for m in DOT_NAME_RE.finditer(text):
        if any(x.name_start <= m.start(2) < x.end for x in found.values()):
            continue
        first = m.group(1)[-4:]
        parsed = parse_name(text, m.start(2) - len(first), titled=True)
        if parsed:
            ns = m.start(2) - len(first)
            found[ns] = _Mention(ns, ns, parsed[1], parsed[0], "")
    for short, full in known.items():
        for m in re.finditer(re.escape(short), text):
            if any(x.name_start <= m.start() < x.end for x in found.values()):
                continue
            lead = text[_clause_start(text, m.start()):m.start()]
            if follows_name(text[m.end():], strong=False) and (not _strip_lead(lead) or lead.endswith(("在", "由"))):
                found[m.start()] = _Mention(m.start(), m.start(), m.end(), full, "")
    return sorted(found.values(), key=lambda x: x.name_start)


def _gap_ok(text: str, gs: int, ce: int, cue_end: int) -> bool:
    """Words between a speaker and the cue (``在会上``) are allowed when short and followed by punctuation."""
    gap = text[gs:ce]
    if not gap or ADVERBS_RE.fullmatch(gap) or ADVERBIAL_RE.fullmatch(gap):
        return True
    return (len(gap) <= 25 and gap.startswith(_GAP_START)
            and (cue_end >= len(text) or text[cue_end] in "，,：:“。！!？?"))


@dataclass
class _State:
    """Per-article memory: titles of introduced people, their short forms, the last person mentioned."""

    titles: dict[str, str]
    short: dict[str, str]
    last: str = ""

    def register(self, m: _Mention) -> None:
        if m.name not in self.titles or (m.title and not self.titles[m.name]):
            self.titles[m.name] = m.title
        self.short.setdefault(m.name, m.name)
        for sep in "·•・‧":
            if sep in m.name:
                self.short.setdefault(m.name.split(sep)[-1], m.name)


def _cues(text: str, masked: list[tuple[int, int]]) -> list[re.Match]:
    out = []
    for m in _CUE_RE.finditer(text):
        if any(a <= m.start() < b for a, b in masked):
            continue
        before, after = text[max(0, m.start() - 2):m.start()], text[m.end():m.end() + 1]
        word = m.group()
        if before.endswith(("被", "所", "的")) or after == "了":
            continue
        if word == "说" and (before.endswith(tuple("虽据听如是以小传或再话么来")) or after in set("明法服起过理")):
            continue
        if word == "称" and (not after or after not in "，,：:“"):
            continue
        if word == "建议" and before.endswith(tuple("出项条些点")):
            continue
        out.append(m)
    return out


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each “…” pair; an unclosed quote runs to the end."""
    spans, i = [], 0
    while (o := text.find("“", i)) != -1:
        c = text.find("”", o + 1)
        spans.append((o + 1, c if c != -1 else len(text)))
        i = (c if c != -1 else len(text)) + 1
    return spans


def _attribute(text: str, cs: int, ce: int, mentions: list[_Mention], st: _State, cue_end: int):
    """Who speaks in ``text[cs:ce]`` (the words before a cue): (speaker, title) or None."""
    for m in mentions:
        lead = text[cs:m.start]
        if cs <= m.start < ce and not _strip_lead(lead) and _gap_ok(text, m.end, ce, cue_end):
            return m.name, st.titles.get(m.name, m.title) or m.title
    junk = _JUNK.match(text, cs, ce)
    j = junk.end() if junk else cs
    subj = ADVERBS_RE.sub("", text[j:ce])
    if subj[:1] in _PRONOUNS and subj[1:2] != "们" and _gap_ok(text, j + 1, ce, cue_end):
        return (st.last, st.titles.get(st.last, "")) if st.last else ("", subj[:1])
    if 0 < len(subj) <= 10 and COLLECTIVE_RE.search(subj):
        return "", subj
    parsed = parse_name(text, j, titled=False)
    if parsed and parsed[1] <= ce and _gap_ok(text, parsed[1], ce, cue_end):
        full = st.short.get(parsed[0], parsed[0])
        if full != parsed[0] or bare_name_ok(parsed[0], after_quote=cs > 0 and text[cs - 1] == "”"):
            return full, st.titles.get(full, "")
    if not subj and text[cs:ce] == "据":
        return "", ""
    return None


def _article_quotes(art: Article) -> list[dict]:
    """Two passes: reporting verbs (indirect rows, attributions by clause), then quotation marks and Q&A."""
    st = _State({}, {})
    paras = art.paragraphs
    qa = {t.paragraph: t for t in art.qa_turns}
    visit = bool(_VISIT.match(art.subtitle or ""))
    for k, text in enumerate([art.subtitle or "", *paras]):
        for m in _find_mentions(text, {}, subtitle=visit and k == 0):
            st.register(m)
    interviewee, rows = "", []
    for k, text in enumerate([(art.subtitle or "")] + [p for i, p in enumerate(paras) if i not in qa and "访" in p]):
        ms = _find_mentions(text, {}, subtitle=visit and k == 0)
        if ms:
            interviewee = ms[-1].name
    attributions: list[dict[int, tuple[str, str, str, int]]] = []
    mentions_per: list[list[_Mention]] = []
    for i, text in enumerate(paras):
        mentions = _find_mentions(text, {k: v for k, v in st.short.items() if len(k) >= 2})
        mentions_per.append(mentions)
        found: dict[int, tuple[str, str, str, int]] = {}
        if i not in qa:
            masked = _quote_spans(text)
            events = [(m.name_start, "m", m) for m in mentions] + [(c.start(), "c", c) for c in _cues(text, masked)]
            for pos, kind, obj in sorted(events, key=lambda e: e[0]):
                if kind == "m":
                    st.last = obj.name
                    continue
                cs = _clause_start(text, pos)
                who = _attribute(text, cs, pos, mentions, st, obj.end())
                if who is None:
                    continue
                found[cs] = (*who, obj.group(), obj.end())
                if who[0]:
                    st.last = who[0]
                s = obj.end()
                while s < len(text) and text[s] in "，,：: ":
                    s += 1
                e = s
                while e < len(text) and text[e] not in _SENT_END:
                    e = next((b + 1 for a, b in masked if a == e + 1), e + 1) if text[e] == "“" else e + 1
                if e - s >= 2 and text[s] != "“":
                    rows.append(_row(art, i, s, e, text, "indirect", who, obj.group()))
        attributions.append(found)
    for i, text in enumerate(paras):
        if i in qa:
            t = qa[i]
            s, label = max(text.rfind(t.text) if t.text else len(text), 0), t.speaker
            if label in ("记者", "问"):
                who = ("", "记者")
            else:
                name = interviewee if label == "答" else st.short.get(label, label)
                who = (name, st.titles.get(name, "")) if name else ("", label)
            rows.append(_row(art, i, s, len(text), text, "interview", who, label if t.labelled else ""))
            continue
        for qs, qe in _quote_spans(text):
            who = _direct_speaker(text, qs, qe, i, paras, attributions, mentions_per, st)
            if who is None:
                if not _speechlike(text[qs:qe]):
                    continue
                who = ("", "", "")
            rows.append(_row(art, i, qs, qe, text, "direct", who[:2], who[2]))
    _backfill_titles(rows, [art.subtitle or "", *paras])
    return sorted(rows, key=lambda r: (r["paragraph"], r["start"], r["mode"]))


def _backfill_titles(rows: list[dict], texts: list[str]) -> None:
    """Give a titleless named speaker the title printed right before the name anywhere in the article.

    ``浙江选手柏雨宁跳过1.92米`` does not read as a mention (no reporting verb or boundary follows the name),
    but once ``柏雨宁`` is a speaker, the listed title or role word ending right before the name is hers.
    """
    missing = {r["speaker"] for r in rows if r["speaker"] and not r["speaker_title"]}
    found: dict[str, str] = {}
    for name in missing:
        for text in texts:
            for m in re.finditer(re.escape(name), text):
                ends = {t.end() for t in TITLE_RE.finditer(text[:m.start()])} | set(role_title_ends(text[:m.start()]))
                if m.start() in ends and text[max(0, m.start() - 2):m.start()] not in ("记者", "笔者", "作者"):
                    title = _strip_lead(text[_clause_start(text, m.start()):m.start()])
                    if title:
                        found.setdefault(name, title)
    for r in rows:
        if r["speaker"] in found and not r["speaker_title"]:
            r["speaker_title"] = found[r["speaker"]]


def _speechlike(body: str) -> bool:
    """A sentence in quotation marks, not a term or a name (“脑控”, “一带一路”)."""
    return (len(body) >= 4 and body[-1] in "。！!？?…") or (len(body) >= 8 and bool(re.search(r"[，,；;]", body)))


def _direct_speaker(text: str, qs: int, qe: int, i: int, paras: list[str], attributions: list[dict],
                    mentions_per: list[list[_Mention]], st: _State) -> tuple[str, str, str] | None:
    """Who said the “…” at ``text[qs:qe]``: attribution right after it, right before it, or next door."""
    found, body = attributions[i], text[qs:qe]
    speechlike = _speechlike(body)
    after = qe + 1
    while after < len(text) and text[after] in "，, ":
        after += 1
    if after in found:
        return found[after][:3]
    for m in mentions_per[i]:
        if m.start == after and (speechlike or after == qe + 1):
            return m.name, st.titles.get(m.name, m.title), ""
    ss = qs - 1
    while ss > 0 and text[ss - 1] not in _SENT_END and text[ss - 1] != "”":
        ss -= 1
    for who in found.values():
        if ss <= who[3] < qs and not text[who[3]:qs - 1].strip("，,：: "):
            return who[:3]
    if speechlike and qs - 1 > ss and text[qs - 2] in "，,：:":
        for m in mentions_per[i]:
            if m.start >= ss and not _strip_lead(text[ss:m.start]) and m.end < qs:
                return m.name, st.titles.get(m.name, m.title), ""
    whole = ss == qs - 1 and (qe + 1 >= len(text) or text[qe + 1] in _SENT_END or text[qe - 1] in _SENT_END)
    if whole and speechlike:
        prev = [w for w in found.values() if w[3] < ss and w[0]]
        if prev and not re.search(r"[。！!？?]", text[prev[-1][3]:ss - 1].rstrip("。！!？?")):
            return (*prev[-1][:2], "")
        if ss == 0 and qe + 1 >= len(text.rstrip()) - 1 and i + 1 < len(paras) and 0 in attributions[i + 1]:
            return (*attributions[i + 1][0][:2], "")
    return None


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
    rows = [r for item in to_items(x) for r in _article_quotes(item.article)]
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS).astype(
        {"article": "int64", "paragraph": "int64", "start": "int64", "end": "int64"})


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
    return source_table(extract_quotes(x))


def source_table(q: pd.DataFrame) -> pd.DataFrame:
    """The :func:`sources` table of quotes already extracted (one quote pass serves both tables)."""
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
