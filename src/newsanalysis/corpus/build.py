"""Building the archive: many page files in, partitioned Parquet datasets out, on a Dask bag.

Each bag partition (``partition_size`` pages) is read, parsed and analysed on a worker (only the tables an archive
keeps, :func:`report.analysis.page_tables`), and its rows are written there as one Parquet file per table (``DIR/<table>/part-<hash>.parquet``, the
hash of the partition's fingerprints); only a small summary per page comes back, so memory is bounded by the
partition size, not the corpus. After the build, small part files are merged into files of about
:data:`COMPACT_BYTES` of page text, and queries read only the part files the manifest names (a run killed while
merging leaves extra files that no query reads and the next run deletes). ``DIR/manifest.json`` keeps each page's fingerprint (page text, layout hints,
metadata, package code, dictionaries, options) and part file: a re-run skips the pages whose fingerprint is
unchanged and removes the rows of pages analysed again. A page that fails (empty, binary, undecodable, a bad
sidecar) is reported with its reason, skipped and counted; the run completes.
"""

from __future__ import annotations

import glob
import hashlib
import json
import math
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from newsanalysis.errors import InputError, NewsAnalysisError
from newsanalysis.io import META_SUFFIX, PAGES_CSV, atomic_write, read_page

TABLES = ("pages", "articles", "paragraphs", "terms", "figures", "sources", "quotes", "entities")
MANIFEST = "manifest.json"
MANIFEST_FORMAT = 2  # 2: a pages table; part files merged after a build, queries read the manifest's parts only
COMPACT_BYTES = 24_000_000  # page text per part file once small parts are merged (a few large files query fast)
LOCAL_SCHEDULERS = ("processes", "threads", "sync")


@dataclass(frozen=True)
class BuildSummary:
    """What a build did: pages named, built, skipped (unchanged) and failed (``failures``: file, reason)."""

    out: str
    n_pages: int
    n_built: int
    n_skipped: int
    n_failed: int
    n_bytes: int
    seconds: float
    failures: tuple[tuple[str, str], ...] = field(default=())

    def __str__(self) -> str:
        return (f"{self.n_pages} pages: {self.n_built} built, {self.n_skipped} unchanged, {self.n_failed} failed "
                f"({self.n_bytes / 1e6:.1f} MB in {self.seconds:.1f} s) -> {self.out}")


def expand_pages(patterns: Iterable[str]) -> list[str]:
    """The page files the glob ``patterns`` name (``**`` recurses), sorted, sidecars left out.

    Raises:
        InputError: a pattern names no file.
    """
    found: set[str] = set()
    for pattern in patterns:
        matches = [m for m in glob.glob(str(pattern), recursive=True) if Path(m).is_file()]
        matches = [m for m in matches if not m.endswith((META_SUFFIX, ".layout.toml")) and Path(m).name != PAGES_CSV]
        if not matches:
            raise InputError(f"{pattern}: no page file matches")
        found.update(str(Path(m)) for m in matches)
    return sorted(found)


def _arrow_table(frame: pd.DataFrame):
    """A pyarrow table with stable types across partitions: texts as string (lists as JSON), numbers as numbers."""
    import pyarrow as pa

    frame = frame.reset_index(drop=True).copy()
    for name in frame.columns:
        column = frame[name]
        if column.dtype != object and not pd.api.types.is_string_dtype(column.dtype):
            continue
        values = [v for v in column if v is not None and not (isinstance(v, float) and math.isnan(v))]
        if values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            frame[name] = pd.to_numeric(column, errors="coerce").astype("float64")
        elif values and all(isinstance(v, bool) for v in values):
            continue
        else:
            frame[name] = [None if v is None or (isinstance(v, float) and math.isnan(v))
                           else json.dumps(v, ensure_ascii=False) if isinstance(v, (list, tuple, dict)) else str(v)
                           for v in column]
    table = pa.Table.from_pandas(frame, preserve_index=False)
    for i, item in enumerate(table.schema):
        if pa.types.is_null(item.type) or pa.types.is_large_string(item.type):
            table = table.set_column(i, item.name, table.column(i).cast(pa.string()))
    return table.replace_schema_metadata(None)


def _page_tables(raw, top_n: int) -> dict[str, pd.DataFrame]:
    from newsanalysis.parse import parse_page
    from newsanalysis.report.analysis import page_tables, with_page_meta

    page = parse_page(raw)
    # only the tables an archive keeps: no topics, keywords or distinctive terms (about half of a report's
    # analysis) are computed for a corpus
    tables = page_tables(page, [name for name in TABLES if name != "pages"], top_n=top_n)
    # one row per page: what trend queries divide by, without summing the whole terms table
    tables["pages"] = pd.DataFrame([{"n_articles": len(page.articles), "n_paragraphs": len(tables["paragraphs"]),
                                     "n_chars": len(page.text), "n_tokens": int(tables["terms"]["count"].sum())}])
    return {name: with_page_meta(tables[name], page) for name in TABLES}


def _build_page(path: str, tables: dict[str, list], *, known: dict[str, str], top_n: int, fingerprint) -> dict:
    """Analyse one page into ``tables`` (unless its fingerprint is known); its summary, failures included."""
    entry = {"file": path, "page": Path(path).stem, "status": "failed", "fingerprint": "", "part": "",
             "reason": "", "n_bytes": 0}
    try:
        raw = read_page(path)
        entry["n_bytes"] = len(raw.text.encode("utf-8"))
        entry["fingerprint"] = fingerprint(raw, top_n=top_n)
        if known.get(path) == entry["fingerprint"]:
            entry["status"] = "skipped"
        else:
            for name, frame in _page_tables(raw, top_n).items():
                tables[name].append(frame)
            entry["status"] = "built"
    except NewsAnalysisError as exc:
        entry["reason"] = str(exc)
    except Exception as exc:  # a bug on one page must not stop the archive: it is reported with its type
        entry["reason"] = f"{type(exc).__name__}: {exc}"
    return entry


def _build_partition(chunks: list[tuple[list[str], dict[str, str]]], *, out: str, top_n: int) -> list[dict]:
    """Analyse the pages of one partition (one chunk of paths with the fingerprints the manifest knows for them)
    and write their rows (one Parquet file per table); a summary per page."""
    import pyarrow.parquet as pq
    from threadpoolctl import threadpool_limits  # scikit-learn's own dependency

    from newsanalysis.report.analysis import raw_fingerprint

    (paths, known), = chunks
    summaries, tables = [], {name: [] for name in TABLES}
    with threadpool_limits(1):  # one BLAS thread per worker: the workers are the parallelism (no oversubscription)
        for path in paths:
            summaries.append(_build_page(path, tables, known=known, top_n=top_n, fingerprint=raw_fingerprint))
    built = [e for e in summaries if e["status"] == "built"]
    if built:
        part = "part-" + hashlib.sha256("\0".join(e["fingerprint"] + e["file"] for e in built).encode()).hexdigest()[:16]
        for name, frames in tables.items():
            frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
            if len(frame):
                target = Path(out) / name / f"{part}.parquet"
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = target.with_name(f".{target.name}.tmp")
                pq.write_table(_arrow_table(frame), tmp)
                tmp.replace(target)
        for entry in built:
            entry["part"] = part
    return summaries


def read_manifest(out: str | Path) -> dict:
    """The build manifest of a corpus folder (``{"format", "pages": {file: {page, fingerprint, part, n_bytes}}}``);
    an empty one when there is none or it is unreadable."""
    try:
        data = json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"format": MANIFEST_FORMAT, "pages": {}}
    return data if data.get("format") == MANIFEST_FORMAT else {"format": MANIFEST_FORMAT, "pages": {}}


def _lines_callback(name: str, n_partitions: int, emit: Callable[[str], None]):
    from dask.callbacks import Callback

    class _Lines(Callback):
        done = 0

        def _posttask(self, key, result, dsk, state, id):
            if isinstance(key, tuple) and key[0] == name:
                self.done += 1
                emit(f"corpus build: partition {self.done}/{n_partitions} done")

        def _finish(self, dsk, state, errored):
            # a partition fused into the final task (a one-partition bag) finishes with it
            while not errored and self.done < n_partitions:
                self.done += 1
                emit(f"corpus build: partition {self.done}/{n_partitions} done")

    return _Lines()


def _run(bag, scheduler: str, *, n_workers: int | None, emit, bar: bool) -> list[dict]:
    import contextlib

    n = bag.npartitions
    if scheduler not in LOCAL_SCHEDULERS:
        from distributed import Client, as_completed

        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise NewsAnalysisError(f"{scheduler}: cannot reach the Dask scheduler ({exc})") from exc
        with client:
            futures = client.compute(bag.to_delayed())
            parts = []
            for i, future in enumerate(as_completed(futures), start=1):
                parts.append(future.result())
                if emit:
                    emit(f"corpus build: partition {i}/{n} done")
        return [entry for part in parts for entry in part]
    if bar:
        from dask.diagnostics import ProgressBar

        progress = ProgressBar()
    else:
        progress = _lines_callback(bag.name, n, emit) if emit else contextlib.nullcontext()
    with progress:
        return list(bag.compute(scheduler=scheduler, num_workers=n_workers))


def build_corpus(patterns: Iterable[str], out: str | Path, *, scheduler: str = "processes",
                 partition_size: int = 8, n_workers: int | None = None, top_n: int = 20,
                 progress: Callable[[str], None] | None = None, bar: bool = False) -> BuildSummary:
    """Read, parse and analyse every page the globs name and write the corpus tables under ``out``.

    Args:
        patterns: glob patterns or page files.
        out: the corpus folder (``<table>/part-*.parquet`` per table and ``manifest.json``).
        scheduler: ``"processes"`` (default), ``"threads"``, ``"sync"``, or a ``distributed`` scheduler address
            (``tcp://host:8786``).
        partition_size: pages per bag partition (what one worker holds in memory at a time).
        n_workers: local workers (default: one per core); ignored with an address.
        progress: called with one plain line per finished partition (``bar=True`` draws Dask's bar instead).

    Returns:
        A :class:`BuildSummary`; the failures are in it, not raised.

    Raises:
        InputError: a pattern names no file, or ``partition_size`` is below 1.
    """
    import dask.bag as db

    if partition_size < 1:
        raise InputError(f"partition size {partition_size}: expected at least 1 page per partition")
    if scheduler not in LOCAL_SCHEDULERS and not re.fullmatch(r"(\w+://)?[\w.\-\[\]:]+:\d+", scheduler):
        raise InputError(f"scheduler {scheduler!r}: expected processes, threads, sync or an address tcp://host:8786")
    started = time.perf_counter()
    paths = expand_pages(patterns)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    old = read_manifest(out)["pages"]
    chunks = [paths[i:i + partition_size] for i in range(0, len(paths), partition_size)]
    chunks = [(chunk, {p: old[p]["fingerprint"] for p in chunk if p in old}) for chunk in chunks]
    bag = db.from_sequence(chunks, npartitions=len(chunks)).map_partitions(_build_partition, out=str(out), top_n=top_n)
    results = _run(bag, scheduler, n_workers=n_workers, emit=progress, bar=bar)
    pages = {path: entry for path, entry in old.items() if path not in set(paths)}  # earlier pages not named again
    for entry in results:
        if entry["status"] == "skipped":
            pages[entry["file"]] = old[entry["file"]]
        elif entry["status"] == "built":
            pages[entry["file"]] = {k: entry[k] for k in ("page", "fingerprint", "part", "n_bytes")}
    _remove_stale_rows(out, old, pages)
    merged = _merge_small_parts(out, pages)
    atomic_write(out / MANIFEST, json.dumps({"format": MANIFEST_FORMAT, "tables": list(TABLES), "pages": pages},
                                            ensure_ascii=False, indent=1))
    for part in merged:  # only now: until the manifest names the merged files, queries read these
        for name in TABLES:
            (out / name / f"{part}.parquet").unlink(missing_ok=True)
    failures = tuple((e["file"], e["reason"]) for e in results if e["status"] == "failed")
    count = {status: sum(e["status"] == status for e in results) for status in ("built", "skipped")}
    return BuildSummary(str(out), len(paths), count["built"], count["skipped"], len(failures),
                        sum(e["n_bytes"] for e in results), time.perf_counter() - started, failures)


def _remove_stale_rows(out: Path, old: dict, pages: dict) -> None:
    """Drop the rows of pages analysed again (or failed) from the part files of earlier runs, and part files no
    page refers to any more (an interrupted run's)."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    live = {entry["part"] for entry in pages.values()}
    stale: dict[str, set[str]] = {}
    for path, entry in old.items():
        if pages.get(path) != entry and entry["part"] in live:
            stale.setdefault(entry["part"], set()).add(entry["page"])
    for name in TABLES:
        folder = out / name
        for part_file in sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []:
            part = part_file.stem
            if part not in live:
                part_file.unlink()
            elif part in stale:
                table = pq.read_table(part_file)
                kept = table.filter(pc.invert(pc.is_in(table["page"], value_set=_array(stale[part]))))
                tmp = part_file.with_name(f".{part_file.name}.tmp")
                pq.write_table(kept, tmp)
                tmp.replace(part_file)


def live_parts(manifest: dict) -> list[str]:
    """The part files (names without ``.parquet``) the manifest's pages are in: what queries read."""
    return sorted({entry["part"] for entry in manifest.get("pages", {}).values() if entry.get("part")})


def _merge_small_parts(out: Path, pages: dict) -> list[str]:
    """Merge part files holding less than half of :data:`COMPACT_BYTES` of page text into files of about that
    size, the same groups in every table; repoint ``pages`` to the merged files and return the parts merged away
    (deleted by the caller once the manifest is written). A query over a few large files is much faster than over
    hundreds of small ones (one per partition)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sizes: dict[str, int] = {}
    for entry in pages.values():
        sizes[entry["part"]] = sizes.get(entry["part"], 0) + entry["n_bytes"]
    groups, current, total = [], [], 0
    for part in sorted(p for p, n in sizes.items() if p and n < COMPACT_BYTES // 2):
        current.append(part)
        total += sizes[part]
        if total >= COMPACT_BYTES:
            groups.append(current)
            current, total = [], 0
    groups = [g for g in [*groups, current] if len(g) > 1]
    merged_away: list[str] = []
    for group in groups:
        name_of = "part-" + hashlib.sha256("\0".join(group).encode()).hexdigest()[:16]
        for name in TABLES:
            files = [out / name / f"{part}.parquet" for part in group if (out / name / f"{part}.parquet").is_file()]
            if not files:
                continue
            table = pa.concat_tables([pq.read_table(f) for f in files], promote_options="permissive")
            target = out / name / f"{name_of}.parquet"
            tmp = target.with_name(f".{target.name}.tmp")
            pq.write_table(table, tmp, row_group_size=256_000)
            tmp.replace(target)
        members = set(group)
        for entry in pages.values():
            if entry["part"] in members:
                entry["part"] = name_of
        merged_away += group
    return merged_away


def _array(values: set[str]):
    import pyarrow as pa

    return pa.array(sorted(values), type=pa.string())
