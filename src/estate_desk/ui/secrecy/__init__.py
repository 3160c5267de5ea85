"""Secrecy in the window: the secrecy settings and the audit viewer, over ``services/secrecy``."""
