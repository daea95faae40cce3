#!/usr/bin/env node
// CI check for the packaging configuration, since packaging itself cannot run
// here (it downloads Electron). Validates electron-builder.yml against
// electron-builder's own JSON schema (node_modules/app-builder-lib/scheme.json)
// with ajv, then checks what the schema cannot see: every file the config
// names exists and is the right kind, the icons cover every platform, the
// macOS entitlements ask for nothing beyond V8's JIT, the .deb has its
// metadata, the afterPack hook sets the fuses docs/security.md promises, and
// `publish` names an update feed (GitHub releases or generic HTTPS).
//   node scripts/check-builder-config.mjs [config.yml]
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { pngSize, readIcnsElements, readIcoImages } from './icon-containers.mjs';

const require = createRequire(import.meta.url);

export const LINUX_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512];
/** Entitlements that would undo the hardened runtime for an app that needs none of them. */
export const FORBIDDEN_ENTITLEMENTS = [
  'com.apple.security.cs.allow-unsigned-executable-memory',
  'com.apple.security.cs.disable-library-validation',
  'com.apple.security.cs.allow-dyld-environment-variables',
  'com.apple.security.cs.disable-executable-page-protection',
  'com.apple.security.get-task-allow',
];
/** Fuse states the afterPack hook must set on every platform. */
export const REQUIRED_FUSES = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  OnlyLoadAppFromAsar: true,
  EnableCookieEncryption: true,
};

function loadSchemaValidator(root) {
  const Ajv = require('ajv').default;
  const schema = JSON.parse(readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
  // electron-builder's schema uses a few non-standard keywords and formats; ajv must not reject the schema itself for them.
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, validateFormats: false });
  return ajv.compile(schema);
}

/** Human-readable ajv errors: the config path, then what is wrong. */
function describeSchemaErrors(errors) {
  return (
    errors
      // anyOf/oneOf summaries and the "or null" branch of optional sections only repeat the real error.
      .filter(
        (error) =>
          !['anyOf', 'oneOf', 'if'].includes(error.keyword) &&
          !(error.keyword === 'type' && error.params?.type === 'null'),
      )
      .map((error) => {
        const at = error.instancePath || '(top level)';
        const extra = error.params?.additionalProperty
          ? ` "${error.params.additionalProperty}"`
          : error.params?.allowedValues
            ? ` (${error.params.allowedValues.join(', ')})`
            : '';
        return `${at}: ${error.message}${extra}`;
      })
  );
}

function targetsOf(platformConfig) {
  const raw = platformConfig?.target;
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list.map((entry) => (typeof entry === 'string' ? entry : entry.target));
}

/** The update feed: one GitHub releases or generic HTTPS target (electron-updater reads the first). */
export function checkPublish(publish) {
  const targets =
    publish === undefined || publish === null ? [] : Array.isArray(publish) ? publish : [publish];
  if (targets.length === 0)
    return [
      'publish must name the update feed (provider github, or generic with an https url): installed copies update from it',
    ];
  const problems = [];
  const first = typeof targets[0] === 'string' ? { provider: targets[0] } : targets[0];
  if (first.provider === 'github') {
    if (!first.owner || !first.repo) problems.push('publish (github) needs owner and repo');
  } else if (first.provider === 'generic') {
    let url = null;
    try {
      url = new URL(first.url);
    } catch {
      // reported below
    }
    if (!url || url.protocol !== 'https:')
      problems.push('publish (generic) needs an https:// url: updates must not travel in clear text');
  } else {
    problems.push(`publish.provider must be github or generic (got ${first.provider ?? 'none'})`);
  }
  return problems;
}

function isFile(path) {
  return existsSync(path) && statSync(path).isFile();
}

/**
 * Every problem with the configuration at `configPath`, as sentences; an empty
 * list means it is valid. `root` is the project folder (for node_modules and
 * the files the config names).
 */
export async function checkBuilderConfig({
  root = process.cwd(),
  configPath = join(root, 'electron-builder.yml'),
} = {}) {
  const problems = [];
  const at = (relative) => resolve(root, relative);
  let config;
  try {
    config = parse(readFileSync(configPath, 'utf8'));
  } catch (error) {
    return [`${configPath} cannot be read as YAML: ${error.message}`];
  }
  if (config === null || typeof config !== 'object' || Array.isArray(config))
    return [`${configPath} is not a mapping of options`];

  const validate = loadSchemaValidator(root);
  if (!validate(config))
    problems.push(...describeSchemaErrors(validate.errors ?? []).map((line) => `schema: ${line}`));
  else {
    // Second opinion from electron-builder's own validator (the one `npm run dist` runs), in case it differs from plain ajv.
    const { validateConfiguration } = createRequire(join(root, 'package.json'))(
      'app-builder-lib/out/util/config/config',
    );
    const { DebugLogger } = createRequire(join(root, 'package.json'))('builder-util');
    try {
      await validateConfiguration(structuredClone(config), new DebugLogger(false));
    } catch (error) {
      problems.push(
        `electron-builder rejects the configuration: ${String(error.message).split('\n').slice(0, 6).join(' ')}`,
      );
    }
  }

  const linuxTargets = targetsOf(config.linux);
  const macTargets = targetsOf(config.mac);
  const winTargets = targetsOf(config.win);
  for (const [platform, targets, wanted] of [
    ['linux', linuxTargets, ['AppImage', 'deb']],
    ['mac', macTargets, ['dmg']],
    ['win', winTargets, ['nsis']],
  ]) {
    for (const target of wanted)
      if (!targets.includes(target)) problems.push(`${platform}.target must include ${target}`);
  }

  if (config.asar !== true)
    problems.push('asar must be true (the OnlyLoadAppFromAsar fuse and asar integrity depend on it)');
  const files = config.files ?? [];
  if (!files.includes('!node_modules/**'))
    problems.push('files must exclude node_modules: the build bundles every dependency');
  if (!files.includes('!**/*.map')) problems.push('files must exclude source maps');

  // Icons for every platform.
  const linuxIcon = config.linux?.icon;
  if (!linuxIcon || !existsSync(at(linuxIcon)) || !statSync(at(linuxIcon)).isDirectory()) {
    problems.push('linux.icon must name a folder of <size>x<size>.png icons');
  } else {
    for (const size of LINUX_ICON_SIZES) {
      const file = join(at(linuxIcon), `${size}x${size}.png`);
      if (!isFile(file)) {
        problems.push(`linux icon ${size}x${size}.png is missing from ${linuxIcon}`);
        continue;
      }
      const { width, height } = pngSize(readFileSync(file));
      if (width !== size || height !== size)
        problems.push(`linux icon ${size}x${size}.png is ${width}×${height}`);
    }
  }
  const macIcon = config.mac?.icon;
  if (!macIcon || !isFile(at(macIcon))) problems.push('mac.icon must name an .icns file that exists');
  else {
    try {
      const types = readIcnsElements(readFileSync(at(macIcon))).map((element) => element.type);
      for (const type of ['ic07', 'ic08', 'ic09', 'ic10'])
        if (!types.includes(type)) problems.push(`${macIcon} lacks the ${type} image`);
    } catch (error) {
      problems.push(`${macIcon}: ${error.message}`);
    }
  }
  for (const [key, icon] of [
    ['win.icon', config.win?.icon],
    ['nsis.installerIcon', config.nsis?.installerIcon],
    ['nsis.uninstallerIcon', config.nsis?.uninstallerIcon],
  ]) {
    if (!icon || !isFile(at(icon))) {
      problems.push(`${key} must name an .ico file that exists`);
      continue;
    }
    try {
      const sizes = readIcoImages(readFileSync(at(icon))).map((image) => image.width);
      for (const size of [16, 32, 48, 256])
        if (!sizes.includes(size)) problems.push(`${icon} lacks a ${size} px image`);
    } catch (error) {
      problems.push(`${icon}: ${error.message}`);
    }
  }

  // macOS: hardened runtime, notarisation from the environment, minimal entitlements.
  if (config.mac?.hardenedRuntime !== true)
    problems.push('mac.hardenedRuntime must be true (notarisation requires it)');
  if (config.mac?.notarize === false)
    problems.push('mac.notarize must not be false: it reads its credentials from the environment');
  for (const key of ['entitlements', 'entitlementsInherit']) {
    const file = config.mac?.[key];
    if (!file || !isFile(at(file))) {
      problems.push(`mac.${key} must name an entitlements .plist that exists`);
      continue;
    }
    const plist = readFileSync(at(file), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    for (const entitlement of FORBIDDEN_ENTITLEMENTS)
      if (plist.includes(`<key>${entitlement}</key>`))
        problems.push(`${file} grants ${entitlement}, which Herald does not need`);
    if (!plist.includes('<key>com.apple.security.cs.allow-jit</key>'))
      problems.push(
        `${file} must grant com.apple.security.cs.allow-jit (V8 needs it under the hardened runtime)`,
      );
  }

  // macOS shows notification buttons only for alert-style notifications.
  if (config.mac?.extendInfo?.NSUserNotificationAlertStyle !== 'alert')
    problems.push('mac.extendInfo.NSUserNotificationAlertStyle must be alert (notification buttons need it)');

  // Linux .deb metadata electron-builder insists on at build time.
  if (linuxTargets.includes('deb')) {
    const packageJson = JSON.parse(readFileSync(at('package.json'), 'utf8'));
    const homepage = config.extraMetadata?.homepage ?? packageJson.homepage;
    if (!homepage)
      problems.push('a .deb needs a project homepage (package.json homepage or extraMetadata.homepage)');
    const hasEmail = typeof packageJson.author === 'object' && packageJson.author?.email;
    if (!config.linux?.maintainer && !hasEmail)
      problems.push('a .deb needs linux.maintainer or an author email in package.json');
  }

  // The afterPack hook must exist and set the promised fuses.
  if (!config.afterPack) problems.push('afterPack must name the fuse hook (scripts/after-pack.cjs)');
  else if (!isFile(at(config.afterPack)))
    problems.push(`afterPack names ${config.afterPack}, which does not exist`);
  else {
    const hook = require(at(config.afterPack));
    if (typeof hook !== 'function' || typeof hook.wantedFuses !== 'function')
      problems.push(`${config.afterPack} must export the hook function and wantedFuses()`);
    else {
      for (const platform of ['linux', 'darwin', 'win32']) {
        const fuses = hook.wantedFuses(platform);
        for (const [name, state] of Object.entries(REQUIRED_FUSES)) {
          if (fuses[name] !== state)
            problems.push(`the afterPack hook must set ${name} ${state ? 'on' : 'off'} on ${platform}`);
        }
        if (platform !== 'linux' && fuses.EnableEmbeddedAsarIntegrityValidation !== true)
          problems.push(`the afterPack hook must turn on asar integrity validation on ${platform}`);
      }
    }
  }
  if (config.electronFuses)
    problems.push('electronFuses would flip the fuses a second time after the verified hook; leave it out');
  problems.push(...checkPublish(config.publish));
  return problems;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const configPath = resolve(process.argv[2] ?? 'electron-builder.yml');
  const problems = await checkBuilderConfig({ configPath });
  if (problems.length > 0) {
    console.error(`✗ ${configPath}: ${problems.length} problem(s)`);
    for (const problem of problems) console.error(`  - ${problem}`);
    process.exit(1);
  }
  console.log(
    `✓ ${configPath} is valid against electron-builder's schema, and its icons, entitlements, fuse hook and update feed check out`,
  );
}
