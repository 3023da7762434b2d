//! Layout of diagrams in Rust, so no output needs Graphviz: the ForceAtlas2
//! force-directed layout for networks, and label placement without overlaps.

pub mod forceatlas2;
pub mod labels;
