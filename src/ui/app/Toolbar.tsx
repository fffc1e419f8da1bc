/** The top bar: file, edit and view actions from the registry, with their shortcuts in the tooltip. */
import { labAction } from '../actions/labActions';
import { formatShortcut } from '../actions/registry';
import { IS_MAC } from '../actions/useShortcuts';
import { useGraphStore } from '../state/graphStore';
import { useUiStore } from '../state/uiStore';

function ActionButton({ name, enabled = true }: { name: string; enabled?: boolean }) {
  const action = labAction(name);
  const shortcut = action.shortcuts?.[0];
  return (
    <button type="button" onClick={action.perform} disabled={!enabled} title={shortcut ? `${action.label} (${formatShortcut(shortcut, IS_MAC)})` : action.label}>
      {action.label}
    </button>
  );
}

export function Toolbar() {
  const canUndo = useGraphStore((s) => s.history.past.length > 0);
  const canRedo = useGraphStore((s) => s.history.future.length > 0);
  const hasNodes = useGraphStore((s) => Object.keys(s.graph.nodes).length > 0);
  const title = useGraphStore((s) => s.title);
  const busy = useUiStore((s) => s.busy);
  return (
    <header className="toolbar">
      <span className="brand">Spikelab</span>
      <ActionButton name="new" />
      <ActionButton name="open" />
      <ActionButton name="save" enabled={hasNodes} />
      <ActionButton name="saveFor" enabled={hasNodes} />
      <span className="separator" />
      <ActionButton name="undo" enabled={canUndo} />
      <ActionButton name="redo" enabled={canRedo} />
      <span className="separator" />
      <ActionButton name="fitView" />
      <ActionButton name="layout" enabled={hasNodes} />
      <span className="toolbar-title">{busy ?? title ?? ''}</span>
      <button type="button" className="icon" onClick={labAction('help').perform} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">?</button>
    </header>
  );
}
