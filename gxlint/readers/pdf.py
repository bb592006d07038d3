"""PDF reader."""

from . import Document, ReadError


def read(data: bytes, path: str) -> Document:
    raise ReadError("暂不支持 PDF 文件 (pdf reader not available)")
