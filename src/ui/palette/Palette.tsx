/**
 * The palette: every NIR primitive by category, as the catalogue lists them (drag onto the
 * canvas, or click to add next to the last node), and templates that open a whole working network.
 */
import type { DragEvent } from 'react';
import { TEMPLATES } from '../../engine/graph/templates';
import { CATEGORIES, PRIMITIVES } from '../../engine/graph/primitives';
import { NODE_TYPES } from '../../engine/graph/types';
import { DRAG_TYPE } from '../editor/GraphCanvas';
import { addPrimitive, openTemplate } from '../editor/graphCommands';
import { useGraphStore } from '../state/graphStore';

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
      {CATEGORIES.map((category) => (
        <section key={category.id}>
          <h2>{category.label}</h2>
          <ul className="palette-list primitives">
            {NODE_TYPES.map((type) => PRIMITIVES[type]).filter((p) => p.category === category.id).map(({ type, label, description, equation }) => (
              <li key={type}>
                <button type="button" className={`palette-item cat-${category.id}`} draggable title={`${type}: ${equation}\n${label}: ${description}`}
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
