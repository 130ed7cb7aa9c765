import type { CheckResult } from '../model.ts';
import type { Readers } from './evaluate.ts';
import type { Table } from './table.ts';
export function rankFollowsAmounts(_t: Table, _r: Readers): CheckResult[] { return []; }
