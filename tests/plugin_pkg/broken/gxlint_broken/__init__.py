"""Two broken gxlint plugins: one cannot be imported, one raises in its hook."""
