// Topicdesk's icon, drawn from one geometry: as SVG (build/icon.svg) and as pixels for the
// PNGs electron-builder packs and for the tray at run time. Pure; runs anywhere.
import type { RgbaImage } from './png.codec';

type Point = readonly [number, number];
type Rgb = readonly [number, number, number];

type Paint =
  | { kind: 'solid'; color: Rgb }
  | { kind: 'vertical-gradient'; top: Rgb; bottom: Rgb; y0: number; y1: number }
  /** Cuts the shape out of what is below it (for the monochrome tray glyph). */
  | { kind: 'erase' };

type Shape =
  | { kind: 'round-rect'; x: number; y: number; width: number; height: number; radius: number; paint: Paint }
  | { kind: 'triangle'; points: readonly [Point, Point, Point]; paint: Paint }
  | { kind: 'line'; from: Point; to: Point; width: number; paint: Paint };

/** The area of the 1024-unit design grid a picture shows. */
interface ViewBox {
  x: number;
  y: number;
  size: number;
}

const BLUE_TOP: Rgb = [0x2f, 0x80, 0xed];
const BLUE_BOTTOM: Rgb = [0x1a, 0x5f, 0xc8];
const INK: Rgb = [0x1f, 0x6f, 0xdb];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const BLACK: Rgb = [0, 0, 0];

// A speech bubble (a ticket's conversation) with two lines of text, on a rounded square.
const bubble = (paint: Paint): Shape[] => [
  { kind: 'round-rect', x: 225, y: 266, width: 573, height: 410, radius: 102, paint },
  { kind: 'triangle', points: [[328, 640], [328, 819], [492, 640]], paint },
];
const textLines = (paint: Paint): Shape[] => [
  { kind: 'line', from: [338, 410], to: [686, 410], width: 62, paint },
  { kind: 'line', from: [338, 532], to: [563, 532], width: 62, paint },
];

export const iconVariants = {
  /** The application icon: colour, full bleed inside a small margin. */
  app: {
    viewBox: { x: 0, y: 0, size: 1024 },
    shapes: [
      {
        kind: 'round-rect',
        x: 64,
        y: 64,
        width: 896,
        height: 896,
        radius: 200,
        paint: { kind: 'vertical-gradient', top: BLUE_TOP, bottom: BLUE_BOTTOM, y0: 64, y1: 960 },
      },
      ...bubble({ kind: 'solid', color: WHITE }),
      ...textLines({ kind: 'solid', color: INK }),
    ],
  },
  /** The macOS menu-bar glyph: black on transparent, which macOS tints (a template image). */
  trayTemplate: {
    viewBox: { x: 190, y: 221, size: 644 },
    shapes: [...bubble({ kind: 'solid', color: BLACK }), ...textLines({ kind: 'erase' })],
  },
} satisfies Record<string, { viewBox: ViewBox; shapes: Shape[] }>;

export type IconVariant = keyof typeof iconVariants;

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

function roundRectDistance(px: number, py: number, s: Extract<Shape, { kind: 'round-rect' }>): number {
  const hx = s.width / 2;
  const hy = s.height / 2;
  const qx = Math.abs(px - (s.x + hx)) - (hx - s.radius);
  const qy = Math.abs(py - (s.y + hy)) - (hy - s.radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - s.radius;
}

function segmentDistance(px: number, py: number, a: Point, b: Point): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const t = clamp01(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function triangleDistance(px: number, py: number, [a, b, c]: readonly [Point, Point, Point]): number {
  const edge = Math.min(segmentDistance(px, py, a, b), segmentDistance(px, py, b, c), segmentDistance(px, py, c, a));
  const side = (p: Point, q: Point) => (q[0] - p[0]) * (py - p[1]) - (q[1] - p[1]) * (px - p[0]);
  const s1 = side(a, b);
  const s2 = side(b, c);
  const s3 = side(c, a);
  const inside = (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  return inside ? -edge : edge;
}

/** Signed distance from a point to the shape's edge, in design units (negative inside). */
function distance(px: number, py: number, shape: Shape): number {
  switch (shape.kind) {
    case 'round-rect':
      return roundRectDistance(px, py, shape);
    case 'triangle':
      return triangleDistance(px, py, shape.points);
    case 'line':
      return segmentDistance(px, py, shape.from, shape.to) - shape.width / 2;
  }
}

function colorAt(paint: Exclude<Paint, { kind: 'erase' }>, y: number): Rgb {
  if (paint.kind === 'solid') return paint.color;
  const t = clamp01((y - paint.y0) / (paint.y1 - paint.y0));
  const mix = (a: number, b: number) => a + (b - a) * t;
  return [mix(paint.top[0], paint.bottom[0]), mix(paint.top[1], paint.bottom[1]), mix(paint.top[2], paint.bottom[2])];
}

/** Draws a variant at `size`×`size` pixels, antialiased by the distance to each edge. */
export function renderIcon(variant: IconVariant, size: number): RgbaImage {
  const { viewBox, shapes } = iconVariants[variant];
  const unitsPerPixel = viewBox.size / size;
  const data = new Uint8Array(size * size * 4);
  const rgba = new Float64Array(4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const px = viewBox.x + (x + 0.5) * unitsPerPixel;
      const py = viewBox.y + (y + 0.5) * unitsPerPixel;
      rgba.fill(0);
      for (const shape of shapes) {
        const coverage = clamp01(0.5 - distance(px, py, shape) / unitsPerPixel);
        if (coverage === 0) continue;
        if (shape.paint.kind === 'erase') {
          rgba[3] = rgba[3]! * (1 - coverage);
          continue;
        }
        // "Source over", on straight (not premultiplied) colour.
        const color = colorAt(shape.paint, py);
        const outA = coverage + rgba[3]! * (1 - coverage);
        for (let i = 0; i < 3; i += 1) {
          rgba[i] = outA === 0 ? 0 : (color[i]! * coverage + rgba[i]! * rgba[3]! * (1 - coverage)) / outA;
        }
        rgba[3] = outA;
      }
      const offset = (y * size + x) * 4;
      data[offset] = Math.round(rgba[0]!);
      data[offset + 1] = Math.round(rgba[1]!);
      data[offset + 2] = Math.round(rgba[2]!);
      data[offset + 3] = Math.round(rgba[3]! * 255);
    }
  }
  return { width: size, height: size, data };
}

const hex = (c: Rgb) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** The same drawing as an SVG document (the icon's editable source). */
export function iconSvg(variant: IconVariant = 'app'): string {
  const { viewBox, shapes } = iconVariants[variant];
  const defs: string[] = [];
  const body: string[] = [];
  const fill = (paint: Paint): string => {
    if (paint.kind === 'solid') return `fill="${hex(paint.color)}"`;
    if (paint.kind === 'erase') throw new Error('Only the app icon has an SVG source.');
    const id = `g${defs.length}`;
    defs.push(
      `<linearGradient id="${id}" x1="0" y1="${paint.y0}" x2="0" y2="${paint.y1}" gradientUnits="userSpaceOnUse">` +
        `<stop offset="0" stop-color="${hex(paint.top)}"/><stop offset="1" stop-color="${hex(paint.bottom)}"/></linearGradient>`,
    );
    return `fill="url(#${id})"`;
  };
  for (const shape of shapes) {
    if (shape.kind === 'round-rect') {
      body.push(`<rect x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" rx="${shape.radius}" ${fill(shape.paint)}/>`);
    } else if (shape.kind === 'triangle') {
      body.push(`<path d="M${shape.points.map((p) => p.join(' ')).join(' L')} Z" ${fill(shape.paint)}/>`);
    } else {
      const stroke = fill(shape.paint).replace(/^fill=/, 'stroke=');
      body.push(
        `<line x1="${shape.from[0]}" y1="${shape.from[1]}" x2="${shape.to[0]}" y2="${shape.to[1]}" ${stroke} stroke-width="${shape.width}" stroke-linecap="round"/>`,
      );
    }
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${viewBox.size}" height="${viewBox.size}" viewBox="${viewBox.x} ${viewBox.y} ${viewBox.size} ${viewBox.size}">`,
    '  <title>Topicdesk</title>',
    ...(defs.length ? [`  <defs>${defs.join('')}</defs>`] : []),
    ...body.map((line) => `  ${line}`),
    '</svg>',
    '',
  ].join('\n');
}
