// Measuring Herald next to its baseline on a shared machine: one sample of
// each per round, taking turns going first, so a busy moment hits both alike
// and the ratio of their medians reads against a baseline from the same
// moment (measured one after the other, a burst of load on either side skews
// it either way).
export interface Alternated {
  herald: number[];
  baseline: number[];
}

/** `rounds` samples of each (milliseconds, as each function returns them), the first `dropped` rounds left out as warm-up. */
export async function alternate(
  rounds: number,
  herald: (round: number) => Promise<number> | number,
  baseline: (round: number) => Promise<number> | number,
  dropped = 0,
): Promise<Alternated> {
  const result: Alternated = { herald: [], baseline: [] };
  for (let round = 0; round < rounds; round++) {
    let heraldMs: number;
    let baselineMs: number;
    if (round % 2 === 0) {
      baselineMs = await baseline(round);
      heraldMs = await herald(round);
    } else {
      heraldMs = await herald(round);
      baselineMs = await baseline(round);
    }
    if (round < dropped) continue;
    result.herald.push(heraldMs);
    result.baseline.push(baselineMs);
  }
  return result;
}
