#!/bin/sh
# Fails like an SDK function: prints a ResourceList with an error result, a stderr line, exit 1.
cat >/dev/null
echo "something went wrong" >&2
cat <<'YAML'
apiVersion: config.kubernetes.io/v1
kind: ResourceList
items: []
results:
- message: the function failed on purpose
  severity: error
YAML
exit 1
