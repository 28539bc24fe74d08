/** Small timing helpers: medians of repeated runs, printed next to a baseline measured in the same run. */
export async function median(runs: number, fn: () => Promise<void> | void): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function report(name: string, measuredMs: number, baselineName: string, baselineMs: number, target?: number): boolean {
  const ratio = measuredMs / baselineMs;
  const verdict = target === undefined ? '' : ratio <= target ? `  (目标 ≤ ${target}×：达到)` : `  (目标 ≤ ${target}×：未达到)`;
  console.log(`${name}: ${measuredMs.toFixed(0)} ms | ${baselineName}: ${baselineMs.toFixed(0)} ms | ratio ${ratio.toFixed(2)}×${verdict}`);
  return target === undefined || ratio <= target;
}
