/** Filled in once the language server lands: keystroke → diagnostics latency over stdio. */
export async function measureLatency(_dir: string): Promise<{ samples: number; p50: number; p95: number } | undefined> {
  return undefined;
}
