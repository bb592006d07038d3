"""Output formats: one module per format, all fed the same diagnostics.

Built-in formats are imported only when chosen (``pretty`` pulls in rich; ``default`` must stay
cheap for a one-file pre-commit run). Plugins add formats through the ``gxlint_formats`` hook.
"""

from __future__ import annotations

import importlib
from typing import Any

from .base import Formatter, OutputContext

BUILTIN = {
    "default": "default:DefaultFormatter",
    "pretty": "pretty:PrettyFormatter",
    "json": "json:JsonFormatter",
    "sarif": "sarif:SarifFormatter",
    "github": "github:GithubFormatter",
}


def available(registry: Any = None) -> list[str]:
    """Names of every format: the built-in ones and those plugins registered."""
    names = set(BUILTIN)
    if registry is not None:
        names |= set(registry.formats)
    return sorted(names)


def make_formatter(name: str, context: OutputContext, registry: Any = None) -> Formatter:
    """The formatter called ``name``; plugins may not replace a built-in format."""
    if name in BUILTIN:
        module, cls = BUILTIN[name].split(":")
        return getattr(importlib.import_module(f".{module}", __name__), cls)(context=context)
    if registry is not None and name in registry.formats:
        return registry.formats[name].factory(context=context)
    raise KeyError(name)


__all__ = ["BUILTIN", "Formatter", "OutputContext", "available", "make_formatter"]
