#!/usr/bin/env bash
# The run step of the vforklint GitHub Action (action.yml at the repository root). Runs
# `vforklint check` on INPUT_PATHS with INPUT_ARGS, printing findings as workflow commands (they
# become annotations) and writing SARIF to INPUT_SARIF_FILE. It records vforklint's exit code in
# the step's outputs and exits 0 on findings (1) or incomplete analysis (3), so that the upload
# step still runs; the action's last step fails the job on findings. A usage or internal error
# (2, 4), or a missing report, fails this step at once: there is nothing to upload.
# INPUT_CATEGORY becomes the SARIF run's runAutomationDetails.id (--sarif-category): upload-sarif's
# own category input only fills a run that has none, and vforklint always writes one.
# VFORKLINT_CMD replaces the launcher (the action's own ./vforklint, which builds the jar on first use).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
read -r -a launcher <<< "${VFORKLINT_CMD:-$here/vforklint}"
sarif="${INPUT_SARIF_FILE:-vforklint.sarif}"
out="${GITHUB_OUTPUT:-/dev/null}"

# Inputs are split on whitespace and never evaluated: a path or option cannot run a command.
read -r -d '' -a paths <<< "${INPUT_PATHS:-.}" || true
read -r -d '' -a args <<< "${INPUT_ARGS:-}" || true
[ ${#paths[@]} -eq 0 ] && paths=(.)
fail_on=()
[ -n "${INPUT_FAIL_ON:-}" ] && fail_on=(--fail-on "$INPUT_FAIL_ON")
category="${INPUT_CATEGORY:-vforklint}"

mkdir -p "$(dirname "$sarif")"
rm -f "$sarif"
"${launcher[@]}" check -f github --report "sarif=$sarif" --sarif-category "$category" "${fail_on[@]}" "${args[@]}" \
  -- "${paths[@]}"
code=$?

case "$code" in
  0|1|3)
    if [ ! -s "$sarif" ]; then
      echo "::error title=vforklint::no SARIF report was written to $sarif"
      exit 4
    fi
    echo "exit-code=$code" >> "$out"
    echo "sarif-file=$sarif" >> "$out"
    [ "$code" = 3 ] && echo "::warning title=vforklint::some files were not fully analysed; see the annotations"
    exit 0
    ;;
  *)
    echo "exit-code=$code" >> "$out"
    echo "::error title=vforklint::vforklint check failed with exit code $code (2: a bad option, configuration file or baseline; 4: an internal error)"
    exit "$code"
    ;;
esac
