"""Disposal as pure rules: void marks, legal holds, retention periods, appraisal and destruction (A16, A17)."""
