"""Printed documents made with reportlab: labels, catalogues, ledgers, manifests. No Qt."""
