"""No stored photo or thumbnail carries a metadata block of the original: EXIF, XMP, IPTC, ICC or a
comment. Checked on the bytes written under UPLOADS_DIR, segment by segment."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import ExifTags, Image, ImageCms, PngImagePlugin

from tests.helpers import Chat
from tests.integration.test_uploads import upload, wait_finished

SECRET_COMMENT = b"taken at Calle Falsa 123 by Lucia"
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       b'<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Rosario"/>'
       b"</rdf:RDF></x:xmpmeta>")
#: Byte strings that only a metadata block would put in a JPEG.
MARKERS = {
    "exif": b"Exif\x00\x00",
    "xmp": b"http://ns.adobe.com/xap/1.0/",
    "xmp body": b"adobe:ns:meta",
    "iptc": b"Photoshop 3.0",
    "icc": b"ICC_PROFILE",
    "comment": SECRET_COMMENT,
    "gps maker": b"PhoneMaker",
}
#: The only segments our encoder may write: SOI, JFIF APP0, tables, frame, scan.
ALLOWED_SEGMENTS = {0xD8, 0xE0, 0xDB, 0xC0, 0xC4, 0xDD, 0xDA}


def exif() -> bytes:
    data = Image.Exif()
    data[ExifTags.Base.Make] = "PhoneMaker"
    data[ExifTags.IFD.GPSInfo] = {ExifTags.GPS.GPSLatitudeRef: "S", ExifTags.GPS.GPSLatitude: (32.0, 57.0, 12.0)}
    return data.tobytes()


def icc() -> bytes:
    return bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())


def iptc_segment() -> bytes:
    record = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", 13) + b"\x1c\x02\x5a\x00\x07Rosario" + b"\0"
    body = b"Photoshop 3.0\x00" + record
    return b"\xff\xed" + struct.pack(">H", len(body) + 2) + body


def jpeg_with_everything() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (800, 600), (30, 120, 200)).save(out, "JPEG", exif=exif(), icc_profile=icc(),
                                                        comment=SECRET_COMMENT, xmp=XMP)
    data = out.getvalue()
    return data[:2] + iptc_segment() + data[2:]


def png_with_everything() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", SECRET_COMMENT.decode())
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    out = io.BytesIO()
    Image.new("RGBA", (800, 600), (30, 120, 200, 255)).save(out, "PNG", pnginfo=info, exif=exif(), icc_profile=icc())
    return out.getvalue()


def webp_with_everything() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (800, 600), (30, 120, 200)).save(out, "WEBP", exif=exif(), icc_profile=icc(), xmp=XMP)
    return out.getvalue()


def segments(jpeg: bytes) -> list[int]:
    """The marker of every segment up to the scan (entropy-coded data never holds a bare FF xx)."""
    assert jpeg[:2] == b"\xff\xd8"
    found, at = [0xD8], 2
    while at < len(jpeg):
        assert jpeg[at] == 0xFF, f"not a marker at {at}"
        marker = jpeg[at + 1]
        found.append(marker)
        if marker == 0xDA:
            return found
        at += 2 + struct.unpack(">H", jpeg[at + 2:at + 4])[0]
    raise AssertionError("no scan")


def assert_clean(jpeg: bytes) -> None:
    assert set(segments(jpeg)) <= ALLOWED_SEGMENTS, [hex(m) for m in segments(jpeg)]
    assert b"\xff\xfe" not in jpeg  # a COM segment, anywhere in the file
    for name, marker in MARKERS.items():
        assert marker not in jpeg, f"{name} survived"


SOURCES = {"jpeg": jpeg_with_everything, "png": png_with_everything, "webp": webp_with_everything}


@pytest.mark.parametrize("kind", SOURCES)
def test_the_sample_really_carries_every_metadata_block(kind: str) -> None:
    data = SOURCES[kind]()
    assert SECRET_COMMENT in data or kind == "webp"
    assert b"adobe:ns:meta" in data


@pytest.mark.parametrize("kind", SOURCES)
def test_a_stored_photo_and_its_thumbnail_carry_no_metadata_block(client: TestClient, tmp_path: Path,
                                                                   kind: str) -> None:
    chat = Chat(client)
    image_id = upload(client, chat, SOURCES[kind]()).json()["imageId"]
    assert wait_finished(client, chat, image_id)["status"] == "done"
    uploads = client.app.state.services.settings.uploads_dir  # type: ignore[attr-defined]
    for name in (f"{image_id}.jpg", f"{image_id}.thumb.jpg"):
        assert_clean((uploads / name).read_bytes())
