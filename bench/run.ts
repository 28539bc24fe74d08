/** `npm run bench`: every benchmark, each against a baseline measured in the same run, printed as ratios. */
import { benchOpenAndInsert } from './ledger-open-and-insert.bench';

const results = [await benchOpenAndInsert()];
if (results.some((ok) => !ok)) {
  console.log('\n有基准未达到目标。');
  process.exitCode = 1;
}
