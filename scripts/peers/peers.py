"""The peer side of `npm run test:peers` (scripts/peers/run.ts drives it; docs/peers.md explains it).

Runs the peers' own code (snnTorch, Norse, nir, nirtorch) from the folder named by SPIKELAB_PEERS,
which run.ts puts on PYTHONPATH. Nothing of the peers is copied here: this file only builds small
seeded networks with their classes, exports them with their exporters, imports files with their
importers and records what their forward passes compute.

  peers.py export OUTDIR   for every peer -> lab case: OUTDIR/<case>/net.nir, input.json, peer.json
                           (or peer.json with status "not_expressible" / "error"); OUTDIR/cases.json
  peers.py import JOBS     JOBS is a JSON list of {"peer", "nir", "input", "out"}: read the .nir with
                           nir.read, load it with the peer's importer, run it on the input (time-major
                           [T][F] JSON), write the recorded populations to "out"

Recorded per neuron population (batch 1): spikes [T][N] (0/1), "membrane" = the membrane the spike
was decided on (before the reset; for a readout its output), "membrane_post" = the state carried to
the next step (after the reset). The pre-reset membrane is the peer's own number, taken where the
peer computes it: snnTorch passes it to SpikingNeuron.fire(mem); Norse computes it as the local
`v_decayed` / `v_new` of its step function right before calling threshold().
"""
import json
import os
import sys
import traceback

import fx_py311_shim  # noqa: F401  (first: torch.fx on Python 3.11 with torch 1.13)
import numpy as np
import torch

import nir
import snntorch as snn
from snntorch.export_nir import export_to_nir
from snntorch.import_nir import import_from_nir
import norse.torch as norse

fx_py311_shim.patch_norse_superspike()

import norse.torch.functional.iaf as _norse_iaf  # noqa: E402
import norse.torch.functional.lif as _norse_lif  # noqa: E402
import norse.torch.functional.lif_box as _norse_lif_box  # noqa: E402
from norse.torch.utils import import_nir as _norse_import_nir  # noqa: E402

F_IN = 8      # input features
N_HID = 12    # hidden population
N_OUT = 4     # second population / readout
T_STEPS = 100

# ----------------------------------------------------------------------------------------------
# Recording


class Recorder:
    """Collects, per population name, the per-step tensors the hooks see (batch 1)."""

    def __init__(self):
        self.pops = {}
        self.order = []
        self.current = None

    def pop(self, name, kind, threshold=None):
        if name not in self.pops:
            self.pops[name] = {"name": name, "kind": kind, "spikes": [], "membrane": [], "membrane_post": [],
                               "threshold": threshold}
            self.order.append(name)
        return self.pops[name]

    def result(self, T):
        out = []
        for name in self.order:
            p = self.pops[name]
            entry = {"name": name, "kind": p["kind"]}
            for key in ("spikes", "membrane", "membrane_post"):
                steps = p[key]
                if not steps:
                    continue
                if len(steps) != T:
                    raise RuntimeError(f"population {name}: {len(steps)} steps of {key} recorded, expected {T}")
                arr = np.stack([s.reshape(-1) for s in steps])
                if key == "spikes":
                    entry[key] = arr.astype(np.int64).tolist()
                else:
                    entry[key] = [[float(v) for v in row] for row in arr.astype(np.float32)]
            if p["threshold"] is not None:
                entry["threshold"] = [float(v) for v in np.asarray(p["threshold"], dtype=np.float32).reshape(-1)]
            out.append(entry)
        return out


REC = Recorder()


def _np(t):
    return t.detach().cpu().numpy().astype(np.float32).copy()


def _norse_threshold_spy(original):
    def spy(x, method, alpha):
        frame = sys._getframe(1)
        v = frame.f_locals.get("v_decayed", frame.f_locals.get("v_new"))
        if v is None:
            v = x + frame.f_locals["p"].v_th
        if REC.current is not None:
            REC.pops[REC.current]["membrane"].append(_np(v))
        return original(x, method, alpha)
    return spy


for _mod in (_norse_lif_box, _norse_lif, _norse_iaf):
    _mod.threshold = _norse_threshold_spy(_mod.threshold)


def _first(output):
    return output[0] if isinstance(output, tuple) else output


def attach_snntorch(module, name):
    thr = module.threshold.detach().numpy() if torch.is_tensor(module.threshold) else np.array([module.threshold])
    pop = REC.pop(name, "spikes", threshold=thr)
    original_fire = module.fire

    def fire(mem):
        pop["membrane"].append(_np(mem))
        return original_fire(mem)

    module.fire = fire

    def after(mod, inputs, output):
        pop["spikes"].append(_np(_first(output)))
        pop["membrane_post"].append(_np(mod.mem))

    module.register_forward_hook(after)


def _norse_v(state):
    if isinstance(state, tuple) and len(state) == 2 and isinstance(state[1], tuple) and hasattr(state[1], "v"):
        return state[1].v  # import_nir.CubaLIF: (synapse state, lif state)
    return state.v


def attach_norse(module, name):
    membrane_only = isinstance(module, (norse.LIBoxCell, norse.LICell))
    if membrane_only:
        pop = REC.pop(name, "membrane")
    else:
        p = module.lif.p if isinstance(module, _norse_import_nir.CubaLIF) else module.p
        pop = REC.pop(name, "spikes", threshold=_np(torch.as_tensor(p.v_th)))

    def before(mod, inputs):
        REC.current = name

    def after(mod, inputs, output):
        REC.current = None
        out, state = output
        if membrane_only:
            pop["membrane"].append(_np(out))
            pop["membrane_post"].append(_np(out))
        else:
            pop["spikes"].append(_np(out))
            pop["membrane_post"].append(_np(_norse_v(state)))

    module.register_forward_pre_hook(before)
    module.register_forward_hook(after)


def is_norse_population(module):
    if isinstance(module, _norse_import_nir.CubaLIF):
        return True
    return isinstance(module, (norse.LIFBoxCell, norse.LIFCell, norse.LIBoxCell, norse.LICell, norse.IAFCell))


def attach_all(model):
    """Hooks every neuron population of `model` (outermost first; the inner cells of Norse's imported
    CubaLIF wrapper are not populations of their own)."""
    inner = set()
    for name, module in model.named_modules():
        if any(name.startswith(prefix + ".") for prefix in inner):
            continue
        if isinstance(module, snn.SpikingNeuron):
            attach_snntorch(module, name)
        elif is_norse_population(module):
            attach_norse(module, name)
            inner.add(name)


# ----------------------------------------------------------------------------------------------
# Inputs


def bernoulli(seed, T, F, p):
    g = torch.Generator().manual_seed(seed)
    return (torch.rand(T, F, generator=g) < p).float()


def current(seed, T, F, scale, offset):
    g = torch.Generator().manual_seed(seed)
    return (torch.rand(T, F, generator=g) * scale + offset).float()


def linear(fan_in, fan_out, gain, bias=True):
    lin = torch.nn.Linear(fan_in, fan_out, bias=bias)
    with torch.no_grad():
        lin.weight.mul_(gain)
        if bias:
            lin.bias.mul_(gain)
    return lin


def uniform(n, lo, hi):
    return torch.rand(n) * (hi - lo) + lo


# ----------------------------------------------------------------------------------------------
# Peer -> lab cases. Each builder returns (model, runner kind, input, dt the peer used, notes).
# snnTorch has no dt: its exporter writes tau = 1e-4 / (1 - beta) (export_nir.py), i.e. it states
# the network as one made for dt = 0.1 ms; that is the dt recorded for it.

SNN_DT = 1e-4


def snn_leaky(reset, delay=False):
    """delay=False: the reset in the spike's step, as NIR and snnTorch's importer; delay=True is
    snnTorch's default (reset applied at the start of the next step)."""
    def build():
        net = torch.nn.Sequential(
            linear(F_IN, N_HID, 2.0),
            snn.Leaky(beta=uniform(N_HID, 0.80, 0.95), threshold=torch.ones(N_HID), reset_mechanism=reset,
                      init_hidden=True, reset_delay=delay),
            linear(N_HID, N_OUT, 2.0),
            snn.Leaky(beta=uniform(N_OUT, 0.80, 0.95), threshold=torch.ones(N_OUT), reset_mechanism=reset,
                      init_hidden=True, reset_delay=delay),
        )
        return net, "snntorch", bernoulli(101, T_STEPS, F_IN, 0.3), SNN_DT
    return build


def snn_synaptic(reset, delay=False):
    def build():
        net = torch.nn.Sequential(
            linear(F_IN, N_HID, 0.7),
            snn.Synaptic(alpha=uniform(N_HID, 0.5, 0.8), beta=uniform(N_HID, 0.80, 0.95), threshold=torch.ones(N_HID),
                         reset_mechanism=reset, init_hidden=True, reset_delay=delay),
            linear(N_HID, N_OUT, 0.7),
            snn.Synaptic(alpha=uniform(N_OUT, 0.5, 0.8), beta=uniform(N_OUT, 0.80, 0.95), threshold=torch.ones(N_OUT),
                         reset_mechanism=reset, init_hidden=True, reset_delay=delay),
        )
        return net, "snntorch", bernoulli(102, T_STEPS, F_IN, 0.3), SNN_DT
    return build


def snn_rleaky():
    net = torch.nn.Sequential(
        linear(F_IN, N_HID, 2.0),
        snn.RLeaky(beta=uniform(N_HID, 0.80, 0.95), threshold=torch.ones(N_HID), all_to_all=True,
                   linear_features=N_HID, reset_mechanism="zero", init_hidden=True, reset_delay=False),
        linear(N_HID, N_OUT, 2.0),
        snn.Leaky(beta=uniform(N_OUT, 0.80, 0.95), threshold=torch.ones(N_OUT), reset_mechanism="zero",
                  init_hidden=True, reset_delay=False),
    )
    with torch.no_grad():  # a recurrent bias large enough to matter from step 0
        net[1].recurrent.bias.copy_(uniform(N_HID, 0.1, 0.5))
    return net, "snntorch", bernoulli(103, T_STEPS, F_IN, 0.3), SNN_DT


def snn_rsynaptic():
    # reset_delay=False cannot run here: rsynaptic.py's immediate-reset block reads the forward's
    # arguments `spk`/`mem` instead of self.spk/self.mem (TypeError with init_hidden=True; no effect
    # without it), so RSynaptic always runs the delayed reset (the default, reset_delay=True).
    net = torch.nn.Sequential(
        linear(F_IN, N_HID, 1.0),
        snn.RSynaptic(alpha=uniform(N_HID, 0.5, 0.8), beta=uniform(N_HID, 0.80, 0.95), threshold=torch.ones(N_HID),
                      all_to_all=True, linear_features=N_HID, reset_mechanism="zero", init_hidden=True,
                      reset_delay=True),
        linear(N_HID, N_OUT, 1.0),
        snn.Synaptic(alpha=uniform(N_OUT, 0.5, 0.8), beta=uniform(N_OUT, 0.80, 0.95), threshold=torch.ones(N_OUT),
                     reset_mechanism="zero", init_hidden=True, reset_delay=False),
    )
    with torch.no_grad():
        net[1].recurrent.bias.copy_(uniform(N_HID, 0.05, 0.2))
    return net, "snntorch", bernoulli(104, T_STEPS, F_IN, 0.3), SNN_DT


NORSE_DT = 1e-3


def lifbox_params(n, tau_inv=None, reset_method=None):
    kw = dict(tau_mem_inv=torch.full((n,), 100.0) if tau_inv is None else tau_inv,
              v_leak=torch.zeros(n), v_th=torch.ones(n), v_reset=torch.zeros(n))
    if reset_method is not None:
        kw["reset_method"] = reset_method
    return norse.LIFBoxParameters(**kw)


def norse_lifbox(reset):
    def build():
        from norse.torch.functional.reset import reset_subtract, reset_value
        method = reset_value if reset == "value" else reset_subtract
        net = norse.SequentialState(
            linear(F_IN, N_HID, 10.0),
            norse.LIFBoxCell(lifbox_params(N_HID, reset_method=method)),  # Norse's default tau_mem = 10 ms
            linear(N_HID, N_OUT, 10.0),
            norse.LIFBoxCell(lifbox_params(N_OUT, tau_inv=1.0 / uniform(N_OUT, 0.01, 0.03), reset_method=method)),
        )
        return net, "norse", bernoulli(201, T_STEPS, F_IN, 0.3), NORSE_DT
    return build


def norse_lif():
    def params(n, default):
        if default:  # Norse's defaults: tau_syn 5 ms, tau_mem 10 ms
            return norse.LIFParameters(tau_syn_inv=torch.full((n,), 200.0), tau_mem_inv=torch.full((n,), 100.0),
                                       v_leak=torch.zeros(n), v_th=torch.ones(n), v_reset=torch.zeros(n))
        return norse.LIFParameters(tau_syn_inv=1.0 / uniform(n, 0.003, 0.008), tau_mem_inv=1.0 / uniform(n, 0.01, 0.03),
                                   v_leak=torch.zeros(n), v_th=torch.ones(n), v_reset=torch.zeros(n))
    net = norse.SequentialState(
        linear(F_IN, N_HID, 3.0),
        norse.LIFCell(params(N_HID, True)),
        linear(N_HID, N_OUT, 3.0),
        norse.LIFCell(params(N_OUT, False)),
    )
    return net, "norse", bernoulli(202, T_STEPS, F_IN, 0.3), NORSE_DT


def norse_li(box):
    def build():
        if box:
            readout = norse.LIBoxCell(norse.LIBoxParameters(tau_mem_inv=1.0 / uniform(N_OUT, 0.01, 0.03),
                                                            v_leak=torch.zeros(N_OUT)))
        else:
            readout = norse.LICell(norse.LIParameters(tau_syn_inv=torch.full((N_OUT,), 200.0),
                                                      tau_mem_inv=1.0 / uniform(N_OUT, 0.01, 0.03),
                                                      v_leak=torch.zeros(N_OUT)))
        net = norse.SequentialState(
            linear(F_IN, N_HID, 10.0),
            norse.LIFBoxCell(lifbox_params(N_HID, tau_inv=1.0 / uniform(N_HID, 0.01, 0.03))),
            linear(N_HID, N_OUT, 10.0),
            readout,
        )
        return net, "norse", bernoulli(203, T_STEPS, F_IN, 0.3), NORSE_DT
    return build


def norse_iaf():
    net = norse.SequentialState(
        linear(F_IN, N_HID, 1.0),
        norse.IAFCell(norse.IAFParameters(v_th=torch.ones(N_HID), v_reset=torch.zeros(N_HID))),
        linear(N_HID, N_OUT, 1.0),
        norse.IAFCell(norse.IAFParameters(v_th=torch.ones(N_OUT), v_reset=torch.zeros(N_OUT))),
    )
    return net, "norse", bernoulli(204, T_STEPS, F_IN, 0.3), NORSE_DT


def norse_lifbox_iaf():
    """IF after LIF in one network: the file's dt is then seconds, while Norse's IAFCell adds its input
    per step whatever dt is (iaf.py: v_new = state.v + input_spikes) and the exporter writes r = 1."""
    net = norse.SequentialState(
        linear(F_IN, N_HID, 10.0),
        norse.LIFBoxCell(lifbox_params(N_HID, tau_inv=1.0 / uniform(N_HID, 0.01, 0.03))),
        linear(N_HID, N_OUT, 3.0),
        norse.IAFCell(norse.IAFParameters(v_th=torch.ones(N_OUT), v_reset=torch.zeros(N_OUT))),
    )
    with torch.no_grad():
        net[2].bias.add_(0.3)
    return net, "norse", bernoulli(205, T_STEPS, F_IN, 0.3), NORSE_DT


# name -> (builder, neuron, reset, seed)
CASES = {
    "snntorch.Leaky.zero": (snn_leaky("zero"), "LIF", "zero", 11),
    "snntorch.Leaky.subtract": (snn_leaky("subtract"), "LIF", "subtract", 11),
    "snntorch.Leaky.zero.delayed": (snn_leaky("zero", True), "LIF, reset_delay=True (snnTorch's default)", "zero", 11),
    "snntorch.Synaptic.zero": (snn_synaptic("zero"), "CubaLIF", "zero", 12),
    "snntorch.Synaptic.zero.delayed": (snn_synaptic("zero", True), "CubaLIF, reset_delay=True (snnTorch's default)", "zero", 12),
    "snntorch.Synaptic.subtract": (snn_synaptic("subtract"), "CubaLIF", "subtract", 12),
    "snntorch.RLeaky.zero": (snn_rleaky, "recurrent LIF", "zero", 13),
    "snntorch.RSynaptic.zero": (snn_rsynaptic, "recurrent CubaLIF", "zero", 14),
    "norse.LIFBoxCell.value": (norse_lifbox("value"), "LIF", "to v_reset", 21),
    "norse.LIFBoxCell.subtract": (norse_lifbox("subtract"), "LIF", "subtract", 21),
    "norse.LIFCell": (norse_lif, "CubaLIF", "to v_reset", 22),
    "norse.LIBoxCell": (norse_li(True), "LIF + LI readout", "to v_reset", 23),
    "norse.LICell": (norse_li(False), "LIF + CubaLI readout", "to v_reset", 23),
    "norse.IAFCell": (norse_iaf, "IF", "to v_reset", 24),
    "norse.LIFBoxCell+IAFCell": (norse_lifbox_iaf, "LIF then IF", "to v_reset", 25),
}

# Why an exporter fails where it is known to (appended to its own error message).
EXPORT_FAILURES = {
    "norse.LICell": "Norse's exporter has no LICell mapping (norse/torch/utils/export_nir.py maps LIFCell, LIFBoxCell, "
                    "LIBoxCell, IAFCell, Linear, Conv2d; NIR's CubaLI has no Norse counterpart), so torch.fx traces into "
                    "the cell and fails",
}

# Cases one side cannot express at all (no network to build). name -> (peer, neuron, reason)
NOT_BUILT = {
    "snntorch.LI": ("snntorch", "LI readout", "snnTorch has no leaky-integrator neuron: export_nir.py maps only Leaky, Synaptic, RLeaky, RSynaptic (and Linear/Conv2d/AvgPool2d/Flatten)"),
    "snntorch.IF": ("snntorch", "IF", "snnTorch has no IF neuron to export (Leaky with beta = 1 exports tau = 1e-4/(1 - 1) = inf and r = inf)"),
    "norse.LIFRecurrentCell": ("norse", "recurrent LIF", "Norse's exporter maps no recurrent cell (export_nir.py: LIFCell, LIFBoxCell, LIBoxCell, IAFCell, Linear, Conv2d)"),
}


def run_model(model, runner, x):
    """Runs `model` one step at a time over x [T, F] (batch 1), as the peer's users do."""
    state = None
    with torch.no_grad():
        for t in range(x.shape[0]):
            xt = x[t:t + 1]
            if runner == "snntorch":
                model(xt)
            elif runner == "norse":
                _, state = model(xt, state)
            elif runner == "graph":  # nirtorch GraphModule from an importer
                result = model(xt, state)
                state = result[-1]
            else:
                raise ValueError(runner)


def nir_names_for(model, graph):
    """The NIR node name of each population module: snnTorch names nodes by module path ('1',
    recurrent layers as a subgraph '1' with 'lif' inside), Norse by torch.fx name ('_1')."""
    names = {}
    for module_name in REC.order:
        for candidate in (module_name, "_" + module_name.replace(".", "_")):
            if candidate in graph.nodes:
                node = graph.nodes[candidate]
                names[module_name] = candidate + ".lif" if isinstance(node, nir.NIRGraph) and "lif" in node.nodes else candidate
                break
            if candidate + ".lif" in graph.nodes:  # a recurrent layer that nirtorch flattened into the parent
                names[module_name] = candidate + ".lif"
                break
    return names


PEER_PACKAGES = ("nir", "nirtorch", "snntorch", "norse")


def peer_frame(error):
    """package/file:line of the deepest frame in the peers' code (nir, nirtorch, snnTorch, Norse)."""
    frames = []
    for f in traceback.extract_tb(error.__traceback__):
        parts = os.path.abspath(f.filename).replace(os.sep, "/").split("/")
        if os.path.abspath(f.filename) != os.path.abspath(__file__) and any(p in PEER_PACKAGES for p in parts[:-1]):
            frames.append((parts, f.lineno))
    if not frames:
        return None
    parts, line = frames[-1]
    start = max(i for i, p in enumerate(parts[:-1]) if p in PEER_PACKAGES)
    return f"{'/'.join(parts[start:])}:{line}"


def first_line(error):
    return str(error).strip().split("\n")[0][:300]


def write_json(path, value):
    with open(path, "w") as f:
        json.dump(value, f)


def export_case(name, outdir):
    builder, neuron, reset, seed = CASES[name]
    peer = name.split(".")[0]
    case_dir = os.path.join(outdir, name)
    os.makedirs(case_dir, exist_ok=True)
    info = {"case": name, "peer": peer, "neuron": neuron, "reset": reset}
    global REC
    REC = Recorder()
    torch.manual_seed(seed)
    model, runner, x, dt = builder()
    info["dt_peer"] = dt
    info["T"] = int(x.shape[0])
    # 1. the peer's own export (the real run happens first: snnTorch's tracer steps init_hidden state)
    attach_all(model)
    run_model(model, runner, x)
    pops = REC.result(int(x.shape[0]))
    try:
        if peer == "snntorch":
            # ignore_dims=[0]: without it the Input carries the batch dim ([1, F]) and the exporter's own
            # nir type inference refuses the graph (input.output [1, F] -> 0.input [F])
            graph = export_to_nir(model, x[:1], ignore_dims=[0])
        else:
            graph = norse.to_nir(model)
        nir_path = os.path.join(case_dir, "net.nir")
        nir.write(nir_path, graph)
    except Exception as error:  # the exporter itself refuses the network
        why = EXPORT_FAILURES.get(name)
        info.update(status="not_expressible",
                    reason=f"{why + ': ' if why else peer + chr(39) + 's exporter fails: '}{type(error).__name__}: {first_line(error)[:120]}")
        write_json(os.path.join(case_dir, "peer.json"), info)
        return info
    names = nir_names_for(model, graph)
    for p in pops:
        p["nir_name"] = names.get(p["name"])
    write_json(os.path.join(case_dir, "input.json"), [[float(v) for v in row] for row in x.numpy()])
    info.update(status="ok", nir=nir_path, input=os.path.join(case_dir, "input.json"), populations=pops,
                nir_nodes=sorted(graph.nodes.keys()))
    write_json(os.path.join(case_dir, "peer.json"), info)
    return info


def cmd_export(outdir):
    os.makedirs(outdir, exist_ok=True)
    only = os.environ.get("SPIKELAB_PEERS_CASES")
    summary = []
    for name in CASES:
        if only and not any(part and part in name for part in only.split(",")):
            continue
        try:
            info = export_case(name, outdir)
        except Exception as error:
            info = {"case": name, "peer": name.split(".")[0], "status": "error",
                    "reason": f"{type(error).__name__}: {first_line(error)}", "trace": traceback.format_exc()[-2000:]}
            write_json(os.path.join(outdir, name, "peer.json"), info)
        summary.append({k: info.get(k) for k in ("case", "peer", "neuron", "reset", "status", "reason", "dt_peer")})
    for name, (peer, neuron, reason) in NOT_BUILT.items():
        if only and not any(part and part in name for part in only.split(",")):
            continue
        summary.append({"case": name, "peer": peer, "neuron": neuron, "reset": None, "status": "not_expressible",
                        "reason": reason, "dt_peer": None})
    write_json(os.path.join(outdir, "cases.json"), summary)
    print(json.dumps({"cases": len(summary)}))


# ----------------------------------------------------------------------------------------------
# Lab -> peer: the peer's importer on a file the lab wrote


def import_one(job):
    global REC
    REC = Recorder()
    peer = job["peer"]
    result = {"peer": peer, "nir": job["nir"]}
    try:
        graph = nir.read(job["nir"])
    except Exception as error:
        result.update(status="error", stage="nir.read", where=peer_frame(error), reason=f"nir.read fails: {type(error).__name__}: {first_line(error)}")
        return result
    try:
        if peer == "snntorch":
            model = import_from_nir(graph)
            result["dt_peer"] = SNN_DT  # hard-coded in import_nir.py
        else:
            model = norse.from_nir(graph)
            result["dt_peer"] = NORSE_DT  # from_nir's default dt
    except Exception as error:
        result.update(status="error", stage="import", where=peer_frame(error), reason=f"{peer}'s importer fails: {type(error).__name__}: {first_line(error)}")
        return result
    with open(job["input"]) as f:
        x = torch.tensor(json.load(f), dtype=torch.float32)
    attach_all(model)
    try:
        run_model(model, "graph", x)
        pops = REC.result(int(x.shape[0]))
    except Exception as error:
        result.update(status="error", stage="run", where=peer_frame(error), reason=f"the imported model fails to run: {type(error).__name__}: {first_line(error)}")
        return result
    result.update(status="ok", populations=pops, T=int(x.shape[0]))
    return result


def cmd_import(jobs_path):
    with open(jobs_path) as f:
        jobs = json.load(f)
    for job in jobs:
        try:
            result = import_one(job)
        except Exception as error:
            result = {"peer": job["peer"], "status": "error", "stage": "harness",
                      "reason": f"{type(error).__name__}: {first_line(error)}", "trace": traceback.format_exc()[-2000:]}
        write_json(job["out"], result)
    print(json.dumps({"jobs": len(jobs)}))


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("export", "import"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    (cmd_export if sys.argv[1] == "export" else cmd_import)(sys.argv[2])
