/** `npm run bench`: every benchmark, each against a baseline measured in the same run, printed as ratios. */
import { benchOpenAndInsert } from './ledger-open-and-insert.bench';
import { benchPeopleLedger } from './people-ledger.bench';
import { benchApprovalWorkflows } from './approval-workflows.bench';
import { benchImports } from './imports.bench';
import { benchReports } from './reports.bench';
import { benchCare } from './care.bench';

const only = process.argv[2];
const results: boolean[] = [];
if (!only || only === 'foundation') results.push(await benchOpenAndInsert());
if (!only || only === 'people') results.push(await benchPeopleLedger());
if (!only || only === 'cases') results.push(await benchApprovalWorkflows());
if (!only || only === 'imports') results.push(await benchImports());
if (!only || only === 'reports') results.push(await benchReports());
if (!only || only === 'care') results.push(await benchCare());
if (results.some((ok) => !ok)) {
  console.log('\n有基准未达到目标。');
  process.exitCode = 1;
}
