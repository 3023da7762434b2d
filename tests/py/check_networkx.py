"""Read kurilnet's GraphML, GEXF and node-link JSON with networkx and compare
them with the facts the Rust test expects. Usage: check_networkx.py DIR EXPECTED.json
Prints one line of counts per format; exits non-zero listing every mismatch."""

import json
import math
import sys

import networkx as nx

out_dir, expected_path = sys.argv[1], sys.argv[2]
exp = json.load(open(expected_path, encoding="utf-8"))
errors = []


def check(fmt, cond, msg):
    if not cond:
        errors.append(f"{fmt}: {msg}")


def edge_index(G):
    return {(s, t, d.get("relation")): d for s, t, d in G.edges(data=True)}


def compare(fmt, G, spells=False):
    check(fmt, G.is_directed(), "graph is not directed")
    check(fmt, G.number_of_nodes() == len(exp["nodes"]), f"{G.number_of_nodes()} nodes, expected {len(exp['nodes'])}")
    check(fmt, G.number_of_edges() == len(exp["edges"]), f"{G.number_of_edges()} edges, expected {len(exp['edges'])}")
    for nid, e in exp["nodes"].items():
        if nid not in G:
            errors.append(f"{fmt}: node {nid!r} missing")
            continue
        d = G.nodes[nid]
        for k in ("label", "kind", "start"):
            if k in e:
                check(fmt, d.get(k) == e[k], f"node {nid!r} {k} {d.get(k)!r} != {e[k]!r}")
        check(fmt, type(d.get("evidence_count")) is int and d["evidence_count"] == e["evidence_count"],
              f"node {nid!r} evidence_count {d.get('evidence_count')!r}")
        if "pagerank" in e:
            check(fmt, isinstance(d.get("pagerank"), float) and math.isclose(d["pagerank"], e["pagerank"]),
                  f"node {nid!r} pagerank {d.get('pagerank')!r}")
        if "degree" in e:
            check(fmt, type(d.get("degree")) is int and d["degree"] == e["degree"], f"node {nid!r} degree {d.get('degree')!r}")
        if spells:
            want = [tuple(e["spell"])] if "spell" in e else None
            check(fmt, d.get("spells") == want, f"node {nid!r} spells {d.get('spells')!r} != {want!r}")
    got = edge_index(G)
    for e in exp["edges"]:
        key = (e["source"], e["target"], e["relation"])
        d = got.get(key)
        if d is None:
            errors.append(f"{fmt}: edge {key} missing")
            continue
        check(fmt, isinstance(d.get("weight"), float) and d["weight"] == e["weight"], f"edge {key} weight {d.get('weight')!r}")
        if "evidence_count" in d or fmt != "gexf":
            check(fmt, d.get("evidence_count") == e["evidence_count"], f"edge {key} evidence_count {d.get('evidence_count')!r}")
        if spells:
            want = [tuple(e["spell"])] if "spell" in e else None
            check(fmt, d.get("spells") == want, f"edge {key} spells {d.get('spells')!r} != {want!r}")
    print(f"networkx {nx.__version__} {fmt}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")


compare("graphml", nx.read_graphml(f"{out_dir}/graph.graphml"))
G = nx.read_graphml(f"{out_dir}/graph.graphml")
check("graphml", G.graph.get("documents") == exp["documents"], f"graph documents {G.graph.get('documents')!r}")
compare("gexf", nx.read_gexf(f"{out_dir}/graph.gexf", version="1.3"), spells=True)
with open(f"{out_dir}/graph.nodelink.json", encoding="utf-8") as f:
    data = json.load(f)
compare("nodelink", nx.node_link_graph(data, edges="links"))

if errors:
    print("\n".join(errors), file=sys.stderr)
    sys.exit(1)
