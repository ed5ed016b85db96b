#!/bin/sh
# Never answers in time: for --timeout tests.
exec sleep 30
