"""Content fingerprints of report text that ignore where and how the report was published.

Normalisation (both functions): NFKC (full-width → half-width), OpenCC t2s (繁 → 简), a few variant
characters folded (著/着), then keep only CJK characters, digits and Latin letters — whitespace,
punctuation and its width vanish.

fingerprint(text) — an exact key for "same report":
  1. cut the text into sentences and drop portal residue: short pieces (< 12 kept characters, i.e.
     menu items, breadcrumbs, 发布日期/浏览次数 lines) and sentences naming site furniture
     (版权所有, ICP备, 网站标识码, 主办单位, 打印本页 …);
  2. hash every remaining sentence (BLAKE2b, 64 bit) and keep the K smallest hashes — a bottom-K
     sample of the report body that does not depend on sentence order or on a few residue lines;
  3. the fingerprint is the BLAKE2b-128 hex of those K hashes, sorted.
  A residue sentence that survives step 1 changes the fingerprint only if its hash falls among the
  K smallest (probability about K / number of body sentences); K = 4 keeps that small for
  reports of 100+ sentences while different reports never share 4 sentences' minima.

similarity(a, b) — near-duplicate detection: estimated Jaccard similarity of the two texts'
  5-character shingle sets, from a 128-value MinHash signature (signature() exposes it for
  indexing). Two publications of one report score close to 1.0; unrelated reports stay low.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

import opencc

_KEEP = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]+")
_SENTENCE = re.compile(r"[。！？；;!?\n]+")
_RESIDUE = re.compile(
    r"版权所有|ICP备|icp备|网站标识码|主办单位|承办单位|技术支持|公网安备|联系我们|网站地图|打印本页|关闭窗口"
    r"|浏览次数|点击数|发布日期|发布时间|来源[:：]|字号|分享到|扫一扫|索引号|文号|首页"
)
_TERMINATORS = "。！？；;!?"
# Characters OpenCC leaves as they are but that simplified texts write either way (著力/着力).
_VARIANTS = str.maketrans({"著": "着", "於": "于", "併": "并", "裡": "里", "祇": "只", "麼": "么"})
_MIN_SENTENCE = 12
_BOTTOM_K = 4
_SHINGLE = 5
_NUM_PERM = 128
_MERSENNE = (1 << 61) - 1


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def canonical(text: str) -> str:
    """The text reduced to simplified CJK characters, digits and letters."""
    return _KEEP.sub("", _simplified(text))


def _h64(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big")


def _simplified(text: str) -> str:
    return _t2s().convert(unicodedata.normalize("NFKC", text)).translate(_VARIANTS)


def body_sentences(text: str) -> list[str]:
    """Canonical sentences of the report body (portal residue removed).

    The last piece is dropped when the text does not end a sentence there: an excerpt cut at
    different points on two portals must not make the same report look different.
    """
    text = _simplified(text).rstrip()
    pieces = _SENTENCE.split(text)
    if pieces and text and text[-1] not in _TERMINATORS:
        pieces = pieces[:-1]
    out = []
    for piece in pieces:
        if _RESIDUE.search(piece):
            continue
        kept = _KEEP.sub("", piece)
        if len(kept) >= _MIN_SENTENCE:
            out.append(kept)
    return out


def fingerprint(text: str) -> str:
    """32 hex characters identifying the report's content (see the module docstring)."""
    hashes = sorted({_h64(s) for s in body_sentences(text)})
    if not hashes:  # nothing report-like: fall back to the whole canonical text
        hashes = [_h64(canonical(text))]
    material = b"".join(h.to_bytes(8, "big") for h in hashes[:_BOTTOM_K])
    return hashlib.blake2b(material, digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def _permutations() -> tuple[tuple[int, int], ...]:
    seed = hashlib.blake2b(b"fazhi-minhash", digest_size=64).digest()
    out = []
    for i in range(_NUM_PERM):
        h = hashlib.blake2b(seed + i.to_bytes(2, "big"), digest_size=16).digest()
        a = int.from_bytes(h[:8], "big") % (_MERSENNE - 1) + 1
        out.append((a, int.from_bytes(h[8:], "big") % _MERSENNE))
    return tuple(out)


def signature(text: str) -> tuple[int, ...]:
    """MinHash signature of the canonical text's 5-character shingles."""
    c = "".join(body_sentences(text)) or canonical(text)
    shingles = {_h64(c[i : i + _SHINGLE]) for i in range(max(1, len(c) - _SHINGLE + 1))}
    return tuple(min((a * s + b) % _MERSENNE for s in shingles) for a, b in _permutations())


def similarity(a: str, b: str) -> float:
    """Estimated Jaccard similarity (0..1) of two texts' shingle sets."""
    sa, sb = signature(a), signature(b)
    return sum(x == y for x, y in zip(sa, sb, strict=True)) / _NUM_PERM
