"""Pure rules of the office (A1–A17, F1–F8). No Qt, no SQLAlchemy."""
