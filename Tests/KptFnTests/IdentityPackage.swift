/// A package in kpt's canonical form (2-space indent, compact sequences unless the resource uses
/// wide ones) that exercises the YAML round trip: comments, quoting styles, block scalars, wide
/// and compact sequences, multi-document files. An identity render must not change a byte.
/// Left out on purpose, because yaml.v3 (so kpt, whose functions and kyaml both use it) does not
/// round-trip them either: folded (`>`) scalars (re-emitted with an extra blank line), `|+`
/// scalars followed by a comment (the comment becomes the document's foot and is dropped), and a
/// foot comment dedented below a nested sequence (re-indented under the last item). A document's
/// trailing foot comment is left out too: yaml.v3 moves it deeper inside the function, and
/// whether kpt's comment copy then keeps one or two copies was not checked against kpt (ours
/// keeps two).
enum IdentityPackage {
    static func kptfile(identity: String) -> String {
        """
        # Root package: identity everywhere.
        apiVersion: kpt.dev/v1
        kind: Kptfile
        metadata:
          name: identity # the root
        info:
          description: 'identity pipeline'
        pipeline:
          mutators:
          - exec: \(identity)
          - exec: "\(identity)"
          validators:
          - exec: '\(identity)'

        """
    }

    static let files: [String: String] = [
        "quoting.yaml": """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: quoting
            data:
              plain: hello world
              single: 'single quoted'
              double: "double quoted"
              escaped: "tab\\there"
              number: "42"
              boolean: 'true'
              empty: ""
              tilde: "~"
              colon: 'a: b'
              unicode: "é ü"

            """,
        "blocks.yaml": """
            # Head comment of the first document.
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: blocks # line comment
              annotations:
                note: keep me
            data:
              literal: |
                line one
                  indented line
                line three
              strip: |-
                no trailing newline
              last: plain
            ---
            # Second document.
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: compact
            spec:
              replicas: 3
              template:
                spec:
                  containers:
                  - name: app # main container
                    image: "nginx:1.25"
                    args:
                    - --a
                    - --b=2
                    ports:
                    - containerPort: 80
                      protocol: TCP
                  - # a commented second container
                    name: sidecar
                    command: |
                      run --forever
                  - # a commented item right after a block scalar
                    name: third

            """,
        "wide.yaml": """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: wide
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      image: busybox
                      command:
                        - sh
                        - -c
                        - 'echo "hi"'
                  volumes:
                    - name: data # scratch
                      emptyDir: {}

            """,
        "flow.yaml": """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: flow
              labels: {app: flow, tier: "web"}
            data:
              list: '[1, 2]'
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: flow
            spec:
              selector: {app: flow}
              ports: [{port: 80}]

            """,
        "sub/sub.yaml": """
            # In the subpackage.
            apiVersion: v1
            kind: Secret
            metadata:
              name: sub-secret
            type: Opaque
            stringData:
              password: "s3cr3t" # quoted

            """,
    ]
}
