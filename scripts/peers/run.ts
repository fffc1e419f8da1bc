/**
 * `npm run test:peers`: the lab against the real peers (snnTorch, Norse, with nir and nirtorch),
 * both ways (docs/peers.md says what each convention is and what the numbers mean).
 *
 *  A. peer → lab: scripts/peers/peers.py builds small seeded networks with each peer's neurons,
 *     exports them with the peer's own exporter and records the peer's own forward pass; the lab
 *     reads the .nir with its CLI (`spikelab info`: the dt it guesses; `spikelab simulate` with that
 *     guess, never overridden) and the two runs are compared.
 *  B. lab → peer: networks made in the lab (./labCases.ts) and the A files, saved with
 *     `spikelab convert IN OUT --for snntorch|norse` (plain `convert` while --for is not accepted),
 *     loaded with the peer's importer (snntorch.import_from_nir, norse.torch.from_nir), run on the
 *     same input and compared with the lab's own `simulate` of the original.
 *  Baseline: each A file read back by its own peer's importer against the peer's original run
 *     (how far the peer agrees with itself; shown, never a failure).
 *
 * Bound: 0 mismatching spikes and a maximum relative membrane error ≤ 1e-5, where the error of one
 * value is |lab − peer| / max(|peer|, s), s = the population's threshold scale (max |v_threshold|)
 * for spiking neurons, the largest |peer| of the trace for readouts, never below 1e-3. Membranes are
 * compared before the reset (the value the spike is decided on; the lab's recorded m_t).
 *
 * Environment: SPIKELAB_PEERS (required; the folder holding nir/, nirtorch/, snntorch/, norse/,
 * meta/ and fx_py311_shim.py; unset or missing: prints why and exits 0 having tested nothing),
 * PYTHON (default /usr/bin/python3, then python3), SPIKELAB_PEERS_CASES (comma-separated substrings
 * of case names to run), SPIKELAB_PEERS_WORK (work folder; default a new temp folder, kept),
 * SPIKELAB_PEERS_TABLE (markdown output; default scripts/peers/out/table.md).
 * Prints one JSON line per (case, direction) and a summary line; exits 1 when any case that both
 * sides can express mismatches or fails.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { graphToJson } from '../../src/engine/graph/json';
import { labCases, labInput } from './labCases';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const HERE = join(ROOT, 'scripts', 'peers');
const BOUND_REL = 1e-5;
const SCALE_FLOOR = 1e-3;
const TARGETS = ['snntorch', 'norse'] as const;
type Target = (typeof TARGETS)[number];
type Direction = 'peer→lab' | 'peer→peer' | `lab→${Target}`;

// ---------------------------------------------------------------------------------------------
// Processes

interface ProcResult {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<ProcResult> {
  return new Promise((done) => {
    execFile(command, args, { cwd: ROOT, env, maxBuffer: 512 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

interface LabError {
  code: string;
  message: string;
  hint?: string;
}

type LabAnswer<T> = { ok: true; value: T } | { ok: false; error: LabError };

/** `node bin/spikelab.mjs ARGS`: the CLI prints one JSON document, or {"error": …} and exits non-zero. */
async function lab<T>(args: string[]): Promise<LabAnswer<T>> {
  const result = await run(process.execPath, [join(ROOT, 'bin', 'spikelab.mjs'), ...args]);
  const line = result.stdout.trim().split('\n').filter(Boolean).pop() ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { ok: false, error: { code: 'HARNESS_NO_JSON', message: `spikelab ${args[0]} exited ${result.code} without JSON: ${(result.stderr || result.stdout).trim().slice(-400)}` } };
  }
  if (parsed && typeof parsed === 'object' && 'error' in parsed) return { ok: false, error: (parsed as { error: LabError }).error };
  if (result.code !== 0) return { ok: false, error: { code: 'HARNESS_EXIT', message: `spikelab ${args[0]} exited ${result.code}` } };
  return { ok: true, value: parsed as T };
}

function python(): string {
  if (process.env.PYTHON) return process.env.PYTHON;
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

function peerEnv(peers: string): NodeJS.ProcessEnv {
  const path = ['nir', 'nirtorch', 'snntorch', 'norse', 'meta'].map((d) => join(peers, d)).concat(peers);
  if (process.env.PYTHONPATH) path.push(process.env.PYTHONPATH);
  return { ...process.env, PYTHONPATH: path.join(delimiter), PYTHONDONTWRITEBYTECODE: '1' };
}

async function peersPy(peers: string, args: string[]): Promise<void> {
  const result = await run(python(), [join(HERE, 'peers.py'), ...args], peerEnv(peers));
  if (result.code !== 0) throw new Error(`peers.py ${args[0]} exited ${result.code}:\n${result.stderr.slice(-3000)}`);
}

// ---------------------------------------------------------------------------------------------
// What both sides record

interface PeerPop {
  name: string;
  nir_name?: string | null;
  kind: 'spikes' | 'membrane';
  spikes?: number[][];
  membrane?: number[][];
  membrane_post?: number[][];
  threshold?: number[];
}

interface PeerCase {
  case: string;
  peer: Target;
  neuron?: string;
  reset?: string | null;
  status: 'ok' | 'not_expressible' | 'error';
  reason?: string;
  dt_peer?: number | null;
  nir?: string;
  input?: string;
  populations?: PeerPop[];
}

interface PeerImport {
  peer: Target;
  status: 'ok' | 'error';
  stage?: string;
  reason?: string;
  where?: string;
  dt_peer?: number;
  populations?: PeerPop[];
}

interface LabLayer {
  name: string;
  type: string;
  size: number;
  threshold?: number | number[];
  spikes?: number[][];
  membrane?: number[][];
}

interface LabSim {
  T: number;
  dt: number;
  layers: LabLayer[];
}

interface DtGuess {
  dt: number;
  unit: string;
  exporter?: string;
  reason: string;
}

interface ConvertAnswer {
  dtGuess?: DtGuess;
  changes?: Array<{ node?: string; message: string }>;
  renamed?: Record<string, string>;
}

interface LabInfo {
  dtGuess: DtGuess;
  warnings: Array<{ code?: string; message?: string } | string>;
}

// ---------------------------------------------------------------------------------------------
// Comparison

interface PopResult {
  lab: string;
  peer: string;
  compared: 'spikes+membrane' | 'membrane';
  spikeMismatches: number;
  labSpikes: number;
  peerSpikes: number;
  firstMismatch?: { t: number; i: number; lab: number; peer: number };
  maxRel: number;
  worst?: { t: number; i: number; lab: number; peer: number };
}

interface Comparison {
  spikeMismatches: number;
  refSpikes: number;
  maxRel: number;
  populations: PopResult[];
  mapping: string;
  problem?: string;
}

const READOUT_TYPES = new Set(['LI', 'CubaLI', 'I']);

function denseSpikes(layer: LabLayer, T: number): number[][] {
  const out = Array.from({ length: T }, () => new Array<number>(layer.size).fill(0));
  layer.spikes?.forEach((fired, t) => fired.forEach((i) => { out[t][i] = 1; }));
  return out;
}

function thresholdScale(layer: LabLayer, peer: PeerPop): number {
  const values = Array.isArray(layer.threshold) ? layer.threshold : typeof layer.threshold === 'number' ? [layer.threshold] : (peer.threshold ?? []);
  return Math.max(SCALE_FLOOR, ...values.map((v) => Math.abs(v)));
}

function comparePop(layer: LabLayer, peer: PeerPop, T: number): PopResult {
  const readout = READOUT_TYPES.has(layer.type);
  const labSp = denseSpikes(layer, T);
  const peerSp = peer.spikes ?? Array.from({ length: T }, () => new Array<number>(layer.size).fill(0));
  const result: PopResult = { lab: layer.name, peer: peer.name, compared: readout ? 'membrane' : 'spikes+membrane', spikeMismatches: 0, labSpikes: 0, peerSpikes: 0, maxRel: 0 };
  const ref = peer.membrane ?? [];
  const mine = layer.membrane ?? [];
  if (ref.length !== T || mine.length !== T) {
    result.maxRel = Infinity;
    return result;
  }
  let scale = readout ? SCALE_FLOOR : thresholdScale(layer, peer);
  if (readout) for (const row of ref) for (const v of row) scale = Math.max(scale, Math.abs(v));
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < layer.size; i++) {
      const a = labSp[t][i];
      const b = peerSp[t]?.[i] ? 1 : 0;
      result.labSpikes += a;
      result.peerSpikes += b;
      if (a !== b) {
        result.spikeMismatches += 1;
        result.firstMismatch ??= { t, i, lab: a, peer: b };
      }
      const rel = Math.abs(mine[t][i] - ref[t][i]) / Math.max(Math.abs(ref[t][i]), scale);
      if (!(rel <= result.maxRel)) {
        result.maxRel = Number.isNaN(rel) ? Infinity : rel;
        result.worst = { t, i, lab: mine[t][i], peer: ref[t][i] };
      }
    }
  }
  return result;
}

const norm = (name: string) => name.replace(/\./g, '_');

/**
 * Pairs each lab population with the peer's: by name (the converter's renaming applied, dots read as
 * underscores, as nirtorch names modules), else by order when both list as many populations of
 * the same sizes.
 */
function pairUp(layers: LabLayer[], pops: PeerPop[], renamed: Record<string, string> = {}): { pairs: Array<[LabLayer, PeerPop]>; mapping: string } | { problem: string } {
  const byName = new Map<string, PeerPop>();
  for (const p of pops) {
    for (const key of [p.nir_name, p.name]) if (key) byName.set(norm(key), p);
  }
  const pairs: Array<[LabLayer, PeerPop]> = [];
  for (const layer of layers) {
    const p = byName.get(norm(renamed[layer.name] ?? layer.name));
    if (p) pairs.push([layer, p]);
  }
  if (pairs.length === layers.length && pairs.length === pops.length) return { pairs, mapping: 'by name' };
  const sizeOf = (p: PeerPop) => (p.membrane?.[0] ?? p.spikes?.[0] ?? []).length;
  if (layers.length === pops.length && layers.every((l, i) => l.size === sizeOf(pops[i]))) return { pairs: layers.map((l, i) => [l, pops[i]]), mapping: 'by order' };
  return { problem: `the lab records ${layers.length} populations (${layers.map((l) => l.name).join(', ')}), the peer ${pops.length} (${pops.map((p) => p.nir_name ?? p.name).join(', ')})` };
}

function compare(sim: LabSim, pops: PeerPop[], renamed?: Record<string, string>): Comparison {
  const paired = pairUp(sim.layers, pops, renamed);
  if ('problem' in paired) return { spikeMismatches: NaN, refSpikes: 0, maxRel: NaN, populations: [], mapping: 'none', problem: paired.problem };
  const populations = paired.pairs.map(([l, p]) => comparePop(l, p, sim.T));
  return {
    spikeMismatches: populations.reduce((n, p) => n + p.spikeMismatches, 0),
    refSpikes: populations.reduce((n, p) => n + p.peerSpikes, 0),
    maxRel: Math.max(0, ...populations.map((p) => p.maxRel)),
    populations,
    mapping: `${paired.mapping}: ${paired.pairs.map(([l, p]) => `${l.name}=${p.name}`).join(', ')}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Rows

/** 'differs': the peer's own round trip (its export read by its importer) is not exact; information, never a failure. */
type Status = 'pass' | 'FAIL' | 'not expressible' | 'differs';

interface Row {
  case: string;
  direction: Direction;
  neuron: string;
  status: Status;
  reason?: string;
  dt_lab?: number;
  dt_peer?: number | null;
  dt_guess?: string;
  exporter_guess?: string;
  converted_with?: string;
  converter_changes?: string[];
  spike_mismatches?: number;
  ref_spikes?: number;
  max_rel_err?: number;
  mapping?: string;
  populations?: PopResult[];
  files?: Record<string, string>;
}

/**
 * Cases the file cannot carry, whatever the lab does (the peers' own limits; sources cited in
 * docs/peers.md). They are measured and shown, but do not fail the run.
 */
const A_LIMITS: Record<string, string> = {
  'snntorch.Leaky.subtract': "NIR has no subtractive reset: snnTorch's exporter writes v_reset = 0 for reset_mechanism='subtract' (snntorch/export_nir.py), so the file says reset to 0",
  'snntorch.Synaptic.subtract': "NIR has no subtractive reset: snnTorch's exporter writes v_reset = 0 for reset_mechanism='subtract' (snntorch/export_nir.py), so the file says reset to 0",
  'norse.LIFBoxCell.subtract': "NIR has no subtractive reset: Norse's exporter writes v_reset and drops reset_method=reset_subtract (norse/torch/utils/export_nir.py), so the file says reset to v_reset",
  'snntorch.Synaptic.zero.delayed': "snnTorch's default reset_delay=True zeroes the whole membrane update of the step after a spike, input included (synaptic.py _base_zero: mem − reset·(β·mem + syn)), which NIR cannot say; the exporter writes the same file as for reset_delay=False",
  'snntorch.RSynaptic.zero': "snnTorch's RSynaptic cannot reset in the spike's step (rsynaptic.py: the reset_delay=False block reads the forward's arguments spk/mem, not self.spk/self.mem: TypeError with init_hidden=True, no effect otherwise); it always runs the delayed reset that zeroes the membrane of the step after a spike, input included, which NIR cannot say",
};

function fmt(x: number | undefined | null, digits = 2): string {
  if (x === undefined || x === null) return '—';
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  return x.toExponential(digits);
}

function measuredRow(base: Omit<Row, 'status'>, cmp: Comparison, limit?: string): Row {
  const row: Row = { ...base, status: 'pass', spike_mismatches: cmp.spikeMismatches, ref_spikes: cmp.refSpikes, max_rel_err: cmp.maxRel, mapping: cmp.mapping, populations: cmp.populations };
  const bad = cmp.problem !== undefined || !(cmp.spikeMismatches === 0) || !(cmp.maxRel <= BOUND_REL);
  if (cmp.problem) row.reason = cmp.problem;
  if (limit) {
    row.status = 'not expressible';
    row.reason = limit;
  } else if (bad) {
    row.status = 'FAIL';
  }
  return row;
}

function errorRow(base: Omit<Row, 'status'>, reason: string, limit?: string): Row {
  return limit ? { ...base, status: 'not expressible', reason: `${limit} (${reason})` } : { ...base, status: 'FAIL', reason };
}

/** A peer's own recording in the lab's shape, so that it can be the reference of a comparison. */
function asLabSim(pops: PeerPop[]): LabSim {
  const layers = pops.map((p): LabLayer => {
    const size = (p.membrane?.[0] ?? p.spikes?.[0] ?? []).length;
    const spikes = p.spikes?.map((row) => row.flatMap((v, i) => (v ? [i] : [])));
    return { name: p.nir_name ?? p.name, type: p.kind === 'membrane' ? 'LI' : 'LIF', size, threshold: p.threshold, spikes, membrane: p.membrane };
  });
  return { T: pops[0]?.membrane?.length ?? 0, dt: NaN, layers };
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

// ---------------------------------------------------------------------------------------------
// Output

function cell(row: Row | undefined): string {
  if (!row) return '—';
  const dt = row.dt_lab !== undefined ? `dt ${fmt(row.dt_lab, 1)}${row.dt_peer ? ` (peer ${fmt(row.dt_peer, 1)})` : ''}` : '';
  const numbers = row.spike_mismatches !== undefined ? `${Number.isNaN(row.spike_mismatches) ? '?' : row.spike_mismatches} / ${row.ref_spikes} spikes off, rel ${fmt(row.max_rel_err)}` : '';
  const body = [dt, numbers].filter(Boolean).join('; ');
  if (row.status === 'pass') return `pass: ${body}`;
  if (row.status === 'FAIL') return `**FAIL**: ${body || row.reason}`;
  if (row.status === 'differs') return `differs: ${body || row.reason}`;
  return `not expressible${body ? ` (${body})` : ''}`;
}

/** Where a measured row first went wrong: the first mismatching spike and the worst membrane value. */
function diagnosis(row: Row): string | undefined {
  if (row.status === 'pass' || !row.populations?.length) return undefined;
  const [mine, theirs] = row.direction === 'peer→peer' ? ['import', 'original'] : ['lab', 'peer'];
  const parts: string[] = [];
  const first = row.populations.filter((p) => p.firstMismatch).sort((a, b) => a.firstMismatch!.t - b.firstMismatch!.t)[0];
  if (first) parts.push(`first spike mismatch: ${first.lab} at t = ${first.firstMismatch!.t}, neuron ${first.firstMismatch!.i} (${mine} ${first.firstMismatch!.lab}, ${theirs} ${first.firstMismatch!.peer})`);
  const worst = [...row.populations].sort((a, b) => b.maxRel - a.maxRel)[0];
  if (worst?.worst) parts.push(`worst membrane: ${worst.lab} at t = ${worst.worst.t}, neuron ${worst.worst.i} (${mine} ${worst.worst.lab.toPrecision(6)}, ${theirs} ${worst.worst.peer.toPrecision(6)})`);
  return parts.join('; ') || undefined;
}

function markdown(rows: Row[], cases: Array<{ name: string; neuron: string }>, meta: string): string {
  const lines = [
    `Measured by \`npm run test:peers\` (${meta}). Cell: status: dt the lab used (dt the peer used); mismatching spikes / spikes of the reference; max relative membrane error (bound 0 spikes, 1e-5). The reference is the peer's run for peer → lab, the lab's run for lab → peer; peer → peer reads the peer's own export back with its own importer (a baseline: how far the peer agrees with itself; never a failure).`,
    '',
    '| case | neuron | peer → lab | lab → snnTorch | lab → Norse | peer → peer (baseline) |',
    '|---|---|---|---|---|---|',
  ];
  for (const c of cases) {
    const find = (d: Direction) => rows.find((r) => r.case === c.name && r.direction === d);
    lines.push(`| ${c.name} | ${c.neuron} | ${cell(find('peer→lab'))} | ${cell(find('lab→snntorch'))} | ${cell(find('lab→norse'))} | ${cell(find('peer→peer'))} |`);
  }
  lines.push('', 'Reasons and notes:', '');
  for (const r of rows) {
    const notes = [r.reason, diagnosis(r), r.converted_with && r.direction.startsWith('lab→') ? `written with ${r.converted_with}` : undefined, r.dt_guess && r.direction === 'peer→lab' ? `dt guess: ${r.dt_guess}` : undefined].filter(Boolean);
    if (r.status !== 'pass' || r.direction === 'peer→lab') lines.push(`- ${r.case}, ${r.direction}, ${r.status}: ${notes.join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<number> {
  const peers = process.env.SPIKELAB_PEERS;
  if (!peers) {
    console.log(JSON.stringify({ skipped: 'SPIKELAB_PEERS is not set: nothing tested. Set it to the folder of the peer sources (see docs/peers.md).' }));
    return 0;
  }
  const peersDir = resolve(peers);
  for (const need of ['nir', 'nirtorch', 'snntorch', 'norse', 'fx_py311_shim.py']) {
    if (!existsSync(join(peersDir, need))) {
      console.log(JSON.stringify({ skipped: `${join(peersDir, need)} does not exist: nothing tested.` }));
      return 0;
    }
  }
  const probe = await run(python(), ['-c', 'import torch, h5py, numpy; print(torch.__version__)'], peerEnv(peersDir));
  if (probe.code !== 0) {
    console.error(`test:peers: ${python()} cannot import torch, h5py and numpy (Debian: apt-get install python3-torch python3-h5py python3-numpy):\n${probe.stderr.slice(-1000)}`);
    return 1;
  }
  const only = process.env.SPIKELAB_PEERS_CASES?.split(',').map((s) => s.trim()).filter(Boolean);
  const wanted = (name: string) => !only || only.some((part) => name.includes(part));
  const work = process.env.SPIKELAB_PEERS_WORK ? resolve(process.env.SPIKELAB_PEERS_WORK) : mkdtempSync(join(tmpdir(), 'spikelab-peers-'));
  mkdirSync(work, { recursive: true });
  const rows: Row[] = [];
  const emit = (row: Row) => {
    rows.push(row);
    console.log(JSON.stringify(row));
  };
  const started = Date.now();

  // A. peer → lab
  const exportDir = join(work, 'export');
  await peersPy(peersDir, ['export', exportDir]);
  const summary = readJson<Array<{ case: string; neuron: string; status: string }>>(join(exportDir, 'cases.json'));
  const cases: Array<{ name: string; neuron: string }> = [];
  const selfJobs: Array<{ peer: Target; nir: string; input: string; out: string; name: string; neuron: string; reference: PeerPop[]; dt: number | null }> = [];
  const sources: Array<{ name: string; neuron: string; file: string; input: string; sim: LabSim }> = [];
  for (const entry of summary) {
    cases.push({ name: entry.case, neuron: entry.neuron });
    const path = join(exportDir, entry.case, 'peer.json');
    const peerCase: PeerCase = existsSync(path) ? readJson<PeerCase>(path) : { ...(entry as PeerCase) };
    const base = { case: entry.case, direction: 'peer→lab' as const, neuron: entry.neuron, dt_peer: peerCase.dt_peer ?? null };
    if (peerCase.status === 'not_expressible') {
      emit({ ...base, status: 'not expressible', reason: peerCase.reason });
      continue;
    }
    if (peerCase.status !== 'ok' || !peerCase.nir || !peerCase.input || !peerCase.populations) {
      emit(errorRow(base, `the peer side failed: ${peerCase.reason ?? 'no result'}`));
      continue;
    }
    mkdirSync(join(work, 'self'), { recursive: true });
    selfJobs.push({ peer: peerCase.peer, nir: peerCase.nir, input: peerCase.input, out: join(work, 'self', `${entry.case}.result.json`), name: entry.case, neuron: entry.neuron, reference: peerCase.populations, dt: peerCase.dt_peer ?? null });
    const info = await lab<LabInfo>(['info', peerCase.nir]);
    const sim = await lab<LabSim>(['simulate', peerCase.nir, '--input', peerCase.input]);
    const files = { nir: peerCase.nir, input: peerCase.input, peer: path };
    if (!info.ok || !sim.ok) {
      emit(errorRow({ ...base, files }, `the lab refuses the file: ${(!info.ok ? info.error : !sim.ok ? sim.error : undefined)?.message}`, A_LIMITS[entry.case]));
      continue;
    }
    const row = measuredRow({
      ...base, files, dt_lab: sim.value.dt, dt_guess: `${info.value.dtGuess.dt} ${info.value.dtGuess.unit}: ${info.value.dtGuess.reason}`, exporter_guess: info.value.dtGuess.exporter,
    }, compare(sim.value, peerCase.populations), A_LIMITS[entry.case]);
    emit(row);
    // The delayed-reset variants write the same kind of file as the plain ones: not used again for B.
    if (!A_LIMITS[entry.case] && !entry.case.endsWith('.delayed')) sources.push({ name: entry.case, neuron: entry.neuron, file: peerCase.nir, input: peerCase.input, sim: sim.value });
  }

  // B. lab → peer: the lab's own networks, then the peer files above, each saved for each target.
  const labDir = join(work, 'lab');
  mkdirSync(labDir, { recursive: true });
  const labSources: typeof sources = [];
  labCases().forEach((c, k) => {
    if (!wanted(c.name)) return;
    const dir = join(labDir, c.name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'net.json'), graphToJson(c.graph, 1));
    writeFileSync(join(dir, 'input.json'), JSON.stringify(labInput(500 + k)));
    cases.push({ name: c.name, neuron: c.neuron });
    labSources.push({ name: c.name, neuron: c.neuron, file: join(dir, 'net.json'), input: join(dir, 'input.json'), sim: undefined as unknown as LabSim });
  });
  for (const s of labSources) {
    const sim = await lab<LabSim>(['simulate', s.file, '--input', s.input]);
    if (!sim.ok) {
      for (const target of TARGETS) emit(errorRow({ case: s.name, direction: `lab→${target}`, neuron: s.neuron }, `the lab cannot simulate its own network: ${sim.error.message}`));
      continue;
    }
    s.sim = sim.value;
    sources.unshift(s);
  }
  sources.sort((a, b) => cases.findIndex((c) => c.name === a.name) - cases.findIndex((c) => c.name === b.name));

  let forAccepted: boolean | undefined;
  const jobs: Array<{ peer: Target; nir: string; input: string; out: string; source: (typeof sources)[number]; convertedWith: string; changes: string[]; renamed: Record<string, string> }> = [];
  for (const s of sources) {
    for (const target of TARGETS) {
      const dir = join(work, 'for', target);
      mkdirSync(dir, { recursive: true });
      const out = join(dir, `${s.name}.nir`);
      const base = { case: s.name, direction: `lab→${target}` as const, neuron: s.neuron, dt_lab: s.sim.dt };
      let converted: LabAnswer<ConvertAnswer> | undefined;
      let convertedWith = `spikelab convert IN OUT --for ${target}`;
      if (forAccepted !== false) {
        converted = await lab(['convert', s.file, out, '--for', target]);
        if (!converted.ok && converted.error.code === 'CLI_UNKNOWN_OPTION' && /--for\b/.test(converted.error.message)) {
          forAccepted = false;
          converted = undefined;
        } else {
          forAccepted = true;
        }
      }
      if (!converted) {
        convertedWith = 'spikelab convert IN OUT (plain: this checkout refuses --for)';
        converted = await lab(['convert', s.file, out]);
      }
      if (!converted.ok) {
        // A target that cannot express the network must say so: that is the lab's answer, not a failure.
        if (forAccepted) emit({ ...base, status: 'not expressible', reason: `spikelab convert --for ${target} refuses: ${converted.error.message}`, converted_with: convertedWith });
        else emit(errorRow({ ...base, converted_with: convertedWith }, `spikelab convert fails: ${converted.error.message}`));
        continue;
      }
      const changes = (converted.value.changes ?? []).map((c) => (c.node ? `${c.node}: ${c.message}` : c.message));
      jobs.push({ peer: target, nir: out, input: s.input, out: join(dir, `${s.name}.result.json`), source: s, convertedWith, changes, renamed: converted.value.renamed ?? {} });
    }
  }
  const jobsPath = join(work, 'import-jobs.json');
  writeFileSync(jobsPath, JSON.stringify([...jobs, ...selfJobs].map(({ peer, nir, input, out }) => ({ peer, nir, input, out }))));
  if (jobs.length + selfJobs.length > 0) await peersPy(peersDir, ['import', jobsPath]);
  for (const job of jobs) {
    const base = {
      case: job.source.name, direction: `lab→${job.peer}` as const, neuron: job.source.neuron, dt_lab: job.source.sim.dt, converted_with: job.convertedWith,
      converter_changes: job.changes, files: { original: job.source.file, converted: job.nir, input: job.input, peer: job.out },
    };
    const result = existsSync(job.out) ? readJson<PeerImport>(job.out) : { peer: job.peer, status: 'error' as const, reason: 'no result written' };
    if (result.status !== 'ok' || !result.populations) {
      emit(errorRow({ ...base, dt_peer: result.dt_peer }, `${result.reason ?? 'the peer failed'}${result.where ? ` [${result.where}]` : ''}`));
      continue;
    }
    emit(measuredRow({ ...base, dt_peer: result.dt_peer }, compare(job.source.sim, result.populations, job.renamed)));
  }

  // The baseline: each peer's own export read back by its own importer, against its original run.
  for (const job of selfJobs) {
    const base = { case: job.name, direction: 'peer→peer' as const, neuron: job.neuron, dt_peer: job.dt, files: { nir: job.nir, input: job.input, peer: job.out } };
    const result = existsSync(job.out) ? readJson<PeerImport>(job.out) : { peer: job.peer, status: 'error' as const, reason: 'no result written' };
    if (result.status !== 'ok' || !result.populations) {
      emit({ ...base, status: 'differs', reason: `${result.reason ?? 'the peer failed'}${result.where ? ` [${result.where}]` : ''}` });
      continue;
    }
    // The import plays the lab's part; the peer's original run is the reference.
    const row = measuredRow({ ...base, dt_lab: undefined }, compare(asLabSim(result.populations), job.reference));
    emit(row.status === 'FAIL' ? { ...row, status: 'differs' } : row);
  }

  const count = (s: Status) => rows.filter((r) => r.status === s).length;
  const meta = `${new Date().toISOString().slice(0, 10)}, ${Math.round((Date.now() - started) / 1000)} s`;
  const tablePath = process.env.SPIKELAB_PEERS_TABLE ? resolve(process.env.SPIKELAB_PEERS_TABLE) : join(HERE, 'out', 'table.md');
  mkdirSync(dirname(tablePath), { recursive: true });
  writeFileSync(tablePath, markdown(rows, cases.filter((c) => rows.some((r) => r.case === c.name)), meta));
  writeFileSync(join(work, 'rows.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(JSON.stringify({ summary: { pass: count('pass'), fail: count('FAIL'), not_expressible: count('not expressible'), baseline_differs: count('differs'), for_accepted: forAccepted ?? null, table: tablePath, work } }));
  return count('FAIL') > 0 ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
