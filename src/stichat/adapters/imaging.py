"""Image checks and processing on Pillow: magic bytes, pixel cap, a memory budget, orientation, no metadata.

Two steps with different costs and places:
- `inspect` runs in the request (in a thread): the type from the magic bytes, the size from the
  header (before any pixel is decoded: the defence against decompression bombs), and an integrity
  pass cheap enough for a request (a JPEG decoded at 1/8 scale, a PNG's chunk CRCs, a WebP's RIFF
  length). A WebP is never decoded in the request: Pillow's WebP decoder has no reduced mode and
  holds about four full canvases, so that work waits for the job and its budget.
- `process` runs in the image job: decoded within the process's `DecodeBudget`, flattened and
  shrunk band by band (never a second full-size copy), turned upright, fitted inside 1920 px and
  re-encoded as JPEG from pixels alone (no EXIF, XMP, IPTC, ICC or comment of the original is
  copied: the output is read as sRGB), plus a small thumbnail.

Why Pillow and not pyvips: `make bench` measures both against sharp (libvips) on the same 12 MP photo;
with `draft()` (libjpeg's DCT scaling, which decodes a JPEG directly at 1/2, 1/4 or 1/8 size) Pillow
is as fast as sharp here, with no native library beyond Pillow's own wheel (docs/images.md).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import io
import math
import struct
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from stichat.domain.errors import ImageRejected, ImageTooManyPixels, InvalidImage, UnsupportedImageType

MAX_SIDE = 1920
THUMB_SIDE = 320
#: About 40 megapixels: bigger than any phone photo. What a decode may hold is bounded separately,
#: by the budget below (a 40 MP PNG fits; a WebP that size does not).
MAX_PIXELS = 40_000_000
#: Decoded pixels one process may hold at once, over every decode running in it (IMAGE_DECODE_MB).
DEFAULT_BUDGET_BYTES = 256 * 1024 * 1024
QUALITY = 82
THUMB_QUALITY = 75
#: Decode a JPEG at the smallest DCT scale whose size is still at least this many times the output:
#: a Lanczos resize from there looks the same as from the full image, for a fraction of the work.
DRAFT_MARGIN = 1.0
#: Below this reduction ratio the resize uses a bilinear filter (see `_filter`).
SMALL_STEP = 1.5
#: A box reduction by a whole factor leaves at least this many times the output for the final Lanczos.
REDUCE_GAP = 1.5
#: Rows flattened and reduced at a time (times the factor): a few MB, whatever the image.
BAND_ROWS = 64
#: Bytes Pillow keeps per pixel of a decoded image (RGB is stored as four bytes, like RGBA).
BYTES_PER_PIXEL = 4
#: Pillow's WebP decoder (libwebp's animation API) holds two canvases and a copy besides the image.
WEBP_COPIES = 4

_FORMATS = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}
_BROKEN = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, struct.error,
           Image.DecompressionBombError, Image.DecompressionBombWarning)
_ORIENTATION = 0x0112
_TRANSPOSE = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
              5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
              8: Image.Transpose.ROTATE_90}


def sniff(head: bytes) -> str:
    """The image type from its first bytes: jpeg, png or webp; anything else is a 415."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    raise UnsupportedImageType("only JPEG, PNG and WebP images")


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


def _too_many_pixels() -> ImageTooManyPixels:
    return ImageTooManyPixels("the image has too many pixels")


def _damaged() -> InvalidImage:
    return InvalidImage("the image is damaged or incomplete")


def webp_size(data: bytes) -> tuple[int, int]:
    """A WebP's canvas from its first chunk (VP8, VP8L or VP8X), read here because opening it with
    Pillow already allocates the decoder's canvases; a RIFF length other than the file's is damage."""
    if len(data) < 30 or struct.unpack_from("<I", data, 4)[0] + 8 not in (len(data), len(data) - 1):
        raise _damaged()
    chunk = data[12:16]
    if chunk == b"VP8X":
        width = 1 + int.from_bytes(data[24:27], "little")
        height = 1 + int.from_bytes(data[27:30], "little")
    elif chunk == b"VP8L" and data[20] == 0x2F:
        bits = int.from_bytes(data[21:25], "little")
        width, height = 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
    elif chunk == b"VP8 " and data[23:26] == b"\x9d\x01\x2a":
        width = int.from_bytes(data[26:28], "little") & 0x3FFF
        height = int.from_bytes(data[28:30], "little") & 0x3FFF
    else:
        raise _damaged()
    if width <= 0 or height <= 0:
        raise _damaged()
    return width, height


class DecodeBudget:
    """What one process may decode at once: at most `slots` images and `total` bytes of pixels.

    A decode reserves its cost before the first pixel is allocated and waits for room; one that
    could never fit is refused (422). So N concurrent uploads or jobs cost at most `total`, by design.
    """

    def __init__(self, *, total: int = DEFAULT_BUDGET_BYTES, slots: int = 2) -> None:
        if total <= 0 or slots <= 0:
            raise ValueError("the decode budget needs room for one image")
        self.total, self.slots = total, slots
        self._used = self._running = 0
        self._room = threading.Condition()

    @contextmanager
    def reserve(self, cost: int) -> Iterator[None]:
        if cost > self.total:
            raise _too_many_pixels()
        with self._room:
            self._room.wait_for(lambda: self._running < self.slots and self._used + cost <= self.total)
            self._used += cost
            self._running += 1
        try:
            yield
        finally:
            with self._room:
                self._used -= cost
                self._running -= 1
                self._room.notify_all()


def _check_pixels(width: int, height: int) -> None:
    if width <= 0 or height <= 0 or width * height > MAX_PIXELS:
        raise _too_many_pixels()


def _open(data: bytes, kind: str) -> Image.Image:
    """Open (header only: no pixel buffer for JPEG and PNG) and refuse too many pixels."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[_FORMATS[kind]])
    except Image.DecompressionBombError as exc:
        raise _too_many_pixels() from exc
    except _BROKEN as exc:
        raise _damaged() from exc
    try:
        _check_pixels(image.width, image.height)
    except ImageTooManyPixels:
        image.close()
        raise
    return image


#: glibc's mallopt() parameter for the size from which malloc maps memory of its own (M_MMAP_THRESHOLD).
_M_MMAP_THRESHOLD = -3
#: Pillow allocates a decoded image in 16 MB blocks; from this size on, each block is its own mapping.
_MMAP_FROM = 1024 * 1024


def return_freed_images_to_the_system() -> bool:
    """Make every block of a decoded image its own mapping, given back to the system when freed.

    glibc raises its mmap threshold each time a large block is freed, so the next 16 MB blocks come
    from a thread's heap instead and stay there once freed: with jobs on several threads, each thread
    kept its last image and the process's RSS grew far past the decode budget. Setting the threshold
    once turns that adjustment off. A no-op (False) on a C library without mallopt (musl, macOS).
    """
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        return bool(libc is not None and libc.mallopt(_M_MMAP_THRESHOLD, _MMAP_FROM))
    except (OSError, AttributeError):
        return False


class PillowImageProcessor:
    """The `ImageProcessor` port on Pillow; CPU-bound and blocking: callers run it in a thread.

    One instance per process, shared by the request path and the jobs, so its budget is the process's.
    """

    def __init__(self, budget: DecodeBudget | None = None) -> None:
        self.budget = budget or DecodeBudget()
        return_freed_images_to_the_system()

    def inspect(self, data: bytes) -> ImageInfo:
        """Validate without keeping anything: raise ImageRejected (unsupported type, too many pixels, damaged)."""
        kind = sniff(data[:16])
        if kind == "webp":
            width, height = webp_size(data)
            _check_pixels(width, height)
            if width * height * BYTES_PER_PIXEL * WEBP_COPIES > self.budget.total:
                raise _too_many_pixels()  # refused now rather than failed later by the job
            return ImageInfo(kind, width, height)
        image = _open(data, kind)
        try:
            with image, warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                width, height = image.width, image.height
                if kind == "png":
                    image.verify()  # every chunk's CRC and the IEND marker; no pixel decoding
                    return ImageInfo(kind, width, height)
                image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                with self.budget.reserve(image.width * image.height * BYTES_PER_PIXEL):
                    image.load()  # a truncated or garbled stream fails here
                return ImageInfo(kind, width, height)
        except ImageRejected:
            raise
        except _BROKEN as exc:
            raise _damaged() from exc

    def process(self, data: bytes) -> Processed:
        """Upright, metadata-free, fitted inside MAX_SIDE, as JPEG; with a THUMB_SIDE thumbnail."""
        kind = sniff(data[:16])
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                if kind == "webp":
                    width, height = webp_size(data)
                    _check_pixels(width, height)
                    # The WebP decoder allocates its canvases when opened: reserve before opening.
                    with self.budget.reserve(_cost(width, height, WEBP_COPIES, has_copy=True)):
                        return self._shrink_and_encode(_open(data, kind))
                image = _open(data, kind)
                if kind == "jpeg":
                    target = fit(image.width, image.height, MAX_SIDE)
                    image.draft("RGB", (int(target[0] * DRAFT_MARGIN), int(target[1] * DRAFT_MARGIN)))
                copy = image.mode != "RGB" or _factor(image.size) > 1
                with self.budget.reserve(_cost(image.width, image.height, 1, has_copy=copy)):
                    return self._shrink_and_encode(image)
        except ImageRejected:
            raise
        except _BROKEN as exc:
            raise _damaged() from exc

    def _shrink_and_encode(self, image: Image.Image) -> Processed:
        with image:
            image.load()
            orientation = image.getexif().get(_ORIENTATION, 1)
            small = _flat_reduced(image, _factor(image.size))
            if orientation in _TRANSPOSE:  # on the reduced copy: the same picture for less work
                small = small.transpose(_TRANSPOSE[orientation])
            return _encode(small)


def _factor(size: tuple[int, int]) -> int:
    """The whole factor a box reduction may take before the final resize to MAX_SIDE."""
    target = fit(size[0], size[1], MAX_SIDE)
    return max(1, math.floor(min(size[0] / target[0], size[1] / target[1]) / REDUCE_GAP))


def _cost(width: int, height: int, copies: int, *, has_copy: bool) -> int:
    """Bytes held at the peak of a decode: the decoded image (times the decoder's own copies), plus
    the flattened, reduced copy when one is made."""
    decoded = width * height * BYTES_PER_PIXEL * copies
    if not has_copy:
        return decoded
    factor = _factor((width, height))
    return decoded + math.ceil(width / factor) * math.ceil(height / factor) * BYTES_PER_PIXEL


def _flat_reduced(image: Image.Image, factor: int) -> Image.Image:
    """RGB over white, box-reduced by `factor`, built band by band so that no second full-size image
    exists at any moment (a 40 MP RGBA PNG would otherwise need three)."""
    if image.mode == "RGB" and factor == 1:
        return image  # a JPEG decoded by draft() is already near the output size
    width, height = image.size
    out = Image.new("RGB", (math.ceil(width / factor), math.ceil(height / factor)))
    step = BAND_ROWS * factor
    for top in range(0, height, step):
        band = _flatten(image.crop((0, top, width, min(height, top + step))))
        out.paste(band.reduce(factor) if factor > 1 else band, (0, top // factor))
    return out


def _clean(image: Image.Image) -> Image.Image:
    """Nothing of the original's info (comment, exif, icc, xmp, dpi …) reaches the encoder."""
    image.info = {}
    return image


def _encode(upright: Image.Image) -> Processed:
    size = fit(upright.width, upright.height, MAX_SIDE)
    if size != upright.size:
        upright = upright.resize(size, _filter(upright.width / size[0]), reducing_gap=3.0)
    out = io.BytesIO()
    # Saved from pixels only; Pillow would otherwise copy a JPEG comment from `info` by itself.
    _clean(upright).save(out, "JPEG", quality=QUALITY)
    thumb = upright.resize(fit(upright.width, upright.height, THUMB_SIDE), Image.Resampling.LANCZOS,
                           reducing_gap=2.0)
    thumb_out = io.BytesIO()
    _clean(thumb).save(thumb_out, "JPEG", quality=THUMB_QUALITY)
    return Processed(out.getvalue(), thumb_out.getvalue(), upright.width, upright.height)


def _filter(ratio: float) -> Image.Resampling:
    """Lanczos for real reductions; for the last small step after DCT scaling (a 12 MP photo is
    decoded at 2000 px for a 1920 px output) Pillow's antialiased bilinear looks the same and costs
    half as much: the step that decides whether we keep up with sharp (`make bench`)."""
    return Image.Resampling.BILINEAR if ratio < SMALL_STEP else Image.Resampling.LANCZOS


def _flatten(image: Image.Image) -> Image.Image:
    """RGB; transparent parts (screenshots, stickers) over white rather than the black under them."""
    if image.mode in ("RGBA", "LA", "RGBa", "La") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image if image.mode == "RGB" else image.convert("RGB")
