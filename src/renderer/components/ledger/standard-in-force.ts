import type { MethodOutput } from '../../../shared/api/contract';

export type StandardVersion = MethodOutput<'standards.list'>[number];
export { standardInForce } from '../../../shared/domain/standards';
