"""The big estate's front desk (issue 10): 2,000 open tickets in every state of their clocks, in bulk.

The step ``tickets`` of ``services/demo/big_estate.py``; the desk's change counter is moved on past them, so
the board's next change continues from there.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select

from estate_desk.domain.desk.intake import open_ticket
from estate_desk.domain.desk.review import normalize_matter
from estate_desk.domain.desk.terms import Channel, TicketKind, TicketStatus
from estate_desk.services.demo.big_estate_plan import next_id, table_of, write_rows
from estate_desk.services.desk.tickets import CHANGES
from estate_desk.store.desk import DeskCounter, Ticket

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from estate_desk.services.demo.big_estate_plan import Plan

OPEN_TICKETS = 2000

_KINDS = (TicketKind.REPAIR, TicketKind.COMPLAINT, TicketKind.HELP, TicketKind.SUGGESTION, TicketKind.INQUIRY)
_MATTERS = ("漏水", "电梯故障", "装修噪音", "停车位", "门禁卡", "路灯不亮", "下水道堵塞", "绿化修剪")


def write_tickets(connection: Connection, plan: Plan) -> None:
    """2,000 open tickets received over the last five days, in every state of their clocks."""
    now = plan.clock.now()
    desk = plan.user_ids["desk"]
    first = next_id(connection, Ticket)
    rows: list[dict[str, Any]] = []
    for n in range(OPEN_TICKETS):
        received = now - timedelta(minutes=(n * 3.6) % (5 * 24 * 60), seconds=n % 60)
        kind = _KINDS[n % len(_KINDS)]
        h = plan.rng.randrange(len(plan.room_ids))
        matter = _MATTERS[n % len(_MATTERS)]
        rules = open_ticket(
            number=f"GD{received:%Y%m%d}-{n:05d}",
            kind=kind,
            channel=Channel.PHONE if n % 3 else Channel.IN_PERSON,
            first_receiver_id=desk,
            now=received,
            promise_due_at=received + timedelta(days=2 if n % 7 else 6),
            room_id=plan.room_ids[h],
            matter=matter,
            subject=f"{plan.room_codes[h]} {matter}",
        )
        rows.append(
            {
                "id": first + n,
                "number": rules.number,
                "kind": kind.value,
                "channel": rules.channel.value,
                "room_id": rules.room_id,
                "owner_id": plan.owner_ids[h],
                "contact": "",
                "place": "",
                "subject": rules.subject,
                "matter": rules.matter,
                "matter_key": normalize_matter(rules.matter),
                "repeat_of_id": None,
                "first_receiver_id": desk,
                "handler_id": desk if n % 3 else None,
                "status": TicketStatus.OPEN.value,
                "received_at": received,
                "arrival_due_at": rules.arrival_due_at,
                "arrived_at": received + timedelta(minutes=2) if rules.arrival_due_at and n % 4 else None,
                "feedback_due_at": rules.feedback_due_at,
                "promise_due_at": rules.promise_due_at,
                "closed_at": None,
                "change_no": n + 1,
            }
        )
    write_rows(connection, table_of(Ticket), rows)
    counter = connection.scalar(select(DeskCounter.value).where(DeskCounter.name == CHANGES))
    if counter is None:
        connection.execute(insert(table_of(DeskCounter)), [{"name": CHANGES, "value": OPEN_TICKETS}])
    else:
        connection.execute(
            table_of(DeskCounter).update().where(DeskCounter.name == CHANGES).values(value=counter + OPEN_TICKETS)
        )
