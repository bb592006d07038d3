"""A plugin whose ``gxlint_rules`` hook raises."""

from gxlint import hookimpl


@hookimpl
def gxlint_rules():
    raise RuntimeError("the broken plugin's hook fails")
