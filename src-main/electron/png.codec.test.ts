import { describe, expect, it } from 'vitest';
import { encodePng, pngScanlinesOf, readPngHeader, readPngScanlines } from './png.codec';

const image = { width: 3, height: 2, data: Uint8Array.from({ length: 24 }, (_, i) => i * 10) };

describe('PNG codec', () => {
  it('writes a PNG whose header gives its size and RGBA format', () => {
    const png = encodePng(image);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(readPngHeader(png)).toEqual({ width: 3, height: 2, bitDepth: 8, colorType: 6 });
    expect(png.toString('ascii', png.length - 8, png.length - 4)).toBe('IEND');
  });

  it('stores each row unfiltered, pixels unchanged', () => {
    const rows = readPngScanlines(encodePng(image));
    expect([...rows.subarray(0, 13)]).toEqual([0, ...image.data.subarray(0, 12)]);
    expect([...rows.subarray(13)]).toEqual([0, ...image.data.subarray(12)]);
    expect(rows.equals(pngScanlinesOf(image))).toBe(true);
  });

  it('refuses data of the wrong size and files that are not PNG', () => {
    expect(() => encodePng({ width: 2, height: 2, data: new Uint8Array(15) })).toThrow(/does not match/);
    expect(() => readPngHeader(Buffer.from('GIF89a, definitely not a png at all'))).toThrow(/Not a PNG/);
  });
});
