#!/bin/sh
# Records the functionConfig on every item: each `data` entry KEY: VALUE becomes the annotation
# `config/KEY-VALUE: "true"` (block or flow-style data; quotes dropped); the functionConfig is not
# echoed back. Uses awk only.
awk '
function keep(pair,   kv) { split(pair, kv, ": "); gsub(/"/, "", kv[2]); data[kv[1]] = kv[2] }
/^functionConfig:/ { inconfig = 1; next }
inconfig && /^  data: \{/ {
  body = $0; sub(/^  data: \{/, "", body); sub(/\}$/, "", body)
  n2 = split(body, pairs, ", "); for (j = 1; j <= n2; j++) if (pairs[j] != "") keep(pairs[j]); next
}
inconfig && /^  data:$/ { indata = 1; next }
inconfig && indata && /^    [^ ]/ { sub(/^    /, ""); keep($0); next }
inconfig { next }
{ lines[++n] = $0 }
END {
  for (i = 1; i <= n; i++) {
    print lines[i]
    if (lines[i] == "    annotations:") for (k in data) print "      config/" k "-" data[k] ": \"true\""
  }
}'
