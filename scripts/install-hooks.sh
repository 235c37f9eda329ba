#!/usr/bin/env bash
# Installs the git pre-commit hook (scripts/pre-commit.sh: format check of staged C# files and the
# architecture tests). The hook calls the script in the repository, so later changes to it apply at once.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
hooks=$(git rev-parse --git-path hooks)
mkdir -p "$hooks"
cat > "$hooks/pre-commit" <<'HOOK'
#!/usr/bin/env bash
exec "$(git rev-parse --show-toplevel)/scripts/pre-commit.sh" "$@"
HOOK
chmod +x "$hooks/pre-commit" scripts/pre-commit.sh
echo "Installed $hooks/pre-commit: staged C# files are format-checked and the architecture tests run before each commit."
