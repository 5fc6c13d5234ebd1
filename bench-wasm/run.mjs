// node bench-wasm/run.mjs FILE.wasm : the core's benchmark workload in wasm.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const bytes = readFileSync(process.argv[2]);
const { instance } = await WebAssembly.instantiate(bytes, {});
const w = instance.exports;
console.log(`wasm size: ${bytes.length} bytes`);
for (const n of [1000, 100000, 499990]) {
  for (const trace of [1, 0]) {
    const reps = n > 100000 ? 3 : 10;
    let processed = 0;
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) processed = w.verify_loop(n, trace);
    const ms = (performance.now() - t0) / reps;
    console.log(`counting_loop(${n}) trace=${trace}: ${processed} insns in ${ms.toFixed(1)} ms = ${(processed / ms / 1000).toFixed(2)} M insns/s`);
  }
  const steps = w.explore_loop(n);
  let worst = 0, total = 0;
  const samples = 50;
  let seed = 12345;
  for (let i = 0; i < samples; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const k = seed % steps;
    const t0 = performance.now();
    const insn = w.state_at(k);
    const dt = performance.now() - t0;
    if (insn < 0) throw new Error(`state_at(${k}) failed`);
    total += dt; worst = Math.max(worst, dt);
  }
  console.log(`counting_loop(${n}): ${steps} steps, state_at random step: mean ${(total / samples).toFixed(2)} ms, worst ${worst.toFixed(2)} ms`);
}
