#!/usr/bin/env bash
# The WebGPU benchmark on a machine with an NVIDIA GPU, no browser and no network: TF.js's WebGPU
# backend and the lab's fused kernels on Dawn in Node (scripts/bench/nodeWebgpu.ts). Nothing of
# this is committed: the caller carries, in ignored folders,
#   .device/node.xz       a Node ≥ 20 binary (xz)          .device/bench.mjs  nodeWebgpu.ts bundled by esbuild
#   .device/dawn.node.xz  dawn.node of the npm package "webgpu" (xz)   .gl/*.deb  the Vulkan loader (libvulkan1)
# Prepare them on a Debian machine with:  bash scripts/bench/device-webgpu.sh --prepare
# Prints JSON lines; every step is bounded by `timeout`.
set -u
cd "$(dirname "$0")/../.."

if [ "${1:-}" = "--prepare" ]; then
  set -e
  mkdir -p .device .gl /tmp/amd64/partial
  npx esbuild scripts/bench/nodeWebgpu.ts --bundle --platform=node --format=esm --target=node20 --main-fields=module,main \
    --outfile=.device/bench.mjs --log-level=warning --banner:js="import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);"
  xz -6 -T2 -c "$(readlink -f "$(command -v node)")" > .device/node.xz
  tmp=$(mktemp -d); (cd "$tmp" && npm pack webgpu@0.6.2 >/dev/null && tar xzf webgpu-*.tgz)
  xz -9 -c "$tmp/package/dist/linux-x64/dawn.node" > .device/dawn.node.xz
  o='-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 -oDir::State::Lists=/tmp/amd64'
  apt-get $o update -qq && (cd .gl && apt-get $o download libvulkan1)
  exit 0
fi

unxz() { python3 -c "import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], 'wb'))" "$1" "$2"; }
for f in .gl/*.deb; do dpkg -x "$f" / 2>/dev/null; done
ldconfig 2>/dev/null
icd=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
[ -f "$icd" ] && export VK_DRIVER_FILES="$icd"
unxz .device/node.xz /tmp/node && chmod +x /tmp/node
unxz .device/dawn.node.xz /tmp/dawn.node
gpu=$(timeout 20 nvidia-smi --query-gpu=name,driver_version --format=csv,noheader 2>/dev/null | head -1)
echo "{\"check\":\"environment\",\"gpu\":\"$gpu\",\"node\":\"$(/tmp/node --version)\",\"vulkan_icd\":\"${VK_DRIVER_FILES:-default}\"}"
DAWN_NODE=/tmp/dawn.node timeout "${BENCH_TIMEOUT:-420}" /tmp/node .device/bench.mjs "$@"
echo "{\"check\":\"done\",\"exit\":$?}"
