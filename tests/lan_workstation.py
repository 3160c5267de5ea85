"""A second workstation for the LAN tests: a child process on the same database, driven over stdin.

Not a test module. ``python tests/lan_workstation.py DATABASE_URL USER PASSWORD`` signs in (with the
workstation clock: the server's time on PostgreSQL), prints ``{"ready": true}`` and then answers one
JSON command per line with one JSON line:

* ``{"op": "open_ticket", "room_id": 1, "subject": "…"}`` → ``{"id": …, "number": "…"}``
* ``{"op": "edit_document", "id": 1, "version": 1, "fields": {"title": "…"}}`` → ``{"ok": true}`` or
  ``{"conflict": [[field, theirs, yours], …], "message": "…"}``
* ``{"op": "quit"}``
"""

from __future__ import annotations

import json
import sys
from typing import Any


def main() -> int:
    from estate_desk.domain.desk.terms import Channel, TicketKind
    from estate_desk.domain.errors import EditConflict, UserError
    from estate_desk.services.accounts import users as accounts
    from estate_desk.services.archive import register
    from estate_desk.services.desk import intake as desk
    from estate_desk.store.database import open_database
    from estate_desk.store.server_clock import workstation_clock

    url, user, password = sys.argv[1:4]
    db = open_database(url, migrate=False)
    clock = workstation_clock(db)
    actor = accounts.authenticate(db, clock, user, password)

    def say(obj: dict[str, Any]) -> None:
        sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")
        sys.stdout.flush()

    say({"ready": True})
    for line in sys.stdin:
        cmd = json.loads(line)
        op = cmd["op"]
        try:
            if op == "quit":
                break
            if op == "open_ticket":
                draft = desk.TicketDraft(TicketKind.REPAIR, Channel.PHONE, cmd["subject"], room_id=cmd.get("room_id"))
                opened = desk.open_ticket(db, clock, actor, draft)
                say({"id": opened.id, "number": opened.number})
            elif op == "edit_document":
                register.edit_document(db, clock, actor, cmd["id"], expected_version=cmd["version"], **cmd["fields"])
                say({"ok": True})
            else:
                say({"error": f"unknown op {op}"})
        except EditConflict as exc:
            say({"conflict": [list(change) for change in exc.changes], "message": exc.message("zh")})
        except UserError as exc:
            say({"error": exc.message("en")})
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
