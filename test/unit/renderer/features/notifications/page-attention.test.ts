// The favicon index.html links at start is the mark page-attention.ts draws
// with nothing to act on, so the page need not rebuild it in its first render.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { faviconSvg } from '../../../../../renderer/features/notifications/page-attention.ts';

describe('the start favicon', () => {
  it('is the plain mark faviconSvg(0) draws, and index.html links it as count 0', () => {
    expect(readFileSync('renderer/public/favicon.svg', 'utf8').trim()).toBe(faviconSvg(0));
    const html = readFileSync('renderer/index.html', 'utf8');
    expect(html).toMatch(
      /<link rel="icon" type="image\/svg\+xml" href="\.\/favicon\.svg" data-attention-count="0"/,
    );
  });

  it('carries a badge only when something needs acting on', () => {
    expect(faviconSvg(0)).not.toContain('<circle');
    expect(faviconSvg(3)).toContain('>3</text>');
    expect(faviconSvg(12)).toContain('>9+</text>');
  });
});
