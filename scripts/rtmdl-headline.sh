#!/usr/bin/env bash
# RT-mDL headline experiment (issue 13): optimise an execution strategy for rtmdl/edge-mix-steps under a weight-storage
# bound, then compare rtmdl with that strategy, its ablations (rtmdl-nopack, rtmdl-nosplit, rtmdl-noscale: without
# packing, without the CPU/GPU split, without scaling = full models at the strategy's priorities; all with the
# strategy file) and the single-priority baselines edf and fcfs (full models), and rtmdl with the full models at the
# scenario's priorities.
#   scripts/rtmdl-headline.sh [STORAGE_MB] [SEED]      (defaults: 400, 1); files in results/rtmdl-headline/
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mb="${1:-400}"
seed="${2:-1}"
out="$root/results/rtmdl-headline"
mkdir -p "$out"
cd "$root"
# exit code 3 = no verified strategy meets every zeta: the comparison still runs with the best one found
./rtmm optimize rtmdl --scenario rtmdl/edge-mix-steps --platform rtmdl/edge-gpu-cpu --storage-mb "$mb" --seed "$seed" \
  --out "$out/strategy.json" || [ $? -eq 3 ]
./rtmm compare --scenarios rtmdl/edge-mix-steps --platforms rtmdl/edge-gpu-cpu \
  --schedulers rtmdl,rtmdl-nopack,rtmdl-nosplit,rtmdl-noscale,edf,fcfs --baseline fcfs --seeds "$seed" \
  --set strategy="$out/strategy.json" --out "$out/with-strategy"
./rtmm run --scenario rtmdl/edge-mix-steps --platform rtmdl/edge-gpu-cpu --scheduler rtmdl --seed "$seed" \
  --out "$out/rtmdl-full-size"
