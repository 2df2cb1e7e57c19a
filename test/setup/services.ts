export interface Services {
  dir: string;
  pg: { stop(): Promise<void> };
  temporal: { stop(): Promise<void> };
}
