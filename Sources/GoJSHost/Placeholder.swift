// GoJSHost: see the README for the layout of this target.
