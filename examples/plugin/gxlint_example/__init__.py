"""An example gxlint plugin: one rule, registered through the ``gxlint`` entry-point group."""

from __future__ import annotations

from gxlint import hookimpl

from .rules import RegulationTitleWithoutBookMarks


@hookimpl
def gxlint_rules():
    return [RegulationTitleWithoutBookMarks]
