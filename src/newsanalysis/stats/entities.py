"""Named entities in article paragraphs: people, places and organisations, one row per mention.

Sources, in order of trust: transliterated names joined by ``·`` (``埃里克·索尔海姆``); a name next to a title
(``副院长沈克华``, ``沈克华教授``); jieba.posseg tags ``nr`` (person), ``ns`` (place) and ``nt`` (organisation);
and organisation names closed by a suffix such as 大学, 医院 or 公司 (``复旦大学附属华山医院``). Overlapping
mentions keep the longest.
"""

from __future__ import annotations

import re

import pandas as pd

from newsanalysis.parse.units import n_pages
from newsanalysis.segment.tokenizer import Tokenizer, to_matching_text
from newsanalysis.frames import rows_table
from newsanalysis.segment.units import segmented

_TRANSLIT = ("阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕波伯博布查达戴丹道德迪蒂丁东杜多厄恩法范菲费芬丰弗福"
             "富盖甘冈戈格古圭哈海汉豪赫亨洪胡华霍基吉加贾杰金卡凯坎康柯科克肯库奎拉莱赖兰朗劳勒雷蕾里利莉"
             "林琳卢鲁伦罗洛马玛迈麦曼梅蒙米明莫姆穆纳娜内尼努诺欧帕佩彭皮普齐奇恰乔切琼萨塞桑瑟森沙尚舍什施"
             "尔斯宋苏索塔泰坦汤唐特图托瓦万旺威韦维温沃乌伍西希夏谢辛休雅亚扬耶伊因尤约泽扎詹兹佐迭婉廷达")
_DOT_NAME = re.compile(f"[{_TRANSLIT}]{{1,6}}(?:[·•・][{_TRANSLIT}]{{1,6}})+")
_TITLES = ("副总统|总统|副总理|总理|副主席|主席|部长|副部长|局长|市长|省长|书记|董事长|总经理|总裁|创始人|首席科学家|"
           "科学家|副研究员|研究员|院士|教授|副院长|院长|副主任|主任|秘书长|大使|发言人|专家|学者|医生|记者|通讯员")
_TITLE_RE = re.compile(f"(?:{_TITLES})$")
_ORG_SUFFIX = re.compile(r"(?:大学|学院|研究院|研究所|研究中心|实验室|医院|公司|集团|银行|委员会|协会|基金会|"
                         r"交易所|联盟|政府|科委|智库|中心|组织|管理局|统计局|总署|办公厅)$")
# the last character of every suffix (or a line break, where ``$`` also matches): the regex runs only on these
_ORG_LAST = frozenset(alternative[-1] for alternative in _ORG_SUFFIX.pattern[3:-2].split("|")) | {"\n"}
_ORG_PARTS = {"ns", "nt", "nz", "n", "j", "nr", "nrt", "nrfg", "x", "eng", "l"}
_GENERIC = frozenset({"城市", "大洲", "国与国", "城乡", "地方", "全国", "各地", "中国公司", "当地"})
_COMMON_FREQ = 500  # a jieba word this frequent tagged nr is a common word (智慧, 高峰), not a name
_PERSON_TAGS = {"nr", "nrfg", "nrt"}
_ORG_LINKS = {"附属", "下属", "直属"}
COLUMNS = ["article", "paragraph", "start", "end", "text", "type"]


_HAN = re.compile(r"[\u4e00-\u9fff]+").fullmatch


def _is_name(token: str, flag: str, tok: Tokenizer) -> bool:
    return 2 <= len(token) <= 3 and _HAN(token) is not None and (
        flag in _PERSON_TAGS or not tok.knows(token) or token in tok.words) and token not in tok.stopwords


def _mentions(text: str, tok: Tokenizer, tagged=None) -> list[tuple[int, int, str, int]]:
    """(start, end, type, priority) candidates; higher priority wins an overlap of equal length.

    ``tagged`` is ``tok.tag(to_matching_text(text))`` when the caller has it already.
    """
    norm = to_matching_text(text)
    found = [(m.start(), m.end(), "person", 3) for m in _DOT_NAME.finditer(norm) if len(m.group()) >= 4]
    tagged = tok.tag(norm) if tagged is None else tagged
    for i, (word, flag, s, e) in enumerate(tagged):
        prev = tagged[i - 1] if i else None
        nxt = tagged[i + 1] if i + 1 < len(tagged) else None
        if _is_name(word, flag, tok) and (
            (prev and _TITLE_RE.search(prev[0])) or (nxt and _TITLE_RE.fullmatch(nxt[0]))
        ):
            found.append((s, e, "person", 2))
        elif word in _GENERIC:
            continue
        elif flag in _PERSON_TAGS and len(word) >= 2 and tok.freq(word) < _COMMON_FREQ:
            found.append((s, e, "person", 1))
        elif flag == "ns" and len(word) >= 2:
            found.append((s, e, "place", 1))
        elif flag == "nt" and len(word) >= 2:
            found.append((s, e, "org", 1))
        if flag != "ns" and word[-1:] in _ORG_LAST and _ORG_SUFFIX.search(word):
            j = i
            while j > 0 and i - j < 6 and (tagged[j - 1][1] in _ORG_PARTS or tagged[j - 1][0] in _ORG_LINKS) \
                    and tok.is_term(tagged[j - 1][0]):
                j -= 1
            if (tagged[j][2] < s or flag == "nt") and norm[tagged[j][2]:e] not in _GENERIC:
                found.append((tagged[j][2], e, "org", 2))
    return found


def _resolve(found: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str]]:
    """Keep the longest (then most trusted) mention of every overlapping group."""
    kept: list[tuple[int, int, str]] = []
    for s, e, kind, _ in sorted(found, key=lambda m: (-(m[1] - m[0]), -m[3], m[0])):
        if all(e <= ks or s >= ke for ks, ke, _ in kept):
            kept.append((s, e, kind))
    return sorted(kept)


def entities(x, *, discover: bool = True) -> pd.DataFrame:
    """People, places and organisations mentioned in the paragraphs of ``x`` (Article, Page or list).

    Returns:
        A new DataFrame in reading order, one row per mention, with columns ``page`` (only when several pages),
        ``article`` (int), ``paragraph`` (int), ``start`` and ``end`` (int, offsets in the paragraph), ``text``
        (str, as printed), ``type`` (``"person"``, ``"place"`` or ``"org"``), ``page_start`` and ``page_end``
        (offsets in ``Page.text``; missing when the article carries no paragraph spans).

    Example:
        >>> entities("联合国前副秘书长埃里克·索尔海姆说。")[["text", "type"]].values.tolist()
        [['联合国', 'org'], ['埃里克·索尔海姆', 'person']]
    """
    seg = segmented(x, discover=discover)
    items, tokenizers = seg.items, seg.tokenizers
    rows = []
    for item in items:
        art = item.article
        for p, text in enumerate(art.paragraphs):
            for s, e, kind in _resolve(_mentions(text, tokenizers[item.page], seg.tag(item, to_matching_text(text)))):
                spans = art.paragraph_spans[p] if p < len(art.paragraph_spans) else ()
                page_start = art.page_offset(p, s) if spans else None
                page_end = art.page_offset(p, e - 1) + 1 if spans else None
                rows.append((item.page, art.index, p, s, e, text[s:e], kind, page_start, page_end))
    return rows_table(rows, ["page", *COLUMNS, "page_start", "page_end"], _DTYPES,
                      drop=["page"] if n_pages(items) < 2 else ())


_DTYPES = {"article": "int64", "paragraph": "int64", "start": "int64", "end": "int64", "text": "text", "type": "text",
           "page_start": "Int64", "page_end": "Int64"}
