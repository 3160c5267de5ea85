"""The four-properties check (四性检测, DA/T 70) over one record, a digitisation batch, or the whole archive.

It lives with digitisation, not with maintenance, because it is the electronic side of issue 17's dual track:
it reads the digitisation tables (a record's linked scan, the batch whose hand-over it checks), and the inbox
runs it on each record it links. ``estate-desk verify --four-properties`` reaches it from above (the
maintenance layer stands over digitise), so the scheduled verify covers the whole archive too.

The rules are ``domain/digitise/four_properties.py``; this module gathers the facts they judge: the register's
metadata and the 档号 its fields make under the office's pattern, every number of the series the checked
records belong to (and the counter's last number), how many audit rows name each record or its files, and
each file as ``file_probe.py`` finds it — read through the attachments' own door within the reader's
clearance, hashed, its format told by its content, every page rendered, and scanned for viruses
(``virus_scan.py``: ClamAV when installed, else *not checked*). A paper-only record (no file yet) has no
electronic side to check: only its metadata and its place in the series are. Records above the reader's clearance are
not checked and the report says how many. Nothing is stored: the report is the record of the check.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select

from estate_desk.domain.archive.numbers import NumberingKey, format_archive_number
from estate_desk.domain.clock import SystemClock
from estate_desk.domain.digitise.file_properties import LONG_TERM_FORMATS, FileFacts, check_file
from estate_desk.domain.digitise.four_properties import (
    Inspection,
    ItemResult,
    RecordFacts,
    Series,
    check_audit_trail,
    check_metadata,
    check_pages,
    check_required,
    check_series,
    in_report_order,
)
from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.errors import InputProblem, NotFound, UserError
from estate_desk.services.archive.numbering import code_forms_in, number_pattern
from estate_desk.services.digitise.batches import load, require_keeper
from estate_desk.services.digitise.file_probe import probe
from estate_desk.services.digitise.virus_scan import default_scanner
from estate_desk.services.secrecy import clearance
from estate_desk.store.accounts import Office, Setting
from estate_desk.store.archive import ArchiveCounter, Attachment, Category, Document
from estate_desk.store.audit import AuditEvent
from estate_desk.store.digitise import DigitiseRecord, DigitiseScan

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sqlalchemy.orm import Session

    from estate_desk.services.actor import Actor
    from estate_desk.services.digitise.render_memo import Memo
    from estate_desk.services.digitise.virus_scan import Scanner
    from estate_desk.store.database import Database

FORMATS_SETTING = "four_properties.formats"  # the office's list of long-term formats, comma-separated
CHUNK = 500  # ids per query: below every database's limit on bound parameters


def long_term_formats(db: Database) -> frozenset[str]:
    """The office's list of formats for long-term keeping (setting ``four_properties.formats``), else the default."""
    with db.session() as s:
        raw = s.scalar(select(Setting.value).where(Setting.key == FORMATS_SETTING))
    listed = frozenset(part.strip().upper() for part in (raw or "").split(",") if part.strip())
    return listed or LONG_TERM_FORMATS


def find_record(db: Database, actor: Actor, text: str) -> int:
    """A record's id from its 档号 as typed or scanned, or its id; NotFound beyond the reader's clearance."""
    wanted = text.strip()
    with db.session() as s:
        forms = [wanted, *code_forms_in(s, wanted)]
        found = s.scalar(select(Document.id).where(Document.archive_no.in_(forms), clearance.documents_visible(actor)))
        if found is None and wanted.isdigit():
            found = s.scalar(select(Document.id).where(Document.id == int(wanted), clearance.documents_visible(actor)))
    if found is None:
        raise NotFound(zh=f"没有这件档案：{wanted}", en=f"No such record: {wanted}")
    return found


def inspect_record(db: Database, actor: Actor, document_id: int, *, scanner: Scanner | None = None) -> Inspection:
    """Check one record. The continuity of its series is a property of the set, checked over a batch or the archive."""
    with db.session() as s:
        archive_no = s.scalar(select(Document.archive_no).where(Document.id == document_id)) or str(document_id)
    scope = (f"档案 {archive_no}", f"record {archive_no}")
    return inspect(db, actor, [document_id], scope, scanner=scanner, series=False)


def inspect_batch(
    db: Database,
    actor: Actor,
    batch_id: int,
    *,
    scanner: Scanner | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> Inspection:
    """Check every record of a digitisation batch, at its hand-over (移交)."""
    with db.session() as s:
        code = load(s, batch_id).code
        ids = list(
            s.scalars(
                select(DigitiseRecord.document_id)
                .where(DigitiseRecord.batch_id == batch_id)
                .order_by(DigitiseRecord.position)
            )
        )
    return inspect(
        db, actor, ids, (f"数字化批次 {code}", f"digitisation batch {code}"), scanner=scanner, progress=progress
    )


def inspect_archive(
    db: Database,
    actor: Actor,
    *,
    scanner: Scanner | None = None,
    progress: Callable[[int, int], bool] | None = None,
    memo: Memo | None = None,
) -> Inspection:
    """Check every record of the archive that is not destroyed, in archive-number order (``memo``: see
    ``render_memo.py``)."""
    with db.session() as s:
        ids = list(s.scalars(select(Document.id).where(Document.destroyed_in.is_(None)).order_by(Document.archive_no)))
    return inspect(db, actor, ids, ("全部档案", "the whole archive"), scanner=scanner, progress=progress, memo=memo)


def inspect(
    db: Database,
    actor: Actor,
    document_ids: Sequence[int],
    scope: tuple[str, str],
    *,
    scanner: Scanner | None = None,
    progress: Callable[[int, int], bool] | None = None,
    series: bool = True,
    memo: Memo | None = None,
) -> Inspection:
    """Check the given records: each record's items, each of its files', and (``series``) the series they belong to.
    ``progress(done, total)`` is told after each record; returning False stops there (the report says so)."""
    require_keeper(actor, "做四性检测", "run the four-properties check")
    clock = actor.clock or SystemClock()
    scan = scanner or default_scanner()
    formats = long_term_formats(db)
    ids = list(dict.fromkeys(document_ids))
    with db.session() as s:
        facts, hidden = _record_facts(s, actor, ids)
        numbered = _series_of(s, facts) if series else []
        files = _files_of(s, list(facts))
        trail = _audit_rows(s, [i for i in facts if i in files])  # judged only for records with files
    results: list[ItemResult] = [check_series(one) for one in numbered]
    notes: list[tuple[str, str]] = []
    if hidden:
        notes.append(
            (
                f"{hidden} 件档案超出检测人的密级权限，未检测。",
                f"{hidden} record(s) above the checker's clearance were not checked.",
            )
        )
    done = 0
    for done, (doc_id, record) in enumerate(facts.items(), start=1):
        results += _check_one(db, actor, record, files.get(doc_id, []), trail.get(doc_id, 0), scan, formats, memo)
        if progress is not None and not progress(done, len(facts)) and done < len(facts):
            notes.append(
                (
                    f"检测已取消：只检测了 {len(facts)} 件中的 {done} 件。",
                    f"The check was cancelled after {done} of {len(facts)} records.",
                )
            )
            break
    return Inspection(scope[0], scope[1], clock.now(), done, in_report_order(results), tuple(notes))


def _check_one(
    db: Database,
    actor: Actor,
    record: RecordFacts,
    files: list[tuple[int, str, str, str]],
    trail: int,
    scan: Scanner,
    formats: frozenset[str],
    memo: Memo | None = None,
) -> list[ItemResult]:
    results = [check_metadata(record), check_required(record)]
    if not files:  # a paper-only record: no electronic record whose files, pages and trail could be checked
        return results
    scanned: int | None = None
    has_scan = False
    file_results: list[ItemResult] = []
    for attachment_id, sha, name, kind in files:
        found: FileFacts = probe(
            db,
            actor,
            attachment_id=attachment_id,
            document_id=record.document_id,
            where=f"{record.archive_no}「{name}」",
            recorded_sha256=sha,
            scanner=scan,
            memo=memo,
        )
        file_results += check_file(found, formats)
        rendering = found.rendering
        if kind == "scan":  # the latest scan counts (files come in the order they were added)
            has_scan = True
            opened = rendering is not None and not rendering.problem_en
            scanned = rendering.pages if opened and rendering is not None else None
    results.append(check_pages(record, scanned, has_scan=has_scan))
    results += file_results
    results.append(check_audit_trail(record, trail))
    return results


def _record_facts(s: Session, actor: Actor, ids: list[int]) -> tuple[dict[int, RecordFacts], int]:
    office = s.scalar(select(Office))
    if office is None:
        raise InputProblem(zh="档案库尚未设置。", en="The archive has not been set up yet.")
    pattern = number_pattern(s)
    found: dict[int, RecordFacts] = {}
    seen = 0
    for start in range(0, len(ids), CHUNK):
        part = ids[start : start + CHUNK]
        rows = s.execute(  # the columns, not the mapped rows: 126,000 ORM objects cost seconds on schedule
            select(*FACT_COLUMNS, Category.code)
            .join(Category, Document.category_id == Category.id)
            .where(Document.id.in_(part), Document.destroyed_in.is_(None))
        ).all()
        seen += len(rows)
        for document in rows:
            if clearance.may_see(actor, document.secrecy):
                found[document.id] = _facts(document, document.code, office.fonds_code, pattern)
    ordered = {i: found[i] for i in ids if i in found}
    return ordered, seen - len(ordered)


FACT_COLUMNS = (
    Document.id,
    Document.archive_no,
    Document.title,
    Document.year,
    Document.item_no,
    Document.pages,
    Document.secrecy,
    Document.retention,
    Document.doc_date,
    Document.responsible,
    Document.created_at,
)


def _facts(d: Any, category: str, fonds: str, pattern: str) -> RecordFacts:  # d: a row of FACT_COLUMNS
    try:
        retention: Retention | None = Retention.parse(d.retention)
    except UserError:
        retention = None
    expected: str | None = None
    if retention is not None:
        try:
            expected = format_archive_number(NumberingKey(fonds, category, d.year, retention), d.item_no, pattern)
        except (ValueError, UserError):
            expected = None
    return RecordFacts(
        d.id,
        d.archive_no,
        expected,
        d.title,
        d.year,
        d.item_no,
        d.pages,
        d.secrecy,
        retention is not None,
        d.doc_date,
        d.responsible,
        d.created_at,
    )


def _series_of(s: Session, facts: dict[int, RecordFacts]) -> list[Series]:
    """The numbering series the checked records belong to, each with every number registered in it."""
    office = s.scalar(select(Office))
    fonds = office.fonds_code if office is not None else ""
    wanted = set(facts)
    keys: set[tuple[int, int, str]] = set()
    numbers: dict[tuple[int, int, str], list[int]] = defaultdict(list)
    for document_id, category_id, year, retention, item in s.execute(  # one pass over the register
        select(Document.id, Document.category_id, Document.year, Document.retention, Document.item_no)
    ):
        numbers[(category_id, year, retention)].append(item)
        if document_id in wanted:
            keys.add((category_id, year, retention))
    codes = dict(s.execute(select(Category.id, Category.code)).all())
    counters = dict(s.execute(select(ArchiveCounter.series, ArchiveCounter.last_item)).all())
    found = []
    for key in sorted(keys, key=lambda k: (codes.get(k[0], ""), k[1], k[2])):
        category_id, year, retention = key
        try:
            code = Retention.parse(retention).code
        except UserError:
            code = retention
        label = f"{fonds}-{codes.get(category_id, '?')}·{year}-{code}"
        last = counters.get(f"{fonds}|{codes.get(category_id, '')}|{year}|{code}", 0)
        found.append(Series(label, tuple(sorted(numbers[key])), last))
    return found


def _audit_rows(s: Session, ids: list[int]) -> dict[int, int]:
    """How many audit rows name each record, one of its files, or the digitisation that linked its scan."""
    counts: dict[int, int] = defaultdict(int)
    for start in range(0, len(ids), CHUNK):
        part = ids[start : start + CHUNK]
        attachment_of = dict(
            s.execute(select(Attachment.id, Attachment.document_id).where(Attachment.document_id.in_(part))).all()
        )
        events = s.execute(
            select(AuditEvent.target_kind, AuditEvent.target_id, func.count())
            .where(
                or_(
                    (AuditEvent.target_kind == "document") & AuditEvent.target_id.in_(part),
                    (AuditEvent.target_kind == "attachment") & AuditEvent.target_id.in_(list(attachment_of) or [-1]),
                )
            )
            .group_by(AuditEvent.target_kind, AuditEvent.target_id)
        )
        for kind, target, n in events:
            doc = target if kind == "document" else attachment_of.get(target or 0)
            if doc is not None:
                counts[doc] += n
        linked = s.execute(  # a scan the inbox linked: its import is audited on the batch
            select(DigitiseScan.document_id, func.count())
            .where(DigitiseScan.document_id.in_(part))
            .group_by(DigitiseScan.document_id)
        )
        for doc, n in linked:
            counts[doc] += n
    return counts


def _files_of(s: Session, ids: list[int]) -> dict[int, list[tuple[int, str, str, str]]]:
    files: dict[int, list[tuple[int, str, str, str]]] = defaultdict(list)
    for start in range(0, len(ids), CHUNK):
        for row in s.execute(
            select(Attachment.document_id, Attachment.id, Attachment.sha256, Attachment.original_name, Attachment.kind)
            .where(Attachment.document_id.in_(ids[start : start + CHUNK]))
            .order_by(Attachment.added_at, Attachment.id)
        ):
            files[row[0]].append((row[1], row[2], row[3], row[4]))
    return files
