//! kurilnet: extract the network of actors, meetings and proposals of a
//! diplomatic negotiation from a corpus of texts, analyse it and export it for
//! Gephi, Graphviz, networkx and igraph — every node and edge backed by evidence.

pub mod analysis;
pub mod corpus;
pub mod date;
pub mod diagram;
pub mod eval;
pub mod export;
pub mod extract;
pub mod graph;
pub mod layout;
pub mod pipeline;
pub mod report;
pub mod synth;
pub mod timing;
