"""Check kurilnet's two-mode centrality and Louvain communities with networkx.

Usage: two_mode_networkx.py DIR
DIR holds, written by tests/analysis_networkx.rs:
  two_mode_nodes.tsv   id<TAB>1 for persons (top nodes), 0 for meetings
  two_mode_edges.tsv   person<TAB>meeting
  two_mode.csv         kurilnet's centrality.csv rows of the two-mode network
  actor_edges.tsv      a<TAB>b<TAB>weight of the actor network
  actor_nodes.tsv      one actor id per line
  louvain.txt          resolution<TAB>kurilnet's modularity
Compares degree_centrality, betweenness and closeness node by node with
networkx.algorithms.bipartite (max abs difference <= 1e-9; an empty cell of
kurilnet must be a case networkx cannot compute or gives 0 for an isolated
node), and kurilnet's modularity with that of networkx.community.louvain_communities
at the same resolution (mean over seeds 0-4): not more than 1 % below it. Prints the figures;
exits non-zero listing every mismatch."""

import csv
import math
import os
import sys

import networkx as nx
from networkx.algorithms import bipartite

d = sys.argv[1]
errors = []


def lines(name):
    with open(os.path.join(d, name), encoding="utf-8") as f:
        return [l.rstrip("\n").split("\t") for l in f if l.strip()]


B = nx.Graph()
top = []
for node, is_top in lines("two_mode_nodes.tsv"):
    B.add_node(node)
    if is_top == "1":
        top.append(node)
B.add_edges_from(lines("two_mode_edges.tsv"))
ours = {}
with open(os.path.join(d, "two_mode.csv"), newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if r["network"] == "two-mode":
            ours[r["id"]] = r


def safe(f):
    try:
        return f()
    except ZeroDivisionError:
        return None


nxm = {
    "degree_centrality": safe(lambda: bipartite.degree_centrality(B, top)),
    "betweenness": safe(lambda: bipartite.betweenness_centrality(B, top)),
    "closeness": safe(lambda: bipartite.closeness_centrality(B, top)),
}
if set(ours) != set(B.nodes):
    errors.append(f"node sets differ: {sorted(set(ours) ^ set(B.nodes))[:5]}")
print(f"networkx {nx.__version__}; two-mode: {len(top)} persons, {B.number_of_nodes() - len(top)} meetings, {B.number_of_edges()} edges")
for name, vals in nxm.items():
    worst, compared, undefined = 0.0, 0, 0
    for node in B.nodes:
        cell = ours.get(node, {}).get(name, "")
        if cell == "":
            undefined += 1
            ok = vals is None or (name == "closeness" and B.degree(node) == 0 and vals[node] == 0.0)
            if name == "betweenness" and vals is not None and not math.isfinite(vals[node]):
                ok = True
            if not ok:
                errors.append(f"two-mode {name} {node}: kurilnet undefined, networkx {vals[node]}")
            continue
        if vals is None:
            errors.append(f"two-mode {name} {node}: networkx cannot compute it, kurilnet gives {cell}")
            continue
        diff = abs(float(cell) - vals[node])
        worst = max(worst, diff)
        compared += 1
        if diff > 1e-9:
            errors.append(f"two-mode {name} {node}: kurilnet {cell} vs networkx {vals[node]!r}")
    print(f"  {name:<18} max|diff| {worst:.2e}  compared {compared}  undefined {undefined}")

G = nx.Graph()
G.add_nodes_from(l[0] for l in lines("actor_nodes.tsv"))
for a, b, w in lines("actor_edges.tsv"):
    G.add_edge(a, b, weight=float(w))
(res, q_ours), = lines("louvain.txt")
res, q_ours = float(res), float(q_ours)
qs = []
for seed in range(5):
    parts = nx.community.louvain_communities(G, weight="weight", resolution=res, seed=seed)
    qs.append(nx.community.modularity(G, parts, weight="weight", resolution=res) if G.number_of_edges() else 0.0)
q_nx = sum(qs) / len(qs)
rel = (q_ours - q_nx) / abs(q_nx) if q_nx else q_ours
print(f"louvain: {G.number_of_nodes()} actors, {G.number_of_edges()} ties: kurilnet modularity {q_ours:.6f}, "
      f"networkx {q_nx:.6f} (seeds 0-4: {min(qs):.6f}..{max(qs):.6f}), relative difference {rel:+.2%}")
# Within 1 % of networkx's, or better: a higher modularity is a better partition, not a disagreement.
if rel < -0.01:
    errors.append(f"modularity {q_ours} vs networkx {q_nx}: {rel:+.2%}")

if errors:
    print("\n".join(errors[:50]), file=sys.stderr)
    sys.exit(1)
