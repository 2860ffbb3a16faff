"""Image checks and processing on Pillow: magic bytes, pixel cap, orientation, no metadata, 1920 px.

Two steps with different costs and places:
- `inspect` runs in the request (in a thread): the type from the magic bytes, the pixel count from
  the header (before any pixel is decoded: the defence against decompression bombs), and an
  integrity pass cheap enough for a request (a JPEG decoded at 1/8 scale, a PNG's chunk CRCs).
- `process` runs in the image job: orientation applied, every metadata block dropped (nothing of the
  original's EXIF, XMP, ICC or comments is copied: the output is built from pixels alone), fitted
  inside 1920 px, re-encoded as JPEG, plus a small thumbnail for the widget.

Why Pillow and not pyvips: `make bench` measures both against sharp (libvips) on the same 12 MP photo;
with `draft()` (libjpeg's DCT scaling, which decodes a JPEG directly at 1/2, 1/4 or 1/8 size) Pillow
is as fast as sharp here, with no native library beyond Pillow's own wheel (docs/images.md).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from stichat.domain.errors import Unprocessable, UnsupportedMedia

MAX_SIDE = 1920
THUMB_SIDE = 320
#: About 40 megapixels: bigger than any phone photo, small enough that decoding cannot exhaust memory
#: (40 MP × 4 bytes = 160 MB at worst, once, in a job that runs at most IMAGE_WORKERS at a time).
MAX_PIXELS = 40_000_000
QUALITY = 82
THUMB_QUALITY = 75
#: Decode a JPEG at the smallest DCT scale whose size is still at least this many times the output:
#: a Lanczos resize from there looks the same as from the full image, for a fraction of the work.
DRAFT_MARGIN = 1.0
#: Below this reduction ratio the resize uses a bilinear filter (see `_filter`).
SMALL_STEP = 1.5

_FORMATS = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}
_BROKEN = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError,
           Image.DecompressionBombWarning)


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
class ImageInfo:
    kind: str
    width: int
    height: int


@dataclass(frozen=True)
class Processed:
    image: bytes
    thumbnail: bytes
    width: int
    height: int


def fit(width: int, height: int, side: int) -> tuple[int, int]:
    """The size of width × height scaled down (never up) to fit inside side × side."""
    scale = min(1.0, side / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _open(data: bytes) -> Image.Image:
    """Open (header only) and refuse a type mismatch or too many pixels before any decoding."""
    kind = sniff(data[:16])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[_FORMATS[kind]])
    except Image.DecompressionBombError as exc:
        raise Unprocessable("image_too_many_pixels", detail="the image has too many pixels") from exc
    except _BROKEN as exc:
        raise Unprocessable("invalid_image", detail="the image is damaged or incomplete") from exc
    if image.width * image.height > MAX_PIXELS or image.width <= 0 or image.height <= 0:
        image.close()
        raise Unprocessable("image_too_many_pixels", detail="the image has too many pixels")
    return image


class PillowImageProcessor:
    """The `ImageProcessor` port on Pillow; CPU-bound and blocking: callers run it in a thread."""

    def inspect(self, data: bytes) -> ImageInfo:
        """Validate without keeping anything: raise UnsupportedMedia (415) or Unprocessable (422)."""
        image = _open(data)
        try:
            with image, warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                kind, width, height = sniff(data[:16]), image.width, image.height
                if kind == "png":
                    image.verify()  # every chunk's CRC and the IEND marker; no pixel decoding
                else:
                    if kind == "jpeg":
                        image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
                    image.load()  # a truncated or garbled stream fails here
                return ImageInfo(kind, width, height)
        except (UnsupportedMedia, Unprocessable):
            raise
        except _BROKEN as exc:
            raise Unprocessable("invalid_image", detail="the image is damaged or incomplete") from exc

    def process(self, data: bytes) -> Processed:
        """Upright, metadata-free, fitted inside MAX_SIDE, as JPEG; with a THUMB_SIDE thumbnail."""
        image = _open(data)
        try:
            with image, warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                target = fit(image.width, image.height, MAX_SIDE)
                if image.format == "JPEG":
                    image.draft("RGB", (int(target[0] * DRAFT_MARGIN), int(target[1] * DRAFT_MARGIN)))
                image.load()
                ImageOps.exif_transpose(image, in_place=True)  # no copy of the pixels when already upright
                return _encode(_flatten(image))
        except _BROKEN as exc:
            raise Unprocessable("invalid_image", detail="the image is damaged or incomplete") from exc


def _encode(upright: Image.Image) -> Processed:
    size = fit(upright.width, upright.height, MAX_SIDE)
    if size != upright.size:
        upright = upright.resize(size, _filter(upright.width / size[0]), reducing_gap=3.0)
    out = io.BytesIO()
    # Saved from pixels only: no exif=, icc_profile= or comment=, so no GPS, no camera serial.
    upright.save(out, "JPEG", quality=QUALITY)
    thumb = upright.resize(fit(upright.width, upright.height, THUMB_SIDE), Image.Resampling.LANCZOS,
                           reducing_gap=2.0)
    thumb_out = io.BytesIO()
    thumb.save(thumb_out, "JPEG", quality=THUMB_QUALITY)
    return Processed(out.getvalue(), thumb_out.getvalue(), upright.width, upright.height)


def _filter(ratio: float) -> Image.Resampling:
    """Lanczos for real reductions; for the last small step after DCT scaling (a 12 MP photo is
    decoded at 2000 px for a 1920 px output) Pillow's antialiased bilinear looks the same and costs
    half as much: the step that decides whether we keep up with sharp (`make bench`)."""
    return Image.Resampling.BILINEAR if ratio < SMALL_STEP else Image.Resampling.LANCZOS


def _flatten(image: Image.Image) -> Image.Image:
    """RGB; transparent parts (screenshots, stickers) over white rather than the black under them."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image if image.mode == "RGB" else image.convert("RGB")
