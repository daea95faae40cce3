// Semantic-version ordering, enough to refuse a downgrade: MAJOR.MINOR.PATCH
// with an optional pre-release, which sorts before the release it precedes.

const VERSION_PATTERN = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

interface ParsedVersion {
  core: [number, number, number];
  prerelease: string[];
}

export function parseVersion(text: string): ParsedVersion | null {
  const match = VERSION_PATTERN.exec(text.trim());
  if (!match) return null;
  return {
    core: [Number(match[1]), Number(match[2]), Number(match[3])],
    prerelease: match[4] ? match[4].split('.') : [],
  };
}

function compareIdentifiers(a: string, b: string): number {
  const isNumericA = /^\d+$/.test(a);
  const isNumericB = /^\d+$/.test(b);
  if (isNumericA && isNumericB) return Math.sign(Number(a) - Number(b));
  if (isNumericA !== isNumericB) return isNumericA ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative when a < b, zero when equal, positive when a > b; null when either is not a version. */
export function compareVersions(a: string, b: string): number | null {
  const left = parseVersion(a);
  const right = parseVersion(b);
  if (!left || !right) return null;
  for (let index = 0; index < 3; index += 1) {
    const difference = left.core[index]! - right.core[index]!;
    if (difference !== 0) return Math.sign(difference);
  }
  const isReleaseA = left.prerelease.length === 0;
  const isReleaseB = right.prerelease.length === 0;
  if (isReleaseA || isReleaseB) return isReleaseA === isReleaseB ? 0 : isReleaseA ? 1 : -1;
  for (let index = 0; index < Math.max(left.prerelease.length, right.prerelease.length); index += 1) {
    const a = left.prerelease[index];
    const b = right.prerelease[index];
    if (a === undefined) return -1;
    if (b === undefined) return 1;
    const order = compareIdentifiers(a, b);
    if (order !== 0) return order;
  }
  return 0;
}
