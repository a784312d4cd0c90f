import gzip
import tracemalloc
import zlib

import pytest

from crawlers.compression import BoundedDecoder, DecompressedTooLarge, UnsupportedEncoding

DATA = "法治政府建设年度报告。".encode() * 20_000
_raw = zlib.compressobj(wbits=-15)
RAW_DEFLATE = _raw.compress(DATA) + _raw.flush()


def feed_in_chunks(decoder: BoundedDecoder, data: bytes, size: int = 4096) -> bytes:
    out = b"".join(decoder.feed(data[i : i + size]) for i in range(0, len(data), size))
    return out + decoder.flush()


@pytest.mark.parametrize(
    ("coding", "encoded"),
    [
        ("gzip", gzip.compress(DATA)),
        ("x-gzip", gzip.compress(DATA)),
        ("deflate", zlib.compress(DATA)),
        ("deflate", RAW_DEFLATE),  # servers send raw deflate as "deflate" too
        ("identity", DATA),
        (None, DATA),
        ("gzip, gzip", gzip.compress(gzip.compress(DATA))),
    ],
)
def test_codings_are_undone(coding, encoded):
    assert feed_in_chunks(BoundedDecoder(coding, 10_000_000), encoded) == DATA


def test_concatenated_gzip_members():
    assert BoundedDecoder("gzip", 100).feed(gzip.compress(b"ab") + gzip.compress(b"cd")) == b"abcd"


def test_a_bomb_stops_at_the_cap_without_inflating():
    bomb = gzip.compress(b"\0" * 200_000_000)  # ~200 KB that would inflate to 200 MB
    decoder = BoundedDecoder("gzip", 1_000_000)
    tracemalloc.start()
    with pytest.raises(DecompressedTooLarge, match="max_decompressed_bytes=1000000"):
        feed_in_chunks(decoder, bomb, 65536)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 10_000_000  # bounded by the cap plus a chunk, nowhere near 200 MB


def test_unsupported_coding_is_refused_up_front():
    with pytest.raises(UnsupportedEncoding, match="br"):
        BoundedDecoder("br", 100)


def test_corrupt_gzip_raises_zlib_error():
    with pytest.raises(zlib.error):
        BoundedDecoder("gzip", 10_000).feed(b"\x1f\x8b\x08\x00garbage-garbage")
