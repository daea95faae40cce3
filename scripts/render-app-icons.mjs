#!/usr/bin/env node
// Renders Herald's application icon (assets/icons/icon.svg) for every
// platform, with Playwright and Debian's Chromium as scripts/render-icons.mjs
// does for the tray:
//   assets/icons/png/<N>x<N>.png   Linux (AppImage, deb) at 16…1024 px
//   assets/icons/icon.png          1024 px, the fallback electron-builder reads
//   assets/icons/icon.ico          Windows (NSIS, the .exe), 16…256 px
//   assets/icons/icon.icns         macOS (the .app and the dmg), 16…1024 px
// Run after changing the design:  node scripts/render-app-icons.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { buildIcns, buildIco } from './icon-containers.mjs';

const CHROMIUM = process.env.HERALD_CHROMIUM ?? '/usr/bin/chromium';
const SOURCE = 'assets/icons/icon.svg';
const OUT_DIR = 'assets/icons';
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const design = readFileSync(SOURCE, 'utf8').replace(/\swidth="\d+"\s+height="\d+"/, '');
mkdirSync(`${OUT_DIR}/png`, { recursive: true });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const pngs = new Map();
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 }, deviceScaleFactor: 1 });
  for (const size of LINUX_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const svg = design.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`,
    );
    const png = await page.screenshot({
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    pngs.set(size, png);
    writeFileSync(`${OUT_DIR}/png/${size}x${size}.png`, png);
  }
} finally {
  await browser.close();
}
writeFileSync(`${OUT_DIR}/icon.png`, pngs.get(1024));
writeFileSync(`${OUT_DIR}/icon.ico`, buildIco(ICO_SIZES.map((size) => pngs.get(size))));
writeFileSync(`${OUT_DIR}/icon.icns`, buildIcns(pngs));
console.log(`Rendered ${LINUX_SIZES.length} PNG sizes, icon.ico and icon.icns into ${OUT_DIR}`);
