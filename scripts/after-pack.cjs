// electron-builder `afterPack` hook: flips Herald's Electron fuses in the
// packaged binary before it is signed, then reads them back and fails the
// build if any did not take. Fuses are compile-time switches in the Electron
// binary that no flag, environment variable or script can turn back on.
//
// Why a hook rather than electron-builder's `electronFuses` option: the
// read-back makes a silent no-op impossible, and the same code is unit-tested
// here against a fake binary (test/unit/security/after-pack.test.ts).
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- electron-builder loads hooks as CommonJS
const path = require('node:path');

/** Fuse name (FuseV1Options key) → wanted state, for every platform. */
const FUSES = {
  // ELECTRON_RUN_AS_NODE would turn Herald into a general Node runtime signed with our identity.
  RunAsNode: false,
  // Cookies (there are none today) are encrypted with the OS keychain like Chrome's.
  EnableCookieEncryption: true,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code or trust a rogue CA.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect and SIGUSR1 would open a debugger into the main process.
  EnableNodeCliInspectArguments: false,
  // Only app.asar is loaded: no loose app/ folder can shadow it.
  OnlyLoadAppFromAsar: true,
  // Herald serves its pages on app://, never file://.
  GrantFileProtocolExtraPrivileges: false,
};

/** Where Electron can check app.asar against the hash embedded at build time. */
const ASAR_INTEGRITY_PLATFORMS = new Set(['darwin', 'mas', 'win32']);

/** The fuses Herald wants on `platform` (an electronPlatformName). */
function wantedFuses(platform) {
  return ASAR_INTEGRITY_PLATFORMS.has(platform)
    ? { ...FUSES, EnableEmbeddedAsarIntegrityValidation: true }
    : { ...FUSES };
}

/** The Electron executable inside electron-builder's output folder for one platform. */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32')
    return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}

/** Flips the fuses in the binary at `binaryPath`, then verifies them. Returns the verified states by name. */
// @electron/fuses is an ES module: import() loads it from CommonJS on every Node electron-builder supports.
async function applyFuses(binaryPath, platform, { arch, fuses = import('@electron/fuses') } = {}) {
  const { flipFuses, getCurrentFuseWire, FuseV1Options, FuseVersion, FuseState } = await fuses;
  const wanted = wantedFuses(platform);
  const config = {
    version: FuseVersion.V1,
    // Flipping a fuse invalidates the ad-hoc signature Apple silicon needs; electron-builder re-signs after this hook.
    resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64',
  };
  for (const [name, isOn] of Object.entries(wanted)) {
    if (FuseV1Options[name] === undefined) throw new Error(`@electron/fuses does not know the fuse ${name}`);
    config[FuseV1Options[name]] = isOn;
  }
  await flipFuses(binaryPath, config);

  const wire = await getCurrentFuseWire(binaryPath);
  const verified = {};
  const wrong = [];
  for (const [name, isOn] of Object.entries(wanted)) {
    const state = wire[FuseV1Options[name]];
    verified[name] = state === FuseState.ENABLE;
    if (state !== (isOn ? FuseState.ENABLE : FuseState.DISABLE)) wrong.push(name);
  }
  if (wrong.length > 0) throw new Error(`Electron fuses did not take in ${binaryPath}: ${wrong.join(', ')}`);
  return verified;
}

/** Maps electron-builder's Arch enum (0 ia32, 1 x64, 2 armv7l, 3 arm64, 4 universal) to a name. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

async function afterPack(context) {
  const binary = electronBinaryPath(context);
  const arch = typeof context.arch === 'number' ? ARCH_NAMES[context.arch] : context.arch;
  const verified = await applyFuses(binary, context.electronPlatformName, { arch });
  console.log(`  • Electron fuses set and verified in ${path.basename(binary)}: ${JSON.stringify(verified)}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.wantedFuses = wantedFuses;
module.exports.applyFuses = applyFuses;
module.exports.electronBinaryPath = electronBinaryPath;
