//! Analyses of the extracted graph: centrality, proposal lineage and comparison
//! of proposal paths. Analyses read the graph; they never change what was extracted.
