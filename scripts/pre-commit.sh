#!/usr/bin/env bash
# The pre-commit check, installed by scripts/install-hooks.sh: staged C# files are laid out as .editorconfig
# says, and the architecture tests pass (their build also applies the code-style and analyzer rules, as
# errors, to every project they load). Nothing runs when no C# or project file is staged.
# It checks the files as they are in the working tree. Skip it once with: git commit --no-verify
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"

mapfile -t staged < <(git diff --cached --name-only --diff-filter=ACMR -- '*.cs' '*.razor' '*.csproj' '*.props' '*.editorconfig')
[ "${#staged[@]}" -gt 0 ] || exit 0

mapfile -t sources < <(printf '%s\n' "${staged[@]}" | grep '\.cs$' || true)
if [ "${#sources[@]}" -gt 0 ]; then
  echo "pre-commit: format check of ${#sources[@]} staged C# file(s)"
  # Folder mode needs no build: whitespace, indentation and line breaks in a second or two.
  if ! dotnet format whitespace --folder --verify-no-changes --include "${sources[@]}"; then
    echo "pre-commit: not formatted as .editorconfig says; run: dotnet format ChatbotOrleans.sln --include ${sources[*]}" >&2
    exit 1
  fi
fi

echo "pre-commit: architecture tests"
dotnet build tests/Architecture.Tests --no-restore --nologo -v:quiet -clp:ErrorsOnly ||
  { echo "pre-commit: the build failed (if a package changed: dotnet restore ChatbotOrleans.sln --force-evaluate)" >&2; exit 1; }
dotnet test --project tests/Architecture.Tests --no-build --no-progress >/dev/null ||
  { echo "pre-commit: the architecture tests failed; run: dotnet test --project tests/Architecture.Tests" >&2; exit 1; }
