"""Looking after the archive (维护): backups encrypted at rest, restoring them journalled, automatic
backups and the integrity check.

Rules: A5 (the computer archive kept safe and checked), A6 (a backup is as secret as the archive).
"""
