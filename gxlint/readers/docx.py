"""DOCX reader."""

from . import Document, ReadError


def read(data: bytes, path: str) -> Document:
    raise ReadError("暂不支持 DOCX 文件 (docx reader not available)")
