"""Estate Desk (物业档案与前台): the archive and front desk of a residential estate's service centre."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("estate-desk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"


class EstateDeskWarning(UserWarning):
    """Our own warnings; the test suite turns them into errors."""


__all__ = ["EstateDeskWarning", "__version__"]
