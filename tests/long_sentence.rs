//! A dated document that is one very long sentence (pages without full stops:
//! tables, lists, scraped menus) is read in time linear in its length: the
//! sentence is cut into bounded pieces, and every per-date and per-name
//! look-up works on bounded windows or on structures read once per sentence. The time bound itself is measured by the throughput
//! bench; this test checks that such a document completes and is read right.

use kurilnet::corpus::Document;
use kurilnet::extract::{Extract, Extractor};
use kurilnet::graph::NodeKind;

#[test]
fn a_205_kb_one_sentence_dated_document_is_read() {
    let clause = "Prime Minister Shinzo Abe met President Vladimir Putin in Moscow on Monday and they discussed fisheries, ";
    let mut text = clause.repeat(205_000 / clause.len());
    text.push_str("and nothing else.");
    assert!(text.len() > 200_000);
    let doc = Document::from_text("long", &text, Some("2016-05-10".parse().unwrap()));
    assert_eq!(text.matches('.').count(), 1, "the fixture is one sentence, ended by its only full stop");
    // The reader cuts a sentence longer than its cap into pieces, so no look-up ever sees 205 KB at once.
    assert!(doc.sentences.len() > 1, "one 205 KB sentence is read in bounded pieces");
    let ex = Extractor::new(None).unwrap();
    let frag = ex.document(&doc);
    assert!(frag.warnings.is_empty(), "{:?}", frag.warnings);
    let meetings = frag.graph.nodes_of(NodeKind::Meeting);
    assert_eq!(meetings.len(), 1, "one meeting, mentioned many times: {:?}", meetings.iter().map(|n| &n.id).collect::<Vec<_>>());
    let m = meetings[0];
    assert_eq!(m.attrs.start.map(|d| d.to_string()).as_deref(), Some("2016-05-09"), "the Monday before publication");
    assert_eq!(m.attrs.status.as_deref(), Some("held"));
}
