import zlib from 'node:zlib';

// Small generated photos for the demo's visits: a real PNG (the services check a photo's bytes
// against its type), a sky, a field and a house in colours that differ from one photo to the next.

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** A `width` × `height` RGB PNG of a village scene, its colours shifted by `hue` (0–359). */
export function scenePng(hue: number, width = 96, height = 64): Buffer {
  const shade = (base: number, by: number) => Math.max(0, Math.min(255, base + by));
  const shift = Math.round(Math.sin((hue / 180) * Math.PI) * 30);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const house = x > width * 0.55 && x < width * 0.85 && y > height * 0.35 && y < height * 0.7;
      const roof = x > width * 0.5 && x < width * 0.9 && y > height * 0.25 && y <= height * 0.35;
      const [r, g, b] = house
        ? [shade(220, shift), 210, 190]
        : roof
          ? [150, shade(40, shift), 30]
          : y < height * 0.45
            ? [shade(120, shift), 180, 235]
            : [shade(70, -shift), shade(150, shift), 60];
      row.writeUInt8(r, 1 + x * 3);
      row.writeUInt8(g, 2 + x * 3);
      row.writeUInt8(b, 3 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
