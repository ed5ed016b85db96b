#!/bin/sh
# A native exec KRM function for tests: adds the annotation `fixture.kpt.dev/seen: "yes"` to every
# item of the ResourceList on stdin (items' annotations sit at 4 spaces in kpt's compact layout)
# and, when given an argument, writes it to stderr.
[ -n "$1" ] && echo "note: $1" >&2
exec sed -e 's|^    annotations:$|    annotations:\n      fixture.kpt.dev/seen: "yes"|'
