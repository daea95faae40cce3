// Builds Herald once before the end-to-end suite, so the tests always run
// the code in the working tree.
import { execFileSync } from 'node:child_process';

export default function globalSetup(): void {
  if (process.env.HERALD_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
