/**
 * The palette: every NIR primitive by category (drag onto the canvas, or click to add next to
 * the last node) and templates that open a whole working network.
 */
import type { DragEvent } from 'react';
import { TEMPLATES } from '../../engine/graph/templates';
import { NODE_TYPES, type NodeType } from '../../engine/graph/types';
import { DRAG_TYPE } from '../editor/GraphCanvas';
import { addPrimitive, openTemplate } from '../editor/graphCommands';
import { CATEGORY, CATEGORY_LABEL, EQUATION, type Category } from '../editor/nodeCatalog';
import { useGraphStore } from '../state/graphStore';

const ORDER: Category[] = ['io', 'connection', 'conv', 'neuron', 'graph'];

function startDrag(event: DragEvent, payload: string) {
  event.dataTransfer.setData(DRAG_TYPE, payload);
  event.dataTransfer.effectAllowed = 'copy';
}

/** Somewhere free: right of the right-most node. */
function nextFreeSpot(): [number, number] {
  const xs = Object.values(useGraphStore.getState().positions);
  if (xs.length === 0) return [0, 0];
  return [Math.max(...xs.map(([x]) => x)) + 230, Math.min(...xs.map(([, y]) => y))];
}

export function Palette() {
  return (
    <aside className="palette" aria-label="Palette">
      <h2>Templates</h2>
      <ul className="palette-list">
        {TEMPLATES.map((t) => (
          <li key={t.id}>
            <button type="button" className="palette-item template" draggable title={t.description}
              onDragStart={(e) => startDrag(e, `template:${t.id}`)} onClick={() => void openTemplate(t.id)}>
              {t.label}
              <small>{t.description}</small>
            </button>
          </li>
        ))}
      </ul>
      {ORDER.map((category) => (
        <section key={category}>
          <h2>{CATEGORY_LABEL[category]}</h2>
          <ul className="palette-list primitives">
            {NODE_TYPES.filter((type) => CATEGORY[type] === category).map((type: NodeType) => (
              <li key={type}>
                <button type="button" className={`palette-item cat-${category}`} draggable title={`${type}: ${EQUATION[type]}`}
                  aria-label={`Add ${type}`}
                  onDragStart={(e) => startDrag(e, `node:${type}`)} onClick={() => addPrimitive(type, nextFreeSpot())}>
                  {type}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}
