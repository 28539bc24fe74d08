import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';
import { reportError } from '../api/errors';

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (err, query) => {
      if (query.meta?.silent !== true) reportError(err);
    },
  }),
  defaultOptions: {
    queries: {
      // An answer from the backend is final; only a lost connection is worth another try.
      retry: (failures, err) => !(err instanceof ApiError && err.code !== 'NETWORK') && failures < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
    mutations: { retry: false },
  },
});
