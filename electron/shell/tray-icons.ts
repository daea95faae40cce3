// The tray's images: one per icon state and count badge, built once from
// the PNGs embedded in tray-icon-data.ts (rendered by scripts/render-icons.mjs),
// with a @2x representation for high-density screens.
import { nativeImage, type NativeImage } from 'electron';
import type { TrayIcon } from '../core/notifications/tray-model.ts';
import { trayIconPngs } from './tray-icon-data.ts';

export function trayIconKey(icon: TrayIcon): string {
  return icon.badge ? `${icon.state}-${icon.badge}` : icon.state;
}

const cache = new Map<string, NativeImage>();

export function trayImage(icon: TrayIcon): NativeImage {
  const key = trayIconKey(icon);
  const cached = cache.get(key);
  if (cached) return cached;
  // Every key the model can produce is rendered; the plain state icon is the fallback all the same.
  const pngs = trayIconPngs[key] ?? trayIconPngs[icon.state];
  if (!pngs) return nativeImage.createEmpty();
  const image = nativeImage.createFromBuffer(Buffer.from(pngs.x1, 'base64'), { scaleFactor: 1 });
  image.addRepresentation({ scaleFactor: 2, buffer: Buffer.from(pngs.x2, 'base64') });
  cache.set(key, image);
  return image;
}
