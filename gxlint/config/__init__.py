"""Settings: defaults, configuration files and command-line options merged into one object."""

from .settings import Settings

__all__ = ["Settings"]
