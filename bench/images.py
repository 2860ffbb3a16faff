"""`make bench` (images): our photo processing next to sharp (libvips), in the same run.

One generated 12-megapixel JPEG (4000 × 3000, EXIF orientation and GPS, camera-like detail), the same
work on each side (orientation, metadata stripped, fit inside 1920 px, JPEG quality 82, a 320 px
thumbnail at 75), each side in a fresh process so that its peak memory (max RSS, from wait4) is its
own. Prints milliseconds per image and peak MB for sharp, for ours (Pillow) and, when installed, for
pyvips; the figures to read are the ratios to sharp.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from PIL import ExifTags, Image, ImageDraw, ImageFilter

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
ITERATIONS = int(os.environ.get("BENCH_IMAGES", "15"))

OURS = """
import json, sys, time
from stichat.adapters.imaging import PillowImageProcessor
data = open(sys.argv[1], "rb").read()
processor = PillowImageProcessor()
processor.process(data)  # warm-up
times = []
for _ in range(int(sys.argv[2])):
    started = time.perf_counter()
    result = processor.process(data)
    times.append((time.perf_counter() - started) * 1000)
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
print(json.dumps({"times": times, "bytes": len(result.image), "width": result.width, "height": result.height,
                  "hwm_kb": int(hwm)}))
"""

PYVIPS = """
import json, sys, time
import pyvips
pyvips.cache_set_max(0)
pyvips.concurrency_set(1)
data = open(sys.argv[1], "rb").read()
def once():
    image = pyvips.Image.thumbnail_buffer(data, 1920, height=1920, size="down")  # autorotates
    out = image.jpegsave_buffer(Q=82, keep="none")
    thumb = pyvips.Image.thumbnail_buffer(out, 320, height=320).jpegsave_buffer(Q=75, keep="none")
    return image, out, thumb
once()
times = []
for _ in range(int(sys.argv[2])):
    started = time.perf_counter()
    image, out, thumb = once()
    times.append((time.perf_counter() - started) * 1000)
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
print(json.dumps({"times": times, "bytes": len(out), "width": image.width, "height": image.height,
                  "hwm_kb": int(hwm)}))
"""


def make_photo(path: Path) -> None:
    """A 12 MP photo-like JPEG: gradients, shapes, blur and sensor noise (flat colour compresses unfairly)."""
    width, height = 4000, 3000
    base = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(base)
    for i in range(60):
        x, y = (i * 397) % width, (i * 211) % height
        draw.ellipse((x, y, x + 300 + i * 7, y + 200 + i * 5), fill=((i * 53) % 255, (i * 97) % 255, (i * 31) % 255))
    base = base.filter(ImageFilter.GaussianBlur(3))
    noise = Image.effect_noise((width, height), 18).convert("RGB")
    photo = Image.blend(base, noise, 0.12)
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 1
    exif[ExifTags.Base.Make] = "BenchCam"
    exif[ExifTags.IFD.GPSInfo] = {ExifTags.GPS.GPSLatitudeRef: "S", ExifTags.GPS.GPSLatitude: (32.0, 57.0, 0.0)}
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=90, exif=exif.tobytes())
    path.write_bytes(out.getvalue())


def measure(command: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run one side in its own process; its times and its peak RSS (VmHWM, which, unlike getrusage's
    maximum, is not inherited from the parent that forked it) from its own report."""
    run = subprocess.run(command, stdout=subprocess.PIPE, env=env, cwd=BENCH, check=False)
    if run.returncode != 0:
        raise SystemExit(f"{command[0]} failed ({run.returncode})")
    result = json.loads(run.stdout)
    return {"ms": statistics.median(result["times"]), "peak_mb": result["hwm_kb"] / 1024,
            "kb": result["bytes"] / 1024, "size": f"{result['width']}x{result['height']}"}


def ensure_sharp() -> bool:
    if (BENCH / "node_modules" / "sharp").is_dir():
        return True
    if not shutil.which("npm"):
        print("npm is not installed (make sysdeps): sharp is skipped")
        return False
    subprocess.run(["npm", "install", "--no-audit", "--no-fund"], cwd=BENCH, check=True)
    return True


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        photo = Path(tmp) / "photo-12mp.jpg"
        make_photo(photo)
        print(f"images: one 4000x3000 JPEG ({photo.stat().st_size / 1024:.0f} kB), {ITERATIONS} runs each, "
              "median time, one thread per image")
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        rows: dict[str, dict[str, Any]] = {}
        if ensure_sharp():
            rows["sharp"] = measure(["node", str(BENCH / "sharp_images.js"), str(photo), str(ITERATIONS)])
        rows["pillow (ours)"] = measure([sys.executable, "-c", OURS, str(photo), str(ITERATIONS)], env)
        try:
            import pyvips  # type: ignore[import-untyped]  # noqa: F401  # optional: only if installed
            rows["pyvips"] = measure([sys.executable, "-c", PYVIPS, str(photo), str(ITERATIONS)], env)
        except (ImportError, OSError):
            print("pyvips is not installed (pip install pyvips pyvips-binary): skipped")
        sharp = rows.get("sharp")
        print(f"{'':16} {'ms/image':>9} {'peak MB':>8} {'out kB':>7} {'size':>10} {'time/sharp':>11} {'mem/sharp':>10}")
        for name, row in rows.items():
            ratio_t = f"{row['ms'] / sharp['ms']:.2f}x" if sharp else "-"
            ratio_m = f"{row['peak_mb'] / sharp['peak_mb']:.2f}x" if sharp else "-"
            print(f"{name:16} {row['ms']:9.1f} {row['peak_mb']:8.1f} {row['kb']:7.0f} {row['size']:>10} "
                  f"{ratio_t:>11} {ratio_m:>10}")


if __name__ == "__main__":
    main()
