const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/**
 * The packages a package.json text depends on, in any dependency field; an unreadable file lists none. An npm
 * alias (`"trpc-v10": "npm:@trpc/server@10"`) depends on both names: the folder it installs and the package it is.
 */
export function dependenciesOf(packageJson: string | undefined): Set<string> {
  const names = new Set<string>();
  if (packageJson === undefined) return names;
  let data: unknown;
  try {
    data = JSON.parse(packageJson.replace(/^\uFEFF/, ''));
  } catch {
    return names;
  }
  if (typeof data !== 'object' || data === null) return names;
  for (const field of DEPENDENCY_FIELDS) {
    const deps = (data as Record<string, unknown>)[field];
    if (typeof deps !== 'object' || deps === null) continue;
    for (const [name, spec] of Object.entries(deps as Record<string, unknown>)) {
      names.add(name);
      const aliased = typeof spec === 'string' ? /^npm:((?:@[^/@]+\/)?[^@]+)/.exec(spec)?.[1] : undefined;
      if (aliased) names.add(aliased);
    }
  }
  return names;
}
