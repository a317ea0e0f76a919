"""Font resolution for charts: find a font file with Chinese glyphs, without root or network.

:func:`resolve_font` looks, in this order, at

1. the ``font`` argument (a font file path or an installed family name),
2. the ``NEWSANALYSIS_FONT`` environment variable (same forms),
3. ``NotoSansCJKsc-Regular.otf`` bundled with the ``mplfonts`` dependency (found via the import system, the
   package itself is not imported),
4. the system: ``fc-list :lang=zh`` (fontconfig), then the usual font folders (``/usr/share/fonts``,
   ``~/.local/share/fonts``, ``~/.fonts``, ``/Library/Fonts``, ``C:/Windows/Fonts`` ...), preferring well-known
   CJK families.

A candidate is accepted only if its character map (read with FreeType) covers common Chinese characters. If none
is found, :class:`~newsanalysis.errors.FontNotFoundError` says how to fix it. :func:`font_coverage` gives the
character map so callers can prove that nothing they draw turns into tofu boxes.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

from newsanalysis.errors import FontNotFoundError

FONT_ENV = "NEWSANALYSIS_FONT"
BUNDLED_FONT = ("mplfonts", "fonts/NotoSansCJKsc-Regular.otf")
PROBE = "中文新闻的记者经济"  # characters every usable CJK font must cover
PREFERRED = ("NotoSansCJK", "Noto Sans CJK", "SourceHanSans", "Source Han Sans", "wqy", "WenQuanYi", "Sarasa",
             "PingFang", "msyh", "YaHei", "simhei", "SimHei", "NotoSansSC", "Noto Sans SC", "CJK", "SC")
FONT_SUFFIXES = (".otf", ".ttf", ".ttc", ".otc")
HOW_TO_FIX = ("install the Python dependency 'mplfonts' (pip install mplfonts; it ships Noto Sans CJK SC), "
              "or install a CJK font (e.g. apt install fonts-noto-cjk, no root: copy a .otf into ~/.fonts), "
              f"or point the environment variable {FONT_ENV} (or the font= argument) at a .otf/.ttf/.ttc file "
              "with Chinese glyphs")


def _font_dirs() -> list[Path]:
    home = Path.home()
    dirs = [home / ".local/share/fonts", home / ".fonts", Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
            Path("/Library/Fonts"), Path("/System/Library/Fonts"), home / "Library/Fonts"]
    if os.environ.get("WINDIR"):
        dirs.append(Path(os.environ["WINDIR"]) / "Fonts")
    return [d for d in dirs if d.is_dir()]


@functools.lru_cache(maxsize=64)
def font_coverage(path: str | os.PathLike) -> frozenset[int]:
    """The code points a font file maps to glyphs (its ``cmap``; first face of a collection).

    Example:
        >>> ord("中") in font_coverage(resolve_font())
        True
    """
    # FreeType (through matplotlib, a dependency) reads a CJK font's character map in ~15 ms;
    # fontTools takes ~0.3 s, paid again in every report notebook.
    from matplotlib.ft2font import FT2Font

    path = str(path)
    try:
        cmap = FT2Font(path).get_charmap()
    except Exception as exc:  # FreeType raises several error types for unreadable files; all mean "not a font"
        raise FontNotFoundError(f"{path}: cannot read this font file ({exc}); {HOW_TO_FIX}") from exc
    return frozenset(cmap)


def covers_chinese(path: str | os.PathLike) -> bool:
    """Whether the font file at ``path`` has glyphs for common Chinese characters."""
    try:
        coverage = font_coverage(path)
    except FontNotFoundError:
        return False
    return all(ord(ch) in coverage for ch in PROBE)


def _rank(path: Path) -> int:
    text = str(path)
    return next((i for i, name in enumerate(PREFERRED) if name.lower() in text.lower()), len(PREFERRED))


def bundled_font() -> Path | None:
    """The Noto Sans CJK SC file shipped by the ``mplfonts`` dependency, if installed."""
    spec = importlib.util.find_spec(BUNDLED_FONT[0])
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        candidate = Path(location) / BUNDLED_FONT[1]
        if candidate.is_file():
            return candidate
    return None


def system_fonts() -> list[Path]:
    """Font files on this machine that may hold Chinese glyphs: fontconfig's answer first, then font folders."""
    found: list[Path] = []
    exe = shutil.which("fc-list")
    if exe is not None:
        done = subprocess.run([exe, ":lang=zh", "file"], capture_output=True, text=True, timeout=30, check=False)
        found += sorted((Path(line.split(":", 1)[0].strip()) for line in done.stdout.splitlines() if line.strip()),
                        key=_rank)
    scanned = [p for d in _font_dirs() for p in d.rglob("*") if p.suffix.lower() in FONT_SUFFIXES]
    found += sorted(scanned, key=_rank)
    return list(dict.fromkeys(found))


def _family_file(family: str) -> Path | None:
    exe = shutil.which("fc-match")
    if exe is None:
        return None
    done = subprocess.run([exe, "-f", "%{file}", family], capture_output=True, text=True, timeout=30, check=False)
    return Path(done.stdout.strip()) if done.stdout.strip() else None


def _named_font(spec: str, origin: str) -> Path:
    """A font chosen by the user: an existing file, or a family name known to fontconfig."""
    candidate = Path(spec).expanduser()
    found = candidate if candidate.is_file() else _family_file(spec)
    if found is None or not found.is_file():
        raise FontNotFoundError(f"{origin}{spec!r} is neither a font file nor an installed font family; "
                                f"{HOW_TO_FIX}")
    if not covers_chinese(found):
        raise FontNotFoundError(f"{origin}{spec!r} ({found}) has no Chinese glyphs (it lacks some of {PROBE!r}); "
                                f"{HOW_TO_FIX}")
    return found


def resolve_font(font: str | os.PathLike | None = None) -> Path:
    """The CJK font file for charts, in the documented order (argument, env var, mplfonts, system).

    Args:
        font: a font file path or family name; overrides everything else.

    Returns:
        The path of a font file whose character map covers Chinese.

    Raises:
        FontNotFoundError: the chosen font is unusable, or no CJK font exists on this machine.

    Example:
        >>> resolve_font().name
        'NotoSansCJKsc-Regular.otf'
    """
    if font is not None and str(font):
        return _named_font(str(font), "font argument ")
    if os.environ.get(FONT_ENV):
        return _named_font(os.environ[FONT_ENV], f"environment variable {FONT_ENV}=")
    bundled = bundled_font()
    if bundled is not None and covers_chinese(bundled):
        return bundled
    for candidate in system_fonts():
        if candidate.is_file() and covers_chinese(candidate):
            return candidate
    raise FontNotFoundError(f"no font with Chinese glyphs found (looked at the font argument, {FONT_ENV}, "
                            f"the mplfonts package, fc-list and the system font folders); {HOW_TO_FIX}")
