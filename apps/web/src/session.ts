import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiFailure, ok, setCsrfToken, type Schemas } from './api/client';

export type Session = Schemas['SessionDto'];

/** Who is logged in (null: nobody); the CSRF token of the session is kept for the writes. */
export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async (): Promise<Session | null> => {
      try {
        const s = await ok(api.GET('/api/auth/session'));
        setCsrfToken(s.csrfToken ?? null);
        return s;
      } catch (err) {
        if (err instanceof ApiFailure && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: Infinity,
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return async () => {
    await api.DELETE('/api/auth/session');
    setCsrfToken(null);
    qc.clear();
    qc.setQueryData(['session'], null);
  };
}
