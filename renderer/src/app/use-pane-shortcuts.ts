import { useEffect } from 'react';
import { navigate } from './router.ts';

/** Ctrl+1..9 (Cmd on macOS) opens the pane at that position. */
export function usePaneShortcuts(ids: readonly string[]): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const digit = /^Digit([1-9])$/.exec(event.code)?.[1] ?? /^[1-9]$/.exec(event.key)?.[0];
      const id = digit ? ids[Number(digit) - 1] : undefined;
      if (!id) return;
      event.preventDefault();
      navigate(id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [ids]);
}
