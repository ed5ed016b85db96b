#!/bin/sh
# Exits 0 but reports a severity-error result (a validator finding), keeping the items.
sed -e '/^functionConfig:/,$d' -e '/^results:/,$d'
cat <<'YAML'
results:
- message: replicas must be at most 2
  severity: error
  resourceRef:
    apiVersion: apps/v1
    kind: Deployment
    name: nginx
  field:
    path: spec.replicas
- message: looked at everything
YAML
