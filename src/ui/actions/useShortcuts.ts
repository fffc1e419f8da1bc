/** Routes key presses to the action registry, except while the person types in a field. */
import { useEffect } from 'react';
import { actionForEvent, isTypingTarget, type Action } from './registry';

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function useShortcuts(actions: readonly Action[]): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target)) return;
      // Space and Enter on a focused button press that button, not a shortcut.
      if ((event.key === ' ' || event.key === 'Enter') && (event.target as HTMLElement | null)?.closest?.('button, a, [role="button"]')) return;
      const action = actionForEvent(actions, event, IS_MAC);
      if (!action) return;
      event.preventDefault();
      action.perform();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}
