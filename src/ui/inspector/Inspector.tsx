/**
 * The inspector: the selected node's equation, parameters (with units, validated edits; both
 * from the node's catalogue entry), shapes and problems; the selected edge's shape; otherwise an
 * overview of the graph and its problems.
 */
import { graphLabInfo } from '../../engine/graph/labMetadata';
import { parameterCount } from '../../engine/graph/validate';
import { paramOf, PRIMITIVES } from '../../engine/graph/primitives';
import type { NirGraph, NirNode } from '../../engine/graph/types';
import { updateNode } from '../editor/graphCommands';
import { formatShape, problemsOfEdge, problemsOfNode, useAnalysis } from '../state/analysis';
import { useGraphStore } from '../state/graphStore';
import { CommitField } from './CommitField';
import { NeuronOptionsEditor, hasNeuronOptions } from './NeuronOptionsEditor';
import { NodeCounts } from './NodeCounts';
import { ParamEditor } from './ParamEditor';
import { ProblemsList } from './ProblemsList';
import { RecordSection } from './RecordSection';
import { fieldsOf, parseInts, reshapedConnection, resizable, resized, type Constraint } from './paramFields';

/** A population's size, and a dense layer's (out, in) features: dimensions of a shape. */
const UNITS: Constraint = { ...paramOf('Input', 'shape')!, length: 1 };
const FEATURES: Constraint = { ...paramOf('Input', 'shape')!, length: 2 };

export function Inspector() {
  const graph = useGraphStore((s) => s.graph);
  const selection = useGraphStore((s) => s.selection);
  const nodeName = selection.nodes.length === 1 ? selection.nodes[0] : null;
  const edge = selection.nodes.length === 0 && selection.edges.length === 1 ? selection.edges[0] : null;
  return (
    <aside className="inspector" aria-label="Inspector">
      {nodeName && graph.nodes[nodeName] ? <NodeDetails name={nodeName} node={graph.nodes[nodeName]} graph={graph} />
        : edge ? <EdgeDetails id={edge} /> : <GraphOverview graph={graph} />}
    </aside>
  );
}

function NodeDetails({ name, node, graph }: { name: string; node: NirNode; graph: NirGraph }) {
  const { shapes, problems } = useAnalysis();
  const shape = shapes[name] ?? {};
  const timeUnit = graphLabInfo(graph.metadata).timeUnit ?? 's';
  const update = (next: NirNode) => updateNode(name, next);
  const { label, description, equation } = PRIMITIVES[node.type];
  return (
    <div className="inspector-body">
      <h2><span className="badge" title={`${label}: ${description}`}>{node.type}</span> {name}</h2>
      <p className="equation" aria-label="Equation">{equation}</p>
      <dl className="shapes">
        <dt>in</dt><dd>{formatShape(shape.input)}</dd>
        <dt>out</dt><dd>{formatShape(shape.output)}</dd>
      </dl>
      <ProblemsList problems={[...problemsOfNode(problems, name), ...problems.filter((p) => p.edge && (p.edge[0] === name || p.edge[1] === name))]} title="Problems here" />
      {resizable(node) && <SizeField node={node} update={update} />}
      {(node.type === 'Affine' || node.type === 'Linear') && <ConnectionSizeField node={node} update={update} />}
      {node.type === 'NIRGraph' ? (
        <p>Subgraph of {Object.keys(node.nodes).length} nodes: {Object.entries(node.nodes).map(([n, v]) => `${n} (${v.type})`).join(', ')}.</p>
      ) : (
        <section aria-label="Parameters">
          <h3>Parameters</h3>
          {fieldsOf(node).map((field) => <ParamEditor key={field.key} node={node} field={field} timeUnit={timeUnit} update={update} />)}
        </section>
      )}
      {hasNeuronOptions(node) && <NeuronOptionsEditor node={node} update={update} />}
      <RecordSection name={name} node={node} />
      <NodeCounts name={name} timeUnit={timeUnit} />
    </div>
  );
}

function SizeField({ node, update }: { node: NirNode; update(n: NirNode): void }) {
  const first = fieldsOf(node).map((f) => (node as unknown as Record<string, { shape?: number[] }>)[f.key]).find((v) => v?.shape);
  const units = first?.shape?.reduce((a, b) => a * b, 1) ?? 0;
  return (
    <CommitField key={units} label="units" initial={String(units)} commit={(text) => {
      const parsed = parseInts(UNITS, text);
      if (!parsed.ok) return parsed.message;
      update(resized(node, parsed.value[0]));
      return null;
    }} />
  );
}

function ConnectionSizeField({ node, update }: { node: NirNode & { weight: { shape: number[] } }; update(n: NirNode): void }) {
  const [outputs, inputs] = node.weight.shape.slice(-2);
  return (
    <CommitField key={`${outputs}x${inputs}`} label="out, in features" initial={`${outputs}, ${inputs}`} commit={(text) => {
      const parsed = parseInts(FEATURES, text);
      if (!parsed.ok) return parsed.message;
      update(reshapedConnection(node, parsed.value[0], parsed.value[1]));
      return null;
    }} />
  );
}

function EdgeDetails({ id }: { id: string }) {
  const { shapes, problems } = useAnalysis();
  const [source, target] = id.split('->');
  return (
    <div className="inspector-body">
      <h2>{source} → {target}</h2>
      <dl className="shapes">
        <dt>carries</dt><dd>{formatShape(shapes[source]?.output)}</dd>
        <dt>expects</dt><dd>{formatShape(shapes[target]?.input)}</dd>
      </dl>
      <ProblemsList problems={problemsOfEdge(problems, id)} title="Problems here" />
    </div>
  );
}

function GraphOverview({ graph }: { graph: NirGraph }) {
  const { problems } = useAnalysis();
  const info = graphLabInfo(graph.metadata);
  const count = Object.keys(graph.nodes).length;
  return (
    <div className="inspector-body">
      <h2>Graph</h2>
      <p>
        {count} node{count === 1 ? '' : 's'}, {graph.edges.length} edge{graph.edges.length === 1 ? '' : 's'},{' '}
        {parameterCount(graph).toLocaleString('en')} parameters{info.dt ? `, dt ${info.dt} ${info.timeUnit ?? 's'}` : ''}.
      </p>
      <p className="muted">Select a node to edit its parameters.</p>
      <ProblemsList problems={count > 0 ? problems : []} />
    </div>
  );
}
