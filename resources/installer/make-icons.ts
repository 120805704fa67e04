import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

// Draws icon.svg at every size the installers use and writes them where electron-builder looks
// (package.json `build.directories.buildResources`): icons/<n>x<n>.png for Linux, icon.ico for
// Windows, icon.icns for macOS. Made here, so packaging never has to download an icon converter.
// Run after changing icon.svg: npx tsx resources/installer/make-icons.ts

const HERE = __dirname;
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** macOS icon types that hold a PNG of the given size. */
const ICNS_TYPES: [string, number][] = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

async function renderPngs(svg: string, sizes: number[]): Promise<Map<number, Buffer>> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage();
    const pngs = new Map<number, Buffer>();
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `)}</body></html>`);
      pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    }
    return pngs;
  } finally {
    await browser.close();
  }
}

/** A Windows icon file whose images are PNGs (supported since Windows Vista). */
function ico(pngs: Map<number, Buffer>): Buffer {
  const header = Buffer.alloc(6 + 16 * ICO_SIZES.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(ICO_SIZES.length, 4);
  let offset = header.length;
  ICO_SIZES.forEach((size, i) => {
    const png = pngs.get(size)!;
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...ICO_SIZES.map((size) => pngs.get(size)!)]);
}

function icns(pngs: Map<number, Buffer>): Buffer {
  const chunks = ICNS_TYPES.map(([type, size]) => {
    const png = pngs.get(size)!;
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

async function main(): Promise<void> {
  const svg = fs.readFileSync(path.join(HERE, 'icon.svg'), 'utf8');
  const pngs = await renderPngs(svg, LINUX_SIZES);
  fs.mkdirSync(path.join(HERE, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) fs.writeFileSync(path.join(HERE, 'icons', `${size}x${size}.png`), pngs.get(size)!);
  fs.writeFileSync(path.join(HERE, 'icon.ico'), ico(pngs));
  fs.writeFileSync(path.join(HERE, 'icon.icns'), icns(pngs));
  console.log(`Icons written to ${HERE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
