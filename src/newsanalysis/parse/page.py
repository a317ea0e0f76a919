"""Page text in, articles out: find article boundaries, headline parts, bylines, captions and body.

The parser works on printed lines (one non-blank line each). It first recognises what a single line
is (``lines``), then finds where articles start (a byline or an inline dateline, with the headline
lines printed just above), then reads each article's body: subheads, captions with their credits,
interview turns, page-break splits to join, and duplicated paragraphs to drop. Every line ends up
in the ledger exactly once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsanalysis import config
from newsanalysis.errors import NoArticlesError, ParseError
from newsanalysis.io import RawPage, read_page
from newsanalysis.parse.meta import complete_meta
from newsanalysis.normalize import ends_sentence, fold, has_inner_sentence_end, slugify
from newsanalysis.parse import lines as L
from newsanalysis.parse.body import looks_cut, read_body
from newsanalysis.parse.headline import assign_headline, display_title, is_item_column
from newsanalysis.parse.blocks import Block, headline_like, paragraph_text
from newsanalysis.parse.layout import (
    PHOTO_NEWS_MAX_TEXTS,
    apply_hints,
    forced_starts,
    is_photo_news,
    mark_author_names,
    mark_guest_lists,
    mark_speaker_lines,
    mark_boxes,
    mark_bullet_lists,
    mark_run_in_boxes,
    mark_hard_wraps,
    mark_photo_news,
    mark_signatures,
    mark_verse,
    mark_tail_bylines,
    page_warnings,
)
from newsanalysis.parse.model import Article, LedgerEntry, Page, Repairs

MAX_HEADLINE_LINES = 4
_QA_COLUMN = re.compile(r"(?:问答|答疑|释疑|信箱|解答)$")
LONE_TITLE_MIN_CHARS = 15  # subheads are short; a longer lone headline line is an article's title


@dataclass
class Draft:
    """An article while it is being read; becomes an immutable ``Article``."""

    header: list[Block] = field(default_factory=list)
    bylines: list[Block] = field(default_factory=list)
    note: Block | None = None
    body: list[Block] = field(default_factory=list)


def load_page(path: str | Path, *, encoding: str | None = None) -> Page:
    """Read and parse a page file (see ``read_page`` and ``parse_page``)."""
    return parse_page(read_page(path, encoding=encoding))


def require_articles(page: Page) -> Page:
    """Return ``page``, or raise ``NoArticlesError`` if no article was found in it."""
    if not page.articles:
        raise NoArticlesError(
            f"{page.source}: no articles found ({sum(1 for e in page.ledger if e.role != 'blank')} non-blank "
            "lines, none of them a byline, a dateline or body text)"
        )
    return page


def parse_page(text: str | RawPage, *, source: str | None = None) -> Page:
    """Parse the raw text of a printed page into articles in reading order.

    Example:
        >>> page = parse_page("\\n\\n浦东开放再出发\\n\\n本报记者 沈思怡\\n\\n今年是浦东开发开放35周年。")
        >>> [(a.title, a.reporters, a.paragraphs) for a in page.articles]
        [('浦东开放再出发', ['沈思怡'], ['今年是浦东开发开放35周年。'])]
    """
    if isinstance(text, RawPage):
        raw = text
    else:
        from newsanalysis.normalize import normalise_newlines

        raw = RawPage(normalise_newlines(text), "str", source or "<string>")
    config.trace("parse", raw.source)
    blocks, ledger = _blocks(raw.text)
    apply_hints(blocks, raw.hints)
    drafts, leftovers = _split_articles(blocks)
    for block, reason in leftovers:
        ledger[block.line] = _entry(block, None, "dropped", reason)
    articles: list[Article] = []
    seen: dict[str, int] = {}
    for index, draft in enumerate(drafts):
        articles.append(_build_article(index, draft, ledger, seen))
    if raw.hints:
        for line, entry in ledger.items():
            if (hint := raw.hints.line_hint(line)) is not None:
                note = f"{hint} by the layout hints ({Path(raw.hints.source).name})"
                ledger[line] = replace(entry, reason="; ".join(x for x in (entry.reason, note) if x))
    entries = [ledger[k] for k in sorted(ledger)]
    if [e.line for e in entries] != list(range(1, raw.text.count("\n") + 2)):
        raise ParseError(f"{raw.source}: internal error: the line ledger does not account for every line")
    return Page(text=raw.text, articles=articles, ledger=entries, source=raw.source, encoding=raw.encoding,
                warnings=page_warnings(blocks, articles, entries, raw.hints), hints=raw.hints,
                meta=complete_meta(raw.meta, raw.text))


def _entry(block: Block, article: int | None, role: str, reason: str = "") -> LedgerEntry:
    return LedgerEntry(block.line, block.start, block.end, block.text, article, role, reason)  # type: ignore[arg-type]


def _blocks(text: str) -> tuple[list[Block], dict[int, LedgerEntry]]:
    blocks: list[Block] = []
    ledger: dict[int, LedgerEntry] = {}
    offset = 0
    blanks = 0
    for number, raw_line in enumerate(text.split("\n"), start=1):
        stripped = raw_line.strip()
        if not stripped:
            ledger[number] = LedgerEntry(number, offset, offset + len(raw_line), raw_line, None, "blank", "blank line")
            blanks += 1
        else:
            lead = len(raw_line) - len(raw_line.lstrip())
            block = Block(number, offset + lead, offset + lead + len(stripped), stripped, blanks, indent=lead)
            block.kind = _kind(stripped)
            blocks.append(block)
            blanks = 0
        offset += len(raw_line) + 1
    for n, block in enumerate(blocks):  # the section name (市场·财经) printed among the page header lines above the first story
        if block.kind == "text" and (L.is_section_name(block.text) or _above_folio(blocks, n)):
            block.kind = "furniture"
        elif block.kind != "furniture":
            break
    mark_hard_wraps(blocks)
    mark_verse(blocks)
    mark_bullet_lists(blocks)
    mark_run_in_boxes(blocks)
    mark_boxes(blocks)
    mark_signatures(blocks)
    mark_author_names(blocks)
    mark_guest_lists(blocks)
    mark_speaker_lines(blocks)
    for n, block in enumerate(blocks):
        # （上接第1版） on a line of its own opens the rest of an article under its headline; printed after body
        # text instead, it is that article's jump line
        if block.kind == "jump_in" and L.jump_text(block.text) is not None and n > 0 \
                and blocks[n - 1].kind == "text" and not headline_like(blocks[n - 1]):
            block.kind = "jump"
        elif block.kind == "jump_in" and L.leading_jump(block.text)[1] >= len(block.text.rstrip()) \
                and _after_jump_out(blocks, n):
            block.kind = "jump"  # （下转第6版） … （上接第5版） in one copy: the article runs on under the page break
    if blocks:
        counts: dict[int, int] = {}  # a plain count: Counter's set-up costs more than counting a page's lines
        for b in blocks[1:] or blocks:
            counts[b.blanks_before] = counts.get(b.blanks_before, 0) + 1
        usual = max(counts, key=counts.__getitem__)  # ties: the first seen, as Counter.most_common(1)
        for n, block in enumerate(blocks):
            block.spaced = block.blanks_before > usual
            block.wrapped = n > 0 and usual >= 1 and block.blanks_before == 0
    return blocks, ledger


def _after_jump_out(blocks: list[Block], n: int) -> bool:
    """Whether ``blocks[n]`` comes right after a ``（下转第N版）`` line, only page furniture between (the next page's
    header, where a copy of both pages crossed from one to the other)."""
    k = n - 1
    while k >= 0 and blocks[k].kind == "furniture":
        k -= 1
    return k >= 0 and blocks[k].kind == "jump"


SECTION_NAME_MAX_CHARS = 8


def _above_folio(blocks: list[Block], n: int) -> bool:
    """A short line right above the folio (``特别报道`` over ``第7版　2025年1月15日``) names the page's section: furniture,
    whatever its words, as the page header prints it there and a headline never sits between the two."""
    if n + 1 >= len(blocks) or blocks[n + 1].kind != "furniture" or not L.is_folio(blocks[n + 1].text):
        return False
    s = "".join(blocks[n].text.split())
    return len(s) <= SECTION_NAME_MAX_CHARS and not ends_sentence(s) and not has_inner_sentence_end(s)


def _kind(text: str) -> str:
    if len(text) <= L.BOOK_INFO_MAX_CHARS and L.is_book_info(text):
        return "book_info"  # a review's book box (its 《书名》 作者 著 line reads like running text): its captions
    if L.is_running_text(text):
        return "text"
    if L.is_credit(text):
        return "credit"
    if L.is_byline(text):
        return "byline"
    if L.is_tail_byline(text) or L.is_author_note(text):
        return "tail_byline"
    if L.is_end_mark(text):
        return "end_mark"  # （完）: the story above is finished
    if L.tail_dateline(text) is not None:
        return "tail_dateline"  # （本报柏林12月1日电） after the story: its dateline, and the story ends
    if L.leading_jump(text) is not None:
        return "jump_in"  # （上接第1版）: the rest of an article begun on another page starts here
    if L.jump_text(text) is not None:
        return "jump"
    if L.editors_note_body(text) is not None:
        return "note"
    if L.is_page_furniture(text):
        return "furniture"
    if L.leading_dateline(text) is not None:
        return "dateline"
    if L.inline_brief(text) is not None:
        return "brief"  # ●标题　本报讯（记者 X）……: a one-line brief, its own article
    return "text"


def _split_articles(blocks: list[Block]) -> tuple[list[Draft], list[tuple[Block, str]]]:
    """Find where articles start and give each its headline lines, bylines and body blocks.

    An article starts at a byline or an inline dateline (with the headline lines printed just above
    it), or, for articles printed without either, at headline lines that follow a finished article.
    """
    mark_tail_bylines(blocks)
    markers: list[int] = []
    for i, block in enumerate(blocks):
        if block.kind in ("byline", "dateline", "jump_in", "brief", "box_title"):
            if markers and blocks[markers[-1]].kind == "byline" and _only_headers_between(blocks, markers[-1], i):
                continue  # a second byline line, or the dateline under the byline, of the same article
            markers.append(i)
    starts: list[tuple[int, int]] = []  # (first headline block, first block after the headline)
    floor = 0
    for m in markers:
        j, taken = m, 0
        while blocks[m].kind != "box_title" and j - 1 >= floor and (
                blocks[j - 1].kind == "note" or (taken < MAX_HEADLINE_LINES and headline_like(blocks[j - 1]))):
            taken += blocks[j - 1].kind != "note"  # an editor's note may sit above or below the headline
            j -= 1
        starts.append((j, m))
        floor = m + 1
    leftovers: list[tuple[Block, str]] = []
    first = starts[0][0] if starts else len(blocks)
    prelude = blocks[:first]
    photo = {k for k in range(first) if blocks[k].kind == "credit" or (k + 1 < first and blocks[k + 1].kind == "credit")}
    if starts and prelude and all(k in photo or blocks[k].kind == "furniture" for k in range(first)) and photo:
        starts[0] = (0, starts[0][1])  # a photo printed above the first headline belongs to that article
    elif any(b.kind == "text" and not headline_like(b) for k, b in enumerate(prelude) if k not in photo) or (
            not starts and any(blocks[k].kind == "text" and not headline_like(blocks[k]) and blocks[k + 1].kind == "credit"
                               for k in range(first - 1))):  # a page of photo news only: text over credits, no byline
        lead = 0
        while lead < first and blocks[lead].kind == "furniture":
            leftovers.append((blocks[lead], "page furniture"))
            lead += 1
        body = lead
        while body < first and (headline_like(blocks[body]) or blocks[body].kind == "note") and body - lead < MAX_HEADLINE_LINES:
            body += 1
        starts.insert(0, (lead, body))  # body text before the first byline: an article of its own
    else:
        for b in prelude:
            leftovers.append((b, "page furniture" if b.kind == "furniture" else "before the first article"))
    extra: list[tuple[int, int]] = []
    for n, (head, body) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(blocks)
        lo = body
        while lo < end and blocks[lo].kind == "byline":
            lo += 1
        # a brief or a box is already complete: a bylined story after it is a new article
        opened = _has_top_byline(blocks, body) or (body < len(blocks) and blocks[body].kind in ("brief", "box_title"))
        found = _unbylined_starts(blocks, lo, end, top_byline=opened, header=blocks[head:body])
        taken = {h for h, _ in found}
        extra += found + [s for s in _note_starts(blocks, lo, end) if s[0] not in taken]
    starts = forced_starts(blocks, sorted(starts + extra))
    drafts: list[Draft] = []
    for n, (head, body) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(blocks)
        draft = Draft()
        photos: list[Block] = []
        for k in range(head, body):
            block = blocks[k]
            if block.kind == "note" and draft.note is None:
                draft.note = block
            elif block.kind == "note":
                photos.append(block)  # a second editor's note: read with the body, its line kept in the ledger
            elif block.kind == "furniture":
                leftovers.append((block, "page furniture"))
            elif block.kind == "credit" or (k + 1 < body and blocks[k + 1].kind == "credit"):
                photos.append(block)  # a caption and credit above the headline: read with the body
            else:
                draft.header.append(block)
        cursor = body
        while cursor < end and blocks[cursor].kind == "byline":
            draft.bylines.append(blocks[cursor])
            cursor += 1
        draft.body = photos + blocks[cursor:end]
        if not draft.bylines and draft.note is None and all(b.kind == "furniture" for b in draft.body):
            # headline lines with no text, byline, note or box under them are no article: say so in the ledger
            leftovers += [(b, "page furniture" if b.kind == "furniture" else "heading with no article under it")
                          for b in draft.header + draft.body]
            continue
        if draft.note is None and draft.body and draft.body[0].kind == "note":
            draft.note = draft.body.pop(0)  # 编者按 under the byline: it opens this article like one above it
        mark_photo_news(draft.header, draft.bylines, draft.body)
        drafts.append(draft)
    return drafts, leftovers


def _note_starts(blocks: list[Block], lo: int, hi: int) -> list[tuple[int, int]]:
    """Articles opened by an editor's note inside the body blocks ``lo:hi`` of another article: 编者按 only opens an
    article, so the headline lines right above it head a new one, and the note is that article's (the first line
    under a byline is never a new article).

    Example:
        >>> page = parse_page("报告提出今年目标\\n本报记者 庞知远\\n报告提出，今年经济增长目标为5%左右。\\n代表委员说\\n"
        ...                   "编者按：报告引起热烈反响。\\n“目标振奋人心。”")
        >>> [(a.title, a.editors_note, a.paragraphs) for a in page.articles]
        [('报告提出今年目标', None, ['报告提出，今年经济增长目标为5%左右。']), ('代表委员说', '报告引起热烈反响。', ['“目标振奋人心。”'])]
    """
    found: list[tuple[int, int]] = []
    for k in range(lo + 1, hi):
        if blocks[k].kind != "note":
            continue
        j = k
        while j - 1 > lo and k - j < MAX_HEADLINE_LINES and headline_like(blocks[j - 1]):
            j -= 1
        if j < k:
            found.append((j, k + 1))
    return found


def _has_top_byline(blocks: list[Block], body: int) -> bool:
    if body >= len(blocks):
        return False
    if blocks[body].kind == "byline":
        return True
    found = L.leading_dateline(blocks[body].text) if blocks[body].kind == "dateline" else None
    return bool(found and found.names)


def _ends_article(block: Block) -> bool:
    """A jump line, a bracketed byline, a notice's signature, a story's end mark or a teaser's page pointer closes an
    article (``（下转第2版）``, ``……。（孙海燕）``, ``（完）``, ``……。（详见第3版）``)."""
    return block.kind in ("tail_byline", "jump", "signature", "end_mark", "tail_dateline") or (
        block.kind == "text" and (L.trailing_byline(block.text) is not None or L.trailing_pointer(block.text) is not None))


def _unbylined_starts(blocks: list[Block], lo: int, hi: int, *, top_byline: bool,
                      header: list[Block]) -> list[tuple[int, int]]:
    """Articles printed without byline or dateline inside the body blocks ``lo:hi`` of another article.

    Headline lines start a new article when there are two or more of them (a subhead is one line),
    when they follow a closed article, or when a lone line is long for a subhead, is the only one
    in the body, or is followed by a bracketed byline although the article already has one on top.
    """
    def candidate(k: int) -> bool:
        # cut-off body text (a page-break split) is not a headline; an itinerary's 第二天：… heads a part of one
        if not headline_like(blocks[k]) or L.is_sequence_heading(blocks[k].text) or (
            k + 1 < hi and (blocks[k + 1].wrapped or blocks[k + 1].continues or looks_cut(blocks[k].text, blocks[k + 1].text))
        ):
            return False
        # without a byline below it, a line ending in ?/! with a comma is more likely a spoken sentence, unless a
        # reader's message follows it (小区路灯坏了十多天，何时能修好？ over 市民来电：…): the heading of a 热线 item
        return not (ends_sentence(blocks[k].text) and ("," in blocks[k].text or "，" in blocks[k].text)) or (
            k + 1 < hi and L.opens_message(blocks[k + 1].text))

    found: list[tuple[int, int]] = []
    singles: list[int] = []
    j = lo + 1  # the first line under a byline is never a new article
    while j < hi:
        if not candidate(j):
            j += 1
            continue
        run_end = j
        while run_end < hi and candidate(run_end) and run_end - j < MAX_HEADLINE_LINES:
            run_end += 1
        follows = blocks[run_end] if run_end < hi else None
        if follows is not None and follows.kind == "speaker":
            found.append((j, run_end))  # a heading over the speakers of a column of voices: the column starts here
            j = run_end
            continue
        if follows is None or follows.kind != "text" or headline_like(follows):
            j = run_end  # a caption before its credit, or lines at the very end
            continue
        above = blocks[found[-1][0]:found[-1][1]] if found else header  # the headline of the article above
        if (run_end - j >= 2 or _ends_article(blocks[j - 1]) or _opens_own_article(blocks, lo, j, above)
                or _after_closing_photos(blocks, lo, j)
                or _closes_photo_news(blocks, found[-1][1] if found else None if top_byline else lo, j, hi)):
            found.append((j, run_end))
        else:
            singles.append(j)
        j = run_end
    if not singles:
        return found
    heads = {h: blocks[h:e] for h, e in found} | {lo: header}  # each segment's headline lines
    cuts = [lo] + [h for h, _ in found] + [hi]
    for k, single in enumerate(singles):
        segment_end = min(c for c in cuts if c > single)
        segment_start = max(c for c in cuts if c <= single)
        peers = [x for x in singles if segment_start <= x < segment_end]
        score = int(sum(map(len, blocks[single].text.split())) >= LONE_TITLE_MIN_CHARS) + int(len(peers) == 1)
        credit = next((b for b in range(single + 1, min(segment_end, single + 2 + PHOTO_NEWS_MAX_TEXTS))
                       if blocks[b].kind == "credit"), None)
        if credit is not None and is_photo_news(None, blocks[single + 1:credit + 1]) and (
                credit + 1 >= segment_end or blocks[credit + 1].kind != "text" or headline_like(blocks[credit + 1])):
            score += 2  # photo news: nothing of the article above follows its credit
        later = [x for x in peers if x > single]
        closing = next((b for b in range(single + 1, min([segment_end, *later]))
                        if _ends_article(blocks[b]) and blocks[b].kind != "jump"), None)
        if top_byline and closing is not None:
            score += 2
        if closing is not None and blocks[closing].kind == "tail_byline" \
                and any(blocks[b].kind == "tail_byline" for b in range(segment_start, single)):
            score += 2  # a page of signed letters: a heading between two signatures opens the next letter
        prior = max((b for h, b in found if h < single), default=None)
        if _closes_photo_news(blocks, prior if prior is not None or top_byline else lo, single, segment_end):
            score += 2  # the heading under a photo-news credit: that piece is complete
        if any(b.kind == "text" and is_item_column(b.text) for b in heads[segment_start]):
            score += 2  # a column of short items (新书速递): each heading opens the next one
        if _QA_COLUMN.search(fold(blocks[single].text).rstrip()) and _asks(blocks[single + 1:segment_end]) \
                and not _asks(blocks[segment_start:single]):
            score += 2  # 家庭用药问答 over 问：… / 答：… under a story without turns: a Q&A column of its own
        if score >= 2:
            found.append((single, single + 1))
    return sorted(found)


def _asks(blocks: list[Block]) -> bool:
    """Whether one of ``blocks`` is a question turn (``问：…``)."""
    return any((label := L.qa_label(b.text)) is not None and label[0] == "问" for b in blocks)


def _closes_photo_news(blocks: list[Block], begin: int | None, j: int, hi: int) -> bool:
    """The blocks ``begin:j`` of an article without a byline are photo news (one or two lines of text over a
    ``… 摄`` credit): the credit ends that piece, so a heading at ``j`` under it starts the next one. Unless the
    text under the heading (up to ``hi``) closes with a bracketed byline: then the article above goes on there, and
    its opening text over the photo was no photo news.

    Example:
        >>> page = parse_page("图片新闻\\n终点前的冲刺\\n11月3日，跑者冲向终点。\\n本报记者 岑远帆 摄\\n链接\\n北京马拉松创办于1981年。")
        >>> [(a.title, a.paragraphs, a.subheads, a.photographers) for a in page.articles]
        [('终点前的冲刺', ['11月3日，跑者冲向终点。'], [], ['岑远帆']), ('链接', ['北京马拉松创办于1981年。'], [], [])]
    """
    if begin is None or begin >= j or blocks[j - 1].kind != "credit" or not is_photo_news(None, blocks[begin:j]):
        return False
    k = j + 1
    while k < hi and not headline_like(blocks[k]):
        if _ends_article(blocks[k]) and blocks[k].kind != "jump" and not (
                L.BULLET_NAME_RE.match(fold(blocks[k].text)) or L.is_author_note(blocks[k].text)):
            return False  # (a commentary's □ 程远行 and its 作者系… note sign the piece under the heading)
        k += 1
    return True


def _after_closing_photos(blocks: list[Block], lo: int, j: int) -> bool:
    """A plain headline line at ``j`` right under photos or charts that close the article above: each caption set
    apart by extra blank lines with its credits under it, after a finished paragraph. The blank-line layout prints an
    article's pictures after its body, so a heading under them heads the next piece; a bulleted heading
    (``■ 驿站忙闲不均``) is a subhead wherever it stands.

    Example:
        >>> page = parse_page("收入稳步增长\\n\\n本报记者 蓝叙白\\n\\n全年居民收入增长5.3%。\\n\\n\\n\\n图1　居民收入（元）\\n\\n"
        ...                   "数据来源：国家统计局\\n\\n人口与城镇化\\n\\n年末城镇常住人口比重为67.00%。")
        >>> [(a.title, a.captions, len(a.paragraphs)) for a in page.articles]
        [('收入稳步增长', ['图1\\u3000居民收入（元）'], 1), ('人口与城镇化', [], 1)]
    """
    if blocks[j].text[:1] in L.BULLETS:
        return False
    k = j - 1
    while k > lo and blocks[k].kind == "credit":
        while k > lo and blocks[k].kind == "credit":
            k -= 1
        if blocks[k].kind != "text" or not blocks[k].spaced:  # the caption, set apart from the text above
            return False
        k -= 1
    return k < j - 1 and k >= lo and blocks[k].kind == "text" and ends_sentence(blocks[k].text) \
        and not headline_like(blocks[k])


def _opens_own_article(blocks: list[Block], lo: int, j: int, above: list[Block]) -> bool:
    """A headline line at ``j`` that heads an article of its own although nothing closed the one above: a
    sidebar (``链接：…``, ``组图：…``, a bare box label such as ``以案说法`` or ``小知识``, a bare ``链接`` over a box
    that does not explain the headline ``above``), a heading over a reader's message (``网友“江城老李”：…``), a Q&A column (``专家答疑`` over ``问：``) after an article with no
    Q&A turns, or a headline over prose right after a results or data box."""
    opener = j - 1
    while opener > lo and blocks[opener].continues:
        opener -= 1  # the first printed line of the paragraph above (a box item may wrap)
    if L.is_sidebar_label(blocks[j].text) or L.is_box_label(blocks[j].text) or blocks[opener].kind == "box_item":
        return True
    if L.is_notice_title(blocks[j].text):
        return True  # 燃气暂停供应通知 after a 停电通知: each notice is a piece of its own
    if L.is_bare_link_label(blocks[j].text) and j + 1 < len(blocks):
        return not _explains_headline(blocks[j + 1].text, above)
    if j + 1 < len(blocks) and L.opens_message(blocks[j + 1].text):
        return True  # a 问政 page: each reader's message, under its heading, is an item of its own
    question = L.qa_label(blocks[j + 1].text) if j + 1 < len(blocks) else None
    return (question is not None and question[0] in ("问", "记者", "主持人") and L.is_qa_column_heading(blocks[j].text)
            and not any(L.qa_label(b.text) for b in blocks[lo:j] if b.kind == "text"))


def _explains_headline(box_text: str, above: list[Block]) -> bool:
    """A background box whose text opens with a word of the headline above (``绿道是指…`` under ``…新增城市绿道…``)
    explains that story: its ``链接`` label is a subhead there. A box about anything else is a piece of its own.

    Example:
        >>> b = Block(1, 0, 12, "青江市今年新增城市绿道120公里", 0)
        >>> _explains_headline("绿道是指沿着河滨建立的线性空间。", [b]), _explains_headline("国家统计局公布的数据显示……", [b])
        (True, False)
    """
    opening = "".join(fold(box_text).split())[:2]
    if len(opening) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in opening):
        return False
    return any(opening in b.text for b in above if b.kind == "text")


def _only_headers_between(blocks: list[Block], a: int, b: int) -> bool:
    return all(blocks[k].kind in ("note", "byline") for k in range(a + 1, b))


def _build_article(index: int, draft: Draft, ledger: dict[int, LedgerEntry], seen: dict[str, int]) -> Article:
    brief = L.inline_brief(paragraph_text(draft.body, 0), boxed=True) \
        if draft.body and draft.body[0].kind == "brief" else None
    box = draft.body.pop(0) if draft.body and draft.body[0].kind == "box_title" else None
    if box is not None:
        draft.header.append(box)
    head = assign_headline([b.text for b in draft.header] + ([brief[0]] if brief else []))
    for block, role in zip(draft.header, head.roles):
        ledger[block.line] = _entry(block, index, role, "" if role != "stray" else "headline line beyond kicker/title/subtitle")
    reporters: list[str] = []
    photographers: list[str] = []
    for block in draft.bylines:
        reporters += L.split_names(block.text)
        photographers += L.credit_photographers(block.text)  # 文/图 bylines
        ledger[block.line] = _entry(block, index, "byline")
    note = None
    if draft.note is not None:
        note = L.editors_note_body(draft.note.text)
        ledger[draft.note.line] = _entry(draft.note, index, "editors_note")
    body = read_body(draft.body, index, ledger, seen)
    if head.title and not (head.kicker or head.subtitle or head.column) and body.dateline and is_item_column(head.title):
        # 警訊快遞 over 【本報訊】……: the name of a column of dispatches printed once above its first, no headline
        head = replace(head, column=head.title, title=None)
        ledger.update({b.line: _entry(b, index, "column") for b in draft.header if b.text == head.column})
    reporters += [n for n in body.reporters if n not in reporters]
    first = body.paragraphs[0] if body.paragraphs else ""
    shown, derived = display_title(head.kicker, head.title, head.subtitle, first)
    return Article(
        index=index,
        kicker=head.kicker,
        title=head.title,
        subtitle=head.subtitle,
        column=head.column,
        reporters=reporters,
        photographers=photographers + [n for n in body.photographers if n not in photographers],
        dateline=body.dateline,
        editors_note=note,
        jump=body.jump,
        subheads=body.subheads,
        captions=body.captions,
        boxes=body.boxes,
        paragraphs=body.paragraphs,
        paragraph_roles=body.roles,
        paragraph_spans=body.spans,
        paragraph_lines=body.lines,
        subhead_before=body.subhead_before,
        qa_turns=body.qa_turns,
        repairs=Repairs(len(body.join_points), body.duplicates, tuple(body.join_points), body.wraps),
        display_title=shown,
        display_title_derived=derived,
        slug=slugify(shown, index=index),
    )
