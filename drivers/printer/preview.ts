// A PNG picture of what the printer would put on paper, drawn from the emulator's
// elements: for a technician checking a layout, and for the specialist's "last
// receipt" view. QR codes are drawn from the payload.
//
// Fonts: Skia (under @napi-rs/canvas) matches a family name to exactly one face
// and falls back glyph by glyph only across *families*. So every font file gets a
// family of its own and the canvas font is a list of them; registering many
// files under one alias (as this module once did with the web font's hundred
// unicode-range slices) draws every character the chosen slice lacks as a box.
// The system Noto CJK font (Debian's fonts-noto-cjk, found at its known paths or
// by fc-match) comes first because it has CJK Extension A (王㛃); Noto Sans SC
// from @fontsource (shipped in node_modules, nothing downloaded) is the fallback
// on machines without it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import type { PrintElement } from './emulator.js';

/** Dots per normal text line: thermal printers use a 24×24 dot Chinese font. */
const LINE = 30;
const FONT = 24;
const SYSTEM_CJK = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
];

/** A preview taller than this (about 8 m of paper) is refused rather than allocated. */
export const MAX_PREVIEW_HEIGHT_DOTS = 60_000;
/** GS ( k n for the module size: printers take 1–16 dots. */
const MAX_MODULE = 16;

export type PreviewErrorCode = 'qr-too-large' | 'too-tall';

/** Elements that cannot be drawn as a picture; the decoded text lines are unaffected. */
export class PreviewError extends Error {
  constructor(
    readonly code: PreviewErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PreviewError';
  }
}

let fontList: string | null = null;

/** A system font file with Chinese glyphs: a known Debian path, else what fc-match offers for zh-cn. */
export function findSystemCjkFont(): string | null {
  for (const f of SYSTEM_CJK) if (fs.existsSync(f)) return f;
  try {
    const f = execFileSync('fc-match', ['-f', '%{file}', ':lang=zh-cn'], { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    // fc-match always answers with something; only a CJK font is of use here.
    if (f && /cjk|wqy|sc|zh|hei|song|kai|ming|droid/i.test(path.basename(f)) && fs.existsSync(f)) return f;
  } catch {
    // No fontconfig: the web font alone.
  }
  return null;
}

/** Registers the fonts once and returns the CSS family list that draws with them. */
export function previewFontFamilies(): string {
  if (fontList !== null) return fontList;
  const families: string[] = [];
  const add = (file: string, family: string) => {
    if (GlobalFonts.registerFromPath(file, family)) families.push(family);
  };
  const system = findSystemCjkFont();
  if (system) add(system, 'XiangyinSystemCJK');
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json')), 'files');
  add(path.join(dir, 'noto-sans-sc-chinese-simplified-400-normal.woff2'), 'XiangyinNotoSC');
  add(path.join(dir, 'noto-sans-sc-latin-400-normal.woff2'), 'XiangyinNotoLatin');
  fontList = families.map((f) => `"${f}"`).join(', ') || 'sans-serif';
  return fontList;
}

export interface PreviewOptions {
  /** Printable width in dots: 384 on 58 mm paper, 576 on 80 mm. */
  widthDots?: number;
}

interface Block {
  height: number;
  draw(ctx: SKRSContext2D, y: number, width: number): void;
}

/** The printer's font is fixed-pitch: 12 dots for an ASCII character, 24 for a Chinese one. */
const HALF = FONT / 2;

function textBlock(e: Extract<PrintElement, { type: 'text' }>, fonts: string): Block {
  return {
    height: LINE * e.height,
    draw(ctx, y, width) {
      ctx.save();
      ctx.font = `${FONT}px ${fonts}`;
      // Each character in its own cell, as the printer puts it, so a line that fits
      // on paper fits in the preview whatever the preview font's own widths are.
      const chars = [...e.text];
      const cells = chars.map((ch) => (ch.codePointAt(0)! < 0x80 ? 1 : 2));
      const total = cells.reduce((a, b) => a + b, 0) * HALF * e.width;
      const x = e.align === 'center' ? (width - total) / 2 : e.align === 'right' ? width - total : 0;
      ctx.translate(Math.max(0, x), y + LINE * e.height - 6 * e.height);
      ctx.scale(e.width, e.height);
      let cx = 0;
      for (let i = 0; i < chars.length && cx * e.width < width; i++) {
        // Past the paper's edge nothing is drawn (the printer wraps or drops it).
        const ch = chars[i]!;
        const cell = cells[i]! * HALF;
        const w = ctx.measureText(ch).width;
        // A glyph wider than its cell is squeezed into it; a narrower one is centred.
        ctx.save();
        ctx.translate(cx + Math.max(0, (cell - w) / 2), 0);
        if (w > cell) ctx.scale(cell / w, 1);
        ctx.fillText(ch, 0, 0);
        if (e.bold) ctx.fillText(ch, 0.8, 0); // the printer's bold is a double strike
        ctx.restore();
        cx += cell;
      }
      ctx.restore();
    },
  };
}

function qrBlock(e: Extract<PrintElement, { type: 'qr' }>): Block {
  let qr: ReturnType<typeof QRCode.create>;
  try {
    qr = QRCode.create(e.payload || ' ', { errorCorrectionLevel: 'M' });
  } catch (err) {
    throw new PreviewError('qr-too-large', `a QR code of ${Buffer.byteLength(e.payload)} bytes cannot be drawn: ${(err as Error).message}`);
  }
  const n = qr.modules.size;
  const unit = Math.min(MAX_MODULE, Math.max(1, e.moduleSize));
  return {
    height: n * unit + 2 * LINE,
    draw(ctx, y, width) {
      const x0 = Math.floor((width - n * unit) / 2);
      for (let r = 0; r < n; r++)
        for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) ctx.fillRect(x0 + c * unit, y + LINE + r * unit, unit, unit);
    },
  };
}

function cutBlock(partial: boolean): Block {
  return {
    height: LINE,
    draw(ctx, y, width) {
      ctx.save();
      ctx.setLineDash(partial ? [6, 6] : [12, 4]);
      ctx.beginPath();
      ctx.moveTo(0, y + LINE / 2);
      ctx.lineTo(width, y + LINE / 2);
      ctx.stroke();
      ctx.restore();
    },
  };
}

/** Throws only `PreviewError`. */
export async function renderPreview(elements: readonly PrintElement[], opts: PreviewOptions = {}): Promise<Buffer> {
  const fonts = previewFontFamilies();
  const width = opts.widthDots ?? 384;
  const margin = 16;
  const blocks: Block[] = elements.map((e) => {
    if (e.type === 'text') return textBlock(e, fonts);
    if (e.type === 'qr') return qrBlock(e);
    if (e.type === 'cut') return cutBlock(e.partial);
    return { height: LINE * e.lines, draw: () => undefined };
  });
  const height = blocks.reduce((h, b) => h + b.height, 0) + 2 * margin;
  if (height > MAX_PREVIEW_HEIGHT_DOTS) throw new PreviewError('too-tall', `the preview would be ${height} dots tall (more than ${MAX_PREVIEW_HEIGHT_DOTS}); feeds or sizes in the stream are not a receipt's`);
  const canvas = createCanvas(width + 2 * margin, Math.max(height, 2 * margin + 1));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000000';
  ctx.strokeStyle = '#000000';
  ctx.translate(margin, margin);
  let y = 0;
  for (const b of blocks) {
    b.draw(ctx, y, width);
    y += b.height;
  }
  return canvas.encode('png');
}
