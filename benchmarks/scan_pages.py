"""Search inside scans at scale (issue 18): synthetic OCR text on many pages, and the window's page search.

The big estate has no scans. :func:`ensure_pages` gives it some: one scan attachment each for the first
documents, two pages of text each, written with plain Core (``attachments``, ``scan_page_text``) and
indexed in bulk as OCR's pages are (``store/search_fill.fill_index`` with the ``page`` source: the same
entries, pairs and trigrams the session hooks write); the maintained counts are rebuilt after (the new
attachments take documents off the to-digitise list). The text is lines of an office's documents — phrases
from a fixed vocabulary, seeded — about 300 characters a page, so common words are on most pages and some
on few. The queries (:data:`QUERIES`) are what the clerk types: two characters, a common phrase, a rare one,
and one whose trigrams are common but which is on no page (the worst case of a trigram index).

The naive baseline: ``LIKE '%…%'`` over ``scan_page_text`` joined with its documents, in 档号 order,
``LIMIT 20`` — what the search promises (the first pages in 档号 order).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, select, text

from estate_desk.store import archive_counts
from estate_desk.store.archive import Attachment, Document
from estate_desk.store.scan_text import ScanPageText
from estate_desk.store.search_entries import SOURCES
from estate_desk.store.search_fill import fill_index

if TYPE_CHECKING:
    from estate_desk.store.database import Database

PAGES_PER_SCAN = 2
COMMON = ("物业服务合同", "业主", "装修申请", "维修基金", "房屋交付", "水电费", "消防检查", "停车位", "管理处")
RARE = "电梯年检报告"  # on about one page in five hundred
VOCABULARY = (
    *COMMON,
    "签字",
    "盖章",
    "日期",
    "联系电话",
    "身份证号",
    "附件",
    "验收合格",
    "整改通知",
    "押金",
    "退还",
    "施工单位",
    "承诺书",
    "垃圾清运",
    "门禁卡",
    "钥匙",
    "交接",
)
QUERIES = (
    ("page text, 2 characters", "装修"),
    ("page text, a common phrase", "维修基金"),
    ("page text, a rare phrase", RARE),
    ("page text, on no page", "业主装修基金"),
)


def page_text(rng: random.Random, room: str) -> str:
    lines = []
    for _ in range(12):
        words = rng.sample(VOCABULARY, 3)
        lines.append(f"{room} {words[0]}{words[1]}，{words[2]} {rng.randint(1, 9999)}")
    if rng.random() < 0.002:
        lines.insert(rng.randrange(len(lines)), f"{RARE} {room}")
    return "\n".join(lines)


def ensure_pages(db: Database, pages: int, seed: int = 18) -> int:
    """Give the estate at least ``pages`` pages of OCR text (indexed); returns how many it has."""
    with db.engine.begin() as c:
        have = int(c.scalar(select(func.count()).select_from(ScanPageText)) or 0)
        if have >= pages:
            return have
        rng = random.Random(seed)
        now = datetime(2026, 12, 1, tzinfo=UTC)
        taken = select(Attachment.document_id)
        documents = c.execute(
            select(Document.id, Document.secrecy, Document.archive_no)
            .where(Document.id.not_in(taken))
            .order_by(Document.id)
            .limit((pages - have + PAGES_PER_SCAN - 1) // PAGES_PER_SCAN)
        ).all()
        attachment_rows = [
            {
                "document_id": d,
                "sha256": f"{d:064x}",
                "size": 1,
                "original_name": f"{d}.pdf",
                "media_type": "application/pdf",
                "kind": "scan",
                "encrypted": False,
                "added_at": now,
            }
            for d, _grade, _no in documents
        ]
        c.execute(insert(Attachment), attachment_rows)
        chosen = select(Attachment.document_id, Attachment.id).where(
            Attachment.document_id.in_([d for d, *_ in documents])
        )
        attachments = {d: a for d, a in c.execute(chosen)}
        c.execute(
            insert(ScanPageText),
            [
                {
                    "attachment_id": attachments[d],
                    "document_id": d,
                    "page": page,
                    "secrecy": grade,
                    "withheld": False,
                    "text": page_text(rng, archive_no or ""),
                    "boxes": "[]",
                    "dpi": 200,
                    "read_at": now,
                }
                for d, grade, archive_no in documents
                for page in range(1, PAGES_PER_SCAN + 1)
            ],
        )
        fill_index(c, [s for s in SOURCES if s.kind == "page"])
        archive_counts.rebuild_on(c)
        return int(c.scalar(select(func.count()).select_from(ScanPageText)) or 0)


def naive_pages(db: Database, level: int, query: str) -> int:
    sql = text(
        "SELECT p.id FROM scan_page_text p JOIN documents d ON d.id = p.document_id "
        "WHERE p.text LIKE :contains AND d.secrecy <= :level ORDER BY d.archive_no, p.page LIMIT 20"
    )
    with db.engine.connect() as c:
        return len(c.execute(sql, {"contains": f"%{query}%", "level": level}).all())
