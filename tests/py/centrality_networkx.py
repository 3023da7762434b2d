"""Recompute kurilnet's centrality with networkx from the GraphML exports and
compare node by node.

Usage: centrality_networkx.py FULL.graphml ACTORS.graphml CENTRALITY.csv
FULL.graphml is the whole graph (documents and mentioned_in edges are dropped
here, as kurilnet does); ACTORS.graphml is the actor network (persons and
states; co_attended, met_side and proposal_exchange edges, read as undirected). Parallel edges are merged with summed weights.
Prints the largest absolute difference per network and measure; exits
non-zero listing every mismatch. Exact measures must agree within 1e-9,
power-iteration ones (eigenvector, PageRank) within 1e-6. A cell kurilnet
leaves empty (undefined) must be one of the documented cases."""

import csv
import sys

import networkx as nx

EXACT, ITERATIVE = 1e-9, 1e-6
full_path, actors_path, csv_path = sys.argv[1:4]
errors = []


def collapse(multi, directed, keep_node, keep_edge):
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(n for n, d in multi.nodes(data=True) if keep_node(d))
    for s, t, d in multi.edges(data=True):
        if s == t or s not in G or t not in G or not keep_edge(d):
            continue
        w = float(d.get("weight", 1.0))
        if G.has_edge(s, t):
            G[s][t]["weight"] += w
        else:
            G.add_edge(s, t, weight=w)
    return G


def measures(G):
    """Every measure kurilnet writes, computed with networkx's own functions and defaults."""
    directed = G.is_directed()
    m = {
        "in_degree": dict(G.in_degree()) if directed else dict(G.degree()),
        "out_degree": dict(G.out_degree()) if directed else dict(G.degree()),
        "degree": dict(G.degree()),
        "weighted_in_degree": dict(G.in_degree(weight="weight")) if directed else dict(G.degree(weight="weight")),
        "weighted_out_degree": dict(G.out_degree(weight="weight")) if directed else dict(G.degree(weight="weight")),
        "weighted_degree": dict(G.degree(weight="weight")),
        "degree_centrality": nx.degree_centrality(G),
        "betweenness": nx.betweenness_centrality(G),
        "closeness": nx.closeness_centrality(G),
        "harmonic": nx.harmonic_centrality(G),
    }
    try:
        m["eigenvector"] = nx.eigenvector_centrality(G, weight="weight", max_iter=100, tol=1e-6)
    except (nx.PowerIterationFailedConvergence, nx.NetworkXPointlessConcept):
        m["eigenvector"] = None
    try:
        m["pagerank"] = nx.pagerank(G, alpha=0.85, weight="weight")
    except nx.PowerIterationFailedConvergence:
        m["pagerank"] = None
    return m


def undefined_ok(G, measure, node, nx_values):
    """Whether kurilnet may call this value undefined (and why networkx still gives a number)."""
    if measure == "closeness":
        reached = G.in_degree(node) > 0 if G.is_directed() else G.degree(node) > 0
        return not reached and nx_values[node] == 0.0
    if measure == "eigenvector":
        acyclic = G.is_directed() and nx.is_directed_acyclic_graph(G)
        return nx_values is None or G.number_of_edges() == 0 or acyclic
    if measure == "degree_centrality":
        return G.number_of_nodes() == 1
    if measure == "pagerank":
        return nx_values is None
    return False


full_multi = nx.read_graphml(full_path)
actors_multi = nx.read_graphml(actors_path)
networks = {
    "full": collapse(full_multi, True, lambda d: d.get("kind") != "document", lambda d: d.get("relation") != "mentioned_in"),
    "actors": collapse(actors_multi, False, lambda d: d.get("kind") in ("person", "state"),
                       lambda d: d.get("relation") in ("co_attended", "met_side", "proposal_exchange")),
}
rows = {}
with open(csv_path, newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        rows.setdefault(r["network"], {})[r["id"]] = r

names = [c for c in csv.DictReader(open(csv_path, encoding="utf-8")).fieldnames
         if c not in ("id", "label", "kind", "network", "period", "community", "note") and not c.startswith("rank_")]
print(f"networkx {nx.__version__}")
for net, G in networks.items():
    ours = rows.get(net, {})
    if set(ours) != set(G.nodes):
        errors.append(f"{net}: node sets differ: only kurilnet {sorted(set(ours) - set(G.nodes))[:5]}, "
                      f"only networkx {sorted(set(G.nodes) - set(ours))[:5]}")
        continue
    nxm = measures(G)
    summary = []
    for name in names:
        tol = ITERATIVE if name in ("eigenvector", "pagerank") else EXACT
        vals = nxm[name]
        worst, compared, undefined = 0.0, 0, 0
        for node in G.nodes:
            cell = ours[node][name]
            if cell == "":
                undefined += 1
                if not undefined_ok(G, name, node, vals):
                    errors.append(f"{net} {name} {node}: kurilnet says undefined, networkx gives "
                                  f"{None if vals is None else vals[node]}")
                continue
            if vals is None:
                errors.append(f"{net} {name} {node}: networkx did not converge, kurilnet gives {cell}")
                continue
            diff = abs(float(cell) - float(vals[node]))
            worst = max(worst, diff)
            compared += 1
            if diff > tol:
                errors.append(f"{net} {name} {node}: kurilnet {cell} vs networkx {vals[node]!r} (diff {diff:.3g})")
        summary.append(f"  {name:<20} {worst:9.2e} {compared:9d} {undefined:10d}")
    print(f"{net}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    if G.number_of_nodes():
        print(f"  {'measure':<20} {'max|diff|':>9} {'compared':>9} {'undefined':>10}")
        print("\n".join(summary))

if errors:
    print("\n".join(errors[:50]), file=sys.stderr)
    sys.exit(1)
