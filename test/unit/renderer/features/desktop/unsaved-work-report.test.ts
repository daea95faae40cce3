import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { SaveStatus } from '../../../../../renderer/features/composer/autosave.ts';
import { reportUnsavedWork } from '../../../../../renderer/features/desktop/unsaved-work-report.ts';

describe('the unsaved-work report to main', () => {
  it('reports the composer state at once and then only its changes, until unsubscribed', () => {
    const composer = createStore<{ saveStatus: SaveStatus; title: string }>()(() => ({
      saveStatus: 'saved',
      title: '',
    }));
    const reports: boolean[] = [];
    const stop = reportUnsavedWork(
      {
        hasUnsaved: () => composer.getState().saveStatus !== 'saved',
        subscribe: (onChange) => composer.subscribe(onChange),
      },
      (hasUnsaved) => reports.push(hasUnsaved),
    );
    composer.setState({ saveStatus: 'pending', title: 'Sentry' });
    composer.setState({ title: 'Sentry down' });
    composer.setState({ saveStatus: 'saving' });
    composer.setState({ saveStatus: 'saved' });
    composer.setState({ saveStatus: 'failed' });
    stop();
    composer.setState({ saveStatus: 'saved' });
    expect(reports).toEqual([false, true, false, true]);
  });
});
