export function pngSize(png: Buffer): { width: number; height: number };
export function buildIco(pngs: readonly Buffer[]): Buffer;
export const ICNS_TYPES: ReadonlyArray<{ type: string; pixels: number }>;
export function buildIcns(pngsBySize: ReadonlyMap<number, Buffer>): Buffer;
export function readIcnsElements(icns: Buffer): Array<{ type: string; data: Buffer }>;
export function readIcoImages(ico: Buffer): Array<{ width: number; height: number; data: Buffer }>;
