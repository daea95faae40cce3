// Keyboard shortcuts that reach the composer from anywhere in the app:
// Ctrl/Cmd+N starts a new message, Ctrl/Cmd+Enter sends the open draft now
// (when the Compose screen is showing and no dialog is open).
import { useEffect } from 'react';
import { useNavigation } from '../../app/navigation-store.ts';
import { useComposer } from './composer-store.ts';
import { useSend } from './send-store.ts';

function isCommand(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}

function onKeyDown(event: KeyboardEvent): void {
  if (!isCommand(event)) return;
  if (event.key === 'n' || event.key === 'N') {
    event.preventDefault();
    useNavigation.getState().go('compose');
    void useComposer.getState().startOver();
    return;
  }
  if (event.key === 'Enter') {
    const isComposing =
      useNavigation.getState().screen === 'compose' && useComposer.getState().draft !== null;
    const isDialogOpen = document.querySelector('dialog[open]') !== null;
    if (!isComposing || isDialogOpen) return;
    event.preventDefault();
    void useSend.getState().send({ mode: 'now' });
  }
}

/** Installs the shortcuts for as long as the app is mounted. */
export function useComposerShortcuts(): void {
  useEffect(() => {
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
