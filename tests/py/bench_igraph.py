"""Time python-igraph's betweenness and closeness on an edge list (for
benches/centrality.rs) and, given kurilnet's values, check that they agree.

Usage: bench_igraph.py EDGES.tsv N directed|undirected [VALUES.tsv]

EDGES.tsv: one `source<TAB>target` per line (node indices 0..N). VALUES.tsv:
one line per node, `betweenness<TAB>closeness<TAB>harmonic` as kurilnet
computes them (networkx's normalisation; closeness empty where undefined).
Betweenness and closeness are unweighted, closeness over incoming distances
(igraph mode="in"), as kurilnet defines them.

Prints the two times, wall and CPU (median of 5 runs below 100,000 edges,
else one run),
then, with VALUES.tsv, the largest absolute difference per measure after
rescaling igraph's values to networkx's normalisation, and last a line
`total SECONDS` (betweenness + closeness).
"""

import math
import sys
import time

import igraph

path, n, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
directed = mode == "directed"
with open(path, encoding="utf-8") as f:
    edges = [tuple(map(int, line.split())) for line in f]
g = igraph.Graph(n=n, edges=edges, directed=directed)
reps = 5 if g.ecount() < 100_000 else 1


def median(f):
    times, cpu, last = [], time.process_time(), None
    for _ in range(reps):
        t = time.perf_counter()
        last = f()
        times.append(time.perf_counter() - t)
    return sorted(times)[len(times) // 2], (time.process_time() - cpu) / reps, last


tb, cb, bet = median(lambda: g.betweenness(directed=True))
tc, cc, clo = median(lambda: g.closeness(mode="in"))
print(f"igraph {igraph.__version__}: betweenness {tb:.3f} s ({cb:.2f} s CPU), closeness {tc:.3f} s ({cc:.2f} s CPU), one thread")

if len(sys.argv) > 4:
    harm = g.harmonic_centrality(mode="in", normalized=False)
    with open(sys.argv[4], encoding="utf-8") as f:
        ours = [line.rstrip("\n").split("\t") for line in f]
    assert len(ours) == n, f"{len(ours)} value lines for {n} nodes"
    # igraph counts each unordered pair once on an undirected graph; networkx
    # normalises ordered pairs by 1/((n-1)(n-2)).
    scale = (1.0 if directed else 2.0) / ((n - 1) * (n - 2)) if n > 2 else 0.0
    db = max((abs(b * scale - float(o[0])) for b, o in zip(bet, ours)), default=0.0)
    dh = max((abs(h - float(o[2])) for h, o in zip(harm, ours)), default=0.0)
    # igraph's closeness is r / (sum of distances) over the r nodes that reach
    # v (NaN when none does); networkx multiplies by r / (n - 1)
    # (Wasserman–Faust). r = (r / sum) / (1 / sum), from the unnormalised run.
    raw = g.closeness(mode="in", normalized=False)
    dc, undefined = 0.0, 0
    for c, c1, o in zip(clo, raw, ours):
        if math.isnan(c) or o[1] == "":
            undefined += math.isnan(c) != (o[1] == "")
            continue
        r = round(c / c1)
        dc = max(dc, abs(c * r / (n - 1) - float(o[1])))
    print(f"max |igraph - kurilnet|: betweenness {db:.3g}, closeness {dc:.3g}, harmonic {dh:.3g}; "
          f"closeness defined differently on {undefined} nodes")
print(f"total {tb + tc:.3f}")
