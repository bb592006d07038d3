"""A plugin that claims GX991, which the demo plugin already registers (not an entry point of this
package: tests add it explicitly, because a duplicate code stops every run)."""

from gxlint import Rule, hookimpl


class Impostor(Rule):
    """Claims a code that belongs to another plugin."""

    code = "GX991"
    name = "impostor"


@hookimpl
def gxlint_rules():
    return [Impostor]
