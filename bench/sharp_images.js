// sharp's side of bench/images.py: the same work as PillowImageProcessor.process, N times, one photo.
// Usage: node sharp_images.js <photo.jpg> <iterations>; prints one JSON line.
const fs = require('fs');
const sharp = require('sharp');

async function once(input) {
  // rotate() applies the EXIF orientation; sharp drops all metadata unless asked to keep it.
  const image = await sharp(input).rotate().resize(1920, 1920, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 82 }).toBuffer();
  const thumb = await sharp(image).resize(320, 320, { fit: 'inside' }).jpeg({ quality: 75 }).toBuffer();
  return [image, thumb];
}

async function main() {
  const [path, count] = process.argv.slice(2);
  const input = fs.readFileSync(path);
  sharp.concurrency(1); // one thread per image, as our jobs use one thread each
  sharp.cache(false);
  await once(input); // warm-up: library load, first allocation
  const times = [];
  let out = null;
  for (let i = 0; i < Number(count); i++) {
    const started = process.hrtime.bigint();
    out = await once(input);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const meta = await sharp(out[0]).metadata();
  const hwm = fs.readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s+(\d+)/)[1];
  console.log(JSON.stringify({ times, bytes: out[0].length, width: meta.width, height: meta.height,
                               hwm_kb: Number(hwm), version: sharp.versions.sharp, vips: sharp.versions.vips }));
}

main().catch((err) => { console.error(err); process.exit(1); });
