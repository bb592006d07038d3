"""``python -m gxlint`` behaves exactly like the ``gxlint`` command."""

from .cli.main import program

if __name__ == "__main__":
    program()
