"""Tiến Độ core: domain and services. Never imports Qt."""

from __future__ import annotations

from functools import cache


@cache
def version() -> str:
    """The installed version (from the package metadata; the bundle carries it too).

    Looked up when asked, not on import: importlib.metadata costs a noticeable part of
    the start-up on an old PC.
    """
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("tiendo")
    except PackageNotFoundError:  # running from a source tree without install
        return "0.0.0+src"
