"""Checking the archive (完整性检查, A5): is everything still what it was when it was recorded?

:func:`check_archive` runs five checks and names every problem with the record and the file:

1. the database's own check — SQLite's ``PRAGMA integrity_check`` and ``foreign_key_check``; on
   PostgreSQL every table is read to the end — and, on both, every reference points at a row;
2. fixity: every attachment file (and every ticket photo, signature and daily report kept in the
   store) is there and its SHA-256 is still the one recorded;
3. encrypted attachments authenticate (every chunk's AES-GCM tag) with the archive's key, when
   the check runs in a session that unlocked it; otherwise they are counted as not checked;
4. the audit trail's hash chain holds (``services/audit.verify``);
5. the maintained counts (``archive_counts``: the work lists and category totals shown at start)
   equal ``COUNT(*)`` over the documents (``services/maintenance/count_check.py``), each difference
   named with its cure, ``estate-desk verify --rebuild-counts``.

The outcome is kept in the settings (:data:`LAST_SETTING`) so the today page shows when the
archive was last checked and what was wrong; :func:`check_due` decides, from the clock alone,
when the scheduled check runs again. The scheduled check (``archive_check.py``) also runs the
four-properties check over the whole archive; its outcome is kept in the same setting
(``four_properties_last.py``), and a check without it keeps the previous one.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, select, text

from estate_desk.domain.errors import UserError
from estate_desk.services import audit
from estate_desk.services.archive import attachments
from estate_desk.services.maintenance import count_check
from estate_desk.services.maintenance.four_properties_last import FourPropertiesLast
from estate_desk.store.accounts import Setting
from estate_desk.store.archive import Attachment, Document
from estate_desk.store.base import Base
from estate_desk.store.desk import DeskDay, Ticket
from estate_desk.store.desk_records import TicketCompletion, TicketPhoto

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy import Connection

    from estate_desk.domain.clock import Clock
    from estate_desk.services.secrecy.keyring import Keyring
    from estate_desk.store.blobs import BlobStore
    from estate_desk.store.database import Database

log = logging.getLogger(__name__)

LAST_SETTING = "integrity.last"
EVERY_SETTING = "integrity.every_days"
DEFAULT_EVERY = timedelta(days=7)


@dataclass(frozen=True)
class Finding:
    """One thing wrong: which check found it, where (a record and/or a file) and what."""

    check: str  # "database" | "fixity" | "sealed" | "audit" | "counts"
    where: str
    zh: str
    en: str

    def message(self, lang: str = "zh") -> str:
        return f"{self.where}: {self.zh if lang.startswith('zh') else self.en}"


@dataclass
class IntegrityReport:
    checked_at: datetime
    tables: int = 0
    files: int = 0
    sealed_checked: int = 0
    sealed_unchecked: int = 0
    audit_rows: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings

    def summary(self, lang: str = "zh") -> str:
        if lang.startswith("zh"):
            head = (
                f"已检查 {self.tables} 张数据表、{self.files} 个附件文件（其中加密 {self.sealed_checked} 个已验证"
                + (f"，{self.sealed_unchecked} 个因未解锁密钥未验证" if self.sealed_unchecked else "")
                + f"）、{self.audit_rows} 条审计记录："
            )
            return head + ("全部完好。" if self.ok else f"发现 {len(self.findings)} 个问题。")
        head = (
            f"Checked {self.tables} tables, {self.files} attachment files ({self.sealed_checked} encrypted ones "
            "authenticated"
            + (f", {self.sealed_unchecked} not, as this session holds no key" if self.sealed_unchecked else "")
            + f") and {self.audit_rows} audit rows: "
        )
        return head + ("all intact." if self.ok else f"{len(self.findings)} problem(s) found.")

    def lines(self, lang: str = "zh") -> list[str]:
        return [self.summary(lang)] + [f.message(lang) for f in self.findings]


# --------------------------------------------------------------------------- the database


def _database_findings(conn: Connection) -> tuple[int, list[Finding]]:
    found: list[Finding] = []
    tables = Base.metadata.sorted_tables
    if conn.dialect.name == "sqlite":
        for (line,) in conn.exec_driver_sql("PRAGMA integrity_check").all():
            if line != "ok":
                found.append(
                    Finding("database", "SQLite", f"数据库文件损坏：{line}", f"the database file is damaged: {line}")
                )
        for row in conn.exec_driver_sql("PRAGMA foreign_key_check").all():
            found.append(
                Finding(
                    "database",
                    f"{row[0]} #{row[1]}",
                    f"引用了不存在的 {row[2]} 记录",
                    f"refers to a {row[2]} row that does not exist",
                )
            )
    else:
        for table in tables:  # every row of every table read to the end: damaged pages would raise
            try:
                with conn.begin_nested():  # a failure must not end the check of the other tables
                    rows = select(func.count(), func.max(text("length(t::text)"))).select_from(table.alias("t"))
                    conn.execute(rows)
            except Exception as exc:
                found.append(Finding("database", table.name, f"无法读取：{exc}", f"unreadable: {exc}"))
    if conn.dialect.name != "sqlite":
        found.extend(_dangling_references(conn))
    return len(tables), found


def _dangling_references(conn: Connection) -> list[Finding]:
    """Rows whose foreign key names no row (PostgreSQL enforces this; a check that it still holds)."""
    found: list[Finding] = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_key_constraints:
            child_cols = list(fk.columns)
            parent = fk.referred_table.alias("p")
            pairs = [(c, parent.c[e.column.name]) for c, e in zip(child_cols, fk.elements, strict=True)]
            query = (
                select(*table.primary_key.columns)
                .select_from(table.outerjoin(parent, and_(*(c == p for c, p in pairs))))
                .where(and_(*(c.is_not(None) for c, _ in pairs)), pairs[0][1].is_(None))
                .limit(20)
            )
            for row in conn.execute(query):
                found.append(
                    Finding(
                        "database",
                        f"{table.name} #{row[0]}",
                        f"引用了不存在的 {fk.referred_table.name} 记录",
                        f"refers to a {fk.referred_table.name} row that does not exist",
                    )
                )
    return found


# --------------------------------------------------------------------------- the files


@dataclass(frozen=True)
class _Kept:
    sha256: str
    sealed: bool
    where: str  # the record, as a reader finds it


def _kept_files(conn: Connection) -> list[_Kept]:
    kept = [
        _Kept(sha, bool(enc), f"{archive_no}「{name}」(attachment #{aid})")
        for aid, sha, enc, name, archive_no in conn.execute(
            select(
                Attachment.id, Attachment.sha256, Attachment.encrypted, Attachment.original_name, Document.archive_no
            )
            .join(Document, Attachment.document_id == Document.id)
            .order_by(Attachment.id)
        )
    ]
    kept += [
        _Kept(sha, False, f"{no}「{name}」(ticket photo #{pid})")
        for pid, sha, name, no in conn.execute(
            select(TicketPhoto.id, TicketPhoto.sha256, TicketPhoto.original_name, Ticket.number)
            .join(Ticket, TicketPhoto.ticket_id == Ticket.id)
            .order_by(TicketPhoto.id)
        )
    ]
    kept += [
        _Kept(str(sha), False, f"{no} signature (completion #{cid})")
        for cid, sha, no in conn.execute(
            select(TicketCompletion.id, TicketCompletion.signature_sha256, Ticket.number)
            .join(Ticket, TicketCompletion.ticket_id == Ticket.id)
            .where(TicketCompletion.signature_sha256.is_not(None))
        )
    ]
    kept += [
        _Kept(str(sha), False, f"daily review {day} (report)")
        for day, sha in conn.execute(
            select(DeskDay.day, DeskDay.report_sha256).where(DeskDay.report_sha256.is_not(None))
        )
    ]
    return kept


def _file_findings(
    kept: list[_Kept],
    store: BlobStore,
    keyring: Keyring | None,
    report: IntegrityReport,
    progress: Callable[[int, int], None] | None,
) -> None:
    key = keyring.sealing_key() if keyring is not None else None
    seen: set[tuple[str, bool]] = set()
    for index, item in enumerate(kept, start=1):
        if progress is not None:
            progress(index, len(kept))
        if (item.sha256, item.sealed) in seen:
            continue
        seen.add((item.sha256, item.sealed))
        path = store.path_of(item.sha256, sealed=item.sealed)
        report.files += 1
        if not path.is_file():
            report.findings.append(
                Finding("fixity", f"{item.where} → {path}", "文件缺失", "the file is missing from the store")
            )
            continue
        if item.sealed and key is None:
            report.sealed_unchecked += 1
            continue
        if store.verify(item.sha256, seal=key if item.sealed else None):
            report.sealed_checked += int(item.sealed)
            continue
        if item.sealed:
            zh, en = (
                "加密文件未通过认证（已损坏或被篡改）",
                "the encrypted file fails its authentication (damaged or tampered)",
            )
        else:
            zh, en = "文件内容与记录的 SHA-256 不符（已损坏或被改动）", "the content no longer has its recorded SHA-256"
        report.findings.append(Finding("sealed" if item.sealed else "fixity", f"{item.where} → {path}", zh, en))


# --------------------------------------------------------------------------- the whole check


def check_archive(
    db: Database,
    clock: Clock,
    *,
    keyring: Keyring | None = None,
    store: BlobStore | None = None,
    progress: Callable[[int, int], None] | None = None,
    remember: bool = True,
) -> IntegrityReport:
    """Run every check (see the module docstring); keep the outcome for the today page when ``remember``."""
    report = IntegrityReport(clock.now())
    store = store or attachments.blob_store()
    with db.engine.connect() as conn:
        try:
            report.tables, found = _database_findings(conn)
        except Exception as exc:
            report.findings.append(Finding("database", db.masked_url, f"检查失败：{exc}", f"the check failed: {exc}"))
            found = []
        report.findings.extend(found)
        try:
            report.findings.extend(
                Finding("counts", count_check.WHERE, zh, en) for zh, en in count_check.differences(conn)
            )
        except Exception as exc:
            report.findings.append(
                Finding("counts", count_check.WHERE, f"无法核对计数表：{exc}", f"cannot check the counts: {exc}")
            )
        try:
            kept = _kept_files(conn)
        except Exception as exc:
            report.findings.append(
                Finding("fixity", db.masked_url, f"无法读取附件记录：{exc}", f"cannot list attachments: {exc}")
            )
            kept = []
    _file_findings(kept, store, keyring, report, progress)
    try:
        chain = audit.verify(db)
        report.audit_rows = chain.rows
        if not chain.ok:
            report.findings.append(Finding("audit", "audit_events", chain.message("zh"), chain.message("en")))
    except UserError as exc:
        report.findings.append(Finding("audit", "audit_events", exc.message("zh"), exc.message("en")))
    if remember:
        remember_result(db, report)
    log.info("integrity check: %s", report.summary("en"))
    return report


# --------------------------------------------------------------------------- the schedule


@dataclass(frozen=True)
class LastCheck:
    at: datetime
    ok: bool
    problems: int
    summary_zh: str
    summary_en: str
    first_zh: tuple[str, ...]
    first_en: tuple[str, ...]
    four_properties: FourPropertiesLast | None = None  # the last four-properties run of the scheduled check


def remember_result(db: Database, report: IntegrityReport, four_properties: FourPropertiesLast | None = None) -> None:
    """Keep the outcome for the today page; without ``four_properties`` the previous run's is kept as it was."""
    data: dict[str, Any] = {
        "at": report.checked_at.isoformat(),
        "ok": report.ok,
        "problems": len(report.findings),
        "summary_zh": report.summary("zh"),
        "summary_en": report.summary("en"),
        "first_zh": [f.message("zh") for f in report.findings[:5]],
        "first_en": [f.message("en") for f in report.findings[:5]],
    }
    with db.session() as s:
        row = s.get(Setting, LAST_SETTING)
        if four_properties is not None:
            data["four_properties"] = four_properties.as_dict()
        elif row is not None and row.value:
            kept = json.loads(row.value).get("four_properties")
            if kept:
                data["four_properties"] = kept
        value = json.dumps(data, ensure_ascii=False)
        if row is None:
            s.add(Setting(key=LAST_SETTING, value=value))
        else:
            row.value = value


def last_check(db: Database) -> LastCheck | None:
    with db.session() as s:
        raw = s.scalar(select(Setting.value).where(Setting.key == LAST_SETTING))
    if not raw:
        return None
    data: dict[str, Any] = json.loads(raw)
    four = data.get("four_properties")
    return LastCheck(
        datetime.fromisoformat(data["at"]),
        bool(data["ok"]),
        int(data["problems"]),
        str(data["summary_zh"]),
        str(data["summary_en"]),
        tuple(data.get("first_zh", ())),
        tuple(data.get("first_en", ())),
        FourPropertiesLast.from_dict(four) if four else None,
    )


def check_every(db: Database) -> timedelta:
    """How often the scheduled check runs (setting ``integrity.every_days``, default weekly)."""
    with db.session() as s:
        raw = s.scalar(select(Setting.value).where(Setting.key == EVERY_SETTING))
    try:
        return timedelta(days=max(1, int(raw))) if raw else DEFAULT_EVERY
    except ValueError:
        return DEFAULT_EVERY


def check_due(last: datetime | None, now: datetime, every: timedelta) -> bool:
    """Whether the scheduled check should run now: never run, or ``every`` has passed since."""
    return last is None or now - last >= every
