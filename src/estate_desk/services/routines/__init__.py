"""The archive clerk's routines (日常工作): the archive-room inspections, the quarterly census, fee
arrears with their follow-ups, and the today page that gathers what is due.

Rules: A10 (inspections), A14 (census), A15 (arrears).
"""
