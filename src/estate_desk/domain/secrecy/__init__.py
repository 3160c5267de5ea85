"""Secrecy as pure rules: the grades and clearances (A6, A12), and who may print or export what (A11)."""
