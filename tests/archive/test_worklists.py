"""A5, both tracks: paper only / digital only / both, and the lists "to digitise" and "paper missing"."""

from __future__ import annotations

from itertools import product
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select

from estate_desk.domain.archive.dual_track import Track, needs_digitising, track_of
from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.roles import Role
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.accounts import users as accounts
from estate_desk.services.actor import Actor
from estate_desk.services.archive import attachments, worklists
from estate_desk.services.archive import numbering as archive
from estate_desk.store.accounts import Office, User
from estate_desk.store.archive import Attachment, Document, Volume

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database


def _actor(db: Database, username: str) -> Actor:
    with db.session() as s:
        user = s.scalar(select(User).where(User.username == username))
        assert user is not None
        return Actor.of(user)


@pytest.mark.parametrize(("paper", "digital"), list(product((False, True), repeat=2)))
def test_a5_the_track_says_which_sides_a_record_has(paper: bool, digital: bool) -> None:
    expected = {
        (True, True): Track.BOTH,
        (True, False): Track.PAPER_ONLY,
        (False, True): Track.DIGITAL_ONLY,
        (False, False): Track.NEITHER,
    }[(paper, digital)]
    assert track_of(paper, digital) is expected
    assert needs_digitising(paper, digital) == (paper and not digital)
    assert expected.zh and expected.en and expected.label("en") == expected.en


# --------------------------------------------------------------------------- hand-built archive


class Archive:
    """Eight records on both tracks, every case the lists must tell apart, by title."""

    def __init__(self, db: Database, clock: FakeClock, tmp_path: Path) -> None:
        self.admin = _actor(db, "admin")
        with db.session() as s:
            accounts.add_user(
                s, clock, username="low", password="pass-word-1", role=Role.ARCHIVE_CLERK, clearance=Grade.INTERNAL
            )
        self.low = _actor(db, "low")
        self.ids: dict[str, int] = {}
        with db.session() as s:
            office = s.scalar(select(Office))
            assert office is not None
            gc = archive.category_by_code(s, "GC")
            box = archive.add_box(s, office, gc, 2024, Retention.permanent(), 1)
            boxed_volume = Volume(code="V-1", category_id=gc.id, title="竣工资料", year=2024, retention="permanent")
            loose_volume = Volume(code="V-2", category_id=gc.id, title="设备资料", year=2024, retention="permanent")
            s.add_all([boxed_volume, loose_volume])
            s.flush()
            boxed_volume.box_id = box.id
            # title → (paper original?, in a box?, volume, grade); registered in this order, so archive numbers follow it
            cases: dict[str, tuple[bool, bool, Volume | None, Grade]] = {
                "A 在盒待扫描": (True, True, None, Grade.INTERNAL),
                "B 未入盒待扫描": (True, False, None, Grade.INTERNAL),
                "C 卷在盒": (True, False, boxed_volume, Grade.INTERNAL),
                "D 卷未入盒": (True, False, loose_volume, Grade.INTERNAL),
                "E 仅电子": (False, False, None, Grade.INTERNAL),
                "F 双轨": (True, True, None, Grade.INTERNAL),
                "G 均无": (False, False, None, Grade.INTERNAL),
                "H 秘密未入盒": (True, False, None, Grade.SECRET),
            }
            for title, (paper, in_box, volume, grade) in cases.items():
                draft = archive.DocumentDraft("GC", title, 2024, secrecy=grade, has_paper=paper)
                doc = archive.register_document(s, clock, draft, created_by=None)
                doc.box_id = box.id if in_box else None
                doc.volume_id = volume.id if volume else None
                self.ids[title[0]] = doc.id
        for letter in "EF":
            source = tmp_path / f"{letter}.pdf"
            source.write_bytes(f"%PDF {letter}".encode())
            attachments.attach_file(db, clock, self.admin, self.ids[letter], source)

    def of(self, letters: str) -> list[int]:
        return [self.ids[letter] for letter in letters]


@pytest.fixture
def hand_built(ready_db: Database, clock: FakeClock, tmp_path: Path) -> Archive:
    return Archive(ready_db, clock, tmp_path)


def test_a5_to_digitise_is_paper_without_a_file_in_archive_number_order(
    ready_db: Database, hand_built: Archive
) -> None:
    a = hand_built
    assert worklists.to_digitise(ready_db, a.admin) == a.of("ABCDH")
    assert worklists.to_digitise_count(ready_db, a.admin) == 5
    assert worklists.to_digitise(ready_db, a.low) == a.of("ABCD")  # the secret record is not theirs to see
    assert worklists.to_digitise_count(ready_db, a.low) == 4
    assert worklists.to_digitise(ready_db, a.admin, limit=2) == a.of("AB")
    assert worklists.to_digitise(ready_db, a.admin, limit=0) == []


def test_a5_paper_missing_is_an_original_in_no_box_directly_or_through_its_volume(
    ready_db: Database, hand_built: Archive
) -> None:
    a = hand_built
    assert worklists.paper_missing(ready_db, a.admin) == a.of("BDH")
    assert worklists.paper_missing_count(ready_db, a.admin) == 3
    assert worklists.paper_missing(ready_db, a.low) == a.of("BD")
    assert worklists.paper_missing_count(ready_db, a.low) == 2
    assert worklists.paper_missing(ready_db, a.admin, limit=1) == a.of("B")


def test_a5_each_record_shows_paper_only_digital_only_or_both(ready_db: Database, hand_built: Archive) -> None:
    a = hand_built
    tracks = worklists.dual_track(ready_db, a.admin, [*a.ids.values(), 999_999])
    assert tracks == {
        a.ids["A"]: Track.PAPER_ONLY,
        a.ids["B"]: Track.PAPER_ONLY,
        a.ids["C"]: Track.PAPER_ONLY,
        a.ids["D"]: Track.PAPER_ONLY,
        a.ids["E"]: Track.DIGITAL_ONLY,
        a.ids["F"]: Track.BOTH,
        a.ids["G"]: Track.NEITHER,
        a.ids["H"]: Track.PAPER_ONLY,
    }
    assert a.ids["H"] not in worklists.dual_track(ready_db, a.low, a.ids.values())
    assert worklists.dual_track(ready_db, a.admin, []) == {}


def test_a5_the_lists_follow_the_clerks_work(
    ready_db: Database, clock: FakeClock, hand_built: Archive, tmp_path: Path
) -> None:
    a = hand_built
    scan = tmp_path / "b.pdf"
    scan.write_bytes(b"%PDF B")
    attachments.attach_file(ready_db, clock, a.admin, a.ids["B"], scan)  # B is scanned …
    with ready_db.session() as s:
        d = s.get(Document, a.ids["D"])
        assert d is not None and d.volume is not None
        d.volume.box_id = s.scalar(select(Document.box_id).where(Document.id == a.ids["A"]))  # … D's volume is boxed
    assert worklists.to_digitise(ready_db, a.admin) == a.of("ACDH")
    assert worklists.paper_missing(ready_db, a.admin) == a.of("BH")
    assert worklists.dual_track(ready_db, a.admin, a.of("B"))[a.ids["B"]] is Track.BOTH


# --------------------------------------------------------------------------- the demo estate


def _expected(db: Database, clearance: Grade) -> tuple[list[int], list[int]]:
    """The two lists worked out the long way, record by record, in Python."""
    with db.session() as s:
        digital = set(s.scalars(select(Attachment.document_id)))
        volume_box: dict[int, int | None] = {v: b for v, b in s.execute(select(Volume.id, Volume.box_id))}
        docs = sorted(s.scalars(select(Document)), key=lambda d: d.archive_no)
    visible = [d for d in docs if d.secrecy <= clearance]
    to_digitise = [d.id for d in visible if needs_digitising(d.has_paper, d.id in digital)]
    missing = [
        d.id
        for d in visible
        if d.has_paper and d.box_id is None and (d.volume_id is None or volume_box.get(d.volume_id) is None)
    ]
    return to_digitise, missing


def test_a5_work_lists_on_the_demo_estate(demo_db: Database, clock: FakeClock, tmp_path: Path) -> None:
    clerk, desk = _actor(demo_db, "clerk"), _actor(demo_db, "desk")
    for actor in (clerk, desk):
        todo, missing = _expected(demo_db, actor.clearance)
        assert worklists.to_digitise(demo_db, actor) == todo
        assert worklists.to_digitise_count(demo_db, actor) == len(todo)
        assert worklists.paper_missing(demo_db, actor) == missing
        assert worklists.paper_missing_count(demo_db, actor) == len(missing)
    todo, missing = _expected(demo_db, clerk.clearance)
    assert len(todo) > 500  # a living archive: most originals still wait for their scan
    assert len(worklists.to_digitise(demo_db, desk)) < len(todo)  # owner files are 绝密

    first, second = todo[0], todo[1]
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF demo scan")
    attachments.attach_file(demo_db, clock, clerk, first, scan)
    with demo_db.session() as s:
        doc = s.get(Document, second)
        assert doc is not None
        doc.box_id = None  # taken out of its box and not put back
        doc.volume_id = None

    assert worklists.to_digitise(demo_db, clerk) == todo[1:]
    assert worklists.to_digitise_count(demo_db, clerk) == len(todo) - 1
    now_missing = worklists.paper_missing(demo_db, clerk)
    assert now_missing == _expected(demo_db, clerk.clearance)[1]
    assert set(now_missing) == {*missing, second}
    assert worklists.paper_missing_count(demo_db, clerk) == len(missing) + 1
    assert worklists.dual_track(demo_db, clerk, [first, second]) == {first: Track.BOTH, second: Track.PAPER_ONLY}
