import type { MethodName } from '../../../shared/api/contract';

/** The reads a rescue record written or left can alter: the lists, the monthly counts and the statistical form. */
export const VAGRANT_WRITES: readonly MethodName[] = ['vagrant.list', 'vagrant.get', 'vagrant.monthly', 'reports.compute', 'reports.drill'];
