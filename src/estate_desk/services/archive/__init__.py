"""The archive (档案): registering records with their archive numbers, filing them into volumes, boxes and
cabinets, reading them for lists, their attachments, the dual track's work lists, and the one search.

Rules: A1 (handover), A2–A4 (what is kept, categories), A5 (paper and digital), A7 (numbering and
cataloguing), A9 (one natural order).
"""
