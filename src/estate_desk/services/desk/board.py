"""The live board (工单看板): every open ticket with its two countdowns, most urgent first.

The board loads its tickets once (:func:`load_board`) and after that only what changed: every
change to a ticket takes the next number of the desk's change counter, so a board polling every
second or two asks one tiny question (:func:`changed_since`) and reloads only the tickets that
moved (:func:`refresh_board`) — tickets opened at another workstation included. The countdowns are
never stored or counted by ticks: :meth:`Board.rows` computes them from the stored deadlines and
``now`` every time (F2, F4), so the board is right after a laptop wakes up.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from sqlalchemy import or_, select

from estate_desk.domain.desk.countdown import CountdownState, most_urgent_key
from estate_desk.domain.desk.terms import Channel, TicketKind, TicketStatus
from estate_desk.domain.roles import Role
from estate_desk.services.desk.tickets import CHANGES, domain_tickets, user_names
from estate_desk.store.accounts import User
from estate_desk.store.desk import DeskCounter, Ticket
from estate_desk.store.estate import Building, Room

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from datetime import datetime
    from decimal import Decimal

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.desk.countdown import Countdown
    from estate_desk.domain.desk.tickets import Ticket as DomainTicket
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

ON_BOARD = (TicketStatus.OPEN.value, TicketStatus.COMPLETED.value)
"""Open tickets, and handled ones still waiting for their return visit."""


@dataclass(frozen=True)
class BoardFilter:
    """What the board shows: some kinds (empty: all), one handler, one building (its number),
    only the actor's own tickets (first receiver or handler)."""

    kinds: frozenset[TicketKind] = frozenset()
    handler_id: int | None = None
    building: int | None = None
    mine_only: bool = False


@dataclass(frozen=True)
class BoardEntry:
    """A ticket on the board as loaded: its facts and the rules' view, without clocks."""

    id: int
    number: str
    kind: TicketKind
    channel: Channel
    status: TicketStatus
    room_code: str | None
    building: int | None
    place: str
    matter: str
    subject: str
    first_receiver_id: int
    first_receiver: str
    handler_id: int | None
    handler: str | None
    received_at: datetime
    change_no: int
    ticket: DomainTicket


@dataclass(frozen=True)
class BoardRow:
    """One line of the board at one instant: the entry's facts with both countdowns."""

    entry: BoardEntry
    arrival: Countdown | None  # the three-minute clock (F4); None when the kind needs no visit
    promise: Countdown  # the promised handling time (F2)

    @property
    def id(self) -> int:
        return self.entry.id

    @property
    def state(self) -> CountdownState:
        """The row's colour: its worst clock."""
        clocks = [c for c in (self.arrival, self.promise) if c is not None]
        return min((c.state for c in clocks), key=lambda state: state.rank)

    @property
    def is_repeat(self) -> bool:
        return self.entry.ticket.is_repeat

    @property
    def postponed(self) -> bool:
        return self.entry.ticket.postponement is not None

    @property
    def arrival_excused(self) -> bool:
        """The owner was told in advance why nobody could be there in three minutes (F4)."""
        return self.arrival is not None and self.arrival.excused

    @property
    def awaiting_return_visit(self) -> bool:
        return self.entry.status is TicketStatus.COMPLETED

    @property
    def services_total(self) -> Decimal:
        return self.entry.ticket.special_services_total

    def arrival_text(self, lang: str = "zh") -> str:
        return self.arrival.text(lang) if self.arrival is not None else ""

    def promise_text(self, lang: str = "zh") -> str:
        return self.promise.text(lang)

    @property
    def urgency(self) -> tuple[int, float, float]:
        key = most_urgent_key([c for c in (self.arrival, self.promise) if c is not None])
        return (*key, self.entry.received_at.timestamp())


def row_at(entry: BoardEntry, now: datetime) -> BoardRow:
    return BoardRow(entry, entry.ticket.arrival_clock(now), entry.ticket.promise_clock(now))


@dataclass(frozen=True)
class Board:
    """The board's tickets as of desk change ``change_no``. Immutable: refreshing makes a new one."""

    filters: BoardFilter
    actor_id: int
    change_no: int
    entries: dict[int, BoardEntry] = field(default_factory=dict)

    def rows(self, now: datetime) -> list[BoardRow]:
        """Every ticket with its clocks at ``now``, most urgent first (breached, then least time left)."""
        return sorted((row_at(entry, now) for entry in self.entries.values()), key=lambda row: row.urgency)

    def __len__(self) -> int:
        return len(self.entries)


@dataclass(frozen=True)
class BoardChanges:
    """What changed at the desk after a change number: the new number and the tickets touched."""

    change_no: int
    ticket_ids: tuple[int, ...]


def change_no_in(s: Session) -> int:
    return s.scalar(select(DeskCounter.value).where(DeskCounter.name == CHANGES)) or 0


def desk_change_no(db: Database) -> int:
    """The desk's change counter now: the cheapest "did anything change?" there is."""
    with db.session() as s:
        return change_no_in(s)


def changed_since(db: Database, since: int) -> BoardChanges:
    """Tickets changed (or opened) at any workstation after change number ``since``."""
    with db.session() as s:
        now_no = change_no_in(s)
        if now_no <= since:
            return BoardChanges(now_no, ())
        ids = s.scalars(select(Ticket.id).where(Ticket.change_no > since).order_by(Ticket.change_no)).all()
        return BoardChanges(now_no, tuple(ids))


def _entries(s: Session, actor_id: int, filters: BoardFilter, only: Sequence[int] | None = None) -> list[BoardEntry]:
    query = (
        select(Ticket, Room.code, Building.number)
        .outerjoin(Room, Ticket.room_id == Room.id)
        .outerjoin(Building, Room.building_id == Building.id)
        .where(Ticket.status.in_(ON_BOARD))
    )
    if filters.kinds:
        query = query.where(Ticket.kind.in_(sorted(k.value for k in filters.kinds)))
    if filters.handler_id is not None:
        query = query.where(Ticket.handler_id == filters.handler_id)
    if filters.building is not None:
        query = query.where(Building.number == filters.building)
    if filters.mine_only:
        query = query.where(or_(Ticket.first_receiver_id == actor_id, Ticket.handler_id == actor_id))
    if only is not None:
        query = query.where(Ticket.id.in_(only))
    found = [(row, code, building) for row, code, building in s.execute(query.order_by(Ticket.received_at, Ticket.id))]
    rows = [row for row, _, _ in found]
    tickets = domain_tickets(s, rows)
    names = user_names(s, [r.first_receiver_id for r in rows] + [r.handler_id for r in rows])
    return [
        BoardEntry(
            id=row.id,
            number=row.number,
            kind=TicketKind(row.kind),
            channel=Channel(row.channel),
            status=TicketStatus(row.status),
            room_code=code,
            building=building,
            place=row.place,
            matter=row.matter,
            subject=row.subject,
            first_receiver_id=row.first_receiver_id,
            first_receiver=names.get(row.first_receiver_id, ""),
            handler_id=row.handler_id,
            handler=names.get(row.handler_id) if row.handler_id is not None else None,
            received_at=row.received_at,
            change_no=row.change_no,
            ticket=tickets[row.id],
        )
        for row, code, building in found
    ]


def load_board(db: Database, actor: Actor, filters: BoardFilter | None = None) -> Board:
    """Every ticket on the board for ``filters`` (open, or waiting for the return visit)."""
    chosen = filters or BoardFilter()
    with db.session() as s:
        change_no = change_no_in(s)  # read first: a change committed meanwhile is fetched again next time
        entries = _entries(s, actor.user_id, chosen)
    return Board(chosen, actor.user_id, change_no, {e.id: e for e in entries})


def refresh_board(db: Database, board: Board) -> Board:
    """The board brought up to date: only tickets changed since ``board.change_no`` are reloaded;
    closed ones leave it. The same object when nothing changed."""
    changes = changed_since(db, board.change_no)
    if not changes.ticket_ids:
        return board if changes.change_no == board.change_no else replace(board, change_no=changes.change_no)
    with db.session() as s:
        fresh = {e.id: e for e in _entries(s, board.actor_id, board.filters, changes.ticket_ids)}
    entries = {i: e for i, e in board.entries.items() if i not in changes.ticket_ids}
    entries.update(fresh)
    return Board(board.filters, board.actor_id, changes.change_no, entries)


def board_rows(db: Database, clock: Clock, actor: Actor, filters: BoardFilter | None = None) -> list[BoardRow]:
    """The board as it stands now, most urgent first (one call; a live board keeps a :class:`Board`)."""
    return load_board(db, actor, filters).rows(clock.now())


@dataclass(frozen=True)
class StaffChoice:
    """Someone a ticket can be handed to (and the board filtered by)."""

    user_id: int
    name: str
    role: Role
    phone: str | None


def staff_choices(db: Database) -> list[StaffChoice]:
    """Every active staff member who may handle tickets, handlers (工作人员) first, then by name."""
    query = select(User).where(User.disabled.is_(False), User.role != Role.ARCHIVE_CLERK.value)
    with db.session() as s:
        users = list(s.scalars(query))
    users.sort(key=lambda u: (u.role != Role.STAFF.value, u.display_name))
    return [StaffChoice(u.id, u.display_name, Role(u.role), u.phone) for u in users]


def turned_red(before: Iterable[BoardRow], after: Iterable[BoardRow]) -> list[int]:
    """Tickets whose row turned red between two ticks (for the board's optional sound)."""
    was = {row.id: row.state for row in before}
    return [
        row.id
        for row in after
        if row.state is CountdownState.RED and was.get(row.id, CountdownState.RED) is not CountdownState.RED
    ]
