#!/usr/bin/env bash
# Stand-in for a VS Code executable, for @vscode/test-electron's runTests({ vscodeExecutablePath }): VS Code cannot
# be downloaded on these machines, so this takes the arguments runTests passes and runs the same suite in
# code-server's extension host instead. Options it does not need (--user-data-dir, --no-sandbox...) are dropped:
# every run gets fresh folders of its own.
set -euo pipefail
dev=; tests=; folder=
while [ $# -gt 0 ]; do
  case "$1" in
    --extensionDevelopmentPath=*) dev=${1#*=} ;;
    --extensionTestsPath=*) tests=${1#*=} ;;
    --extensionDevelopmentPath | --extensionTestsPath)
      [ "$1" = --extensionDevelopmentPath ] && dev=$2 || tests=$2
      shift ;;
    --*) ;;
    *) [ -z "$folder" ] && folder=$1 ;;
  esac
  shift
done
if [ -z "$dev" ] || [ -z "$tests" ]; then
  echo "code-wrapper: --extensionDevelopmentPath and --extensionTestsPath are required" >&2
  exit 2
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
abs() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
args=("$(abs "$dev")" "$(abs "$tests")")
[ -n "$folder" ] && args+=("$(abs "$folder")")
# tsx is resolved from the repository, whatever directory runTests was started in
cd "$repo"
exec node --import tsx "$here/run-exthost-tests.ts" "${args[@]}"
