import Foundation
@testable import KptFn

/// Package shapes for the wasm/native oracle tests, written to a fresh temp dir per run.
enum OraclePackages {
    struct Shape {
        var name: String
        /// Relative path -> file text.
        var files: [String: String]
        /// metadata.name of every resource (Kptfiles included), unique within the shape.
        var resourceNames: [String]
        var labelledApp: Set<String> = []
        var secrets: Set<String> = []

        func materialize() throws -> String {
            let dir = try Fixtures.temporaryDirectory() + "/" + name
            for (path, text) in files {
                let full = dir + "/" + path
                try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try text.write(toFile: full, atomically: false, encoding: .utf8)
            }
            return dir
        }
    }

    /// Every `# …` comment of a file (head, line and foot comments).
    static func comments(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            line.range(of: "# ").map { String(line[$0.lowerBound...]) }
        }
    }

    /// Comments everywhere: head, line, foot, inside sequences and in the Kptfile; one file holds
    /// only a Secret (deleted by add-delete).
    static let comments = Shape(name: "comments", files: [
        "Kptfile": """
            # The package.
            apiVersion: kpt.dev/v1
            kind: Kptfile
            metadata:
              name: app # package name
            info:
              description: commented package

            """,
        "deploy.yaml": """
            # Web tier, head comment.
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web # line comment
              labels:
                app: web
            spec:
              replicas: 2 # keep two
              template:
                spec:
                  containers:
                  # the only container
                  - name: web
                    image: nginx:1.25 # pinned
                    args:
                    - --port=80 # first
                    - --verbose
            # foot of the deployment

            """,
        "secret.yaml": """
            apiVersion: v1
            kind: Secret
            metadata:
              name: token # to be deleted by add-delete
            data:
              token: dG9rZW4=

            """,
    ], resourceNames: ["app", "web", "token"], labelledApp: ["web"], secrets: ["token"])

    /// Document-level comments: a license header set off by a blank line (yaml.v3 puts it on the
    /// document node, which the ResourceList does not carry), one after `---`, and a foot comment.
    static let documentComments = Shape(name: "doc-comments", files: [
        "Kptfile": "# Copyright 2024 The Authors\n\napiVersion: kpt.dev/v1\nkind: Kptfile\nmetadata:\n  name: doc\n",
        "licensed.yaml": """
            # Copyright 2024 The Authors
            # SPDX-License-Identifier: Apache-2.0

            # the settings
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: licensed
            ---
            # second document header

            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: second
              labels:
                app: second
            data:
              k: v

            # foot of the second document

            """,
    ], resourceNames: ["doc", "licensed", "second"], labelledApp: ["second"])

    /// Several documents per file, with quoting styles and a block scalar.
    static let multiDoc = Shape(name: "multidoc", files: [
        "resources.yaml": """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              single: 'one'
              double: "two"
              plain: three
              number: "3"
              script: |
                echo hello
                echo world
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: password
            stringData:
              password: hunter2
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: frontend
              labels:
                app: frontend
            spec:
              ports:
              - port: 80
                targetPort: 8080

            """,
        "more.yaml": """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: extra
            data:
              folded: >
                a folded
                text
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: team

            """,
    ], resourceNames: ["settings", "password", "frontend", "extra", "team"], labelledApp: ["frontend"], secrets: ["password"])

    /// A root package with a subpackage that has a subpackage of its own.
    static let subpackages = Shape(name: "nested", files: [
        "Kptfile": "apiVersion: kpt.dev/v1\nkind: Kptfile\nmetadata:\n  name: root\n",
        "root.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: root-config\n  labels:\n    app: root\ndata:\n  level: \"0\"\n",
        "db/Kptfile": "apiVersion: kpt.dev/v1\nkind: Kptfile\nmetadata:\n  name: db\n",
        "db/db.yaml": "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db # the database\nspec:\n  replicas: 1\n",
        "db/secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-password\n",
        "db/backup/Kptfile": "apiVersion: kpt.dev/v1\nkind: Kptfile\nmetadata:\n  name: backup\n",
        "db/backup/job.yaml": "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\n  labels:\n    app: backup\nspec:\n  schedule: \"0 3 * * *\"\n",
    ], resourceNames: ["root", "root-config", "db", "db", "db-password", "backup", "nightly"],
       labelledApp: ["root-config", "nightly"], secrets: ["db-password"])

    /// `files` files of `perFile` ConfigMaps each.
    static func generated(files: Int, perFile: Int) -> Shape {
        var out: [String: String] = [:], names: [String] = []
        for f in 0..<files {
            var docs: [String] = []
            for i in 0..<perFile {
                let name = "cm-\(f)-\(i)"
                names.append(name)
                docs.append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\ndata:\n  index: \"\(i)\"\n")
            }
            out["generated/r\(f).yaml"] = docs.joined(separator: "---\n")
        }
        return Shape(name: "generated", files: out, resourceNames: names)
    }
}
