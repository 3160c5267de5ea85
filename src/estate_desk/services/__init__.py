"""Use cases that the UI and the CLI both call. They own transactions and permission checks."""
