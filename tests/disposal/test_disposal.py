"""A16, A17: void marks, holds, the review list, a destruction batch from proposal to manifest, and no
other way to delete a record. Runs on SQLite and (in CI / with ESTATE_DESK_TEST_DATABASE_URL) PostgreSQL."""

from __future__ import annotations

import io
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pdfplumber
import pytest
from sqlalchemy import delete, func, select, text
from sqlalchemy.exc import DBAPIError

from database_support import make_actor
from estate_desk.domain.audit import AuditAction
from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.disposal.rules import BatchState, Decision, Due, HoldKind, Method
from estate_desk.domain.errors import InputProblem, PermissionDenied, RuleViolation, UserError
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.printing.destruction_manifest import COLUMNS
from estate_desk.services.archive import attachments, boxes, register, search, volumes
from estate_desk.services.archive import numbering as archive
from estate_desk.services.archive.record_state import require_current
from estate_desk.services.disposal import appraisal, destruction
from estate_desk.services.disposal import batches as destruction_batches
from estate_desk.services.disposal import marks as disposal
from estate_desk.services.printouts.kinds import Selection
from estate_desk.services.secrecy import sealing
from estate_desk.store.archive import ArchiveBox, Attachment, Document, Movement, Volume
from estate_desk.store.audit import AuditEvent
from estate_desk.store.disposal import DestructionBatch, DestructionFile, DestructionItem

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

WITNESSES = ("李监销", "王监销")


class Office:
    """The set-up archive with its people and records, for one walk through A16/A17."""

    def __init__(self, db: Database, clock: FakeClock, clerk: Actor, tmp: Path) -> None:
        self.db, self.clock, self.clerk, self.tmp = db, clock, clerk, tmp
        self.boss = make_actor(db, clock, "boss", "supervisor", int(Grade.TOP_SECRET))
        self.boss2 = make_actor(db, clock, "boss2", "supervisor", int(Grade.TOP_SECRET))
        self.box = boxes.create_box(db, clock, clerk, category_code="XZ", year=2015, retention=Retention.years(10))
        self.old = self.document("2015年值班记录", "XZ", 2015, pages=12)  # 10 years: ran out at the end of 2025
        self.sealed = self.document("1990年装修申请", "ZX", 1990, grade=Grade.SECRET, pages=3)  # 30 years, encrypted
        self.void = self.document("作废的通知", "XZ", 2024, pages=1)
        self.held = self.document("争议中的收费记录", "XZ", 2014, pages=4)
        self.young = self.document("2016年巡查记录", "XZ", 2016, pages=2)  # kept until 2026-12-31
        boxes.put_in_box(db, clock, clerk, self.box, document_id=self.old)
        self.plain_file = self.attach(self.old, "值班记录扫描.pdf", b"%PDF-1.4 duty log scan " * 50)
        self.sealed_file = self.attach(self.sealed, "装修图纸.pdf", b"%PDF-1.4 secret drawing " * 50)
        disposal.mark_void(db, clock, clerk, "document", self.void, reason="已被新通知替代", on=date(2025, 6, 1))
        self.hold = disposal.place_hold(db, clock, clerk, self.held, HoldKind.LAWSUIT, "业主诉讼，法院调取")

    def document(self, title: str, category: str, year: int, *, grade: Grade | None = None, pages: int = 1) -> int:
        return register.register(
            self.db, self.clock, self.clerk, archive.DocumentDraft(category, title, year, pages=pages, secrecy=grade)
        )

    def attach(self, document_id: int, name: str, data: bytes) -> Any:
        path = self.tmp / name
        path.write_bytes(data)
        return attachments.attach_file(self.db, self.clock, self.clerk, document_id, path)

    def counts(self) -> tuple[int, ...]:
        with self.db.session() as s:
            return tuple(
                int(s.scalar(select(func.count()).select_from(t)) or 0)
                for t in (DestructionBatch, DestructionItem, DestructionFile, Document, Attachment)
            )

    def items(self, batch_id: int) -> dict[int, int]:
        """document id → item id"""
        with self.db.session() as s:
            rows = s.execute(
                select(DestructionItem.document_id, DestructionItem.id).where(DestructionItem.batch_id == batch_id)
            )
            return {document_id: item for document_id, item in rows}

    def approve_all(self, batch_id: int, who: Actor | None = None) -> None:
        for item in self.items(batch_id).values():
            destruction_batches.decide(self.db, self.clock, who or self.boss, item, approve=True)


@pytest.fixture
def office(ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path) -> Office:
    return Office(ready_db, clock, clerk, tmp_path)


@contextmanager
def refused(kind: type[UserError], zh: str) -> Iterator[None]:
    """The block raises ``kind`` and its Chinese message says ``zh``."""
    with pytest.raises(kind) as raised:
        yield
    assert zh in raised.value.zh, raised.value.zh


def _pdf_text(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _pdf_header(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        table = pdf.pages[1].extract_tables()[0]
    return [(cell or "").replace("\n", "") for cell in table[0]]


# --------------------------------------------------------------------------- the walk


def test_a17_a_batch_walks_from_the_review_list_to_a_filed_manifest(
    office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, clock, clerk, boss = office.db, office.clock, office.clerk, office.boss
    due = {row.id: row for row in appraisal.review_list(db, clock, clerk)}
    assert set(due) == {office.old, office.sealed, office.void}  # the held and the young one are not due
    assert due[office.old].due is Due.EXPIRED and due[office.old].expires_on == date(2025, 12, 31)
    assert due[office.void].due is Due.VOID

    batch_id = destruction_batches.propose(
        db, clock, clerk, [(office.old, "保管期满，无保存价值"), (office.sealed, "保管期满"), (office.void, "作废逾期")]
    )
    assert {r.id: r.in_batch for r in appraisal.review_list(db, clock, clerk)}[office.old] is not None
    clock.advance(hours=2)
    office.approve_all(batch_id)
    row, items = destruction_batches.batch(db, boss, batch_id)
    assert (
        row.state is BatchState.APPROVED
        and row.approved_by == "boss"
        and {i.decision for i in items} == {Decision.APPROVED}
    )
    with db.session() as s:
        before = {d.id: (d.archive_no, d.item_no, d.title, d.year, d.pages) for d in s.scalars(select(Document))}
        plain_path = attachments.stored_path(office.plain_file.sha256)
        sealed_path = attachments.blob_store().path_of(office.sealed_file.sha256, sealed=True)
    assert plain_path.is_file() and sealed_path.is_file()

    clock.advance(days=1)
    manifest_id = destruction.carry_out(
        db, clock, clerk, batch_id, witnesses=WITNESSES, method="粉碎", place="档案室碎纸间"
    )

    # tombstones keep their catalogue data and their numbers; they left the box, and the box says so
    with db.session() as s:
        batch = s.get(DestructionBatch, batch_id)
        assert batch is not None and batch.state == BatchState.CARRIED_OUT.value
        for document_id in (office.old, office.sealed, office.void):
            d = s.get(Document, document_id)
            assert d is not None and d.destroyed_in == batch_id and d.box_id is None
            assert (d.archive_no, d.item_no, d.title, d.year, d.pages) == before[document_id]
        assert (
            s.scalar(
                select(func.count())
                .select_from(Attachment)
                .where(Attachment.document_id.in_([office.old, office.sealed]))
            )
            == 0
        )
        moved = s.scalar(select(Movement).where(Movement.document_id == office.old, Movement.to_place.like("已销毁%")))
        assert moved is not None and moved.from_place.startswith(s.get(ArchiveBox, office.box).code)  # type: ignore[union-attr]
        assert (
            s.scalar(select(func.count()).select_from(DestructionFile).where(DestructionFile.removed_at.is_(None))) == 0
        )
        held = s.get(Document, office.held)
        assert held is not None and held.destroyed_in is None
    detail = register.document_detail(db, clerk, office.old)
    assert detail.destroyed_in == batch.code and detail.box_id is None
    from estate_desk.services.printouts.box_notes import box_notes

    notes = box_notes(db, clock, clerk, Selection(box_ids=(office.box,)))[0]
    assert any(c.what == "移出" and before[office.old][0] == c.item for c in notes.changes)

    # the attachments are gone from disk, the encrypted one's key with it
    assert not plain_path.exists() and not sealed_path.exists()

    # the register book still lists every number, the destroyed ones marked
    from estate_desk.services.printouts import catalogue_data

    book = catalogue_data.register_book(db, clerk, Selection(category_code="XZ"))
    listed = {row.values[1]: row.values for row in book.rows}
    assert "已销毁" in str(listed[before[office.old][0]][-1])

    # the number is never given again
    again = office.document("2015年值班记录（补）", "XZ", 2015)
    with db.session() as s:
        new = s.get(Document, again)
        assert new is not None and new.item_no > before[office.old][1] and new.archive_no != before[office.old][0]

    # the manifest is filed for ever as an administrative record, with its PDF
    with db.session() as s:
        filed = s.get(Document, manifest_id)
        assert filed is not None and filed.retention == "permanent" and filed.category.code == "XZ"
        assert batch.code in filed.title and filed.secrecy == int(Grade.SECRET)
        pdf = s.scalar(select(Attachment).where(Attachment.document_id == manifest_id))
        assert pdf is not None and pdf.media_type == "application/pdf" and pdf.encrypted
    data = sealing.read_all(clerk, pdf.sha256, sealed=True, limit=50 * 1024 * 1024)
    pages = _pdf_text(data)
    cover = pages[0].replace(" ", "")
    approved_at = (office.clock.now() - timedelta(days=1)).astimezone(CHINA_TZ).strftime("%Y-%m-%d%H:%M")
    for expected in (
        "档案销毁清册", "全宗号Z001", f"销毁批次{batch.code}", "销毁数量3件", "鉴定人clerk", "批准人boss",
        f"批准时间{approved_at}", "监销人李监销、王监销", "销毁方式粉碎", "销毁地点档案室碎纸间", "销毁日期2026-11-24",
        "鉴定人签字", "批准人签字", "监销人签字（李监销）", "监销人签字（王监销）",
    ):  # fmt: skip
        assert expected in cover, expected
    assert _pdf_header(data) == [c.title for c in COLUMNS]
    assert [c.title for c in COLUMNS] == [
        "序号",
        "档号",
        "文件题名",
        "所属年度",
        "应保管期限",
        "已保管期限",
        "页数",
        "销毁原因",
        "备注",
    ]
    body = " ".join(pages[1:])
    assert before[office.old][0] in body and "11年" in body and "10年" in body and "作废逾期" in body
    assert "电子文件 1 个已删除" in body

    # and it can be reprinted from the command line
    from estate_desk.cli.__main__ import main

    out = tmp_path / "reprint.pdf"
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", "clerk-pass-1")
    code = main(
        [
            "--database",
            db.url.render_as_string(hide_password=False),
            "print",
            "manifest",
            batch.code,
            "-o",
            str(out),
            "--user",
            "clerk",
        ]
    )
    assert code == 0
    reprint = out.read_bytes()
    assert _pdf_header(reprint) == [c.title for c in COLUMNS] and "打印人" in _pdf_text(reprint)[-1]


def test_a17_the_review_list_follows_the_clock(office: Office) -> None:
    db, clock, clerk = office.db, office.clock, office.clerk
    assert office.young not in {r.id for r in appraisal.review_list(db, clock, clerk)}
    clock.set(datetime(2026, 12, 31, 23, 0, tzinfo=CHINA_TZ))
    assert office.young not in {r.id for r in appraisal.review_list(db, clock, clerk)}
    clock.set(datetime(2027, 1, 1, 0, 30, tzinfo=CHINA_TZ))  # 2016 + 10 years ran out at the end of 2026
    assert office.young in {r.id for r in appraisal.review_list(db, clock, clerk)}


def test_a17_a_lifted_hold_puts_the_record_back_on_the_review_list(office: Office) -> None:
    db, clock, clerk = office.db, office.clock, office.clerk
    assert [h.document_id for h in disposal.holds(db, clerk)] == [office.held]
    disposal.lift_hold(db, clock, clerk, office.hold, "诉讼已结案")
    assert office.held in {r.id for r in appraisal.review_list(db, clock, clerk)}


def test_a17_a_void_record_waits_for_the_grace_period_the_office_sets(office: Office) -> None:
    db, clock, clerk, boss = office.db, office.clock, office.clerk, office.boss
    disposal.set_grace_days(db, clock, boss, 730)  # void since 2025-06-01: due only from 2027-06-02
    assert office.void not in {r.id for r in appraisal.review_list(db, clock, clerk)}
    with refused(RuleViolation, "作废宽限期至 2027-06-01"):
        destruction_batches.propose(db, clock, clerk, [(office.void, "作废")])


# --------------------------------------------------------------------------- bad input: refused, nothing changed


def test_a17_proposing_a_held_record_is_refused_with_the_reason(office: Office) -> None:
    before = office.counts()
    with pytest.raises(RuleViolation) as raised:
        destruction_batches.propose(
            office.db, office.clock, office.clerk, [(office.old, "期满"), (office.held, "期满")]
        )
    assert "冻结" in raised.value.zh and raised.value.rule == "A17" and office.counts() == before
    with office.db.session() as s:
        assert (
            s.scalar(
                select(AuditEvent)
                .where(AuditEvent.action == AuditAction.REFUSE.value)
                .order_by(AuditEvent.seq.desc())
                .limit(1)
            ).reason
            == raised.value.zh
        )  # type: ignore[union-attr]


def test_a17_proposing_a_record_not_yet_expired_is_refused_with_its_date(office: Office) -> None:
    before = office.counts()
    with refused(RuleViolation, "2026-12-31"):
        destruction_batches.propose(office.db, office.clock, office.clerk, [(office.young, "期满")])
    with refused(RuleViolation, "永久"):
        permanent = office.document("竣工图", "GC", 1990)
        destruction_batches.propose(office.db, office.clock, office.clerk, [(permanent, "老旧")])
    with pytest.raises(InputProblem):
        destruction_batches.propose(office.db, office.clock, office.clerk, [(office.old, "  ")])
    assert office.counts()[:3] == before[:3]


def test_a17_nobody_approves_their_own_batch(office: Office) -> None:
    db, clock, boss = office.db, office.clock, office.boss
    batch_id = destruction_batches.propose(db, clock, boss, [(office.old, "期满")])
    item = office.items(batch_id)[office.old]
    with refused(RuleViolation, "不能审批自己提出"):
        destruction_batches.decide(db, clock, boss, item, approve=True)
    with pytest.raises(PermissionDenied):
        destruction_batches.decide(db, clock, office.clerk, item, approve=True)  # a clerk is no supervising leader
    with db.session() as s:
        assert s.get(DestructionItem, item).decision == Decision.PENDING.value  # type: ignore[union-attr]
    destruction_batches.decide(db, clock, office.boss2, item, approve=True)


def test_a17_an_unapproved_batch_or_too_few_witnesses_is_refused(office: Office) -> None:
    db, clock, clerk = office.db, office.clock, office.clerk
    batch_id = destruction_batches.propose(db, clock, clerk, [(office.old, "期满"), (office.sealed, "期满")])
    items = office.items(batch_id)
    destruction_batches.decide(db, clock, office.boss, items[office.old], approve=True)  # one item still pending
    before = office.counts()
    with refused(RuleViolation, "尚未经主管领导逐件审批"):
        destruction.carry_out(db, clock, clerk, batch_id, witnesses=WITNESSES, method=Method.SHRED, place="档案室")
    destruction_batches.decide(db, clock, office.boss, items[office.sealed], approve=True)
    with refused(RuleViolation, "至少 2 名监销人"):
        destruction.carry_out(
            db, clock, clerk, batch_id, witnesses=["李监销", " 李监销 ", ""], method="shred", place="档案室"
        )
    with pytest.raises(InputProblem):
        destruction.carry_out(db, clock, clerk, batch_id, witnesses=WITNESSES, method="扔掉", place="档案室")
    with pytest.raises(InputProblem):
        destruction.carry_out(db, clock, clerk, batch_id, witnesses=WITNESSES, method="pulp", place=" ")
    assert office.counts() == before
    assert attachments.stored_path(office.plain_file.sha256).is_file()
    with db.session() as s:
        assert s.scalars(select(Document.destroyed_in).where(Document.id.in_([office.old, office.sealed]))).all() == [
            None,
            None,
        ]


def test_a17_a_record_changed_after_it_was_proposed_needs_its_approval_renewed(office: Office) -> None:
    db, clock, clerk, boss = office.db, office.clock, office.clerk, office.boss
    batch_id = destruction_batches.propose(db, clock, clerk, [(office.old, "期满")])
    item = office.items(batch_id)[office.old]
    register.edit_document(db, clock, clerk, office.old, pages=13)
    with refused(RuleViolation, "须重新提出"):
        destruction_batches.decide(db, clock, boss, item, approve=True)
    assert destruction_batches.batch(db, boss, batch_id)[1][0].changed
    destruction_batches.renew(db, clock, clerk, item)
    destruction_batches.decide(db, clock, boss, item, approve=True)
    register.edit_document(db, clock, clerk, office.old, remarks="approval given, then changed")  # after approval
    before = office.counts()
    with refused(RuleViolation, "须重新提出"):
        destruction.carry_out(db, clock, clerk, batch_id, witnesses=WITNESSES, method="焚烧", place="锅炉房")
    assert office.counts() == before
    destruction_batches.renew(db, clock, clerk, item)
    assert destruction_batches.batch(db, boss, batch_id)[0].state is BatchState.PROPOSED  # approval must be given again
    destruction_batches.decide(db, clock, boss, item, approve=True)
    destruction.carry_out(db, clock, clerk, batch_id, witnesses=WITNESSES, method="焚烧", place="锅炉房")
    with refused(RuleViolation, "已销毁"):
        register.edit_document(db, clock, clerk, office.old, pages=1)


def test_a17_a_hold_placed_after_approval_stops_the_destruction(office: Office) -> None:
    db, clock, clerk = office.db, office.clock, office.clerk
    batch_id = destruction_batches.propose(db, clock, clerk, [(office.old, "期满")])
    office.approve_all(batch_id)
    disposal.place_hold(db, clock, office.boss, office.old, HoldKind.AUDIT, "年度审计")
    with refused(RuleViolation, "冻结"):
        destruction.carry_out(db, clock, clerk, batch_id, witnesses=WITNESSES, method="pulp", place="造纸厂")


def test_a17_files_left_by_a_crash_after_the_commit_are_swept(office: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    db, clock, clerk = office.db, office.clock, office.clerk
    batch_id = destruction_batches.propose(db, clock, clerk, [(office.old, "期满")])
    office.approve_all(batch_id)
    path = attachments.stored_path(office.plain_file.sha256)
    with monkeypatch.context() as m:
        m.setattr(destruction, "sweep_files", lambda db, clock: 1)  # the process died right after the commit
        destruction.carry_out(db, clock, clerk, batch_id, witnesses=WITNESSES, method="shred", place="档案室")
    assert path.is_file() and destruction_batches.batches(db, clerk)[0].files_left == 1
    assert destruction.sweep_files(db, clock) == 0
    assert not path.exists() and destruction_batches.batches(db, clerk)[0].files_left == 0


# --------------------------------------------------------------------------- no other way to delete a record


def test_a17_the_orm_refuses_to_delete_a_document_or_a_volume(office: Office) -> None:
    db, clock, clerk = office.db, office.clock, office.clerk
    volume = volumes.create_volume(db, clock, clerk, category_code="XZ", title="2015年值班", year=2015)
    for model, ident in ((Document, office.young), (Volume, volume)):
        with refused(RuleViolation, "不能删除"), db.session() as s:
            s.delete(s.get(model, ident))
        with refused(RuleViolation, "不能删除"), db.session() as s:
            s.execute(delete(model).where(model.id == ident))
        with db.session() as s:
            assert s.get(model, ident) is not None


def test_a17_the_database_refuses_a_plain_sql_delete(office: Office) -> None:
    db = office.db
    volumes.create_volume(db, office.clock, office.clerk, category_code="XZ", title="2015年值班", year=2015)
    for table in ("documents", "volumes"):
        with pytest.raises(DBAPIError, match="never deleted"), db.engine.begin() as conn:
            conn.execute(text(f"DELETE FROM {table}"))
    with db.session() as s:
        assert s.get(Document, office.young) is not None


def test_a17_no_service_and_no_command_deletes_a_record(office: Office, capsys: pytest.CaptureFixture[str]) -> None:
    import importlib
    import pkgutil

    import estate_desk.services as services_package
    from estate_desk.cli.__main__ import main

    for module in pkgutil.walk_packages(services_package.__path__, "estate_desk.services."):
        loaded = importlib.import_module(module.name)
        names = [n for n in dir(loaded) if getattr(getattr(loaded, n), "__module__", None) == loaded.__name__]
        verbs, things = ("delete", "remove", "purge", "drop", "erase"), ("document", "record", "volume", "archive")
        assert not [n for n in names if n.startswith(verbs) and any(t in n for t in things)], module.name
    with pytest.raises(SystemExit) as shown:
        main(["--help"])
    assert shown.value.code == 0 and "delete" not in capsys.readouterr().out.lower()
    with pytest.raises(SystemExit) as shown:
        main(["delete", "Z001-XZ-2015-D10-0001"])
    assert shown.value.code != 0


# --------------------------------------------------------------------------- void (A16)


def test_a16_void_is_marked_searched_on_request_and_lifted_only_by_a_supervisor(office: Office) -> None:
    db, clock, clerk, boss = office.db, office.clock, office.clerk, office.boss
    disposal.mark_void(db, clock, clerk, "document", office.young, reason="内容有误，已重新登记")
    detail = register.document_detail(db, clerk, office.young)
    assert detail.void and detail.void_reason == "内容有误，已重新登记" and detail.void_by == "clerk"
    assert detail.void_on == date(2026, 11, 23)
    assert office.young not in [h.id for h in search.search(db, clerk, "2016年巡查记录")]
    shown = [h for h in search.search(db, clerk, "2016年巡查记录", include_void=True) if h.id == office.young]
    assert shown and shown[0].void and shown[0].status == "作废"
    with db.session() as s:
        document = s.get(Document, office.young)
        assert document is not None
        with pytest.raises(RuleViolation) as raised:
            require_current(document)
    assert "作废" in raised.value.zh and raised.value.rule == "A16"
    with pytest.raises(PermissionDenied):
        disposal.lift_void(db, clock, clerk, "document", office.young, reason="误操作")
    disposal.lift_void(db, clock, boss, "document", office.young, reason="误操作")
    assert not register.document_detail(db, clerk, office.young).void
    with db.session() as s:
        events = s.scalars(
            select(AuditEvent.detail).where(AuditEvent.target_kind == "document", AuditEvent.target_id == office.young)
        ).all()
    assert any('"void":true' in e for e in events) and any('"void":false' in e for e in events)


def test_a16_a_volume_can_be_void_too(office: Office) -> None:
    db, clock, clerk, boss = office.db, office.clock, office.clerk, office.boss
    volume = volumes.create_volume(db, clock, clerk, category_code="XZ", title="作废案卷", year=2020)
    disposal.mark_void(db, clock, clerk, "volume", volume, reason="重复组卷")
    assert next(v for v in volumes.volumes(db, clerk) if v.id == volume).void
    with pytest.raises(InputProblem):
        disposal.mark_void(db, clock, clerk, "volume", volume, reason="again")
    disposal.lift_void(db, clock, boss, "volume", volume, reason="恢复")
    assert not next(v for v in volumes.volumes(db, clerk) if v.id == volume).void


def test_a16_a_void_document_prints_its_mark_on_the_catalogue(office: Office, tmp_path: Path) -> None:
    from estate_desk.services.printouts import registry as printouts

    db, clock, clerk = office.db, office.clock, office.clerk
    other = office.document("2015年交接班记录", "XZ", 2015)
    boxes.put_in_box(db, clock, clerk, office.box, document_id=other)
    disposal.mark_void(db, clock, clerk, "document", office.old, reason="重复登记")
    out = tmp_path / "catalogue.pdf"
    printouts.printout("catalogue").render(db, clock, clerk, Selection(box_ids=(office.box,)), out)
    with pdfplumber.open(out) as pdf:
        rows = [row for page in pdf.pages for table in page.extract_tables() for row in table]
    with db.session() as s:
        old_no, other_no = (s.get(Document, i).archive_no for i in (office.old, other))  # type: ignore[union-attr]
    marked = {row[1]: " ".join(c or "" for c in row) for row in rows if row[1] in (old_no, other_no)}
    assert "作废" in marked[old_no] and "作废" not in marked[other_no]


def test_a17_retention_periods_the_office_adds_and_category_defaults(office: Office) -> None:
    db, clock, boss, clerk = office.db, office.clock, office.boss, office.clerk
    assert [p.label() for p in disposal.periods(db)] == ["永久", "30年", "10年"]
    disposal.add_period(db, clock, boss, 15)
    assert [p.label() for p in disposal.periods(db)] == ["永久", "30年", "10年", "15年"]
    with pytest.raises(InputProblem):
        disposal.set_category_default(db, clock, boss, "WX", Retention.years(7))
    with pytest.raises(PermissionDenied):
        disposal.add_period(db, clock, clerk, 5)
    disposal.set_category_default(db, clock, boss, "WX", Retention.years(15))
    document = office.document("水泵维修单", "WX", 2010)
    with db.session() as s:
        assert s.get(Document, document).retention == "15y"  # type: ignore[union-attr]
    assert document in {r.id for r in appraisal.review_list(db, clock, clerk)}  # 2010 + 15: ran out at the end of 2025


def test_a16_the_command_line_search_marks_void_records_only_when_asked(
    office: Office, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from estate_desk.cli.__main__ import main

    monkeypatch.setenv("ESTATE_DESK_PASSWORD", "clerk-pass-1")
    url = office.db.url.render_as_string(hide_password=False)
    assert main(["--database", url, "search", "作废的通知", "--user", "clerk"]) == 0
    assert "Nothing found" in capsys.readouterr().out
    assert main(["--database", url, "search", "作废的通知", "--include-void", "--user", "clerk"]) == 0
    assert "【作废】作废的通知" in capsys.readouterr().out


def test_a17_the_office_sets_its_periods_and_grace_from_the_command_line(
    office: Office, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from estate_desk.cli.__main__ import main

    url = office.db.url.render_as_string(hide_password=False)
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", "boss-pass-1")
    assert main(["--database", url, "retention", "add-period", "15", "--user", "boss"]) == 0
    assert main(["--database", url, "retention", "set-default", "wx", "15y", "--user", "boss"]) == 0
    assert main(["--database", url, "retention", "set-grace", "90", "--user", "boss"]) == 0
    capsys.readouterr()
    assert main(["--database", url, "retention", "show", "--user", "boss"]) == 0
    shown = capsys.readouterr().out
    assert "15 years" in shown and "90 days" in shown  # the command line speaks the locale's language
    assert any(line.split("\t")[0].strip() == "WX" and "15 years" in line for line in shown.splitlines())
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", "clerk-pass-1")
    assert main(["--database", url, "retention", "set-grace", "10", "--user", "clerk"]) != 0  # a clerk may not
    with office.db.session() as s:
        assert disposal.grace_days(s) == 90
