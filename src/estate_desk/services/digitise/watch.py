"""The watched scan folder (扫描收件夹): the scanner's "scan to folder" target, read when each stack is whole.

One look at the folder is :func:`poll`; the window's timer and ``estate-desk digitise watch`` call it again
and again, with the same :class:`Watch`, which remembers what it saw (``domain/digitise/settling.py``).
In the folder:

* each PDF or TIFF is one stack;
* each sub-folder is one stack of its page images, in name order (a scanner's "one folder per job");
* the loose page images (JPEG, PNG) together are one stack, in name order;
* names starting with ``.`` or ``~`` or ending in ``.part``/``.tmp``/``.crdownload`` are files being
  written by someone else and are left alone, as are the two folders below.

A stack is read (``inbox.import_stack``) only once it has stopped growing. It leaves the inbox only after
everything it held is committed: into ``已导入/<date>/`` when every page was linked (or the same stack had
been imported before, so nothing was attached again), into ``问题文件/`` with a ``….原因.txt`` beside it
when the file itself was refused (not a PDF or image, encrypted, damaged) or some of its pages wait in
待处理. Nothing is ever deleted. When the stack cannot be read for a reason that is not the file's — no
batch at 扫描, the database out of reach — it stays where it is, and the event says why.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from estate_desk.domain.clock import SystemClock
from estate_desk.domain.digitise.settling import QUIET, FileState, Seen, observe
from estate_desk.domain.digitise.steps import Step
from estate_desk.domain.errors import InputProblem, UserError
from estate_desk.services.digitise import batches, inbox

if TYPE_CHECKING:
    from datetime import timedelta
    from pathlib import Path

    from estate_desk.services.actor import Actor
    from estate_desk.services.digitise.inbox import ImportResult
    from estate_desk.store.database import Database

DONE = "已导入"
PROBLEMS = "问题文件"
REASON_SUFFIX = ".原因.txt"
STACK_SUFFIXES = frozenset({".pdf", ".tif", ".tiff"})
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff"})
LOOSE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png"})
_BEING_WRITTEN = (".part", ".tmp", ".crdownload", ".partial")
_LOOSE = "*"  # the key of the loose images' stack


class Outcome(StrEnum):
    IMPORTED = "imported"  # every page linked: moved to 已导入
    ALREADY = "already"  # imported before, nothing attached again: moved to 已导入
    PROBLEM = "problem"  # refused, or pages wait in 待处理: moved to 问题文件
    STAYED = "stayed"  # not the file's fault (no batch scanning, database away): left in the inbox


@dataclass(frozen=True)
class WatchEvent:
    outcome: Outcome
    files: tuple[str, ...]  # the names as they were in the inbox
    zh: str
    en: str
    result: ImportResult | None = None
    moved_to: Path | None = None

    def message(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass
class Watch:
    """A watched folder, the batch it feeds (None: the one batch at 扫描) and what was seen last time."""

    folder: Path
    batch_id: int | None = None
    quiet: timedelta = QUIET
    seen: dict[str, Seen] = field(default_factory=dict)


def _wanted(path: Path) -> bool:
    name = path.name
    return not (name.startswith((".", "~")) or name.lower().endswith(_BEING_WRITTEN) or name.endswith(REASON_SUFFIX))


def _state(path: Path) -> FileState | None:
    try:
        st = path.stat()
    except OSError:  # gone between listing and looking
        return None
    return FileState(path.name, st.st_size, st.st_mtime_ns)


def stacks_in(folder: Path) -> dict[str, list[Path]]:
    """The stacks waiting in the folder, by key (a file's or a sub-folder's name; ``*`` for loose images)."""
    found: dict[str, list[Path]] = {}
    loose: list[Path] = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not _wanted(path) or path.name in (DONE, PROBLEMS):
            continue
        if path.is_dir():
            pages = sorted(
                p for p in path.iterdir() if p.is_file() and _wanted(p) and p.suffix.lower() in IMAGE_SUFFIXES
            )
            if pages:
                found[path.name] = pages
        elif path.suffix.lower() in LOOSE_SUFFIXES:
            loose.append(path)
        elif path.is_file():
            found[path.name] = [path]  # a PDF or TIFF; anything else is refused by name when read
    if loose:
        found[_LOOSE] = loose
    return found


def _scanning_batch(db: Database, actor: Actor, watch: Watch) -> int | None:
    if watch.batch_id is not None:
        return watch.batch_id
    at_scan = [b.id for b in batches.batches(db, actor) if b.step == Step.SCAN]
    return at_scan[0] if len(at_scan) == 1 else None


def poll(db: Database, actor: Actor, watch: Watch) -> list[WatchEvent]:
    """Look at the folder once: read every stack that has stopped growing, and say what became of it."""
    now = (actor.clock or SystemClock()).now()
    found = stacks_in(watch.folder)
    ready: list[tuple[str, list[Path]]] = []
    for key, files in found.items():
        states = tuple(s for p in files if (s := _state(p)) is not None)
        watch.seen[key], whole = observe(watch.seen.get(key), states, now, watch.quiet)
        if whole:
            ready.append((key, files))
    for key in set(watch.seen) - set(found):
        del watch.seen[key]
    if not ready:
        return []
    batch_id = _scanning_batch(db, actor, watch)
    if batch_id is None:
        names = tuple(p.name for _, files in ready for p in files)
        return [
            WatchEvent(
                Outcome.STAYED,
                names,
                "没有正在“扫描”的数字化批次（或有多个），扫描件留在收件夹中；请选择批次。",
                "No digitisation batch is at 'Scanning' (or several are); the scans stay in the inbox. Choose a batch.",
            )
        ]
    events = []
    for key, files in ready:
        event = _read(db, actor, watch, batch_id, key, files)
        if event.outcome is not Outcome.STAYED:
            watch.seen.pop(key, None)
        events.append(event)
    return events


def _read(db: Database, actor: Actor, watch: Watch, batch_id: int, key: str, files: list[Path]) -> WatchEvent:
    names = tuple(p.name for p in files)
    day = (actor.clock or SystemClock()).now().date().isoformat()
    try:
        result = inbox.import_stack(db, actor, files, batch_id)
    except InputProblem as exc:  # the file itself: not a scan, encrypted, damaged, a mixed set
        moved = _move(watch.folder, key, files, watch.folder / PROBLEMS, exc.message("zh") + "\n" + exc.message("en"))
        return WatchEvent(Outcome.PROBLEM, names, exc.message("zh"), exc.message("en"), moved_to=moved)
    except UserError as exc:  # the batch moved on, no right, the database away: not the file's fault
        return WatchEvent(Outcome.STAYED, names, exc.message("zh"), exc.message("en"))
    if result.already:
        moved = _move(watch.folder, key, files, watch.folder / DONE / day)
        return WatchEvent(
            Outcome.ALREADY,
            names,
            "这叠扫描件已导入过，未重复挂接。",
            "This stack was imported before; nothing attached again.",
            result,
            moved,
        )
    if result.pending:
        reasons = "\n".join(
            f"{p.reason.zh} / {p.reason.en}: {','.join(map(str, p.pages)) or '-'} {p.detail}" for p in result.pending
        )
        moved = _move(watch.folder, key, files, watch.folder / PROBLEMS, reasons)
        return WatchEvent(
            Outcome.PROBLEM,
            names,
            f"挂接 {len(result.linked)} 件；{len(result.pending)} 项待处理，文件移入“{PROBLEMS}”。",
            f"{len(result.linked)} records linked; {len(result.pending)} pending, the file moved to '{PROBLEMS}'.",
            result,
            moved,
        )
    moved = _move(watch.folder, key, files, watch.folder / DONE / day)
    return WatchEvent(
        Outcome.IMPORTED,
        names,
        f"共 {result.pages} 页，挂接 {len(result.linked)} 件。",
        f"{result.pages} pages, {len(result.linked)} records linked.",
        result,
        moved,
    )


def _free(target: Path) -> Path:
    """``target``, or ``name (2).pdf`` … when a file of that name is there already: nothing is overwritten."""
    if not target.exists():
        return target
    n = 2
    while (candidate := target.with_name(f"{target.stem} ({n}){target.suffix}")).exists():
        n += 1
    return candidate


def _move(folder: Path, key: str, files: list[Path], into: Path, reason: str = "") -> Path:
    """Move a stack out of the inbox (renamed, never copied and deleted), with its reason beside it."""
    into.mkdir(parents=True, exist_ok=True)
    if key != _LOOSE and files[0].parent != folder:  # a sub-folder: move it whole
        moved = _free(into / files[0].parent.name)
        os.replace(files[0].parent, moved)
    else:
        moved = into
        for path in files:
            os.replace(path, target := _free(into / path.name))
            if len(files) == 1:
                moved = target
    if reason:
        note = (
            moved.with_name(moved.name + REASON_SUFFIX) if moved != into else into / f"{files[0].stem}{REASON_SUFFIX}"
        )
        _free(note).write_text(reason + "\n", encoding="utf-8")
    return moved
