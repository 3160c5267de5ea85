"""Backup, restore and the archive check in the window, over ``services/maintenance``."""
