/**
 * The action registry (excalidraw style): every user action has a name, a label, an optional
 * shortcut and `perform`. Menus, buttons, keyboard handling and the `?` overlay all read it.
 *
 * Shortcut strings: keys joined by "+", e.g. "Mod+Shift+Z", "Space", ".", "?". "Mod" is ⌘ on a Mac
 * and Ctrl elsewhere. A shortcut without Shift matches only when Shift is up, except for keys
 * that themselves need Shift ("?").
 */
export interface Action {
  name: string;
  label: string;
  /** One or more shortcuts; the first is the one shown. */
  shortcuts?: readonly string[];
  perform(): void;
  /** False when the action cannot run now (e.g. nothing to undo). */
  enabled?(): boolean;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

interface Chord {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

const KEY_NAMES: Record<string, string> = { space: ' ', esc: 'escape', del: 'delete' };
const SHIFTED = new Set(['?', '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+', '{', '}', '|', ':', '"', '<', '>', '~']);

export function parseShortcut(shortcut: string): Chord {
  const parts = shortcut.split('+').filter((p, i, all) => p !== '' || i === all.length - 1);
  const raw = shortcut.endsWith('++') ? '+' : parts[parts.length - 1];
  const modifiers = new Set(parts.slice(0, -1).map((p) => p.toLowerCase()));
  const key = raw.toLowerCase();
  return { key: KEY_NAMES[key] ?? key, mod: modifiers.has('mod'), shift: modifiers.has('shift'), alt: modifiers.has('alt') };
}

export function matchesShortcut(shortcut: string, event: KeyLike, isMac: boolean): boolean {
  const chord = parseShortcut(shortcut);
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const other = isMac ? event.ctrlKey : event.metaKey;
  if (chord.mod !== mod || other || chord.alt !== event.altKey) return false;
  if (!SHIFTED.has(chord.key) && chord.shift !== event.shiftKey) return false;
  return event.key.toLowerCase() === chord.key;
}

/** The first enabled action one of whose shortcuts the event matches. */
export function actionForEvent(actions: readonly Action[], event: KeyLike, isMac: boolean): Action | undefined {
  return actions.find((a) => (a.enabled?.() ?? true) && (a.shortcuts ?? []).some((s) => matchesShortcut(s, event, isMac)));
}

const MAC_SYMBOLS: Record<string, string> = { mod: '⌘', shift: '⇧', alt: '⌥' };
const KEY_SYMBOLS: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };

/** "Mod+Shift+Z" → "⌘⇧Z" on a Mac, "Ctrl+Shift+Z" elsewhere. */
export function formatShortcut(shortcut: string, isMac: boolean): string {
  const parts = shortcut.split('+');
  const key = parts[parts.length - 1];
  const shown = KEY_SYMBOLS[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  const modifiers = parts.slice(0, -1).map((m) => m.toLowerCase());
  if (isMac) return modifiers.map((m) => MAC_SYMBOLS[m] ?? m).join('') + shown;
  return [...modifiers.map((m) => (m === 'mod' ? 'Ctrl' : m[0].toUpperCase() + m.slice(1))), shown].join('+');
}

/** True when a key press should go to the focused field, not to the shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const element = target as HTMLElement;
  return element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
}
