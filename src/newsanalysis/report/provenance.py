"""What produced a report: package, dictionaries, notebook and page fingerprints (sha256), for reproducibility."""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import importlib.util
import platform
from datetime import datetime, timezone
from pathlib import Path

from newsanalysis import __version__, config


def sha256_file(path: str | Path) -> str:
    """The sha256 of a file's bytes (hex)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """``<version>+<sha256 of the package's source files and resources>`` (changes whenever the code does)."""
    digest = hashlib.sha256()
    for path in sorted(config.PACKAGE_DIR.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".txt", ".json") and "notebooks" not in path.parts:
            digest.update(str(path.relative_to(config.PACKAGE_DIR)).encode())
            digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


@functools.lru_cache(maxsize=1)
def dictionary_fingerprints() -> dict[str, str]:
    """sha256 of jieba's dictionary and of every bundled and user dictionary / stopword file."""
    found: dict[str, str] = {}
    spec = importlib.util.find_spec("jieba")
    for location in (spec.submodule_search_locations or []) if spec else []:
        dict_file = Path(location) / "dict.txt"
        if dict_file.is_file():
            found[f"jieba {_version('jieba')} dict.txt"] = sha256_file(dict_file)
    for folder, label in ((config.RESOURCES_DIR, "bundled"), (config.user_dict_dir(), "user")):
        if folder.is_dir():
            for path in sorted(folder.glob("*.txt")):
                found[f"{label} {path.name}"] = sha256_file(path)
    return found


def dictionaries_sha256() -> str:
    """One hash over every dictionary and stopword file a report depends on (user files in data/dict included),
    so that editing a dictionary makes ``newsanalysis render`` rebuild the reports."""
    digest = hashlib.sha256()
    for label, value in sorted(dictionary_fingerprints().items()):
        digest.update(f"{label}\0{value}\n".encode())
    return digest.hexdigest()


def versions(page: str | Path | None = None, notebook: str | Path | None = None) -> dict[str, str]:
    """Everything a reader needs to reproduce a report, as label -> value.

    Example:
        >>> versions()["newsanalysis"].startswith("0.")
        True
    """
    info = {"newsanalysis": package_fingerprint(), "python": platform.python_version(),
            **{name: _version(name) for name in ("pandas", "matplotlib", "papermill", "nbconvert")},
            **dictionary_fingerprints()}
    if notebook is not None:
        info[f"notebook {Path(notebook).name} sha256"] = sha256_file(notebook)
    if page is not None:
        info[f"page {Path(page).name} sha256"] = sha256_file(page)
    info["rendered (UTC)"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return info
