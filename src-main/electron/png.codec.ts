// The smallest PNG writer and header reader the app needs (RGBA, 8 bits), so icons are made
// from code at build time and at run time without an image library. Plain Node.
import { crc32, deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_TYPE_RGBA = 6;

/** Pixels row by row, four bytes (r, g, b, a) each, not premultiplied. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}

/** Each row prefixed with filter byte 0 (none): what IDAT compresses. */
function scanlines(image: RgbaImage): Buffer {
  const stride = image.width * 4;
  const raw = Buffer.alloc((stride + 1) * image.height);
  for (let y = 0; y < image.height; y += 1) {
    raw[y * (stride + 1)] = 0;
    raw.set(image.data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return raw;
}

export function encodePng(image: RgbaImage): Buffer {
  if (image.data.length !== image.width * image.height * 4) throw new Error('RGBA data does not match the image size.');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header[8] = 8;
  header[9] = COLOR_TYPE_RGBA;
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines(image), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
}

/** Reads the size from the IHDR chunk, which a valid PNG always has first. */
export function readPngHeader(file: Uint8Array): PngHeader {
  const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buffer.length < 33 || !buffer.subarray(0, 8).equals(SIGNATURE) || buffer.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error('Not a PNG file.');
  }
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20), bitDepth: buffer[24] ?? 0, colorType: buffer[25] ?? 0 };
}

/**
 * The decompressed scanlines of a PNG this module wrote. Compared instead of file bytes,
 * because zlib's output may change between Node versions while the pixels do not.
 */
export function readPngScanlines(file: Uint8Array): Buffer {
  const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  readPngHeader(buffer);
  const parts: Buffer[] = [];
  for (let offset = 8; offset + 12 <= buffer.length; ) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('ascii', offset + 4, offset + 8);
    if (type === 'IDAT') parts.push(buffer.subarray(offset + 8, offset + 8 + length));
    offset += length + 12;
  }
  return inflateSync(Buffer.concat(parts));
}

export { scanlines as pngScanlinesOf };
