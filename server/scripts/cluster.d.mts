export interface Balancer {
  url: string;
  /** How many requests each target was sent. */
  counts: number[];
  close(): Promise<void>;
}
export function startBalancer(targets: readonly string[]): Promise<Balancer>;
export function startInstances(
  count: number,
  args?: readonly string[],
  env?: Record<string, string>,
): Promise<{ urls: string[]; stop(): Promise<void> }>;
