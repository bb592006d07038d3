"""A plugin whose dependency is not installed: importing it fails."""

import gxlint_no_such_dependency  # noqa: F401
