//! Analyses of the extracted graph: centrality of actors, meetings and
//! proposals, the lineage of proposals and the comparison of two proposal
//! paths. Analyses read the graph; they never change what was extracted
//! (the pipeline copies their results onto nodes as extra attributes).

pub mod centrality;
pub mod compare;
pub mod lineage;
pub mod network;
pub mod testkit;
