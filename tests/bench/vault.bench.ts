import { DEFAULT_KDF_COST } from '../../shared/vault/kdf';
import { KDF_MAX_MS, KDF_MIN_MS, measureKdf, tuneKdfCost } from '../../shared/vault/kdfTuning';
import { median, type Figure } from './figure';

/** Vault unlock cost: Argon2id (hash-wasm) at the default and at the tuned parameters. Median of 5. */
export async function run(): Promise<Figure[]> {
  await measureKdf(DEFAULT_KDF_COST); // warm the WebAssembly module
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push(await measureKdf(DEFAULT_KDF_COST));
  const kdf = median(times);
  const tuned = await tuneKdfCost();
  const tunedTimes: number[] = [];
  for (let i = 0; i < 3; i++) tunedTimes.push(await measureKdf(tuned));
  const tunedMs = median(tunedTimes);
  const band = (ms: number) =>
    ms < KDF_MIN_MS ? `below the ${KDF_MIN_MS} ms floor of the band: too cheap` : 'within band';
  return [
    {
      name: 'vault.kdf.ms',
      value: Math.round(kdf),
      unit: 'ms',
      target: KDF_MAX_MS,
      better: 'lower',
      note: `Argon2id ${DEFAULT_KDF_COST.memoryKiB / 1024} MiB, t=${DEFAULT_KDF_COST.iterations}, p=${DEFAULT_KDF_COST.parallelism}; ${band(kdf)}`,
    },
    {
      name: 'vault.kdf.tuned.ms',
      value: Math.round(tunedMs),
      unit: 'ms',
      target: KDF_MAX_MS,
      better: 'lower',
      note: `tuned to ${tuned.memoryKiB / 1024} MiB, t=${tuned.iterations}, p=${tuned.parallelism}; ${band(tunedMs)}`,
    },
  ];
}
