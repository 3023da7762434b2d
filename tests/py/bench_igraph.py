"""Time python-igraph's betweenness and closeness on an edge list (for
benches/centrality.rs). Usage: bench_igraph.py EDGES.tsv N directed|undirected
Prints the two times (median of 5 runs below 100,000 edges) and, last, their sum in seconds."""

import sys
import time

import igraph

path, n, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(path, encoding="utf-8") as f:
    edges = [tuple(map(int, line.split())) for line in f]
g = igraph.Graph(n=n, edges=edges, directed=(mode == "directed"))
reps = 5 if g.ecount() < 100_000 else 1


def median(f):
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return sorted(times)[len(times) // 2]


tb = median(lambda: g.betweenness(directed=True))
tc = median(lambda: g.closeness(mode="in"))
print(f"igraph {igraph.__version__}: betweenness {tb:.3f} s, closeness {tc:.3f} s, total {tb + tc:.3f}")
