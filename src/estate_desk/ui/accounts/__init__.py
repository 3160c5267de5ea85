"""Accounts in the window, over ``services/accounts``: sign-in, the first run's set-up, and the
Administration section (管理) with the office's users (and, from ``ui/secrecy``, the audit trail and
the secrecy settings for those who may see them).
"""
