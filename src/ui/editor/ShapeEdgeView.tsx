/**
 * An edge labelled with the shape it carries; red with the reason when the shapes disagree. An
 * edge to a node further left on a lower row (a layout folded into rows) wraps like a line of
 * text; any other edge going backwards is a recurrent loop drawn below both nodes.
 */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, getSmoothStepPath, type EdgeProps } from '@xyflow/react';

/** How far below its source a target must be for a backward edge to read as a row wrap, not a loop. */
const WRAP_DROP = 60;
import type { ShapeEdge } from './flowModel';

export const ShapeEdgeView = memo(function ShapeEdgeView(props: EdgeProps<ShapeEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const backwards = targetX < sourceX;
  const wraps = backwards && targetY - sourceY > WRAP_DROP;
  const [path, labelX, labelY] = wraps
    ? getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 10 })
    : backwards
      ? loopPath(sourceX, sourceY, targetX, targetY)
      : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const problem = data?.problem;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`shape-edge${problem ? ' has-problem' : ''}${selected ? ' selected' : ''}`} />
      <EdgeLabelRenderer>
        <div
          className={`edge-label${problem ? ' has-problem' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          title={problem}
          data-testid={`edge-${id}`}
        >
          {problem ? `⚠ ${data?.shape}` : data?.shape}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});

/** A recurrent edge drawn as a loop below both nodes. */
function loopPath(sx: number, sy: number, tx: number, ty: number): [string, number, number] {
  const drop = 70;
  const bottom = Math.max(sy, ty) + drop;
  const path = `M ${sx} ${sy} C ${sx + 60} ${sy}, ${sx + 60} ${bottom}, ${sx} ${bottom} L ${tx} ${bottom} C ${tx - 60} ${bottom}, ${tx - 60} ${ty}, ${tx} ${ty}`;
  return [path, (sx + tx) / 2, bottom];
}
