// Packs PNG images into the two icon containers desktop installers want:
// Windows .ico and macOS .icns. Both formats accept PNG-compressed entries
// (ICO since Windows Vista, ICNS since macOS 10.7), so no image codec is
// needed: the PNGs rendered by scripts/render-app-icons.mjs go in as they are.

/** Reads width and height from a PNG's IHDR chunk. */
export function pngSize(png) {
  const signature = '89504e470d0a1a0a';
  if (
    png.length < 24 ||
    png.subarray(0, 8).toString('hex') !== signature ||
    png.subarray(12, 16).toString('latin1') !== 'IHDR'
  ) {
    throw new Error('not a PNG image');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * A Windows .ico holding each PNG as one image. Sizes up to 256 px; the
 * directory stores 256 as 0, as the format requires.
 */
export function buildIco(pngs) {
  const headerBytes = 6;
  const entryBytes = 16;
  const header = Buffer.alloc(headerBytes);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(pngs.length, 4);
  const entries = [];
  let offset = headerBytes + entryBytes * pngs.length;
  for (const png of pngs) {
    const { width, height } = pngSize(png);
    if (width > 256 || height > 256)
      throw new Error(`an .ico image is at most 256 px, not ${width}×${height}`);
    const entry = Buffer.alloc(entryBytes);
    entry.writeUInt8(width === 256 ? 0 : width, 0);
    entry.writeUInt8(height === 256 ? 0 : height, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...pngs]);
}

/** ICNS element types that hold PNG data, by pixel size (the @2x types reuse a larger image). */
export const ICNS_TYPES = [
  { type: 'icp4', pixels: 16 },
  { type: 'icp5', pixels: 32 },
  { type: 'icp6', pixels: 64 },
  { type: 'ic07', pixels: 128 },
  { type: 'ic08', pixels: 256 },
  { type: 'ic09', pixels: 512 },
  { type: 'ic10', pixels: 1024 }, // 512@2x
  { type: 'ic11', pixels: 32 }, // 16@2x
  { type: 'ic12', pixels: 64 }, // 32@2x
  { type: 'ic13', pixels: 256 }, // 128@2x
  { type: 'ic14', pixels: 512 }, // 256@2x
];

/** A macOS .icns from PNGs keyed by pixel size; every ICNS_TYPES size must be present. */
export function buildIcns(pngsBySize) {
  const elements = ICNS_TYPES.map(({ type, pixels }) => {
    const png = pngsBySize.get(pixels);
    if (!png) throw new Error(`.icns needs a ${pixels} px PNG for ${type}`);
    const { width, height } = pngSize(png);
    if (width !== pixels || height !== pixels)
      throw new Error(`${type} wants ${pixels} px, got ${width}×${height}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(elements);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + body.length, 4);
  return Buffer.concat([head, body]);
}

/** Lists an .icns file's elements (type and byte length), for checks and tests. */
export function readIcnsElements(icns) {
  if (icns.subarray(0, 4).toString('latin1') !== 'icns') throw new Error('not an .icns file');
  const total = icns.readUInt32BE(4);
  const elements = [];
  for (let at = 8; at < total;) {
    const type = icns.subarray(at, at + 4).toString('latin1');
    const length = icns.readUInt32BE(at + 4);
    if (length < 8) throw new Error(`corrupt .icns element ${type}`);
    elements.push({ type, data: icns.subarray(at + 8, at + length) });
    at += length;
  }
  return elements;
}

/** Lists an .ico file's images (size as stored, and the image bytes). */
export function readIcoImages(ico) {
  if (ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) throw new Error('not an .ico file');
  const count = ico.readUInt16LE(4);
  const images = [];
  for (let index = 0; index < count; index++) {
    const entry = 6 + 16 * index;
    const width = ico.readUInt8(entry) || 256;
    const height = ico.readUInt8(entry + 1) || 256;
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    images.push({ width, height, data: ico.subarray(offset, offset + length) });
  }
  return images;
}
