//! Every pattern of the rules is compiled when the extractor is built, none while
//! documents are read (the per-document speed of `benches/scale.rs` relies on it).
//! One test in its own binary: the count of compiled patterns is per process.

use kurilnet::corpus::Corpus;
use kurilnet::extract::{Extract, Extractor, gate};

#[test]
fn no_pattern_is_compiled_while_documents_are_read() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let ex = Extractor::new(None).expect("lexicons load");
    let built = gate::compiled();
    assert!(built > 100, "the rules' patterns are compiled by Extractor::new ({built})");
    let mut sentences = 0;
    for dir in ["seeds", "tests/heldout"] {
        let corpus = Corpus::scan(&root.join(dir)).expect("corpus scans");
        for e in &corpus.entries {
            let (doc, _) = e.load(false).expect("document loads");
            sentences += doc.sentences.len();
            ex.document(&doc);
        }
    }
    assert!(sentences > 200, "the texts were read ({sentences} sentences)");
    assert_eq!(gate::compiled(), built, "patterns compiled while reading documents");
}
