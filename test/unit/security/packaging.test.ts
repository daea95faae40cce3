// The packaging checks CI relies on, since packaging itself cannot run here:
// the fuse hook against a fake Electron binary, the builder-config validator,
// and the icon containers it inspects.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import afterPack from '../../../scripts/after-pack.cjs';
import { checkBuilderConfig, checkPublish } from '../../../scripts/check-builder-config.mjs';
import {
  buildIcns,
  buildIco,
  ICNS_TYPES,
  pngSize,
  readIcnsElements,
  readIcoImages,
} from '../../../scripts/icon-containers.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's shipped defaults, in wire order: RunAsNode on, cookies plain, NODE_OPTIONS on, --inspect on, no integrity, any app folder, shared snapshot, file:// privileged, wasm trap handlers. */
const DEFAULT_WIRE = '101100011';

/** A file laid out like an Electron binary as far as @electron/fuses looks: filler, sentinel, version 1, wire length, wire. */
function fakeElectronBinary(path: string): void {
  const filler = Buffer.alloc(4096, 0x90);
  writeFileSync(
    path,
    Buffer.concat([
      filler,
      Buffer.from(SENTINEL),
      Buffer.from([1, DEFAULT_WIRE.length]),
      Buffer.from(DEFAULT_WIRE, 'latin1'),
      filler,
    ]),
  );
}

function wireOf(path: string): string {
  const bytes = readFileSync(path);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length + 2;
  return bytes.subarray(at, at + DEFAULT_WIRE.length).toString('latin1');
}

function packContext(platform: 'linux' | 'darwin' | 'win32') {
  const appOutDir = mkdtempSync(join(tmpdir(), `herald-pack-${platform}-`));
  const packager = { appInfo: { productFilename: 'Herald' }, executableName: 'herald' };
  let binary = join(appOutDir, 'herald');
  if (platform === 'win32') binary = join(appOutDir, 'Herald.exe');
  if (platform === 'darwin') {
    const framework = join(appOutDir, 'Herald.app', 'Contents', 'Frameworks', 'Electron Framework.framework');
    mkdirSync(framework, { recursive: true });
    binary = join(framework, 'Electron Framework');
  }
  fakeElectronBinary(binary);
  // arch 1 is x64 in electron-builder's Arch enum.
  return { context: { appOutDir, electronPlatformName: platform, arch: 1, packager }, binary };
}

describe('the afterPack fuse hook', () => {
  it('turns off RunAsNode, NODE_OPTIONS and --inspect, loads only app.asar, encrypts cookies, and drops file:// privileges on Linux', async () => {
    const { context, binary } = packContext('linux');
    await afterPack(context);
    // RunAsNode 0, cookies 1, NODE_OPTIONS 0, inspect 0, integrity untouched (unsupported), only asar 1, snapshot untouched, file:// 0, wasm untouched.
    expect(wireOf(binary)).toBe('010001001');
  });

  it('also turns on asar integrity validation on macOS and Windows', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const { context, binary } = packContext(platform);
      await afterPack(context);
      expect(wireOf(binary), platform).toBe('010011001');
    }
  });

  it('fails the build when a fuse does not take', async () => {
    const { binary } = packContext('linux');
    const real = await import('@electron/fuses');
    const ignoringFlips = Promise.resolve({ ...real, flipFuses: () => Promise.resolve(1) });
    await expect(
      afterPack.applyFuses(binary, 'linux', { arch: 'x64', fuses: ignoringFlips }),
    ).rejects.toThrow(/did not take.*RunAsNode/);
  });

  it('fails the build on a binary without a fuse wire', async () => {
    const { context, binary } = packContext('linux');
    writeFileSync(binary, Buffer.alloc(1024));
    await expect(afterPack(context)).rejects.toThrow(/sentinel/);
  });
});

describe('the electron-builder configuration check', () => {
  it('finds nothing wrong with electron-builder.yml', async () => {
    expect(await checkBuilderConfig()).toEqual([]);
  });

  it('reports schema errors, a weakened macOS build and missing metadata', async () => {
    const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<
      string,
      Record<string, unknown>
    >;
    const folder = mkdtempSync(join(tmpdir(), 'herald-builder-'));
    const entitlements = join(folder, 'loose.plist');
    writeFileSync(
      entitlements,
      '<plist><dict><key>com.apple.security.cs.disable-library-validation</key><true/></dict></plist>',
    );
    config.mac = { ...config.mac, hardenedRuntime: false, notarise: true, entitlements, extendInfo: {} };
    config.linux = { ...config.linux, maintainer: undefined };
    config.nsis = { ...config.nsis, oneClick: 'no' };
    delete config.extraMetadata;
    delete config.afterPack;
    config.publish = { provider: 'generic', url: 'http://updates.example/herald/' };
    const configPath = join(folder, 'electron-builder.yml');
    writeFileSync(configPath, stringify(config));
    const problems = await checkBuilderConfig({ configPath });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^schema: \/mac: must NOT have additional properties "notarise"/),
        'schema: /nsis/oneClick: must be boolean',
        'mac.hardenedRuntime must be true (notarisation requires it)',
        expect.stringContaining('grants com.apple.security.cs.disable-library-validation'),
        expect.stringContaining('must grant com.apple.security.cs.allow-jit'),
        expect.stringContaining('a .deb needs a project homepage'),
        expect.stringContaining('a .deb needs linux.maintainer'),
        expect.stringContaining('afterPack must name the fuse hook'),
        'publish (generic) needs an https:// url: updates must not travel in clear text',
        'mac.extendInfo.NSUserNotificationAlertStyle must be alert (notification buttons need it)',
      ]),
    );
  });

  it('requires an update feed: GitHub releases with owner and repo, or a generic https URL', () => {
    expect(checkPublish(undefined)).toEqual([expect.stringContaining('publish must name the update feed')]);
    expect(checkPublish({ provider: 'github', owner: 'ministryofjustice' })).toEqual([
      'publish (github) needs owner and repo',
    ]);
    expect(checkPublish([{ provider: 'generic', url: 'https://updates.example/herald/' }])).toEqual([]);
    expect(checkPublish({ provider: 's3', bucket: 'x' })).toEqual([
      'publish.provider must be github or generic (got s3)',
    ]);
  });
});

describe('the icon containers', () => {
  const png = (size: number) => readFileSync(`assets/icons/png/${size}x${size}.png`);

  it('pack PNGs into an .ico that reads back with every size', () => {
    const sizes = [16, 32, 48, 256];
    const images = readIcoImages(buildIco(sizes.map(png)));
    expect(images.map((image) => image.width)).toEqual(sizes);
    expect(images.map((image) => pngSize(image.data).width)).toEqual(sizes);
    expect(() => buildIco([png(512)])).toThrow(/at most 256/);
  });

  it('pack PNGs into an .icns with one element per type, each the right size', () => {
    const pngs = new Map([16, 32, 64, 128, 256, 512, 1024].map((size) => [size, png(size)]));
    const elements = readIcnsElements(buildIcns(pngs));
    expect(elements.map((element) => element.type)).toEqual(ICNS_TYPES.map((entry) => entry.type));
    for (const [index, element] of elements.entries())
      expect(pngSize(element.data).width).toBe(ICNS_TYPES[index]!.pixels);
    pngs.delete(1024);
    expect(() => buildIcns(pngs)).toThrow(/1024 px/);
  });

  it('ship in assets/icons for every platform, rendered from icon.svg', () => {
    expect(readIcnsElements(readFileSync('assets/icons/icon.icns')).map((element) => element.type)).toEqual(
      ICNS_TYPES.map((entry) => entry.type),
    );
    expect(readIcoImages(readFileSync('assets/icons/icon.ico')).map((image) => image.width)).toEqual([
      16, 24, 32, 48, 64, 128, 256,
    ]);
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024])
      expect(pngSize(png(size))).toEqual({ width: size, height: size });
  });
});
