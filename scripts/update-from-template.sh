#!/usr/bin/env bash
# Brings the template's later changes into a project made with `dotnet new chatbot-orleans`.
# It regenerates the project twice with the same name and options, from the template as it was when the
# project was made (.template-origin) and as it is now, commits both on a branch `template-update`, and
# cherry-picks the second onto the current branch: a three-way merge of the template's changes with yours,
# conflicts left for you to resolve as in any merge.
# Usage: scripts/update-from-template.sh TEMPLATE_REPO [REF]     (REF: the template version to take, default HEAD)
#        BASE=<commit> scripts/update-from-template.sh …           (when the recorded origin is wrong or missing)
set -euo pipefail
die() { echo "error: $*" >&2; exit 1; }

[ $# -ge 1 ] || die "usage: scripts/update-from-template.sh TEMPLATE_REPO [REF]"
template=$(cd "$1" && pwd)
ref=${2:-HEAD}
project=$(git rev-parse --show-toplevel)
cd "$project"
[ -f .template-origin ] || die ".template-origin not found: this project was not made by the template"
[ -z "$(git status --porcelain)" ] || die "commit or stash your changes first"

origin_value() { sed -n "s/^$1=//p" .template-origin; }
name=$(origin_value name)
options=$(origin_value options)
generated=$(origin_value generated)
base=${BASE:-$(origin_value commit)}
if [ -z "$base" ]; then
  base=$(git -C "$template" rev-list -1 --before="$generated" "$ref") ||
    die "no template commit before $generated; set BASE to the commit the project was made from"
fi
new=$(git -C "$template" rev-parse "$ref^{commit}")
[ "$base" != "$new" ] || { echo "Already generated from $new: nothing to take."; exit 0; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A private template cache, so nothing is installed for the user.
export DOTNET_CLI_HOME="$work/home" DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# generate COMMIT DIR: the project as the template at COMMIT makes it.
generate() {
  local source="$work/template-$1"
  mkdir -p "$source" "$work/out-$1"
  git -C "$template" archive "$1" | tar -x -C "$source"
  dotnet new install "$source" >/dev/null
  # shellcheck disable=SC2086 # options holds separate switches
  dotnet new chatbot-orleans -n "$name" $options -o "$work/out-$1" >/dev/null
  dotnet new uninstall "$source" >/dev/null
  find "$2" -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +
  cp -a "$work/out-$1/." "$2/"
}

echo "Regenerating $name ($options) from the template at ${base:0:12} and at ${new:0:12}…"
history="$work/history"
mkdir -p "$history"
git -C "$history" init -q
generate "$base" "$history"
# The base keeps this project's own record, so only the template's change of it shows in the diff.
cp .template-origin "$history/.template-origin"
git -C "$history" add -A
git -C "$history" -c user.name=template -c user.email=template@localhost commit -qm "Template at $base"
generate "$new" "$history"
cp .template-origin "$history/.template-origin"
sed -i "s/^commit=.*/commit=$new/" "$history/.template-origin"
git -C "$history" add -A
git -C "$history" -c user.name=template -c user.email=template@localhost commit -qm "Take the template's changes up to $new"

git fetch -q "$history" "+HEAD:refs/heads/template-update"
echo "The template's changes are on branch template-update; merging them into $(git branch --show-current)…"
message="Take the template's changes up to $new"
if git cherry-pick --no-commit template-update; then
  git commit -qm "$message"
  echo "Done: review the commit ($message), build and test."
else
  echo "Resolve the conflicts, git add the files, then: git commit -m \"$message\""
  echo "(git reset --hard HEAD leaves everything as it was.)"
  exit 1
fi
