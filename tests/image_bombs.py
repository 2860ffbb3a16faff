"""Small files that decode to huge images: what an attacker would send to exhaust memory."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

#: A 38-byte lossless WebP of 6300 × 6300 pixels (one colour), made once with Pillow and kept as bytes.
WEBP_6300 = bytes.fromhex("524946461e000000574542505650384c110000002f9bd826060750e42ad4a3ff8188e87f0000")


def png_rgba16(width: int, height: int) -> bytes:
    """A 16-bit RGBA PNG of one colour: 8 bytes a pixel decoded, a few hundred kB on the wire."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    row = b"\0" + b"\x12\x34\x56\x78\x9a\xbc\xff\xff" * width
    packer = zlib.compressobj(9)
    rows_at_once = 64
    body = [packer.compress(row * rows_at_once) for _ in range(height // rows_at_once)]
    body += [packer.compress(row * (height % rows_at_once)), packer.flush()]
    header = struct.pack(">IIBBBBB", width, height, 16, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", b"".join(body)) + chunk(b"IEND", b"")


def jpeg_40mp() -> bytes:
    """A 7300 × 5475 JPEG (40 megapixels, the cap), a gradient so that it is not trivially small."""
    out = io.BytesIO()
    Image.linear_gradient("L").resize((7300, 5475)).save(out, "JPEG", quality=85)
    return out.getvalue()
