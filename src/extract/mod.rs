//! Extraction: reads documents and produces graph fragments (actors, meetings,
//! proposals, with evidence), then joins them across the corpus.
//!
//! Per-document work is pure and runs in parallel; only cross-document rules
//! (merging meetings, proposal lineage) run once at the end.

pub mod actors;
mod boundaries;
mod build;
pub mod coref;
pub mod dates;
pub mod duration;
pub mod frames;
pub mod gate;
pub mod lexicon;
pub mod meetings;
pub mod mentions;
pub mod names;
pub mod proposals;
pub mod verbs;
pub mod wordset;

use std::collections::BTreeMap;
use std::path::Path;

use indicatif::ProgressBar;
use rayon::prelude::*;

use crate::corpus::{Corpus, DocEntry, Document, Warning};
use crate::graph::{Evidence, Graph, Node, NodeKind};

/// What one document yields.
#[derive(Debug, Default)]
pub struct Fragment {
    pub graph: Graph,
    pub unresolved: Curation,
    pub warnings: Vec<Warning>,
}

/// Name-like mentions the extractor could not resolve, for the curation report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Curation {
    /// mention → (count, reason, first example evidence)
    pub entries: BTreeMap<String, CurationEntry>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CurationEntry {
    pub count: usize,
    pub reason: String,
    pub example: Evidence,
}

impl Curation {
    pub fn add(&mut self, mention: &str, reason: &str, example: Evidence) {
        let e = self.entries.entry(mention.to_string()).or_insert_with(|| CurationEntry {
            count: 0,
            reason: reason.to_string(),
            example: example.clone(),
        });
        e.count += 1;
        // Keep the earliest example so the report is the same whatever the thread order.
        if example < e.example {
            e.example = example;
        }
    }

    pub fn absorb(&mut self, other: Curation) {
        for (k, v) in other.entries {
            match self.entries.get_mut(&k) {
                Some(e) => {
                    e.count += v.count;
                    if v.example < e.example {
                        e.example = v.example;
                    }
                }
                None => {
                    self.entries.insert(k, v);
                }
            }
        }
    }
}

/// An extractor: per-document extraction plus the cross-document pass.
pub trait Extract: Sync {
    /// Extract one document into a fragment. Must not depend on other documents.
    fn document(&self, doc: &Document) -> Fragment;
    /// Join fragments across documents (merges, lineage). Runs once.
    fn finish(&self, graph: &mut Graph);
}

/// The result of extracting a corpus.
#[derive(Debug, Default)]
pub struct Extraction {
    pub graph: Graph,
    pub unresolved: Curation,
    pub warnings: Vec<Warning>,
    pub documents_read: usize,
}

impl Extraction {
    /// An empty extraction whose graph keeps evidence bounded.
    fn bounded() -> Self {
        Extraction { graph: Graph::bounded(), ..Default::default() }
    }
}

/// Documents extracted in parallel before their fragments join the corpus graph.
const CHUNK: usize = 256;

/// Extract a corpus in parallel. Documents are read, extracted and dropped one
/// at a time per thread, so memory follows the graph, not the corpus.
///
/// Documents are taken in chunks of [`CHUNK`]: a chunk is extracted on all
/// threads while the fragments of the one before join the corpus graph, in
/// corpus order, so the result is that of one thread reading the corpus
/// front to back, whatever the number of threads. There is one corpus graph:
/// per-thread graphs joined at the end would hold it twice over at the join.
pub fn run(corpus: &Corpus, ex: &dyn Extract, progress: &ProgressBar) -> Extraction {
    let has_manifest = corpus.root.join("manifest.csv").is_file();
    let mut out = Extraction::bounded();
    let extract_chunk = |chunk: &[DocEntry]| -> Vec<Result<Fragment, Warning>> {
        chunk
            .par_iter()
            .map(|entry| {
                let frag = one_document(entry, has_manifest, ex).map(|mut frag| {
                    frag.graph.share_evidence_strings();
                    frag
                });
                progress.inc(1);
                frag
            })
            .collect()
    };
    let absorb_all = |out: &mut Extraction, frags: Vec<Result<Fragment, Warning>>| {
        for frag in frags {
            match frag {
                Ok(frag) => {
                    absorb_graph(&mut out.graph, frag.graph);
                    out.unresolved.absorb(frag.unresolved);
                    out.warnings.extend(frag.warnings);
                    out.documents_read += 1;
                }
                Err(w) => out.warnings.push(w),
            }
        }
    };
    crate::timing::timed("extract: documents", || {
        let mut pending = Vec::new();
        for chunk in corpus.entries.chunks(CHUNK) {
            let (_, next) = rayon::join(|| absorb_all(&mut out, std::mem::take(&mut pending)), || extract_chunk(chunk));
            pending = next;
        }
        absorb_all(&mut out, pending);
    });
    out.warnings.extend(corpus.warnings.iter().cloned());
    out.warnings.sort();
    out.warnings.dedup();
    crate::timing::timed("extract: corpus merge", || ex.finish(&mut out.graph));
    crate::timing::timed("extract: canonical order", || out.graph.canonicalize());
    out.graph.meta.documents = out.documents_read;
    out.graph.meta.warnings = out.warnings.iter().map(|w| w.to_string()).collect();
    out
}

/// Read, split and extract one document under one guard: a bug on one odd
/// document (in reading, splitting or extraction) becomes a warning naming the
/// file and never stops the corpus. `Err` means the document was skipped.
pub fn one_document(entry: &DocEntry, has_manifest: bool, ex: &dyn Extract) -> Result<Fragment, Warning> {
    let work = || {
        let (doc, warnings) = entry.load(has_manifest)?;
        let mut frag = windowed(doc, ex);
        frag.warnings.extend(warnings);
        Ok(frag)
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|_| {
        Err(Warning {
            file: crate::corpus::display_name(&entry.path),
            message: "internal error while reading this document; skipped".into(),
        })
    })
}

/// Documents larger than this are extracted window by window (see [`windowed`]).
pub const WINDOWED_ABOVE: usize = 1 << 20;

/// Text per window of a large document, in bytes (whole sentences).
const WINDOW: usize = 256 << 10;

/// Extract a document. One larger than [`WINDOWED_ABOVE`] bytes (no news
/// article is) is extracted in windows of whole sentences of about 256 KB,
/// each window's fragment merged into a bounded graph before the next is read:
/// the memory a document needs is then its text plus one window's working
/// set, not ~100 times its size. Context (the year in force, surnames named
/// in full) does not cross a window boundary. Evidence still indexes the whole
/// document, and the document node keeps the evidence of its first sentence.
pub fn windowed(mut doc: Document, ex: &dyn Extract) -> Fragment {
    if doc.text.len() <= WINDOWED_ABOVE {
        return ex.document(&doc);
    }
    let all = std::mem::take(&mut doc.sentences);
    let mut out = Fragment { graph: Graph::bounded(), ..Default::default() };
    let did = format!("doc-{}", doc.id);
    let mut first = true;
    let mut rest = &all[..];
    while !rest.is_empty() || first {
        let start = rest.first().map_or(0, |s| s.start);
        let n = rest.iter().take_while(|s| s.end - start <= WINDOW).count().max(1).min(rest.len());
        doc.sentences = rest[..n].to_vec();
        rest = &rest[n..];
        let mut frag = ex.document(&doc);
        if !first && let Some(d) = frag.graph.node_mut(&did) {
            d.evidence.clear();
            d.evidence_total = 0;
        }
        first = false;
        absorb_graph(&mut out.graph, frag.graph);
        out.unresolved.absorb(frag.unresolved);
        out.warnings.extend(frag.warnings);
    }
    out.warnings.sort();
    out.warnings.dedup();
    out
}

/// Merge every node and edge of `from` into `into`.
pub fn absorb_graph(into: &mut Graph, from: Graph) {
    into.absorb(from);
}

/// The default extractor, built from the lexicons in `data/` (or `--data DIR`).
pub struct Extractor {
    lexicon: lexicon::Lexicon,
    matchers: mentions::Matchers,
}

impl Extractor {
    /// Build the extractor; `data` overrides the built-in lexicons. Every
    /// matcher is compiled here, once.
    pub fn new(data: Option<&Path>) -> anyhow::Result<Extractor> {
        let lexicon = lexicon::Lexicon::load(data)?;
        let matchers = mentions::Matchers::new(&lexicon);
        compile_patterns();
        Ok(Extractor { lexicon, matchers })
    }
}

impl Extract for Extractor {
    fn document(&self, doc: &Document) -> Fragment {
        // A bug on one odd document must not stop the corpus: it becomes a warning.
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.read_document(doc))) {
            Ok(f) => f,
            Err(_) => {
                let mut frag = Fragment::default();
                frag.graph.upsert_node(document_node(doc));
                frag.warnings.push(Warning {
                    file: doc.id.clone(),
                    message: "extraction failed on this document (internal error); only its document node is kept"
                        .into(),
                });
                frag
            }
        }
    }

    fn finish(&self, graph: &mut Graph) {
        crate::timing::timed("merge meetings", || build::merge_meetings(&self.lexicon, graph));
        crate::timing::timed("merge proposals", || proposals::finish(&self.lexicon, graph));
    }
}

impl Extractor {
    fn read_document(&self, doc: &Document) -> Fragment {
        let lx = &self.lexicon;
        let mut frag = Fragment::default();
        let dnode = document_node(doc);
        let did = dnode.id.clone();
        frag.graph.upsert_node(dnode);
        let sents = mentions::read(lx, &self.matchers, doc);
        let mut b = build::Builder::new(&mut frag.graph, &did, lx);
        for s in &sents {
            // A person known only from an office at the date becomes a node through what they do.
            for m in s.persons.iter().filter(|m| m.implied != Some(coref::Via::Office.rule())) {
                b.person(&m.actor, s.evidence(m.start, m.end));
            }
            for u in &s.unresolved {
                frag.unresolved.add(&u.text, &u.reason, s.evidence(u.start, u.end));
            }
        }
        for e in meetings::extract(lx, doc.date, &sents) {
            b.meeting(&e);
        }
        let props = proposals::extract(lx, doc.date, &sents);
        b.proposals(&props);
        frag
    }
}

/// Compile every pattern the rules keep in statics. They would compile on first use
/// otherwise, inside the first documents' extraction. Complexity: once per process.
fn compile_patterns() {
    actors::compile_patterns();
    boundaries::compile_patterns();
    coref::compile_patterns();
    dates::compile_patterns();
    duration::compile_patterns();
    frames::compile_patterns();
    meetings::compile_patterns();
    names::compile_patterns();
    proposals::compile_patterns();
}

/// The node standing for a document itself.
pub fn document_node(doc: &Document) -> Node {
    let mut n =
        Node::new(format!("doc-{}", doc.id), NodeKind::Document, doc.title.clone().unwrap_or_else(|| doc.id.clone()));
    n.attrs.start = doc.date;
    n.attrs.source = doc.source.clone();
    n.attrs.title = doc.title.clone();
    if let Some(s) = doc.sentences.first() {
        n.evidence.push(Evidence {
            doc: doc.id.as_str().into(),
            sentence: 0,
            start: s.start,
            end: s.end,
            text: doc.sentence_clean(s).into(),
        });
    }
    n
}
