"""Read kurilnet's GraphML with python-igraph and compare it with the facts the
Rust test expects. Usage: check_igraph.py DIR EXPECTED.json"""

import json
import math
import sys

import igraph

out_dir, expected_path = sys.argv[1], sys.argv[2]
exp = json.load(open(expected_path, encoding="utf-8"))
errors = []
g = igraph.Graph.Read_GraphML(f"{out_dir}/graph.graphml")

if not g.is_directed():
    errors.append("graph is not directed")
if g.vcount() != len(exp["nodes"]):
    errors.append(f"{g.vcount()} vertices, expected {len(exp['nodes'])}")
if g.ecount() != len(exp["edges"]):
    errors.append(f"{g.ecount()} edges, expected {len(exp['edges'])}")
ids = g.vs["id"]
for v in g.vs:
    e = exp["nodes"].get(v["id"])
    if e is None:
        errors.append(f"unexpected vertex {v['id']!r}")
        continue
    for k in ("label", "kind"):
        if v[k] != e[k]:
            errors.append(f"vertex {v['id']!r} {k} {v[k]!r} != {e[k]!r}")
    if v["evidence_count"] != e["evidence_count"]:
        errors.append(f"vertex {v['id']!r} evidence_count {v['evidence_count']!r}")
    if "pagerank" in e and not (isinstance(v["pagerank"], float) and math.isclose(v["pagerank"], e["pagerank"])):
        errors.append(f"vertex {v['id']!r} pagerank {v['pagerank']!r}")
got = {(ids[x.source], ids[x.target], x["relation"]): x for x in g.es}
for e in exp["edges"]:
    key = (e["source"], e["target"], e["relation"])
    x = got.get(key)
    if x is None:
        errors.append(f"edge {key} missing")
    elif not (isinstance(x["weight"], float) and x["weight"] == e["weight"]):
        errors.append(f"edge {key} weight {x['weight']!r}")
print(f"igraph {igraph.__version__} graphml: {g.vcount()} vertices, {g.ecount()} edges")
if errors:
    print("\n".join(errors), file=sys.stderr)
    sys.exit(1)
