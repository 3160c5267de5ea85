"""Disposal (处置): void marks and legal holds, retention settings, appraisal and destruction after
approval, and the manifest kept for ever.

Rules: A16 (void marks), A17 (retention, appraisal, destruction, manifest).
"""
