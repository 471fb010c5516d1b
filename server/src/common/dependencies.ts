const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/** The packages a package.json text depends on, in any dependency field; an unreadable file lists none. */
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
    if (typeof deps === 'object' && deps !== null) for (const name of Object.keys(deps)) names.add(name);
  }
  return names;
}
