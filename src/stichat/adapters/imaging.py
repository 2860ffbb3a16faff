"""Image checks and processing on Pillow: magic bytes, pixel cap, orientation, no metadata, 1920 px."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from stichat.domain.errors import Unprocessable, UnsupportedMedia

MAX_SIDE = 1920
THUMB_SIDE = 320
#: About 40 megapixels: bigger than any phone photo, small enough that decoding cannot exhaust memory.
MAX_PIXELS = 40_000_000
QUALITY = 82


def sniff(head: bytes) -> str:
    """The image type from its first bytes: jpeg, png or webp; anything else is a 415."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    raise UnsupportedMedia("unsupported_image_type", detail="only JPEG, PNG and WebP images")


@dataclass(frozen=True)
class Processed:
    image: bytes
    thumbnail: bytes
    width: int
    height: int


class PillowImageProcessor:
    def process(self, data: bytes) -> Processed:
        kind = sniff(data[:16])
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(io.BytesIO(data)) as probe:
                    if probe.format is None or probe.format.lower() != kind:
                        raise UnsupportedMedia("unsupported_image_type", detail="content does not match its type")
                    if probe.width * probe.height > MAX_PIXELS:
                        raise Unprocessable("image_too_many_pixels", detail="the image has too many pixels")
                    probe.load()
                    upright = ImageOps.exif_transpose(probe)
        except (UnsupportedMedia, Unprocessable):
            raise
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError,
                Image.DecompressionBombWarning) as exc:
            raise Unprocessable("invalid_image", detail="the image is damaged or incomplete") from exc
        rgb = upright.convert("RGB")
        rgb.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        rgb.save(out, "JPEG", quality=QUALITY, optimize=True, progressive=True)  # no exif= : no metadata
        thumb = rgb.copy()
        thumb.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)
        thumb_out = io.BytesIO()
        thumb.save(thumb_out, "JPEG", quality=75)
        return Processed(out.getvalue(), thumb_out.getvalue(), rgb.width, rgb.height)
