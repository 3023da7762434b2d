//! Fuzzing on stable Rust: a deterministic mutation loop over `seeds/`.
//!
//! Each case takes a seed document and applies a few mutations (byte flips,
//! splices from another seed, truncations, multi-byte and control characters,
//! very long tokens and sentences, many dates), then reads, splits, extracts,
//! analyses and exports it in-process, and also parses a mutated
//! `manifest.csv`. A case fails on any panic (including one the per-document
//! guard turns into an "internal error" warning) and on a document that takes
//! longer than the time bound, linear in its size: 3 s plus 20 ms per KB (the
//! seeds read at about 1 ms per KB). Failing inputs are written to
//! `target/tmp/fuzz-failures/` with the case number.
//!
//! CI runs `KURILNET_FUZZ_CASES` cases (default 300, well under a minute).
//! A release check runs longer, by count or by time:
//! `KURILNET_FUZZ_SECONDS=600 cargo test --release --test fuzz -- --nocapture`
//! (`KURILNET_FUZZ_SEED` shifts the case stream, `KURILNET_FUZZ_MAX_MS` sets
//! the fixed part of the per-document bound, default 3000 ms).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use kurilnet::corpus::{self, Document, Manifest};
use kurilnet::extract::{self, Extract, Extractor};
use kurilnet::graph::Graph;
use kurilnet::synth::Rng;

/// Characters real pages carry that byte-oriented code gets wrong.
const ODD: &[&str] = &[
    "\u{a0}", "\u{85}", "\u{1680}", "\u{2000}", "\u{200a}", "\u{2028}", "\u{2029}", "\u{202f}", "\u{205f}", "\u{3000}",
    "\u{feff}", "\u{fffe}", "\u{ffff}", "\u{fffd}", "\u{200b}", "\u{200e}", "\u{202e}", "\u{301}", "\u{1f1ef}\u{1f1f5}",
    "\u{201c}", "\u{201d}", "\u{2019}", "\u{2014}", "\u{e9}", "\u{130}", "\u{df}", "\u{fb03}", "\u{41f}\u{443}\u{442}",
    "\u{5b89}\u{500d}", "\0", "\u{1}", "\u{1b}[31m", "\r", "\r\n", "\n\n", "\t", "\u{7f}", "\u{c2}",
];

/// Fragments that drive the rules: dates, abbreviations, quotes, cues.
const PHRASES: &[&str] = &[
    " on January 5, 1995, ", " in 1956 ", " last week ", " next March ", "Dec. 18", " Mr. ", " U.S. ", " I. ",
    " met ", " talks in Moscow ", " summit ", " postponed ", " two-island ", " Habomai and Shikotan ", " \"",
    "(", ")", ". ", "? ", "! ", " Abe ", " Putin ", " Gorbachev ", " 1 9 9 5 ", " 31/12/1999 ", " 2019-02-17 ",
];

/// One mutation of `doc` (bytes), drawing on the other seeds for splices.
fn mutate(rng: &mut Rng, doc: &mut Vec<u8>, seeds: &[Vec<u8>]) {
    let at = |rng: &mut Rng, doc: &Vec<u8>| rng.below(doc.len() + 1);
    match rng.below(12) {
        0 => {
            // Byte flips.
            for _ in 0..1 + rng.below(8) {
                if !doc.is_empty() {
                    let i = rng.below(doc.len());
                    doc[i] ^= 1 << rng.below(8);
                }
            }
        }
        1 => {
            let i = at(rng, doc);
            doc.splice(i..i, rng.pick(ODD).bytes());
        }
        2 => {
            // Many odd characters at once, in place of white space.
            let odd = rng.pick(ODD).as_bytes().to_vec();
            let mut out = Vec::with_capacity(doc.len());
            for &b in doc.iter() {
                if b == b' ' && rng.below(3) == 0 { out.extend_from_slice(&odd) } else { out.push(b) }
            }
            *doc = out;
        }
        3 => {
            // Splice a range of another seed in.
            let other = rng.pick(seeds);
            let (a, b) = (rng.below(other.len()), rng.below(other.len()));
            let i = at(rng, doc);
            doc.splice(i..i, other[a.min(b)..a.max(b)].iter().copied());
        }
        4 => {
            let i = rng.below(doc.len() + 1);
            doc.truncate(i);
        }
        5 => {
            // A very long token.
            let unit = *rng.pick(&["A", "x.", "\u{e9}", "9", "-", "\u{3000}", "http://a/"]);
            let i = at(rng, doc);
            doc.splice(i..i, unit.repeat(1000 + rng.below(40_000)).into_bytes());
        }
        6 => {
            // A very long sentence: many words and no full stop.
            let word = *rng.pick(&["word ", "Moscow, ", "and talks ", "1956 ", "Abe "]);
            let i = at(rng, doc);
            doc.splice(i..i, word.repeat(1000 + rng.below(20_000)).into_bytes());
        }
        7 => {
            // A sentence full of dates (the tense look-up near each date).
            let i = at(rng, doc);
            let dates = " on January 5, 1995, and in March 1996,".repeat(50 + rng.below(400));
            doc.splice(i..i, format!("Abe met Putin in Tokyo{dates} the talks were postponed.").into_bytes());
        }
        8 => {
            // Delete or duplicate a range.
            if !doc.is_empty() {
                let (a, b) = (rng.below(doc.len()), rng.below(doc.len()));
                let (a, b) = (a.min(b), a.max(b));
                if rng.below(2) == 0 {
                    doc.drain(a..b);
                } else {
                    let piece: Vec<u8> = doc[a..b].to_vec();
                    doc.splice(b..b, piece);
                }
            }
        }
        9 => {
            let i = at(rng, doc);
            doc.splice(i..i, rng.pick(PHRASES).bytes());
        }
        10 => {
            // A BOM, CRLF line ends, or both.
            if rng.below(2) == 0 {
                doc.splice(0..0, *b"\xEF\xBB\xBF");
            }
            let t = String::from_utf8_lossy(doc).replace('\n', "\r\n");
            *doc = t.into_bytes();
        }
        _ => {
            // Random bytes.
            let i = at(rng, doc);
            let junk: Vec<u8> = (0..1 + rng.below(64)).map(|_| rng.next() as u8).collect();
            doc.splice(i..i, junk);
        }
    }
}

struct Fuzz {
    seeds: Vec<Vec<u8>>,
    manifest: Vec<u8>,
    extractor: Extractor,
    max: Duration,
}

impl Fuzz {
    fn new() -> Fuzz {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        let seeds: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();
        assert!(!seeds.is_empty(), "seeds/ holds the fuzz corpus");
        let max_ms = env_u64("KURILNET_FUZZ_MAX_MS").unwrap_or(3000);
        Fuzz {
            seeds,
            manifest: std::fs::read(dir.join("manifest.csv")).unwrap_or_default(),
            extractor: Extractor::new(None).unwrap(),
            max: Duration::from_millis(max_ms),
        }
    }

    /// The input of case `n`: a mutated seed document and a mutated manifest.
    fn input(&self, n: u64) -> (Vec<u8>, Vec<u8>) {
        let mut rng = Rng(n.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x6B75_7269_6C6E_6574);
        let mut doc = rng.pick(&self.seeds).clone();
        for _ in 0..1 + rng.below(4) {
            mutate(&mut rng, &mut doc, &self.seeds);
        }
        let mut manifest = self.manifest.clone();
        mutate(&mut rng, &mut manifest, &self.seeds);
        (doc, manifest)
    }

    /// The time a document of `len` bytes may take: linear in its size.
    fn bound(&self, len: usize) -> Duration {
        self.max + Duration::from_micros(len as u64 * 20_000 / 1024)
    }

    /// Run one case; `Err` says what went wrong.
    fn case(&self, n: u64) -> Result<Duration, String> {
        let (doc, manifest) = self.input(n);
        let started = Instant::now();
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.process(&doc, &manifest)));
        let took = started.elapsed();
        match r {
            Err(_) => Err("panicked".into()),
            Ok(Err(e)) => Err(e),
            Ok(Ok(())) if took > self.bound(doc.len()) => {
                Err(format!("took {took:?} (bound {:?}) on {} bytes", self.bound(doc.len()), doc.len()))
            }
            Ok(Ok(())) => Ok(took),
        }
    }

    /// Everything the main job does with one document, in-process (no SVG).
    fn process(&self, bytes: &[u8], manifest: &[u8]) -> Result<(), String> {
        let _ = Manifest::parse(manifest);
        let Ok(text) = corpus::decode(bytes) else { return Ok(()) };
        let date = corpus::infer_date(&text);
        let doc = Document::from_text("fuzz", text, date);
        for s in &doc.sentences {
            if s.end - s.start > corpus::sentences::MAX_SENTENCE {
                return Err(format!("sentence {} is {} bytes long", s.index, s.end - s.start));
            }
        }
        let frag = extract::windowed(doc, &self.extractor);
        if let Some(w) = frag.warnings.iter().find(|w| w.message.contains("internal error")) {
            return Err(format!("the document guard caught a panic: {w}"));
        }
        let mut graph = Graph::bounded();
        graph.absorb(frag.graph);
        self.extractor.finish(&mut graph);
        graph.canonicalize();
        kurilnet::analysis::annotate(&mut graph).map_err(|e| format!("analysis: {e:#}"))?;
        for e in kurilnet::pipeline::exporters().into_iter().filter(|e| e.name() != "svg") {
            e.render(&graph).map_err(|err| format!("{}: {err:#}", e.name()))?;
        }
        let _ = kurilnet::report::render(&graph, &Default::default());
        Ok(())
    }
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

#[test]
fn mutated_seeds_never_panic_and_stay_within_the_time_bound() {
    let fuzz = Fuzz::new();
    let first = env_u64("KURILNET_FUZZ_SEED").unwrap_or(0);
    let deadline = env_u64("KURILNET_FUZZ_SECONDS").map(|s| Instant::now() + Duration::from_secs(s));
    let cases = env_u64("KURILNET_FUZZ_CASES").unwrap_or(if deadline.is_some() { u64::MAX } else { 300 });
    let (mut done, mut slowest) = (0u64, (Duration::ZERO, 0));
    let mut failures = Vec::new();
    for n in first..first.saturating_add(cases) {
        if deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        match fuzz.case(n) {
            Ok(took) if took > slowest.0 => slowest = (took, n),
            Ok(_) => {}
            Err(why) => {
                let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-failures");
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(dir.join(format!("case-{n}.txt")), fuzz.input(n).0).unwrap();
                failures.push(format!("case {n}: {why}"));
            }
        }
        done += 1;
    }
    eprintln!("fuzz: {done} cases from {first}, slowest case {} took {:?}", slowest.1, slowest.0);
    assert!(failures.is_empty(), "{} of {done} cases failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn mutations_are_deterministic_and_varied() {
    let fuzz = Fuzz::new();
    assert_eq!(fuzz.input(7), fuzz.input(7));
    let distinct: std::collections::HashSet<Vec<u8>> = (0..50).map(|n| fuzz.input(n).0).collect();
    assert!(distinct.len() > 45, "{}", distinct.len());
}
