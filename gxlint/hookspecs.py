"""pluggy hook specifications. Hooks take keyword arguments only, so they can grow without breaking.

Implement any of these in a module (or class) registered under the ``gxlint`` entry-point group::

    [project.entry-points.gxlint]
    myrules = "my_package.plugin"
"""

from __future__ import annotations

import pluggy

PROJECT = "gxlint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def gxlint_rules():
    """Return a list of :class:`gxlint.Rule` subclasses."""


@hookspec
def gxlint_readers():
    """Return a list of :class:`gxlint.plugins.ReaderSpec` (kind, suffixes, ``read(data, path)``)."""


@hookspec
def gxlint_formats():
    """Return a list of :class:`gxlint.plugins.FormatSpec` (name, formatter factory)."""


@hookspec
def gxlint_templates():
    """Return a list of :class:`gxlint.templates.Template` or template dictionaries."""
