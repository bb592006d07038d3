"""HTML reader."""

from . import Document, ReadError


def read(data: bytes, path: str) -> Document:
    raise ReadError("暂不支持 HTML 文件 (html reader not available)")
