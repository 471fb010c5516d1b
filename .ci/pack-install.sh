#!/usr/bin/env bash
# Skew as a user gets it: `npm pack`, then the tarball installed in a fresh project with no access to this
# repository's node_modules or devDependencies. Runs both bins and a real check in a throw-away git repository.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# prepare (the build) runs as part of pack, as it does for a git-URL install.
tarball=$(npm pack --pack-destination "$work" --silent | tail -n 1)
echo "[pack] $tarball: $(tar -tzf "$work/$tarball" | wc -l) files" >&2
if tar -tzf "$work/$tarball" | grep -E '^package/(server|client|test|node_modules)/' >&2; then
  echo "[pack] sources or tests in the tarball" >&2; exit 1
fi

project=$work/project
mkdir -p "$project/src"
cd "$project"
printf '{ "name": "skew-pack-check", "version": "1.0.0", "private": true }\n' > package.json
# --prefer-offline: the npm cache answers when it can (CI runs npm ci first), the registry otherwise.
npm install --no-audit --no-fund --prefer-offline "$work/$tarball" >&2
test ! -e node_modules/esbuild || { echo "[pack] a devDependency was installed" >&2; exit 1; }

expected=$(node -p "require('$repo/package.json').version")
actual=$(./node_modules/.bin/skew --version)
[ "$actual" = "$expected" ] || { echo "[pack] skew --version printed '$actual', expected '$expected'" >&2; exit 1; }

# The language server answers `initialize` over stdio.
node - <<'JS'
const { spawn } = require('node:child_process');
const server = spawn('./node_modules/.bin/skew-language-server', ['--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
let out = '';
const timer = setTimeout(() => { console.error('[pack] the language server did not answer initialize'); process.exit(1); }, 20000);
server.stdout.on('data', (d) => {
  out += d;
  if (!out.includes('"skew-language-server"')) return;
  clearTimeout(timer);
  server.kill();
  console.error('[pack] skew-language-server answered initialize');
});
JS

# A real check: a required field added since the tag `deployed` is a finding (exit 1).
git init -q -b main
printf '{ "compilerOptions": { "strict": true } }\n' > tsconfig.json
printf '/** @wire */\nexport interface OrderCreated {\n  id: string;\n}\n' > src/messages.ts
printf 'node_modules\n' > .gitignore
git add -A && git -c user.name=ci -c user.email=ci@example.com -c commit.gpgsign=false commit -qm v1 && git tag deployed
printf '/** @wire */\nexport interface OrderCreated {\n  id: string;\n  currency: string;\n}\n' > src/messages.ts
set +e
out=$(SKEW_CACHE_DIR="$work/cache" ./node_modules/.bin/skew check --format json)
code=$?
set -e
[ "$code" = 1 ] || { echo "[pack] skew check exited $code, expected 1: $out" >&2; exit 1; }
node -e 'const r = JSON.parse(process.argv[1]); if (r.findings[0]?.path !== "OrderCreated.currency") { console.error("[pack] unexpected report", process.argv[1]); process.exit(1); }' "$out"
echo "[pack] installed tarball: skew $actual checks a project; skew-language-server starts" >&2

# The GitHub Action's check step (action.yml), run as the runner would, against the installed bin.
script=$work/action-check.sh
awk '/^      run: \|$/ { grab = 1; next } grab && /^        / { sub(/^        /, ""); print; next } grab && !/^$/ { grab = 0 }' "$repo/action.yml" > "$script"
grep -q 'SKEW_FAIL_ON' "$script" || { echo "[pack] could not find the check step in action.yml" >&2; exit 1; }
action() {
  env SKEW_BASELINE="$1" SKEW_FORMAT=github SKEW_FAIL_ON="$2" SKEW_ROLLBACK=false SKEW_BIN="$project/node_modules/skew/bin/skew.js" \
    SKEW_CACHE_DIR="$work/cache" GITHUB_OUTPUT="$work/output" bash -e "$script"
}
: > "$work/output"
set +e
annotations=$(action 'deploy* deployed' breaking 2>/dev/null)
code=$?
set -e
[ "$code" = 1 ] || { echo "[pack] the action with fail-on=breaking exited $code, expected 1" >&2; exit 1; }
grep -q '^::error .*title=skew field-required-added%3A OrderCreated.currency' <<<"$annotations" || { echo "[pack] no annotation: $annotations" >&2; exit 1; }
grep -q '^exit-code=1$' "$work/output" || { echo "[pack] the action did not set exit-code" >&2; exit 1; }
action deployed never >/dev/null 2>&1 || { echo "[pack] the action with fail-on=never failed" >&2; exit 1; }
echo "[pack] action.yml's check step annotates and fails as its inputs say" >&2
