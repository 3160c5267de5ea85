"""The estate's pure rules: room codes and their natural order (A9), numerals as offices write them,
phones, ID numbers, the owner roster's cells and report (A2), and owner-file history (A13).
"""
