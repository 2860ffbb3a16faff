"""Decoding is bounded by design: the processor's peak memory, measured in a fresh process (Pillow
allocates outside Python's heap, so tracemalloc would not see it: the peak RSS does)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from stichat.adapters.imaging import DecodeBudget, PillowImageProcessor, webp_size
from stichat.domain.errors import ImageTooManyPixels
from tests.image_bombs import WEBP_6300, png_rgba16

MB = 1024 * 1024

#: Run in a child: three threads do the same call on the same bytes at once; prints the peak RSS growth.
PROBE = textwrap.dedent("""
    import json, resource, sys, threading
    from stichat.adapters.imaging import PillowImageProcessor
    from tests.image_bombs import WEBP_6300, jpeg_40mp, png_rgba16
    data = {"png16": lambda: png_rgba16(6300, 6300), "webp": lambda: WEBP_6300, "jpeg": jpeg_40mp}[sys.argv[2]]()
    processor = PillowImageProcessor()
    peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    before, errors = peak(), []
    def run():
        try:
            getattr(processor, sys.argv[1])(data)
        except Exception as exc:
            errors.append(getattr(exc, "code", repr(exc)))
    threads = [threading.Thread(target=run) for _ in range(int(sys.argv[3]))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps({"growth": peak() - before, "errors": errors}))
""")


def peak_growth(step: str, image: str, at_once: int) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", PROBE, step, image, str(at_once)], capture_output=True,
                          text=True, timeout=120, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize("image", ["png16", "webp", "jpeg"])
def test_three_40_megapixel_images_processed_at_once_stay_under_300_mb(image: str) -> None:
    result = peak_growth("process", image, 3)
    assert int(result["growth"]) < 300 * MB, result  # type: ignore[call-overload]


@pytest.mark.parametrize("image", ["png16", "webp", "jpeg"])
def test_checking_three_40_megapixel_uploads_at_once_costs_the_request_path_under_50_mb(image: str) -> None:
    result = peak_growth("inspect", image, 3)
    assert int(result["growth"]) < 50 * MB, result  # type: ignore[call-overload]


def test_a_webp_whose_decoder_would_not_fit_the_budget_is_refused_before_it_is_opened() -> None:
    assert webp_size(WEBP_6300) == (6300, 6300)
    for step in (PillowImageProcessor().inspect, PillowImageProcessor().process):
        with pytest.raises(ImageTooManyPixels):
            step(WEBP_6300)


def test_a_16_bit_png_is_still_processed_within_the_budget() -> None:
    result = PillowImageProcessor().process(png_rgba16(2000, 1000))
    assert (result.width, result.height) == (1920, 960)


def test_a_decode_bigger_than_a_small_budget_is_refused_not_attempted() -> None:
    small = PillowImageProcessor(DecodeBudget(total=8 * MB, slots=1))
    with pytest.raises(ImageTooManyPixels):
        small.process(png_rgba16(2000, 2000))  # 16 MB decoded: more than the whole budget


def test_the_budget_lets_no_more_than_its_slots_decode_at_once() -> None:
    budget = DecodeBudget(total=100, slots=2)
    state = {"asked": 0, "inside": 0, "most": 0}
    lock, release = threading.Lock(), threading.Event()

    def decode() -> None:
        with lock:
            state["asked"] += 1
        with budget.reserve(10):
            with lock:
                state["inside"] += 1
                state["most"] = max(state["most"], state["inside"])
            release.wait(30)
            with lock:
                state["inside"] -= 1

    threads = [threading.Thread(target=decode) for _ in range(4)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 30
    while (state["asked"], state["inside"]) != (4, 2) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert (state["asked"], state["inside"]) == (4, 2)  # two wait for a slot while two decode
    release.set()
    for thread in threads:
        thread.join()
    assert state["most"] == 2
