"""The Pillow processor on its own: type by magic bytes, pixel cap before decoding, EXIF gone, upright."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from stichat.adapters.imaging import MAX_SIDE, THUMB_SIDE, PillowImageProcessor, fit, sniff
from stichat.domain.errors import ImageTooManyPixels, UnsupportedImageType
from tests.integration.test_uploads import jpeg_with_gps, png_declaring, rotated_jpeg

processor = PillowImageProcessor()


def encoded(fmt: str, size: tuple[int, int], mode: str = "RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, (10, 200, 90, 0) if mode == "RGBA" else (10, 200, 90)).save(out, fmt)
    return out.getvalue()


@pytest.mark.parametrize(("head", "kind"), [(b"\xff\xd8\xff\xe1", "jpeg"), (b"\x89PNG\r\n\x1a\n\0", "png"),
                                            (b"RIFF\0\0\0\0WEBPVP8 ", "webp")])
def test_the_type_is_read_from_the_magic_bytes(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


@pytest.mark.parametrize("head", [b"GIF89a", b"BM", b"<svg", b"%PDF", b"RIFF\0\0\0\0WAVE", b""])
def test_anything_else_is_unsupported(head: bytes) -> None:
    with pytest.raises(UnsupportedImageType):
        sniff(head)


def test_a_declared_pixel_count_over_the_cap_is_refused_before_decoding() -> None:
    with pytest.raises(ImageTooManyPixels):
        processor.inspect(png_declaring(50_000, 50_000))


def test_inspect_reports_the_original_size() -> None:
    info = processor.inspect(encoded("JPEG", (4000, 3000)))
    assert (info.kind, info.width, info.height) == ("jpeg", 4000, 3000)


def test_processing_drops_gps_and_turns_the_photo_upright() -> None:
    assert not Image.open(io.BytesIO(processor.process(jpeg_with_gps()).image)).getexif()
    result = processor.process(rotated_jpeg())
    assert (result.width, result.height) == (200, 400)


def test_the_output_fits_1920_and_the_thumbnail_320() -> None:
    result = processor.process(encoded("JPEG", (4000, 3000)))
    assert (result.width, result.height) == (MAX_SIDE, 1440)
    assert max(Image.open(io.BytesIO(result.thumbnail)).size) == THUMB_SIDE


def test_a_small_image_is_never_enlarged() -> None:
    assert fit(300, 200, MAX_SIDE) == (300, 200)
    result = processor.process(encoded("PNG", (300, 200)))
    assert (result.width, result.height) == (300, 200)


def test_transparency_becomes_white_not_black() -> None:
    result = processor.process(encoded("WEBP", (64, 64), mode="RGBA"))
    pixel = Image.open(io.BytesIO(result.image)).convert("RGB").getpixel((32, 32))
    assert isinstance(pixel, tuple) and min(pixel) > 240
