import { describe, expect, it } from 'vitest';
import { iconSvg, renderIcon } from './icon.render';

const pixel = (img: ReturnType<typeof renderIcon>, x: number, y: number) => [...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4)];

describe('renderIcon', () => {
  it('draws a white speech bubble on a blue rounded square with transparent corners', () => {
    const icon = renderIcon('app', 64);
    expect(pixel(icon, 0, 0)[3]).toBe(0); // outside the rounded corner
    expect(pixel(icon, 6, 6)[3]).toBe(0);
    const background = pixel(icon, 32, 6);
    expect(background[3]).toBe(255);
    expect(background[2]!).toBeGreaterThan(background[0]! + 100); // blue
    expect(pixel(icon, 16, 30)).toEqual([255, 255, 255, 255]); // inside the bubble, between the lines
    const line = pixel(icon, 32, 26); // the first text line
    expect(line[2]!).toBeGreaterThan(line[0]! + 100);
  });

  it('antialiases edges instead of stepping them', () => {
    const icon = renderIcon('app', 64);
    const alphas = new Set<number>();
    for (let x = 0; x < 64; x += 1) alphas.add(pixel(icon, x, 5)[3]!);
    expect([...alphas].some((a) => a > 0 && a < 255)).toBe(true);
  });

  it('draws the macOS tray glyph in black only, with the text lines cut out', () => {
    const glyph = renderIcon('trayTemplate', 32);
    for (let i = 0; i < glyph.data.length; i += 4) expect([glyph.data[i], glyph.data[i + 1], glyph.data[i + 2]]).toEqual([0, 0, 0]);
    const centre = pixel(glyph, 16, 10);
    expect(centre[3]!).toBeLessThan(255);
    expect(pixel(glyph, 5, 8)[3]).toBe(255);
  });

  it('writes the same drawing as SVG', () => {
    const svg = iconSvg('app');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1024" height="1024"/);
    expect(svg).toContain('<rect x="64" y="64" width="896" height="896" rx="200" fill="url(#g0)"/>');
    expect(svg.match(/<line /g)).toHaveLength(2);
    expect(() => iconSvg('trayTemplate')).toThrow();
  });
});
