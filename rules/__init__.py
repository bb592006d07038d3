"""The built-in rule pack, registered through the ``gxlint`` entry-point group like any plugin.

Every module in this package that defines ``RULES`` contributes its rule classes; adding a rule
touches one file.
"""

from __future__ import annotations

import importlib
import pkgutil

from gxlint import hookimpl


@hookimpl
def gxlint_rules():
    rules = []
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        rules.extend(getattr(module, "RULES", ()))
    return rules
