/** Every problem of the graph; clicking one selects the node or edge concerned. */
import type { Problem } from '../../engine/graph/problems';
import { edgeId } from '../../engine/graph/ops';
import { useGraphStore } from '../state/graphStore';

function selectProblem(p: Problem) {
  const { select, graph } = useGraphStore.getState();
  const node = p.node?.split('.')[0];
  if (p.edge) select({ nodes: [], edges: [edgeId(p.edge[0], p.edge[1])] });
  else if (node && node in graph.nodes) select({ nodes: [node], edges: [] });
}

export function ProblemsList({ problems, title = 'Problems' }: { problems: readonly Problem[]; title?: string }) {
  if (problems.length === 0) return null;
  return (
    <section className="problems" aria-label={title}>
      <h3>{title} ({problems.length})</h3>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.code}-${i}`} className={`problem ${p.severity}`}>
            <button type="button" className="link" onClick={() => selectProblem(p)}>
              <b>{p.severity === 'error' ? '✖' : '⚠'} {p.node ?? (p.edge ? `${p.edge[0]} → ${p.edge[1]}` : 'graph')}</b>: {p.message}
            </button>
            <div className="hint">{p.hint}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
