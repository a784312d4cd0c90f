"""Bounded decoding of Content-Encoding: a small gzip that inflates to gigabytes is stopped early.

The fetcher reads the raw (still encoded) stream and feeds it here chunk by chunk; output is
produced at most `_CHUNK` bytes at a time, so memory never exceeds the cap plus one chunk.
"""

from __future__ import annotations

import zlib

_CHUNK = 64 * 1024
SUPPORTED = ("gzip", "x-gzip", "deflate", "identity")


class DecompressedTooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"decompressed body exceeds max_decompressed_bytes={limit}")


class UnsupportedEncoding(Exception):
    pass


class _Inflater:
    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        # 47 = 32 + 15: zlib autodetects a gzip or zlib header; raw deflate is tried on failure
        self._z = zlib.decompressobj(47 if encoding in ("gzip", "x-gzip") else 15)
        self._raw_fallback = encoding == "deflate"
        self._started = False

    def feed(self, data: bytes, room: int) -> list[bytes]:
        out: list[bytes] = []
        pending = data
        while True:
            try:
                piece = self._z.decompress(pending, min(_CHUNK, room + 1))
            except zlib.error:
                # servers send "deflate" without the zlib wrapper often enough (RFC 1951 vs 1950)
                if self._raw_fallback and not self._started:
                    self._raw_fallback = False
                    self._z = zlib.decompressobj(-15)
                    continue
                raise
            self._started = True
            if piece:
                out.append(piece)
                room -= len(piece)
                if room < 0:
                    return out
            if self._z.eof:
                # a further gzip member follows (concatenated gzip is legal); anything after a
                # deflate stream is trailing garbage and ignored, as browsers do
                rest = self._z.unused_data + self._z.unconsumed_tail
                if rest and self.encoding in ("gzip", "x-gzip"):
                    pending = rest
                    self._z = zlib.decompressobj(47)
                    continue
                return out
            pending = self._z.unconsumed_tail
            if not pending:
                return out


class BoundedDecoder:
    """Undo a Content-Encoding chain (e.g. "gzip" or "deflate, gzip") with an output cap."""

    def __init__(self, content_encoding: str | None, limit: int) -> None:
        names = [e.strip().lower() for e in (content_encoding or "").split(",") if e.strip()]
        for name in names:
            if name not in SUPPORTED:
                raise UnsupportedEncoding(f"unsupported Content-Encoding {name!r}")
        # codings are listed in the order applied; undo them last first
        self._stages = [_Inflater(n) for n in reversed(names) if n != "identity"]
        self.limit = limit
        self.produced = 0

    def feed(self, data: bytes) -> bytes:
        chunks = [data]
        for stage in self._stages:
            room = self.limit - self.produced
            chunks = [piece for chunk in chunks for piece in stage.feed(chunk, room)]
        self.produced += sum(len(c) for c in chunks)
        if self.produced > self.limit:
            raise DecompressedTooLarge(self.limit)  # before joining: no second copy of a bomb
        return b"".join(chunks)

    def flush(self) -> bytes:
        return self.feed(b"")
