#!/usr/bin/env bash
# Makes the voice menu's prompts: every line "<id><TAB><text>" of <lang>.tsv here becomes
# ../src/main/resources/dev/ataemu/ivr/prompts/<lang>/<id>.wav, spoken by espeak-ng and turned by
# sox into line audio (8 kHz, 16-bit, mono), peaks at -6 dBFS, leading and trailing silence trimmed.
# Needs the Debian packages espeak-ng and sox. Run it after changing a .tsv; commit what it writes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out_root="$here/../src/main/resources/dev/ataemu/ivr/prompts"
declare -A voices=([en]=en-us [es]=es)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for table in "$here"/*.tsv; do
    lang="$(basename "$table" .tsv)"
    voice="${voices[$lang]:?no espeak-ng voice named for $lang}"
    mkdir -p "$out_root/$lang"
    rm -f "$out_root/$lang"/*.wav
    grep -v '^#' "$table" | while IFS=$'\t' read -r id text; do
        [ -n "$id" ] || continue
        espeak-ng -v "$voice" -s 150 -w "$work/raw.wav" "$text"
        sox "$work/raw.wav" -r 8000 -c 1 -b 16 -e signed-integer "$out_root/$lang/$id.wav" \
            silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse gain -n -6
    done
    echo "$lang: $(ls "$out_root/$lang" | wc -l) prompts"
done
