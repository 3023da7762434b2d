//! The report's rank chart reads each window's actor strengths in one pass
//! (`temporal::window_strengths`); on a generated corpus (many persons, one-
//! and two-sided meetings, proposals and answers across windows) they must
//! equal the scores of the restricted copies of the graph (`temporal::over_time`).

use std::collections::BTreeMap;
use std::path::Path;

use kurilnet::analysis::centrality::{Measure, Options};
use kurilnet::analysis::temporal::{over_time, window_strengths, windows};

#[test]
fn one_pass_window_strengths_equal_the_restricted_copies_on_a_generated_corpus() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    kurilnet::synth::generate(&corpus, 400, 7, &kurilnet::synth::shipped_sources(root)).unwrap();
    let g = kurilnet::pipeline::extract_corpus(&corpus, &kurilnet::pipeline::Options::default()).unwrap().graph;
    for (width, step) in [(10, 5), (4, 3)] {
        let slow = over_time(&g, width, step, Options { degrees_only: true, ..Options::default() });
        let want: Vec<BTreeMap<String, f64>> = slow
            .iter()
            .map(|(_, s)| {
                let positive =
                    |r: &&kurilnet::analysis::centrality::Row| r.get(Measure::WeightedDegree).is_some_and(|x| x > 0.0);
                s.rows
                    .iter()
                    .filter(positive)
                    .map(|r| (r.id.clone(), r.get(Measure::WeightedDegree).unwrap()))
                    .collect()
            })
            .collect();
        let got: Vec<BTreeMap<String, f64>> = window_strengths(&g, &windows(&g, width, step))
            .into_iter()
            .map(|m| m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            .collect();
        let tied: usize = want.iter().map(BTreeMap::len).sum();
        assert!(tied > 100, "a real test: {tied} actor-windows with ties");
        assert_eq!(got.len(), want.len());
        for (i, (a, b)) in got.iter().zip(&want).enumerate() {
            assert_eq!(a, b, "window {i} of {width} years every {step}");
        }
    }
}
