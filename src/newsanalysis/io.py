"""Reading page files: the only module that opens input files.

Encodings are detected in a fixed, explainable order: a BOM (UTF-8, UTF-16, UTF-32), then strict
UTF-8, then strict GB18030 (a superset of GBK and GB2312), then charset-normalizer as a last resort.
"""

from __future__ import annotations

import codecs
import functools
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsanalysis.errors import InputError
from newsanalysis.normalize import normalise_newlines

if TYPE_CHECKING:
    import pandas as pd

MAX_CONTROL_SHARE = 0.01

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class LayoutHints:
    """A user's corrections for one page, from ``PAGE.layout.toml`` beside it (line numbers are 1-based)::

        new_article = [47]      # an article starts at this line (its first headline line)
        caption = [52]          # this line is a photo caption
        subhead = [60]          # this line is a subhead
        body = [61]             # this line is body text (never a headline, subhead or caption)
        not_figure = ["三来一补"] # these texts are never figures
    """

    new_article: tuple[int, ...] = ()
    caption: tuple[int, ...] = ()
    subhead: tuple[int, ...] = ()
    body: tuple[int, ...] = ()
    not_figure: tuple[str, ...] = ()
    source: str = ""

    def __bool__(self) -> bool:
        return bool(self.new_article or self.caption or self.subhead or self.body or self.not_figure)

    def line_hint(self, line: int) -> str | None:
        """The role the user gave ``line`` (``new_article``, ``caption``, ``subhead``, ``body``), or None."""
        for name in ("new_article", "caption", "subhead", "body"):
            if line in getattr(self, name):
                return name
        return None


_NO_HINTS = LayoutHints()  # most pages have none: one shared empty answer (it is immutable)

LAYOUT_SUFFIX = ".layout.toml"


def layout_path(page_path: str | Path) -> Path:
    """Where the layout hints of a page file live: ``PAGE.layout.toml`` beside ``PAGE.txt``."""
    page_path = Path(page_path)
    return page_path.with_name(page_path.stem + LAYOUT_SUFFIX)


def _sibling(path: Path, name: str) -> str:
    """``str(path.with_name(name))`` without building the Path: most sidecars a page could have do not exist."""
    return os.path.join(os.path.dirname(str(path)), name)


def read_layout_hints(path: str | Path, *, n_lines: int | None = None) -> LayoutHints:
    """Read a ``.layout.toml`` file; a missing file gives no hints.

    Raises:
        InputError: the file is not valid TOML, has unknown keys, or names lines the page does not have.
    """
    if not os.path.isfile(path):
        return _NO_HINTS
    import tomllib

    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: cannot read layout hints: {exc}") from exc
    known = {"new_article", "caption", "subhead", "body", "not_figure"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise InputError(f"{path}: unknown layout hint(s) {', '.join(unknown)}; expected {', '.join(sorted(known))}")
    values: dict = {}
    for name in ("new_article", "caption", "subhead", "body"):
        lines = data.get(name, [])
        if not isinstance(lines, list) or not all(isinstance(n, int) and not isinstance(n, bool) for n in lines):
            raise InputError(f"{path}: {name} must be a list of line numbers, got {lines!r}")
        bad = [n for n in lines if n < 1 or (n_lines is not None and n > n_lines)]
        if bad:
            raise InputError(f"{path}: {name} names line(s) {bad} but the page has lines 1..{n_lines}")
        values[name] = tuple(lines)
    words = data.get("not_figure", [])
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise InputError(f"{path}: not_figure must be a list of non-empty texts, got {words!r}")
    return LayoutHints(**values, not_figure=tuple(w.strip() for w in words), source=str(path))


@dataclass(frozen=True)
class PageMeta:
    """When and where a page was printed: ``date`` (ISO ``YYYY-MM-DD``) or None, ``paper``, ``page_no`` (``"3"``,
    ``"A3"``) and ``source``, where the date came from: ``"filename"``, ``"sidecar"``, ``"header"`` or ``""``."""

    date: str | None = None
    paper: str = ""
    page_no: str = ""
    source: str = ""

    def __bool__(self) -> bool:
        return bool(self.date or self.paper or self.page_no)

    def filled_from(self, other: "PageMeta") -> "PageMeta":
        """This metadata with its missing fields taken from ``other`` (lower precedence)."""
        if not other:
            return self
        source = self.source if self.date else other.source if other.date else self.source or other.source
        return PageMeta(self.date or other.date, self.paper or other.paper, self.page_no or other.page_no, source)


_NO_META = PageMeta()  # most pages have no sidecar: one shared empty answer (it is immutable)


@dataclass(frozen=True)
class RawPage:
    """A page file's decoded text (line endings normalised to ``\\n``), how it was decoded, the user's
    layout hints for it (empty when there is no ``PAGE.layout.toml``) and its metadata from the file name and
    sidecars (:func:`read_page_meta`)."""

    text: str
    encoding: str
    source: str
    hints: LayoutHints = _NO_HINTS
    meta: PageMeta = _NO_META


def decode_bytes(data: bytes, *, source: str = "<bytes>", encoding: str | None = None) -> RawPage:
    """Decode page bytes, detecting the encoding unless ``encoding`` is given.

    Example:
        >>> decode_bytes("本报讯".encode("gb18030")).encoding
        'gb18030'
    """
    if not data or data.isspace():
        raise InputError(f"{source}: the file is empty (expected the text of a newspaper page)")
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"{source}: cannot decode as {encoding!r}: {exc}") from exc
        return _checked(text.lstrip("\ufeff"), encoding, source)
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(name).lstrip("\ufeff"), name, source)
            except UnicodeDecodeError as exc:
                raise InputError(f"{source}: starts with a {name} byte-order mark but is not valid {name}: {exc}") from exc
    if b"\x00" in data:
        raise InputError(f"{source}: looks binary (contains NUL bytes and no UTF-16 byte-order mark); expected a text page")
    try:
        return _checked(data.decode("utf-8"), "utf-8", source)
    except UnicodeDecodeError:
        pass
    # GB18030 decodes almost any byte string, Big5 pages included (into kana, Cyrillic and rare characters), so
    # both are tried and the decoding with fewer implausible characters wins; a tie goes to GB18030.
    decoded = {}
    for name in ("gb18030", "big5hkscs"):
        try:
            decoded[name] = data.decode(name)
        except UnicodeDecodeError:
            continue
    if decoded:
        shares = {n: implausible_share(text) for n, text in decoded.items()}
        name = min(decoded, key=lambda n: (shares[n], n != "gb18030"))
        if shares[name] <= MAX_IMPLAUSIBLE_SHARE:
            return _checked(decoded[name], "big5" if name == "big5hkscs" else name, source)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or implausible_share(str(best)) > MAX_IMPLAUSIBLE_SHARE:
        raise InputError(
            f"{source}: cannot decode: not UTF-8, GB18030, Big5 or UTF-16 with BOM; pass encoding= / --encoding"
        )
    return _checked(str(best), best.encoding, source)


# Characters a Chinese news page hardly ever prints but a wrong decoding produces in numbers: kana, Greek and
# Cyrillic (GB rows A4-A7 are where Big5 keeps its commonest hanzi), box drawing, private use, replacement marks.
_IMPLAUSIBLE = re.compile("[\u0370-\u052f\u2500-\u257f\u3040-\u30ff\u31f0-\u31ff\ue000-\uf8ff\ufffd"
                          "\uff61-\uff9f\U000f0000-\U0010ffff]")
MAX_IMPLAUSIBLE_SHARE = 0.02


def implausible_share(text: str) -> float:
    """Share of the non-space characters that a correctly decoded Chinese page would hardly contain.

    Example:
        >>> raw = "市民紛紛前往參觀，記者表示".encode("big5")
        >>> implausible_share(raw.decode("big5")) < implausible_share(raw.decode("gb18030"))
        True
    """
    visible = sum(map(len, text.split()))  # str.split() cuts at exactly the characters str.isspace() accepts
    return len(_IMPLAUSIBLE.findall(text)) / visible if visible else 0.0


# control characters other than the tab, line feed, vertical tab and form feed a page may hold; in UTF-8 each is
# one byte of its own value and no other character's bytes are below 0x80, so deleting them from the encoded
# text counts them (a byte-level pass, far quicker than a regex over every character)
_CONTROL_BYTES = bytes(b for b in range(32) if chr(b) not in "\n\t\f\v")


def _checked(text: str, encoding: str, source: str) -> RawPage:
    text = normalise_newlines(text)
    if not text or text.isspace():
        raise InputError(f"{source}: the file holds only whitespace (decoded as {encoding})")
    encoded = text.encode("utf-8", "surrogatepass")
    controls = len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise InputError(
            f"{source}: looks binary ({controls} control characters in {len(text)} decoded as {encoding}); "
            "expected a text page"
        )
    return RawPage(text=text, encoding=encoding, source=source)


def read_page(path: str | Path, *, encoding: str | None = None) -> RawPage:
    """Read a page file as UTF-8 (BOM or not), GB18030/GBK or UTF-16 with BOM.

    Example:
        >>> read_page("data/raw/sample-page.txt").encoding
        'utf-8'

    Raises:
        InputError: the file is missing, a folder, empty, binary or undecodable.
    """
    path = Path(path)
    try:
        with open(path, "rb", buffering=0) as handle:  # one read of the whole file, no buffer in between
            data = handle.read()
    except OSError as exc:  # only now ask why, so a readable page costs no extra file-system calls
        if not path.exists():
            raise InputError(f"{path}: no such file") from None
        if path.is_dir():
            raise InputError(f"{path}: is a folder, expected a page file (.txt)") from None
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    raw = decode_bytes(data, source=str(path), encoding=encoding)
    hints = read_layout_hints(_sibling(path, path.stem + LAYOUT_SUFFIX), n_lines=raw.text.count("\n") + 1)
    meta = read_page_meta(path)
    return RawPage(raw.text, raw.encoding, raw.source, hints, meta) if hints or meta else raw


META_SUFFIX = ".meta.toml"
PAGES_CSV = "pages.csv"
_META_KEYS = ("date", "paper", "page_no")
# 2025-12-05_A03, 20251205-03, renmin_2025-12-05_A03 (an optional paper before the date)
_FILENAME_META = re.compile(r"^(?:(?P<paper>[^\W_]+)_)?(?P<date>\d{4}-\d{2}-\d{2}|\d{8})(?:[_-](?P<page>[A-Za-z]?\d{1,3}))?$")


_PAGE_NO = re.compile(r"\s*第?\s*([A-Za-z]?)\s*0*(\d+)\s*版?\s*")
_EIGHT_DIGITS = re.compile(r"\d{8}")


def normalise_page_no(text: str) -> str:
    """``"A03"`` → ``"A3"``, ``"03"`` → ``"3"``, ``"第3版"`` → ``"3"``; ``""`` for no page number.

    Example:
        >>> normalise_page_no("A03"), normalise_page_no("第12版"), normalise_page_no(" 7 ")
        ('A3', '12', '7')
    """
    match = _PAGE_NO.fullmatch(str(text))
    if not match:
        return str(text).strip()
    return match.group(1).upper() + match.group(2)


def iso_date(text: str) -> str | None:
    """``"2025-12-05"`` or ``"20251205"`` as an ISO date, None when it is not a real date.

    Example:
        >>> iso_date("20251205"), iso_date("2025-02-30")
        ('2025-12-05', None)
    """
    import datetime

    digits = str(text).strip().replace("-", "")
    if not _EIGHT_DIGITS.fullmatch(digits):
        return None
    try:
        return datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:])).isoformat()
    except ValueError:
        return None


def meta_from_filename(path: str | Path) -> PageMeta:
    """The date, paper and page number a page's file name gives (``2025-12-05_A03.txt``, ``20251205-03.txt``).

    Example:
        >>> meta_from_filename("data/raw/2025-12-05_A03.txt")
        PageMeta(date='2025-12-05', paper='', page_no='A3', source='filename')
    """
    match = _FILENAME_META.match(Path(path).stem)
    date = iso_date(match.group("date")) if match else None
    if date is None:
        return _NO_META
    return PageMeta(date, match.group("paper") or "", normalise_page_no(match.group("page") or ""), "filename")


def _sidecar_meta(values: dict, where: str) -> PageMeta:
    unknown = sorted(set(values) - set(_META_KEYS))
    if unknown:
        raise InputError(f"{where}: unknown page metadata key(s) {', '.join(unknown)}; expected date, paper, page_no")
    date = values.get("date")
    if date is not None and not isinstance(date, str):
        date = date.isoformat() if hasattr(date, "isoformat") else str(date)
    iso = iso_date(date) if date not in (None, "") else None
    if date not in (None, "") and iso is None:
        raise InputError(f"{where}: date {date!r} is not a date; expected YYYY-MM-DD")
    paper, page_no = values.get("paper") or "", values.get("page_no") or ""
    if not isinstance(paper, str) or isinstance(page_no, bool) or not isinstance(page_no, (str, int)):
        raise InputError(f"{where}: paper must be a text and page_no a text or number, got {paper!r}, {page_no!r}")
    return PageMeta(iso, paper.strip(), normalise_page_no(str(page_no)), "sidecar")


def read_sidecar_meta(path: str | Path) -> PageMeta:
    """A page's metadata from ``PAGE.meta.toml`` beside it, else from its row in ``pages.csv`` in its folder
    (columns ``file, date, paper, page_no``); empty when neither says anything.

    Raises:
        InputError: a sidecar is not valid TOML or CSV, has unknown keys or columns, or a date that is not one.
    """
    path = Path(path)
    toml_path = _sibling(path, path.stem + META_SUFFIX)
    if os.path.isfile(toml_path):
        import tomllib

        toml_path = Path(toml_path)
        try:
            data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise InputError(f"{toml_path}: cannot read page metadata: {exc}") from exc
        return _sidecar_meta(data, str(toml_path))
    csv_path = _sibling(path, PAGES_CSV)
    if not os.path.isfile(csv_path):
        return _NO_META
    import csv

    csv_path = Path(csv_path)
    try:
        with csv_path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{csv_path}: cannot read page metadata: {exc}") from exc
    columns = set(rows[0]) if rows else set()
    if rows and ("file" not in columns or columns - {"file", *_META_KEYS}):
        raise InputError(f"{csv_path}: columns {sorted(c for c in columns if c)} but expected file, date, paper, page_no")
    for number, row in enumerate(rows, start=2):
        if row.get("file") and Path(row["file"].strip()).name in (path.name, path.stem):
            values = {k: v.strip() for k, v in row.items() if k in _META_KEYS and v and v.strip()}
            return _sidecar_meta(values, f"{csv_path} line {number}")
    return _NO_META


def read_page_meta(path: str | Path) -> PageMeta:
    """A page's metadata from its file name, then its sidecar (missing fields filled in that order)."""
    return meta_from_filename(path).filled_from(read_sidecar_meta(path))


@functools.lru_cache(maxsize=1)
def _file_mode() -> int:
    """The mode a plainly created file gets under the current umask (mkstemp would give 0600)."""
    probe = Path(tempfile.mkdtemp(prefix="newsanalysis-umask-")) / "probe"
    probe.touch()
    mode = probe.stat().st_mode & 0o777
    probe.unlink()
    probe.parent.rmdir()
    return mode


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write ``path`` so that it appears only complete: a temp file in the same folder, then ``os.replace``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:60]}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, _file_mode())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tables(tables: dict[str, "pd.DataFrame"], out_dir: str | Path) -> list[Path]:
    """Write each named DataFrame to ``out_dir`` as ``<name>.csv`` and ``<name>.parquet``, each file atomically.

    Returns:
        The paths written, in the order of ``tables``.
    """
    import io as _io

    out = Path(out_dir)
    written: list[Path] = []
    for name, frame in tables.items():
        csv_path, parquet_path = out / f"{name}.csv", out / f"{name}.parquet"
        atomic_write(csv_path, frame.to_csv(index=False))
        buffer = _io.BytesIO()
        frame.to_parquet(buffer, index=False)
        atomic_write(parquet_path, buffer.getvalue())
        written += [csv_path, parquet_path]
    return written
