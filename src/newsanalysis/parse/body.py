"""An article's body: paragraphs, subheads, captions and credits, interview turns, and repairs.

Repairs are conservative: two printed lines are joined only when the first cannot end a paragraph
(no sentence-final punctuation) and looks like cut-off text rather than a subhead; a paragraph is
dropped as a duplicate only when its whole text (ignoring width and spacing) was printed before.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate
from dataclasses import dataclass, field

from newsanalysis.normalize import ends_sentence, fold, has_inner_sentence_end, squash
from newsanalysis.parse import lines as L
from newsanalysis.parse.blocks import Block, is_data_line
from newsanalysis.parse.model import LedgerEntry, QATurn

SUBHEAD_MAX_CHARS = 30
FRAGMENT_MIN_CHARS = 31
MIN_DUPLICATE_CHARS = 12
_QUESTIONERS = ("记者", "问", "主持人")
QUESTION_SUBHEAD_MAX_CHARS = 14
BOX_MAX_CHARS = 120
# a pull quote's label: 【观点】…, 【金句】… repeat the body (【食材】五花肉500克… is the body itself)
_BOX_RE = re.compile(r"^\s*【[^】]{0,4}(?:观点|金句|声音|语录|心声|感言|网评|热评|一句话|原声|说)】\s*\S")
# a comment written for the piece, not a pull quote repeating it: 【习作点评】…, 【编后】… are body text
_COMMENT_LABEL = re.compile(r"^\s*【[^】]{0,6}(?:点评|评点|短评|编后|附记|后记|寄语)】")


@dataclass
class Body:
    paragraphs: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    spans: list[tuple[tuple[int, int], ...]] = field(default_factory=list)
    lines: list[tuple[int, ...]] = field(default_factory=list)
    subheads: list[str] = field(default_factory=list)
    subhead_before: list[int] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    boxes: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)
    dateline: str | None = None
    jump: str | None = None
    qa_turns: list[QATurn] = field(default_factory=list)
    join_points: list[tuple[str, str]] = field(default_factory=list)
    duplicates: int = 0
    wraps: int = 0


def _entry(block: Block, article: int, role: str, reason: str = "") -> LedgerEntry:
    return LedgerEntry(block.line, block.start, block.end, block.text, article, role, reason)  # type: ignore[arg-type]


# the contact a classified item or a notice ends with: a phone number or an e-mail address after its field name
_CONTACT_END = re.compile(r"(?:电话|手机|热线|联系人|联系方式|传真|咨询)[^:。]{0,6}:[^:。]{0,12}?\d[\d\- ]{5,}\d$"
                          r"|(?:邮箱|信箱|E-?mail)[^:。]{0,4}:\s*[\w.\-]+@[\w\-]+(?:\.[\w\-]+)+$")


_BRACKETED_POINT = re.compile(r"\(\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*\)")  # (一), (12) folded
_LONE_LABEL = re.compile(r"^[【\[〖][^】\]〗]{1,12}[】\]〗]\s*$")


# a point of a list numbered in Chinese (一、认识4类垃圾。), and the greeting a letter or a proposal opens with
_LISTED_POINT = re.compile(r"[一二三四五六七八九十]{1,3}、")
_SALUTATION = re.compile(r"^(?:尊敬的|亲爱的)?[\u4e00-\u9fff、]{0,14}(?:们|朋友|同志|同学|家长|居民|市民|村民|读者|观众|乡亲|先生|女士|"
                         r"各位|大家)\s*:$")


def looks_cut(tail: str, head: str) -> bool:
    """True if a line ending in ``tail`` and the next starting with ``head`` are one paragraph split in two.

    Example:
        >>> looks_cut("……但订单管理、金融结算等高端服务仍留在上", "海。浦东的贸易便利度……")
        True
        >>> looks_cut("推进盲人复明技术临床转化", "“我们公司准备落户脑机接口未来产业集聚区。”")
        False
    """
    x, y = fold(tail).rstrip(), fold(head).lstrip()
    if not x or not y or ends_sentence(tail) or L.ends_english_sentence(tail) or "①" <= y[0] <= "⑳" or (
            y[0] == "(" and _BRACKETED_POINT.match(y)):
        return False  # a numbered point (①注意保暖。, （一）关于…的决议；) starts a line of its own, even after a colon
    if _LONE_LABEL.match(y):
        return False  # 【做法】 on a line of its own heads what follows
    if (_LISTED_POINT.match(y) or is_data_line(head)) and x[-1] == ":" or _SALUTATION.match(x):
        return False  # 如下倡议： / 一、… or a list's rows; 全体市民朋友们： greets the readers on a line of its own
    if _CONTACT_END.search(x):
        return False  # ……包食宿。电话：0570-86501234: a classified item or a notice ends with how to reach it
    if (x[-1].isdigit() or x[-1] == ".") and (y[0].isdigit() or y[0] in ".%"):
        return True
    if x[-1] in ",、;:(“‘《—" or y[0] in ",、;:。)”’》%!?…":
        return True
    if x.count("“") > x.count("”") or x.count("「") > x.count("」"):
        return True  # an open quotation: a sentence still running, not a subhead
    if has_inner_sentence_end(tail) or sum(map(len, x.split())) >= FRAGMENT_MIN_CHARS:
        return True
    return "," in x and len(x) >= 20


CAPTION_MAX_CHARS = 60
_NUMBERED_CAPTION = re.compile(r"^\s*[①-⑳]")


def _caption_indexes(blocks: list[Block]) -> set[int]:
    """Photo captions: the line before a credit, a line starting ``图为``, or a short sentence set
    apart by extra blank lines with no credit under it."""
    captions = set()
    for i, block in enumerate(blocks):
        if block.kind == "caption_hint":
            captions.add(i)  # the user said so
        elif block.kind == "credit" and i > 0 and blocks[i - 1].kind in ("text", "dateline"):
            captions.add(i - 1)
            # a group of photos under one credit: its numbered captions (①……②……) run up to the credit
            k = i - 1
            while k > 0 and _NUMBERED_CAPTION.match(blocks[k].text) and blocks[k - 1].kind == "text" \
                    and _NUMBERED_CAPTION.match(blocks[k - 1].text):
                k -= 1
                captions.add(k)
        elif block.kind == "text" and len(block.text) <= 2 * CAPTION_MAX_CHARS and L.CAPTION_START_RE.match(fold(block.text)):
            captions.add(i)
        elif (
            block.kind == "text"
            and block.spaced
            and len(block.text) <= CAPTION_MAX_CHARS
            and ends_sentence(block.text)
            and not has_inner_sentence_end(block.text)
            and not L.qa_label(block.text)
            and (i + 1 == len(blocks) or blocks[i + 1].kind != "credit")
        ):
            captions.add(i)
    return captions


def read_body(blocks: list[Block], article: int, ledger: dict[int, LedgerEntry], seen: dict[str, int]) -> Body:
    """Read the blocks after an article's byline into a ``Body``, writing each line's ledger entry."""
    out = Body()
    captions = _caption_indexes(blocks)
    groups: list[list[Block]] = []  # paragraphs as lists of joined blocks, in order
    pending_subheads: list[tuple[Block, int]] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if i in captions:
            _caption(block, article, ledger, out)
        elif block.kind == "credit":
            out.photographers += [n for n in L.credit_photographers(block.text) if n not in out.photographers]
            ledger[block.line] = _entry(block, article, "credit")
        elif block.kind == "book_info":
            out.captions.append(block.text)  # the book box of a review: bibliographic lines, not running text
            ledger[block.line] = _entry(block, article, "caption", "book information")
        elif block.kind == "jump" or (block.kind == "jump_in" and L.leading_jump(block.text)[1] >= len(block.text.rstrip())):
            out.jump = out.jump or L.jump_text(block.text)  # （下转第6版） … （上接第5版）: the first says where it goes
            ledger[block.line] = _entry(block, article, "jump")
        elif block.kind in ("byline", "tail_byline", "supervisor"):
            out.reporters += L.split_names(block.text)  # (a teacher's line names no reporter)
            ledger[block.line] = _entry(block, article, "byline")
        elif block.kind == "note":
            ledger[block.line] = _entry(block, article, "editors_note")
        elif block.kind in ("box_label", "speaker"):
            pending_subheads.append((block, len(groups)))  # a group label inside a results box, a speaker's name
        elif block.kind == "box_item":
            group = [block]  # one result per line, each a paragraph (on a hard-wrapped page, with its printed lines)
            while i + 1 < len(blocks) and blocks[i + 1].continues:
                out.join_points.append((group[-1].text[-8:], blocks[i + 1].text[:8]))
                group.append(blocks[i + 1])
                i += 1
            groups.append(group)
        elif block.kind == "furniture":
            ledger[block.line] = _entry(block, None, "dropped", "page furniture")  # type: ignore[arg-type]
        elif block.kind == "end_mark":
            ledger[block.line] = _entry(block, article, "dropped", "the story's end mark")
        elif block.kind == "tail_dateline":
            out.dateline = out.dateline or L.tail_dateline(block.text)
            ledger[block.line] = _entry(block, article, "byline", "dispatch header after the story")
        elif block.kind == "text" and L.REPLY_LABEL_RE.match(fold(block.text)) and len(block.text) <= SUBHEAD_MAX_CHARS:
            pending_subheads.append((block, len(groups)))  # 【回复单位】江城市住建局: who answers, over the answer
        elif (block.kind == "text" and len(block.text) <= BOX_MAX_CHARS and _BOX_RE.match(fold(block.text))
              and not _COMMENT_LABEL.match(block.text)):
            out.boxes.append(block.text)  # 【观点】……: a pull quote repeats the body, it is not body text
            ledger[block.line] = _entry(block, article, "box")
        elif block.kind == "text" and split_inline_credit(block.text):
            _caption(block, article, ledger, out)
        else:
            group = [block]
            while True:
                if i + 1 < len(blocks) and blocks[i + 1].continues and i + 1 not in captions:
                    # a PDF copy's hard wrap: the printed lines of one indented paragraph
                    out.join_points.append((group[-1].text[-8:], blocks[i + 1].text[:8]))
                    group.append(blocks[i + 1])
                    i += 1
                    continue
                if (i + 1 < len(blocks) and blocks[i + 1].wrapped and blocks[i + 1].kind in ("text", "photo_text")
                        and i + 1 not in captions):
                    out.wraps += 1  # a hard-wrapped line: the next printed line with no blank line between
                    group.append(blocks[i + 1])
                    i += 1
                    continue
                if ends_sentence(group[-1].text):
                    break
                nxt = _next_text(blocks, i, captions)
                if nxt is None or not looks_cut(group[-1].text, blocks[nxt].text) or L.qa_label(blocks[nxt].text):
                    break
                for k in range(i + 1, nxt):  # captions and credits printed inside the split
                    _side_item(blocks[k], k in captions, article, ledger, out)
                out.join_points.append((group[-1].text[-8:], blocks[nxt].text[:8]))
                group.append(blocks[nxt])
                i = nxt
            # a line over the signature heads nothing: the closing line of a notice or a letter (让我们携手行动！)
            signed_next = i + 1 < len(blocks) and blocks[i + 1].kind == "signature"
            if len(group) == 1 and (_is_subhead(block) and not signed_next or block.kind == "subhead_hint"):
                pending_subheads.append((block, len(groups)))
            else:
                groups.append(group)
        i += 1
    _emit(groups, pending_subheads, article, ledger, seen, out)
    return out


def split_inline_credit(text: str) -> tuple[str, str] | None:
    """A caption with its photo credit on the same line, split into (caption, credit).

    Example:
        >>> split_inline_credit("各国嘉宾聆听大会发言。本报记者 张驰 摄")
        ('各国嘉宾聆听大会发言。', '本报记者 张驰 摄')
    """
    if len(text) > 160:
        return None
    folded = fold(text)
    if L.CREDIT_CHAR.search(folded) is None:  # no credit can follow
        return None
    cut = max(folded.rfind("。"), folded.rfind("!"), folded.rfind("?"), folded.rfind("("))
    if cut <= 0:
        return None
    if folded[cut] != "(":
        cut += 1
    caption, credit = text[:cut].rstrip(), text[cut:].strip()
    if caption and credit and L.is_credit(credit):
        return caption, credit
    return None


def _caption(block: Block, article: int, ledger: dict[int, LedgerEntry], out: Body) -> None:
    """A photo caption; a credit printed at its end (``图为……。　本报记者　杨帆　摄``) gives the photographers."""
    inline = split_inline_credit(block.text)
    if inline is None:
        out.captions.append(block.text)
        ledger[block.line] = _entry(block, article, "caption")
        return
    out.captions.append(inline[0])
    out.photographers += [n for n in L.credit_photographers(inline[1]) if n not in out.photographers]
    ledger[block.line] = _entry(block, article, "caption", "caption with its credit on the same line")


def _side_item(block: Block, is_caption: bool, article: int, ledger: dict[int, LedgerEntry], out: Body) -> None:
    if block.kind == "furniture":
        ledger[block.line] = _entry(block, None, "dropped", "page furniture")  # type: ignore[arg-type]
    elif block.kind == "jump":
        out.jump = out.jump or L.jump_text(block.text)
        ledger[block.line] = _entry(block, article, "jump")
    elif is_caption:
        _caption(block, article, ledger, out)
    else:
        out.photographers += [n for n in L.credit_photographers(block.text) if n not in out.photographers]
        ledger[block.line] = _entry(block, article, "credit")


def _next_text(blocks: list[Block], i: int, captions: set[int]) -> int | None:
    """The next block that could continue a split paragraph, skipping a photo and its credit, and page furniture."""
    k = i + 1
    # a photo and its credit, or the page header printed again where the e-paper copy crossed a page break
    while k < len(blocks) and (k in captions or blocks[k].kind in ("credit", "furniture", "jump")):
        k += 1  # (and the jump lines of a split continued under a page break: （下转第6版） / （上接第5版）)
    if k < len(blocks) and blocks[k].kind == "text":
        return k
    return None


def _is_subhead(block: Block) -> bool:
    folded = fold(block.text)
    s = "".join(folded.split())
    if len(s) > SUBHEAD_MAX_CHARS or block.kind != "text" or is_data_line(block.text) or s[-1:] in ";:":
        return False  # (a line ending in ； or ： runs on: a list's item or the sentence leading into it)
    # without spaces inside, the line answers as itself (and is asked about as itself elsewhere)
    asked = block.text if len(s) == len(folded) else s
    question = s[-1:] in "?!" and len(s) <= QUESTION_SUBHEAD_MAX_CHARS and "," not in s  # 为何要建?
    if L.is_lead_in(block.text):
        return False
    if L.is_sequence_heading(block.text):
        return True  # 第一天：老街、古桥和一笼米糕 (its colon is no speaker's)
    return (
        (question or not ends_sentence(asked))
        and not has_inner_sentence_end(asked)
        and not L.qa_label(block.text)
    )


PULL_QUOTE_MAX_CHARS = 60
PULL_QUOTE_MIN_QUOTED = 6
_QUOTE_MARKS = "“”\"「」『』‘’"


def _drop_pull_quotes(kept: list, article: int, ledger: dict[int, LedgerEntry], out: Body) -> None:
    """A pull quote: a line printed apart that repeats a sentence of the article's own body (a quotation set in
    large type between paragraphs). It is no paragraph of its own (and no duplicate copy either: only a part of
    a paragraph repeats); quoted or not, it must hold at least ``MIN_DUPLICATE_CHARS`` characters (a quoted one
    ``PULL_QUOTE_MIN_QUOTED``).

    Example:
        >>> from newsanalysis.parse.page import parse_page
        >>> page = parse_page("标题\\n\\n本报记者 王明\\n\\n“修复是慢功夫，急不得。”张教授说，监测要持续十年。\\n\\n“修复是慢功夫，急不得。”\\n\\n他建议设立专项资金。")
        >>> page.articles[0].paragraphs
        ['“修复是慢功夫，急不得。”张教授说，监测要持续十年。', '他建议设立专项资金。']
    """
    if len(out.paragraphs) < 2:
        return
    squashed = [squash(p) for p in out.paragraphs]
    # every paragraph in one string (NUL between), so a line is looked for once, not in each paragraph in turn
    whole = "\x00".join(squashed)
    offsets = list(accumulate((len(p) + 1 for p in squashed[:-1]), initial=0))
    drop: list[int] = []
    for k, ((group, _), text) in enumerate(zip(kept, out.paragraphs)):
        if len(group) != 1 or len(text) > PULL_QUOTE_MAX_CHARS:
            continue
        key = squashed[k]
        quoted = key[:1] in _QUOTE_MARKS and key[-1:] in _QUOTE_MARKS
        if len(key.strip(_QUOTE_MARKS)) < (PULL_QUOTE_MIN_QUOTED if quoted else MIN_DUPLICATE_CHARS):
            continue
        source, at = None, whole.find(key)
        while at != -1 and source is None:
            j = bisect_right(offsets, at) - 1
            if j != k and j not in drop and len(squashed[j]) > len(key):
                source = j
            at = whole.find(key, at + 1)
        if source is not None:
            drop.append(k)
            ledger[group[0].line] = _entry(group[0], article, "dropped",
                                           f"pull quote repeating line {kept[source][0][0].line}")
    for k in reversed(drop):
        del kept[k], out.paragraphs[k], out.spans[k], out.lines[k]
        out.subhead_before = [b - 1 if b > k else b for b in out.subhead_before]


def _emit(groups, pending_subheads, article, ledger, seen, out: Body) -> None:
    subhead_at = {}
    for block, position in pending_subheads:
        subhead_at.setdefault(position, []).append(block)
    kept: list[tuple[list[Block], int]] = []  # blocks and characters cut from the first one
    for position, group in enumerate(groups + [None]):
        for block in subhead_at.get(position, []):
            out.subheads.append(block.text)
            out.subhead_before.append(len(kept))
            ledger[block.line] = _entry(block, article, "subhead")
        if group is None:
            break
        cut = 0
        if not kept and group[0].kind == "brief" and (brief := L.inline_brief(
                group[0].text if len(group) == 1 else "".join(b.text for b in group), boxed=True)) is not None:
            cut = brief[1]  # the brief's title went to the headline
            if (opening := L.leading_byline(group[0].text[cut:])) is not None:
                out.reporters += [n for n in opening[0] if n not in out.reporters]
                cut += opening[1]
        if not kept and (jump_in := L.leading_jump(group[0].text)) is not None:
            out.jump = out.jump or jump_in[0]
            cut = jump_in[1]
        if not kept and not out.dateline:
            found = L.leading_dateline(group[0].text[cut:])
            if found is not None:
                out.dateline = found.dateline
                out.reporters += [n for n in found.names if n not in out.reporters]
                cut += found.length
        text = group[0].text[cut:] if len(group) == 1 else group[0].text[cut:] + "".join(b.text for b in group[1:])
        tail = L.trailing_byline(text)
        trimmed = 0
        if tail is not None and tail[0] > 0:
            printed = len(text)
            text = text[: tail[0]].rstrip()
            trimmed = printed - len(text)
            out.reporters += [n for n in tail[1] if n not in out.reporters]
        elif (pointer := L.trailing_pointer(text)) is not None and pointer[0] > 0:
            out.jump = out.jump or pointer[1]  # a teaser's （详见第3版）: the page its story is on
            printed = len(text)
            text = text[: pointer[0]].rstrip()
            trimmed = printed - len(text)
        if not text.strip():
            ledger[group[0].line] = _entry(group[0], article, "byline", "dateline and byline on a line of their own")
            continue
        key = squash(text)
        # a notice's signature (江城市某法院　二〇二五年三月十日) closes each of its notices: repeated, never a copy
        if len(key) >= MIN_DUPLICATE_CHARS and key in seen and group[0].kind != "signature":
            out.duplicates += 1
            for block in group:
                ledger[block.line] = _entry(block, article, "dropped", f"duplicate of line {seen[key]}")
            continue
        seen.setdefault(key, group[0].line)
        kept.append((group, cut))
        out.paragraphs.append(text)
        if len(group) == 1 and not trimmed:
            out.spans.append(((group[0].start + cut, group[0].end),))
            out.lines.append((group[0].line,))
            continue
        spans = [(group[0].start + cut, group[0].end)] + [(b.start, b.end) for b in group[1:]]
        out.spans.append(_trim_spans(spans, trimmed))
        out.lines.append(tuple(b.line for b in group))
    _drop_pull_quotes(kept, article, ledger, out)
    _interview(out)
    for (group, cut), role in zip(kept, out.roles):
        joined = ""  # the same note goes on every line of a joined paragraph
        if len(group) > 1:
            what = "hard-wrapped lines joined" if any(b.continues for b in group) else "page-break split joined"
            joined = f"{what} (lines {'+'.join(str(b.line) for b in group)})"
        last = len(group) - 1
        for n, block in enumerate(group):
            reason = f"title, dateline or jump taken off: {group[0].text[:cut]}" if n == 0 and cut else ""
            if n == last and (tail := L.trailing_byline(block.text)) is not None and tail[0] > 0:
                reason = (reason + "; " if reason else "") + f"bracketed byline removed: {block.text[tail[0]:]}"
            elif n == last and (pointer := L.trailing_pointer(block.text)) is not None and pointer[0] > 0:
                reason = (reason + "; " if reason else "") + f"page pointer taken off: {block.text[pointer[0]:]}"
            if joined:
                reason = (reason + "; " if reason else "") + joined
            ledger[block.line] = _entry(block, article, role, reason)


def _trim_spans(spans: list[tuple[int, int]], n: int) -> tuple[tuple[int, int], ...]:
    """Drop ``n`` characters from the end of a paragraph's spans."""
    spans = list(spans)
    while n > 0 and spans:
        start, end = spans[-1]
        if end - start > n:
            spans[-1] = (start, end - n)
            n = 0
        else:
            n -= end - start
            spans.pop()
    return tuple(spans)


def _interview(out: Body) -> None:
    """Mark interview turns: labelled paragraphs, and unlabelled ones that continue an answer."""
    labels = [L.qa_label(p) for p in out.paragraphs]
    if not any(labels):  # no speaker labels: no interview
        out.roles = ["body"] * len(out.paragraphs)
        return
    names = Counter(lab[0] for lab in labels if lab)
    is_interview = any(n in names for n in (*_QUESTIONERS, "答"))
    accepted = {n for n, c in names.items() if is_interview or c >= 2}
    if not is_interview and not any(c >= 2 for c in names.values()):
        accepted = set()
    out.roles = ["body"] * len(out.paragraphs)
    speaker: str | None = None
    for index, (paragraph, label) in enumerate(zip(out.paragraphs, labels)):
        if label and label[0] in accepted:
            speaker = label[0]
            out.qa_turns.append(QATurn(speaker, paragraph[label[1]:].strip(), index, True))
            out.roles[index] = "qa"
        elif speaker is not None and speaker not in _QUESTIONERS and accepted:
            out.qa_turns.append(QATurn(speaker, paragraph.strip(), index, False))
            out.roles[index] = "qa"
