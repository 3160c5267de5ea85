"""Estate Desk (物业档案与前台): the archive and front desk of a residential estate's service centre."""

from __future__ import annotations

from functools import cache


class EstateDeskWarning(UserWarning):
    """Our own warnings; the test suite turns them into errors."""


@cache
def _version() -> str:
    # importlib.metadata costs tens of milliseconds: read only when the version is asked for.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("estate-desk")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["EstateDeskWarning", "__version__"]  # __version__ comes from __getattr__
