"""Tiến Độ core: domain and services. Never imports Qt."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("tiendo")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+src"
