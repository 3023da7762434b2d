"""Time python-igraph's betweenness and closeness on an edge list (for
benches/centrality.rs). Usage: bench_igraph.py EDGES.tsv N directed|undirected
Prints the two times and, last, their sum in seconds."""

import sys
import time

import igraph

path, n, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(path, encoding="utf-8") as f:
    edges = [tuple(map(int, line.split())) for line in f]
g = igraph.Graph(n=n, edges=edges, directed=(mode == "directed"))
t = time.perf_counter()
g.betweenness(directed=True)
tb = time.perf_counter() - t
t = time.perf_counter()
g.closeness(mode="in")
tc = time.perf_counter() - t
print(f"igraph {igraph.__version__}: betweenness {tb:.3f} s, closeness {tc:.3f} s, total {tb + tc:.3f}")
