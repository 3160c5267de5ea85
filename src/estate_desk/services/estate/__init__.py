"""The estate (房产与业主): buildings, rooms, owners and who owns what, owner files with their history, and
the owner roster's import and export.

Rules: A2 (the roster), A9 (building → floor → room order), A13 (owner files keep every change).
"""
