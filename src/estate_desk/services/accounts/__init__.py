"""Accounts (账户): signing in with lock-out, the signed-in user's rights, passwords, and the first run's set-up.

Rules: who does what by role (A6, A11, A12); users are disabled, never deleted; the first administrator
and the office's fonds code come from ``setup``.
"""
