// Department names for the codes the data carries (GET /api/reference/departments, the caller's office).
import { useQuery } from '@tanstack/react-query';
import { api, ok } from './api/client';

export function useDepartments() {
  return useQuery({ queryKey: ['departments'], queryFn: () => ok(api.GET('/api/reference/departments')), staleTime: 10 * 60_000 });
}

export function useDepartmentNames(): (code: string | null | undefined) => string {
  const q = useDepartments();
  return (code) => (code ? (q.data?.find((d) => d.code === code)?.name ?? code) : '未分科室');
}
