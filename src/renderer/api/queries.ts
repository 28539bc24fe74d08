/**
 * TanStack Query over the contract: a read is keyed by [method, input], so invalidating [method]
 * refreshes every read of that method.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallOptions, MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { ApiError } from './api-error';
import { call } from './client';

export interface ReadOptions {
  enabled?: boolean;
  /** Errors are handled by the caller instead of the global handler. */
  silent?: boolean;
  staleTime?: number;
  /** While a new input loads, keep showing the answer to the previous one (paging, filtering). */
  keepPrevious?: boolean;
}

export function queryKeyOf<M extends MethodName>(method: M, input?: MethodInput<M>): readonly unknown[] {
  return input === undefined ? [method] : [method, input];
}

export function useRead<M extends MethodName>(method: M, input: MethodInput<M>, options: ReadOptions = {}) {
  return useQuery<MethodOutput<M>, ApiError>({
    queryKey: queryKeyOf(method, input),
    queryFn: () => call(method, input),
    enabled: options.enabled,
    staleTime: options.staleTime,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    meta: { silent: options.silent === true },
  });
}

/** A write; on success every read of the listed methods is refetched. Errors are left to the caller's form. */
export function useWrite<M extends MethodName>(method: M, invalidates: readonly MethodName[] = [], options?: CallOptions) {
  const queryClient = useQueryClient();
  return useMutation<MethodOutput<M>, ApiError, MethodInput<M>>({
    mutationFn: (input) => call(method, input, options),
    onSuccess: async () => {
      await Promise.all(invalidates.map((m) => queryClient.invalidateQueries({ queryKey: [m] })));
    },
  });
}
