"""Every model, imported in one place so the metadata is complete (alembic, tests)."""

from estate_desk.store.accounts import Office, Setting, User
from estate_desk.store.archive import (
    ArchiveBox,
    ArchiveCounter,
    Attachment,
    Cabinet,
    Category,
    Document,
    HandoverBatch,
    Movement,
    Volume,
)
from estate_desk.store.archive_counts import ArchiveCount
from estate_desk.store.audit import AuditChain, AuditEvent
from estate_desk.store.base import Base
from estate_desk.store.desk import DeskCounter, DeskDay, Notification, Ticket
from estate_desk.store.desk_records import (
    TicketArrivalExplanation,
    TicketCompletion,
    TicketEvent,
    TicketPhoto,
    TicketPostponement,
    TicketProgressNote,
    TicketReturnVisit,
    TicketServiceLine,
)
from estate_desk.store.digitise import (
    DigitiseBatch,
    DigitiseRecord,
    DigitiseScan,
    DigitiseStepLog,
    InboxSource,
    PendingItem,
)
from estate_desk.store.disposal import DestructionBatch, DestructionFile, DestructionItem, LegalHold
from estate_desk.store.estate import Building, Owner, OwnerChange, Ownership, Room
from estate_desk.store.keys import ArchiveKey, UserKey
from estate_desk.store.loans import (
    Consultation,
    Loan,
    LoanCopy,
    LoanDecision,
    LoanRecall,
    LoanRenewal,
    LoanRequest,
    LoanRequestItem,
)
from estate_desk.store.routines import Arrear, ArrearsFollowUp, CensusTask, Inspection
from estate_desk.store.scan_text import ScanPageText

__all__ = [
    "ArchiveBox",
    "ArchiveCount",
    "ArchiveCounter",
    "ArchiveKey",
    "Arrear",
    "ArrearsFollowUp",
    "Attachment",
    "AuditChain",
    "AuditEvent",
    "Base",
    "Building",
    "Cabinet",
    "Category",
    "CensusTask",
    "Consultation",
    "DeskCounter",
    "DeskDay",
    "DestructionBatch",
    "DestructionFile",
    "DestructionItem",
    "DigitiseBatch",
    "DigitiseRecord",
    "DigitiseScan",
    "DigitiseStepLog",
    "Document",
    "HandoverBatch",
    "InboxSource",
    "Inspection",
    "LegalHold",
    "Loan",
    "LoanCopy",
    "LoanDecision",
    "LoanRecall",
    "LoanRenewal",
    "LoanRequest",
    "LoanRequestItem",
    "Movement",
    "Notification",
    "Office",
    "Owner",
    "OwnerChange",
    "Ownership",
    "PendingItem",
    "Room",
    "ScanPageText",
    "Setting",
    "Ticket",
    "TicketArrivalExplanation",
    "TicketCompletion",
    "TicketEvent",
    "TicketPhoto",
    "TicketPostponement",
    "TicketProgressNote",
    "TicketReturnVisit",
    "TicketServiceLine",
    "User",
    "UserKey",
    "Volume",
]
