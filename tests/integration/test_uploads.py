"""Uploads through the API (embedded default): every hostile or odd file gets the right answer, and
nothing a customer sent is ever stored where it could be served."""

from __future__ import annotations

import io
import struct
import time
import zlib
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from PIL import ExifTags, Image

from tests.helpers import Chat, jpeg_bytes

UploadClient = Any


def photo(fmt: str = "JPEG", size: tuple[int, int] = (640, 480), **save: Any) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (30, 120, 200)).save(out, fmt, **save)
    return out.getvalue()


def jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.IFD.GPSInfo] = {ExifTags.GPS.GPSLatitudeRef: "S", ExifTags.GPS.GPSLatitude: (32.0, 57.0, 12.0),
                                  ExifTags.GPS.GPSLongitudeRef: "W", ExifTags.GPS.GPSLongitude: (60.0, 39.0, 5.0)}
    return photo(exif=exif.tobytes())


def rotated_jpeg() -> bytes:
    """Stored 400 wide × 200 high, with EXIF orientation 6: shown upright it is 200 × 400."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    return photo(size=(400, 200), exif=exif.tobytes())


def png_declaring(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
            + chunk(b"IEND", b""))


def large_png() -> bytes:
    """36 megapixels in about 120 kB: a couple of seconds of work for the job, trivial to upload."""
    out = io.BytesIO()
    Image.linear_gradient("L").resize((6000, 6000)).convert("RGB").save(out, "PNG", compress_level=9)
    return out.getvalue()


def upload(client: TestClient, chat: Chat, data: bytes, name: str = "foto.jpg",
           content_type: str = "image/jpeg") -> Any:
    return client.post("/api/upload-image", headers={"x-session-id": chat.session_id},
                       files={"image": (name, data, content_type)})


def wait_finished(client: TestClient, chat: Chat, image_id: str, timeout: float = 20) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body: dict[str, Any] = client.get(f"/api/upload-image/{image_id}",
                                          headers={"x-session-id": chat.session_id}).json()
        if body["status"] in ("done", "failed"):
            return body
        time.sleep(0.02)
    raise AssertionError(f"image {image_id} still {body['status']} after {timeout} s")


def processed(client: TestClient, chat: Chat, image_id: str, *, thumb: bool = False) -> Image.Image:
    response = client.get(f"/api/upload-image/{image_id}/file" + ("?thumb=true" if thumb else ""),
                          headers={"x-session-id": chat.session_id})
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/jpeg"
    return Image.open(io.BytesIO(response.content))


@pytest.fixture
def client(make_client: Any) -> TestClient:
    return make_client(MAX_UPLOAD_MB="5")  # type: ignore[no-any-return]


def uploads_dir(client: TestClient) -> Path:
    return Path(client.app.state.services.settings.uploads_dir)  # type: ignore[attr-defined]


def incoming_dir(client: TestClient) -> Path:
    return Path(client.app.state.services.settings.data_dir) / "incoming"  # type: ignore[attr-defined]


def test_the_reply_says_queued_with_a_status_url_and_the_job_makes_it_done(client: TestClient) -> None:
    chat = Chat(client)
    response = upload(client, chat, jpeg_bytes(800, 600))
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"ok", "imageId", "status", "statusUrl"}
    assert body["ok"] is True and body["status"] in ("queued", "done")
    assert body["statusUrl"] == f"/api/upload-image/{body['imageId']}"
    done = wait_finished(client, chat, body["imageId"])
    assert (done["status"], done["width"], done["height"]) == ("done", 800, 600)
    assert "analysis" not in done  # smart mode off: stored and acknowledged, honestly without analysis
    thumb = processed(client, chat, body["imageId"], thumb=True)
    assert max(thumb.size) <= 320


def test_gps_and_every_other_exif_field_are_gone_after_processing(client: TestClient) -> None:
    chat = Chat(client)
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the fixture has GPS
    image_id = upload(client, chat, original).json()["imageId"]
    assert wait_finished(client, chat, image_id)["status"] == "done"
    for thumb in (False, True):
        result = processed(client, chat, image_id, thumb=thumb)
        assert not result.getexif() and "exif" not in result.info
    raw = (uploads_dir(client) / f"{image_id}.jpg").read_bytes()
    assert b"Exif" not in raw and b"PhoneMaker" not in raw


def test_a_photo_taken_sideways_is_turned_upright(client: TestClient) -> None:
    chat = Chat(client)
    image_id = upload(client, chat, rotated_jpeg()).json()["imageId"]
    done = wait_finished(client, chat, image_id)
    assert (done["width"], done["height"]) == (200, 400)
    assert processed(client, chat, image_id).size == (200, 400)


def test_a_big_photo_is_fitted_inside_1920_pixels(client: TestClient) -> None:
    chat = Chat(client)
    image_id = upload(client, chat, photo(size=(4000, 3000), quality=70)).json()["imageId"]
    done = wait_finished(client, chat, image_id)
    assert (done["width"], done["height"]) == (1920, 1440)


@pytest.mark.parametrize(("fmt", "content_type"), [("PNG", "image/png"), ("WEBP", "image/webp")])
def test_png_and_webp_are_accepted_and_served_as_jpeg(client: TestClient, fmt: str, content_type: str) -> None:
    chat = Chat(client)
    response = upload(client, chat, photo(fmt), name=f"captura.{fmt.lower()}", content_type=content_type)
    assert response.status_code == 200, response.text
    assert wait_finished(client, chat, response.json()["imageId"])["status"] == "done"
    assert processed(client, chat, response.json()["imageId"]).format == "JPEG"


def test_the_type_comes_from_the_bytes_not_the_name(client: TestClient) -> None:
    chat = Chat(client)
    response = upload(client, chat, jpeg_bytes(), name="foto.png", content_type="image/png")
    assert response.status_code == 200
    assert wait_finished(client, chat, response.json()["imageId"])["status"] == "done"


@pytest.mark.parametrize(("data", "status", "code"), [
    pytest.param(jpeg_bytes(800, 600)[:2000], 422, "invalid_image", id="truncated-jpeg"),
    pytest.param(png_declaring(50_000, 50_000), 422, "image_too_many_pixels", id="50000x50000-declared"),
    pytest.param(b"\xff\xd8\xff\xe0" + b"<html><script>alert(1)</script></html>" * 20, 422, "invalid_image",
                 id="jpeg-header-then-html"),
    pytest.param(b"<html><body>hola</body></html>", 415, "unsupported_image_type", id="html"),
    pytest.param(b"GIF89a" + b"\0" * 100, 415, "unsupported_image_type", id="gif"),
    pytest.param(b"%PDF-1.7\n" + b"x" * 100, 415, "unsupported_image_type", id="pdf-named-jpg"),
])
def test_a_bad_file_is_refused_and_nothing_is_kept(client: TestClient, data: bytes, status: int, code: str) -> None:
    chat = Chat(client)
    response = upload(client, chat, data)
    assert response.status_code == status, response.text
    assert response.json() == {"ok": False, "error": code, "message": response.json()["message"]}
    assert list(uploads_dir(client).iterdir()) == [] and list(incoming_dir(client).iterdir()) == []


def test_a_body_over_the_cap_is_refused_with_413_while_it_streams(client: TestClient) -> None:
    chat = Chat(client)
    body = b"\xff\xd8\xff\xe0" + b"\0" * (6 * 1024 * 1024)
    response = upload(client, chat, body)
    assert response.status_code == 413
    assert response.json()["error"] == "payload_too_large"
    assert list(uploads_dir(client).iterdir()) == [] and list(incoming_dir(client).iterdir()) == []


def test_errors_speak_the_sessions_language(client: TestClient) -> None:
    chat = Chat(client, locale="en")
    response = upload(client, chat, b"not an image at all")
    assert response.status_code == 415
    assert response.json()["message"] == "I can only accept JPG, PNG or WebP photos."


def test_the_eleventh_image_of_a_conversation_is_refused_with_429(client: TestClient) -> None:
    chat = Chat(client)
    for _ in range(10):
        assert upload(client, chat, jpeg_bytes()).status_code == 200
    response = upload(client, chat, jpeg_bytes())
    assert response.status_code == 429
    assert response.json()["error"] == "too_many_images" and response.headers["retry-after"]


def test_only_the_owning_session_or_the_operator_sees_an_image(client: TestClient) -> None:
    from tests.conftest import OPERATOR_TOKEN

    owner, other = Chat(client), Chat(client)
    image_id = upload(client, owner, jpeg_bytes()).json()["imageId"]
    wait_finished(client, owner, image_id)
    for path in (f"/api/upload-image/{image_id}", f"/api/upload-image/{image_id}/file"):
        assert client.get(path, headers={"x-session-id": other.session_id}).status_code == 404
        assert client.get(path).status_code == 404
        assert client.get(path, headers={"authorization": f"Bearer {OPERATOR_TOKEN}"}).status_code == 200


def test_nothing_unvalidated_or_original_is_ever_where_files_are_served(client: TestClient) -> None:
    chat = Chat(client)
    sent = [jpeg_with_gps(), rotated_jpeg(), photo("PNG"), photo("WEBP"), jpeg_bytes()[:500],
            png_declaring(50_000, 50_000), b"\xff\xd8\xff\xe0<html></html>"]
    ids = [r.json()["imageId"] for r in (upload(client, chat, data) for data in sent) if r.status_code == 200]
    assert len(ids) == 4
    for image_id in ids:
        wait_finished(client, chat, image_id)
    names = sorted(p.name for p in uploads_dir(client).rglob("*"))
    assert names == sorted(f"{i}{suffix}" for i in ids for suffix in (".jpg", ".json", ".thumb.jpg"))
    for path in uploads_dir(client).glob("*.jpg"):
        data = path.read_bytes()
        assert data not in sent and b"Exif" not in data
        assert Image.open(path).format == "JPEG"
    deadline = time.monotonic() + 5
    while list(incoming_dir(client).iterdir()):  # originals are deleted once processed (just after)
        assert time.monotonic() < deadline, list(incoming_dir(client).iterdir())
        time.sleep(0.01)


def test_chat_turns_keep_answering_while_a_large_image_is_processed(client: TestClient) -> None:
    chat = Chat(client)
    image_id = upload(client, chat, large_png(), name="captura.png", content_type="image/png").json()["imageId"]
    deadline = time.monotonic() + 10
    while client.get(f"/api/upload-image/{image_id}", headers={"x-session-id": chat.session_id}).json()[
            "status"] != "processing":
        assert time.monotonic() < deadline
        time.sleep(0.005)
    reply = chat.say("Lucía")  # answered by the same event loop the job runs on
    assert reply["ok"] is True
    during = client.get(f"/api/upload-image/{image_id}", headers={"x-session-id": chat.session_id}).json()
    assert during["status"] == "processing", "the chat turn waited for the image job"
    assert wait_finished(client, chat, image_id)["status"] == "done"
