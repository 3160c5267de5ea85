"""Issue 18: the counts are maintained, not counted. After every kind of change, through the real services
(and the ORM and bulk statements the hooks must also follow), every row of ``archive_counts`` equals
``COUNT(*)`` over the documents, and the work lists' and category tree's counts read from it equal the
lists themselves for every clearance. Runs on SQLite and (with ESTATE_DESK_TEST_DATABASE_URL) PostgreSQL."""

from __future__ import annotations

import contextlib
import itertools
from datetime import date
from typing import TYPE_CHECKING

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import create_engine, delete, func, insert, inspect, select, update

from database_support import make_actor
from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.disposal.rules import Method
from estate_desk.domain.errors import UserError
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.archive import attachments, boxes, browse, register, volumes, worklists
from estate_desk.services.archive import numbering as archive
from estate_desk.services.disposal import batches, destruction
from estate_desk.services.disposal import marks as disposal
from estate_desk.store import archive_counts, migrations
from estate_desk.store.archive import Attachment, Category, Document, Volume

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import URL

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

CATEGORIES = ("GC", "YZ", "XZ")
GRADES = (Grade.PUBLIC, Grade.INTERNAL, Grade.SECRET, Grade.TOP_SECRET)


def assert_counts_hold(db: Database, readers: list[Actor]) -> None:
    """The table equals COUNT(*); each reader's counts equal the lists and the old grouped count."""
    with db.session() as s:
        assert archive_counts.stored(s) == archive_counts.counted(s)
        for actor in readers:
            old = dict(
                s.execute(
                    select(Document.category_id, func.count())
                    .where(Document.secrecy <= int(actor.clearance))
                    .group_by(Document.category_id)
                ).all()
            )
            assert {c: n for c, n in archive_counts.category_totals(s, int(actor.clearance)).items()} == old
    for actor in readers:
        assert worklists.to_digitise_count(db, actor) == len(worklists.to_digitise(db, actor))
        assert worklists.paper_missing_count(db, actor) == len(worklists.paper_missing(db, actor))
        tree = {n.id: n.visible_documents for n in browse.categories(db, actor) if n.visible_documents}
        with db.session() as s:
            assert tree == archive_counts.category_totals(s, int(actor.clearance))


def test_the_counts_equal_count_star_after_every_kind_of_change(
    ready_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    db = ready_db
    clerk = make_actor(db, clock, "clerk", "archive_clerk")
    boss = make_actor(db, clock, "boss", "supervisor", int(Grade.TOP_SECRET))
    low = make_actor(db, clock, "low", "archive_clerk", int(Grade.INTERNAL))
    readers = [clerk, low]
    files = itertools.count()
    box_of: dict[str, int] = {}
    volume_of: dict[str, int] = {}

    def box(code: str) -> int:
        if code not in box_of:
            box_of[code] = boxes.create_box(
                db, clock, clerk, category_code=code, year=2015, retention=Retention.years(10)
            )
        return box_of[code]

    def volume(code: str) -> int:
        if code not in volume_of:
            volume_of[code] = volumes.create_volume(db, clock, clerk, category_code=code, title=f"{code} 卷", year=2015)
        return volume_of[code]

    class Changes(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.docs: list[int] = []

        def pick(self, data: st.DataObject) -> int:
            return data.draw(st.sampled_from(self.docs)) if self.docs else self.register_one("GC", Grade.INTERNAL, True)

        def register_one(self, code: str, grade: Grade, paper: bool) -> int:
            draft = archive.DocumentDraft(code, f"{code} 文件", 2015, secrecy=grade, has_paper=paper)
            doc = register.register(db, clock, clerk, draft)
            self.docs.append(doc)
            return doc

        @rule(code=st.sampled_from(CATEGORIES), grade=st.sampled_from(GRADES), paper=st.booleans())
        def register_document(self, code: str, grade: Grade, paper: bool) -> None:
            self.register_one(code, grade, paper)

        @rule(data=st.data())
        def attach_a_file(self, data: st.DataObject) -> None:
            path = tmp_path / f"scan-{next(files)}.pdf"
            path.write_bytes(f"%PDF-1.4 {path.name}".encode())
            with contextlib.suppress(UserError):  # a destroyed record takes no file
                attachments.attach_file(db, clock, clerk, self.pick(data), path)

        @rule(data=st.data(), bulk=st.booleans())
        def detach_a_file(self, data: st.DataObject, bulk: bool) -> None:
            doc = self.pick(data)
            with db.session() as s:
                if bulk:
                    s.execute(delete(Attachment).where(Attachment.document_id == doc))
                else:
                    for attachment in s.scalars(select(Attachment).where(Attachment.document_id == doc).limit(1)):
                        s.delete(attachment)

        @rule(data=st.data(), void=st.booleans())
        def void_or_lift(self, data: st.DataObject, void: bool) -> None:
            doc = self.pick(data)
            try:
                if void:
                    disposal.mark_void(db, clock, clerk, "document", doc, reason="已替代", on=date(2020, 1, 1))
                else:
                    disposal.lift_void(db, clock, clerk, "document", doc, reason="误标")
            except UserError:
                pass  # already void, not void, destroyed

        @rule(data=st.data())
        def destroy(self, data: st.DataObject) -> None:
            doc = self.pick(data)
            with contextlib.suppress(UserError):
                disposal.mark_void(db, clock, clerk, "document", doc, reason="待销毁", on=date(2020, 1, 1))
            try:
                batch = batches.propose(db, clock, clerk, [(doc, "作废逾期")])
            except UserError:
                return  # destroyed already, or in an open batch
            clock.advance(hours=2)
            with db.session() as s:
                from estate_desk.store.disposal import DestructionItem

                items = list(s.scalars(select(DestructionItem.id).where(DestructionItem.batch_id == batch)))
            for item in items:
                batches.decide(db, clock, boss, item, approve=True)
            clock.advance(days=1)
            destruction.carry_out(
                db, clock, clerk, batch, witnesses=("李监销", "王监销"), method=Method.SHRED, place="档案室"
            )

        @rule(data=st.data())
        def box_the_paper(self, data: st.DataObject) -> None:
            doc = self.pick(data)
            with db.session() as s:
                code = s.scalar(select(Category.code).join(Document).where(Document.id == doc))
            with contextlib.suppress(UserError):  # bound into a volume boxed elsewhere
                boxes.put_in_box(db, clock, clerk, box(str(code)), document_id=doc)

        @rule(data=st.data())
        def take_the_paper_out(self, data: st.DataObject) -> None:
            with db.session() as s:
                document = s.get(Document, self.pick(data))
                assert document is not None
                document.box_id = None

        @rule(data=st.data())
        def file_into_a_volume(self, data: st.DataObject) -> None:
            doc = self.pick(data)
            with db.session() as s:
                code = s.scalar(select(Category.code).join(Document).where(Document.id == doc))
            with contextlib.suppress(UserError):
                volumes.file_into_volume(db, clock, clerk, doc, volume(str(code)))

        @rule(code=st.sampled_from(CATEGORIES), into_box=st.booleans())
        def move_a_volume(self, code: str, into_box: bool) -> None:
            if into_box:
                boxes.put_in_box(db, clock, clerk, box(code), volume_id=volume(code))
                return
            with db.session() as s:  # out of its box; its documents keep their own box, or none
                found = s.get(Volume, volume(code))
                assert found is not None
                found.box_id = None

        @rule(data=st.data(), grade=st.sampled_from(GRADES))
        def change_the_grade(self, data: st.DataObject, grade: Grade) -> None:
            with contextlib.suppress(UserError):  # destroyed
                register.edit_document(db, clock, clerk, self.pick(data), secrecy=grade)

        @rule(data=st.data(), paper=st.booleans())
        def change_the_paper(self, data: st.DataObject, paper: bool) -> None:
            with contextlib.suppress(UserError):
                register.edit_document(db, clock, clerk, self.pick(data), has_paper=paper)

        @rule(data=st.data(), code=st.sampled_from(CATEGORIES), bulk=st.booleans())
        def change_the_category(self, data: st.DataObject, code: str, bulk: bool) -> None:
            """No service changes a category (A7); an ORM change and a bulk statement must still be followed."""
            doc = self.pick(data)
            with db.session() as s:
                category = s.scalar(select(Category.id).where(Category.code == code))
                if bulk:
                    s.execute(update(Document).where(Document.id == doc).values(category_id=category, secrecy=1))
                else:
                    document = s.get(Document, doc)
                    assert document is not None
                    document.category_id = int(category or 0)

        @rule(data=st.data())
        def bulk_insert_an_attachment(self, data: st.DataObject) -> None:
            doc = self.pick(data)
            with db.session() as s:
                s.execute(
                    insert(Attachment),
                    [
                        {
                            "document_id": doc,
                            "sha256": f"{next(files):064x}",
                            "size": 1,
                            "original_name": "x.pdf",
                            "added_at": clock.now(),
                        }
                    ],
                )

        @invariant()
        def counts_hold(self) -> None:
            assert_counts_hold(db, readers)

    run_state_machine_as_test(
        Changes,
        settings=settings(
            max_examples=15,
            stateful_step_count=15,
            deadline=None,
            derandomize=True,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        ),
    )


def test_the_migration_and_a_rebuild_fill_the_counts_of_the_demo(demo_db: Database, demo_clerk: Actor) -> None:
    with demo_db.session() as s:
        kept = archive_counts.stored(s)
        assert kept and kept == archive_counts.counted(s)
        archive_counts.rebuild_counts(s)
        assert archive_counts.stored(s) == kept
    assert_counts_hold(demo_db, [demo_clerk])


def test_a_volume_leaving_its_box_moves_the_paper_of_documents_boxed_only_through_it(
    ready_db: Database, clock: FakeClock
) -> None:
    clerk = make_actor(ready_db, clock, "clerk", "archive_clerk")
    doc = register.register(ready_db, clock, clerk, archive.DocumentDraft("GC", "竣工图", 2015))
    bound = volumes.create_volume(ready_db, clock, clerk, category_code="GC", title="竣工资料", year=2015)
    volumes.file_into_volume(ready_db, clock, clerk, doc, bound)
    boxes.put_in_box(
        ready_db, clock, clerk, boxes.create_box(ready_db, clock, clerk, category_code="GC", year=2015), volume_id=bound
    )
    with ready_db.session() as s:
        document = s.get(Document, doc)
        assert document is not None
        document.box_id = None  # in the box only through its volume
    assert worklists.paper_missing_count(ready_db, clerk) == 0
    with ready_db.session() as s:
        volume = s.get(Volume, bound)
        assert volume is not None
        volume.box_id = None
    assert worklists.paper_missing_count(ready_db, clerk) == 1
    with ready_db.session() as s:
        s.execute(update(Volume).where(Volume.id == bound).values(box_id=s.scalar(select(func.min(Volume.box_id)))))
    assert_counts_hold(ready_db, [clerk])


def test_migration_0014_fills_the_counts_of_an_existing_archive(demo_url: URL) -> None:
    engine = create_engine(demo_url)
    migrations.downgrade_engine(engine, "0013_archive_sort_indexes")
    with engine.connect() as conn:
        assert "archive_counts" not in inspect(conn).get_table_names()
    migrations.upgrade_engine(engine)
    with engine.connect() as conn:
        kept = archive_counts.stored(conn)
        assert kept and kept == archive_counts.counted(conn)
        assert {name for name, _, _ in kept} == set(archive_counts.LISTS)
    engine.dispose()
