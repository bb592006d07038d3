"""Settings: defaults, configuration files and command-line options merged into one object."""

from .discovery import ConfigError, ConfigFile, find_config, load_config, read_config
from .resolve import Resolved, check_against, resolve
from .settings import Settings

__all__ = [
    "ConfigError",
    "ConfigFile",
    "Resolved",
    "Settings",
    "check_against",
    "find_config",
    "load_config",
    "read_config",
    "resolve",
]
