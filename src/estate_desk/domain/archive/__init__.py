"""The archive's pure rules: archive numbers (A7), the seven categories (A4), the dual track (A5)."""
