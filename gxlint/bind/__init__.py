"""Bind generic table tokens to the named cells of an official template."""
