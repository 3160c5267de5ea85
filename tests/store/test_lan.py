"""LAN mode on PostgreSQL (A12): two workstations — this test process and a child process — on one archive.

* a ticket opened at workstation B shows on A's board (the real Qt board) within 2 s, woken by
  PostgreSQL's NOTIFY, not by its timer;
* A and B edit one record: the second save is refused, with the difference shown (A's dialog, B's reply);
* the server's time decides, however wrong one workstation's clock is.

These need the PostgreSQL server of CI's PostgreSQL pass (``ESTATE_DESK_TEST_DATABASE_URL``); on a
SQLite-only run they are skipped, saying so. The change feed's SQLite side is tested here on both.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import select as sql_select
from sqlalchemy import text

from database_support import PG_URL, make_actor
from estate_desk.domain.clock import CHINA_TZ, FakeClock, SystemClock
from estate_desk.domain.desk.terms import Channel, TicketKind
from estate_desk.domain.errors import EditConflict
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import register
from estate_desk.services.archive.numbering import DocumentDraft
from estate_desk.services.demo import estate as demo
from estate_desk.services.desk import intake as desk
from estate_desk.services.estate import buildings as estate
from estate_desk.store import change_feed
from estate_desk.store.accounts import Setting
from estate_desk.store.audit import AuditEvent
from estate_desk.store.database import open_database
from estate_desk.store.server_clock import ServerClock, workstation_clock

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sqlalchemy.engine import URL

    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

ON_POSTGRES = pytest.mark.skipif(
    not PG_URL,
    reason="LAN mode is PostgreSQL: runs in CI's PostgreSQL pass (set ESTATE_DESK_TEST_DATABASE_URL)",
)
CHILD = Path(__file__).resolve().parents[1] / "lan_workstation.py"
REPLY_TIMEOUT_S = 60  # a ceiling for a stuck child, never a wait: replies come when the work is done


class Workstation:
    """Workstation B: a child process signed in to the same database (tests/lan_workstation.py)."""

    def __init__(self, url: URL, user: str, password: str, home: Path) -> None:
        env = dict(os.environ, ESTATE_DESK_HOME=str(home))
        home.mkdir(parents=True, exist_ok=True)
        self.log = home / "stderr.txt"
        with self.log.open("w") as err:
            self.proc = subprocess.Popen(
                [sys.executable, str(CHILD), url.render_as_string(hide_password=False), user, password],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                env=env,
                text=True,
                encoding="utf-8",
                bufsize=1,
            )
        assert self.read() == {"ready": True}

    def send(self, **command: Any) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(command, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()

    def read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], REPLY_TIMEOUT_S)
        line = self.proc.stdout.readline() if ready else ""
        assert line, f"workstation B did not answer: {self.log.read_text(encoding='utf-8')[-2000:]}"
        reply: dict[str, Any] = json.loads(line)
        return reply

    def ask(self, **command: Any) -> dict[str, Any]:
        self.send(**command)
        return self.read()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.send(op="quit")
            try:
                self.proc.wait(timeout=REPLY_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                pipe.close()


@pytest.fixture
def workstation_b(ready_db: Database, tmp_path: Path) -> Iterator[Any]:
    opened: list[Workstation] = []

    def start(user: str, password: str) -> Workstation:
        b = Workstation(ready_db.url, user, password, tmp_path / f"workstation-b-{len(opened)}")
        opened.append(b)
        return b

    yield start
    for b in opened:
        b.close()


# --------------------------------------------------------------------------- the board hears B


@ON_POSTGRES
@pytest.mark.ui
def test_lan_a_ticket_opened_at_b_shows_on_a_s_board_within_2_seconds(
    qapp, qtbot, ready_db: Database, clock: FakeClock, receptionist: Actor, workstation_b
) -> None:  # type: ignore[no-untyped-def]
    from estate_desk.ui.app import make_application
    from estate_desk.ui.change_listener import ChangeListener
    from estate_desk.ui.desk.board import FOLLOWING_POLL_MS
    from estate_desk.ui.desk.section import DeskSection

    make_application()
    with ready_db.session() as s:
        room_id = estate.add_room(s, estate.ensure_building(s, 3, 11), 1, 1502).id
    make_actor(ready_db, clock, "desk2", "receptionist")
    section = DeskSection(ready_db, receptionist, clock)
    qtbot.addWidget(section)
    listener = ChangeListener(ready_db)
    section.board.follow(listener)
    section.show()
    board = section.board
    qtbot.waitUntil(board.isVisible)
    try:
        assert listener.instant  # woken by the LISTEN socket, not by a timer
        assert board.poll_timer.interval() == FOLLOWING_POLL_MS  # the board's own poll cannot be what finds it
        assert board.model.rowCount() == 0
        b = workstation_b("desk2", "desk2-pass-1")

        b.send(op="open_ticket", room_id=room_id, subject="厨房水管漏水")
        qtbot.waitUntil(lambda: board.model.rowCount() == 1, timeout=2000)

        opened = b.read()
        assert board.model.row_for_id(opened["id"]) == 0
        assert board.model.board is not None and board.model.board.entries[opened["id"]].number == opened["number"]
    finally:
        listener.stop()
        section.shutdown()


# --------------------------------------------------------------------------- one record, two editors


@ON_POSTGRES
@pytest.mark.ui
def test_lan_a_and_b_edit_one_record_the_second_save_is_refused_with_the_difference(
    qapp, qtbot, ready_db: Database, clock: FakeClock, clerk: Actor, workstation_b
) -> None:  # type: ignore[no-untyped-def]
    from estate_desk.ui.app import make_application
    from estate_desk.ui.archive.document_dialog import DocumentDialog

    make_application()
    make_actor(ready_db, clock, "clerk2", "archive_clerk")
    draft = DocumentDraft(category_code="GC", title="地下室防水竣工图", year=2024)
    doc_id = register.register(ready_db, clock, clerk, draft)
    b = workstation_b("clerk2", "clerk2-pass-1")

    # A opens the record in the dialog and types; B saves first; A's save is the second one.
    opened = register.document_detail(ready_db, clerk, doc_id)
    dialog = DocumentDialog(ready_db, clock, clerk, opened)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("地下室防水竣工图（A 校对）")
    assert b.ask(op="edit_document", id=doc_id, version=opened.version, fields={"title": "防水竣工图（B 改）"}) == {
        "ok": True
    }
    dialog.save()
    assert dialog.isVisible()  # refused: the dialog stays open …
    shown = dialog.message.text()
    assert "clerk2" in shown and "防水竣工图（B 改）" in shown and "地下室防水竣工图（A 校对）" in shown  # … shows both
    assert dialog.title.text() == "地下室防水竣工图（A 校对）"  # … and keeps what A typed
    assert register.document_detail(ready_db, clerk, doc_id).title == "防水竣工图（B 改）"  # B's save stands

    # The other way round: both start from the same version, A saves first, B's save is refused at B.
    current = register.document_detail(ready_db, clerk, doc_id)
    register.edit_document(ready_db, clock, clerk, doc_id, expected_version=current.version, pages=8)
    reply = b.ask(op="edit_document", id=doc_id, version=current.version, fields={"pages": 12})
    assert reply["conflict"] == [["pages", 8, 12]]
    assert "对方 8" in reply["message"] and "您 12" in reply["message"]
    assert register.document_detail(ready_db, clerk, doc_id).pages == 8
    dialog.close()


# --------------------------------------------------------------------------- server time


@ON_POSTGRES
def test_lan_server_time_decides(ready_db: Database, clock: FakeClock, receptionist: Actor) -> None:
    """A workstation whose clock is five hours slow still stamps tickets, deadlines and the audit
    trail with the server's time; and when its clock then jumps, the offset is measured again."""
    with ready_db.engine.connect() as conn:
        server_then = conn.execute(text("SELECT now()")).scalar_one()
    wrong = FakeClock(server_then.astimezone(CHINA_TZ) - timedelta(hours=5))
    office_clock = workstation_clock(ready_db, wrong)
    assert isinstance(office_clock, ServerClock)
    slack = timedelta(minutes=1)  # a round trip to the server, however slow this machine is

    now = office_clock.now()
    assert abs(now - server_then) < slack and abs(office_clock.offset - timedelta(hours=5)) < slack
    actor = accounts.authenticate(ready_db, office_clock, "desk", "desk-pass-1")
    draft = desk.TicketDraft(TicketKind.REPAIR, Channel.PHONE, "楼道灯不亮", place="3栋楼道")
    opened = desk.open_ticket(ready_db, office_clock, actor, draft)
    assert abs(opened.received_at - server_then) < slack  # not five hours ago
    assert opened.feedback_due_at - opened.received_at == timedelta(days=2)  # F1's two days, from server time
    with ready_db.session() as s:
        last = s.scalar(sql_select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1))
        assert last is not None and abs(last.at - server_then) < slack

    wrong.advance(hours=9)  # the local clock is corrected by hand (or jumps): now four hours fast
    assert abs(office_clock.now() - server_then) < slack  # measured again: still the server's time
    assert abs(office_clock.offset + timedelta(hours=4)) < slack


def test_lan_a_single_sqlite_workstation_keeps_its_own_clock(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'one.sqlite3'}")
    try:
        local = FakeClock(SystemClock().now() - timedelta(hours=5))
        assert workstation_clock(db, local) is local  # no server: this machine's clock decides
    finally:
        db.dispose()


# --------------------------------------------------------------------------- the change feed


@pytest.mark.ui
def test_a12_a_commit_at_another_workstation_wakes_the_listener(qapp, qtbot, database_url: URL) -> None:  # type: ignore[no-untyped-def]
    """On both backends: B's commit reaches A's listener (NOTIFY on PostgreSQL, data_version on SQLite)."""
    from estate_desk.ui.change_listener import ChangeListener

    a, b = open_database(database_url), open_database(database_url)
    listener = ChangeListener(a)
    try:
        assert listener.instant == (not database_url.get_backend_name().startswith("sqlite"))
        with qtbot.waitSignal(listener.changed, timeout=3000) as heard, b.session() as s:
            s.add(Setting(key="lan-test", value="1"))
        assert change_feed.ARCHIVE in heard.args[0]
    finally:
        listener.stop()
        a.dispose()
        b.dispose()


@ON_POSTGRES
def test_a12_only_committed_writes_are_announced_with_their_topics(ready_db: Database, clock: FakeClock) -> None:
    feed = change_feed.open_feed(ready_db.url)
    try:
        assert feed.poll() == frozenset()
        with ready_db.session() as s:
            s.scalar(sql_select(Setting.value).limit(1))  # a read announces nothing
        with pytest.raises(EditConflict), ready_db.session() as s:
            s.add(Setting(key="never", value="1"))
            s.flush()
            raise EditConflict("回滚", "rolled back")  # a unit of work that fails announces nothing
        assert feed.poll() == frozenset()
        with ready_db.session() as s:
            estate.add_room(s, estate.ensure_building(s, 9, 6), None, 101)
        draft = desk.TicketDraft(TicketKind.HELP, Channel.IN_PERSON, "借梯子", place="物业中心")
        admin = accounts.authenticate(ready_db, clock, "admin", "admin-pass-1")
        desk.open_ticket(ready_db, clock, admin, draft)
        topics: set[str] = set()
        for _ in range(50):  # the notices are already queued on the socket; read until both are in
            topics |= feed.poll()
            if topics == {change_feed.ARCHIVE, change_feed.DESK}:
                break
            select.select([feed.fileno()], [], [], 0.1)
        assert topics == {change_feed.ARCHIVE, change_feed.DESK}
    finally:
        feed.close()


@pytest.mark.ui
def test_a12_a_record_registered_at_another_workstation_appears_in_the_archive_browser(
    qapp, qtbot, demo_db: Database, demo_clerk: Actor, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    """No restart, no refresh button: the window's change listener reloads the archive views."""
    from estate_desk.ui.app import make_application
    from estate_desk.ui.main_window import MainWindow

    make_application()
    window = MainWindow(demo_db, demo_clerk, clock, "翠湖苑物业服务中心", now_ms=lambda: 0.0)
    qtbot.addWidget(window)
    window.show()
    window.show_section(window.archive)  # the clerk lands on her home; the archive is what is watched
    browser = window.archive.browser
    other = open_database(demo_db.url)  # the other workstation's own connection
    try:
        draft = DocumentDraft("GC", "二期消防验收报告", 2026)
        new_id = register.register(
            other, clock, accounts.authenticate(other, clock, "clerk", demo.DEMO_PASSWORD), draft
        )
        qtbot.waitUntil(lambda: browser.model.row_for_id(new_id) is not None, timeout=3000)
    finally:
        window.close()
        other.dispose()


@ON_POSTGRES
def test_a12_a_lost_listen_connection_comes_back_and_asks_for_a_full_reload(ready_db: Database) -> None:
    feed = change_feed.open_feed(ready_db.url)
    try:
        first = feed.fileno()
        with ready_db.engine.connect() as conn:  # the server drops the listening connection (a restart, a cable)
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND query LIKE 'LISTEN%'"
                )
            )
        heard: frozenset[str] = frozenset()
        for _ in range(3):  # as the socket notifier would: each time the socket turns readable (goodbye, EOF)
            select.select([first], [], [], REPLY_TIMEOUT_S)
            heard = feed.poll()
            if heard:
                break
        assert heard == change_feed.EVERYTHING  # notices may have been missed: reload everything
        assert feed.fileno() is not None  # listening again
        with ready_db.session() as s:
            s.add(Setting(key="after-reconnect", value="1"))
        select.select([feed.fileno()], [], [], REPLY_TIMEOUT_S)
        assert feed.poll() == {change_feed.ARCHIVE}  # and it hears commits again
    finally:
        feed.close()
