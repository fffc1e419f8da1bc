/** The `?` overlay: every action with its shortcuts, read from the registry. */
import { useUiStore } from '../state/uiStore';
import { LAB_ACTIONS } from './labActions';
import { formatShortcut } from './registry';
import { IS_MAC } from './useShortcuts';

export function ShortcutsOverlay() {
  const open = useUiStore((s) => s.helpOpen);
  const setOpen = useUiStore((s) => s.setHelpOpen);
  if (!open) return null;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" onClick={() => setOpen(false)}>
      <div className="overlay-card" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {LAB_ACTIONS.filter((a) => a.shortcuts?.length).map((a) => (
              <tr key={a.name}>
                <td>{a.label}</td>
                <td>{a.shortcuts!.map((s) => <kbd key={s}>{formatShortcut(s, IS_MAC)}</kbd>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={() => setOpen(false)}>Close</button>
      </div>
    </div>
  );
}
