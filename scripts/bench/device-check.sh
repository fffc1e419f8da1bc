#!/usr/bin/env bash
# Device check for the GPU path, for a machine with an NVIDIA GPU (H100/H200), no network.
# Prints JSON lines only and finishes in under 6 minutes (every step is bounded by `timeout`).
#
#  1. {"check":"environment",…}: GPU (nvidia-smi), Vulkan loader, Node, Chromium, node_modules.
#     (Chromium's WebGPU uses Vulkan; Debian's chromium ships its own libvulkan.so.1, and the
#     NVIDIA ICD comes with the driver, so a missing system loader is reported, not fatal.)
#  2. If Node ≥ 20, node_modules and a Chromium are all there: the WebGPU bench on the real GPU,
#     `spikelab bench --backend webgpu --workload A,C` at the spec's browser primary cell for A
#     (T 256, B 128, H 128, K 50, R 5) and n = 1024 for C, fused and plain, one JSON line per cell
#     (../../docs/bench.md); then the kernel conformance page on that GPU.
#     Otherwise {"check":"webgpu-bench","status":"skipped","reason":…}.
#
# Why it usually skips: this repo's browser path needs Node (~100 MB binary), node_modules
# (~340 MB) and Chromium (~350 MB plus its shared libraries); a device call carries at most
# 64 MiB and the machine has no network, so none of them can be brought there. Carry them only
# on a machine that already has them (set CHROME_PATH and put node on PATH).
#
# Run from the repository root:  bash scripts/bench/device-check.sh
set -u
deadline=$((SECONDS + 340))
left() { echo $((deadline - SECONDS)); }
json_str() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' | tr '\n' ' '; }

gpu=$(timeout 20 nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null | head -1)
vulkan=$(ldconfig -p 2>/dev/null | grep -c 'libvulkan.so.1' || true)
node_version=$(command -v node >/dev/null 2>&1 && node --version 2>/dev/null || echo "")
chrome=""
for c in "${CHROME_PATH:-}" /usr/bin/chromium /usr/lib/chromium/chromium /usr/bin/google-chrome; do
  if [ -n "$c" ] && [ -x "$c" ]; then chrome=$c; break; fi
done
modules=$([ -d node_modules/@tensorflow/tfjs-backend-webgpu ] && echo yes || echo no)
echo "{\"check\":\"environment\",\"gpu\":\"$(json_str "$gpu")\",\"vulkan_loader\":$([ "$vulkan" -gt 0 ] && echo true || echo false),\"node\":\"$(json_str "$node_version")\",\"chromium\":\"$(json_str "$chrome")\",\"node_modules\":\"$modules\"}"

reason=""
[ -z "$node_version" ] && reason="Node is not installed (the bench and its headless-Chromium driver run on Node >= 20)"
[ -z "$reason" ] && [ "${node_version:1:2}" -lt 20 ] 2>/dev/null && reason="Node $node_version is older than 20"
[ -z "$reason" ] && [ "$modules" != yes ] && reason="node_modules is missing (npm ci needs the network)"
[ -z "$reason" ] && [ -z "$chrome" ] && reason="no Chromium (set CHROME_PATH); WebGPU runs only inside a browser here"
if [ -n "$reason" ]; then
  echo "{\"check\":\"webgpu-bench\",\"status\":\"skipped\",\"reason\":\"$(json_str "$reason")\"}"
  exit 0
fi

export CHROME_PATH="$chrome" SPIKELAB_BENCH_TIMEOUT_S=$(( $(left) - 120 ))
timeout $(( $(left) - 110 )) npx tsx scripts/bench/browserBench.ts --build --backend webgpu --workload A \
  --T 256 --batch 128 --hidden 128 --n 1024 --warmup 20 --steps 50 --repeats 5 --latency 20 \
  || echo "{\"check\":\"webgpu-bench\",\"workload\":\"A\",\"status\":\"failed or timed out\"}"
timeout $(( $(left) - 60 )) npx tsx scripts/bench/browserBench.ts --backend webgpu --workload C \
  --T 500 --batch 16 --hidden 1024 --warmup 5 --repeats 10 \
  || echo "{\"check\":\"webgpu-bench\",\"workload\":\"C\",\"status\":\"failed or timed out\"}"
if [ "$(left)" -gt 50 ]; then
  SPIKELAB_PORT=4273 SPIKELAB_DIST=dist-gpu timeout $(( $(left) - 5 )) npx playwright test e2e/gpu-conformance.spec.ts >/tmp/spikelab-conformance.log 2>&1
  status=$?
  echo "{\"check\":\"gpu-conformance\",\"passed\":$([ $status -eq 0 ] && echo true || echo false),\"log_tail\":\"$(json_str "$(tail -5 /tmp/spikelab-conformance.log)")\"}"
fi
