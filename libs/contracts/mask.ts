// Personal ID numbers never appear whole outside the case itself (lists, logs).
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length <= 4) return '*'.repeat(id.length);
  const keepStart = id.length >= 10 ? 3 : 1;
  return id.slice(0, keepStart) + '*'.repeat(id.length - keepStart - 2) + id.slice(-2);
}
