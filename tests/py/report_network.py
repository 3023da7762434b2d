"""Drive report.html in headless Chromium through Selenium and check the
interactive network view against graph.json (read here independently).

Usage: report_network.py MODE OUT_DIR SHOT_DIR
  MODE full:  every check (the seeds report): node count, time slider, click
              for evidence (node and edge), search, top-15 labels, screenshots
              of each diagram and of the standalone SVGs.
  MODE large: node count, time slider, and timings (printed, not asserted).
OUT_DIR holds report.html, graph.json and the SVGs. Exits non-zero listing
every failed check; prints `timing: …` lines."""

import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

mode, out_dir, shot_dir = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(shot_dir, exist_ok=True)
errors = []


def check(cond, msg):
    if not cond:
        errors.append(msg)
    return cond


def browser():
    opts = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
              "--window-size=1400,1000", "--disable-background-networking", "--disable-component-update",
              "--no-first-run", "--force-device-scale-factor=1"]:
        opts.add_argument(a)
    for b in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]:
        if os.path.exists(b):
            opts.binary_location = b
            break
    driver = os.environ.get("KURILNET_CHROMEDRIVER", "/usr/bin/chromedriver")
    return webdriver.Chrome(service=Service(executable_path=driver), options=opts)


# ---- expectations from graph.json, computed here (not by the page) ----
g = json.load(open(os.path.join(out_dir, "graph.json"), encoding="utf-8"))
nodes = {n["id"]: n for n in g["nodes"] if n["kind"] != "document"}
dated_kinds = {"meeting", "proposal"}


def year_of(n):
    s = n.get("attrs", {}).get("start")
    return int(str(s)[:4]) if s else None


active = {nid: year_of(n) for nid, n in nodes.items() if n["kind"] in dated_kinds and year_of(n) is not None}
first = dict(active)
for e in g["edges"]:
    if e["relation"] == "mentioned_in":
        continue
    for me, other in ((e["source"], e["target"]), (e["target"], e["source"])):
        if other in first and me in nodes and nodes[me]["kind"] not in dated_kinds:
            active[me] = min(active.get(me, 9999), first[other])


def expected_visible(year):
    return {nid for nid in nodes if active.get(nid) is None or active[nid] <= year}


JS_VISIBLE = ("return Array.from(document.querySelectorAll('#net-svg .node'))"
              ".filter(e => getComputedStyle(e).display !== 'none').map(e => e.getAttribute('data-id'));")

d = browser()
try:
    t0 = time.time()
    d.get("file://" + os.path.abspath(os.path.join(out_dir, "report.html")))
    WebDriverWait(d, 60).until(lambda x: x.find_element(By.ID, "net-svg").get_attribute("data-ready") == "1")
    ready_ms = float(d.find_element(By.ID, "net-svg").get_attribute("data-ready-ms"))
    print(f"timing: {len(nodes)} nodes: page loaded and interactive after {ready_ms:.0f} ms "
          f"(script done; {1000 * (time.time() - t0):.0f} ms wall incl. driver)")

    # Node elements.
    count = d.execute_script("return document.querySelectorAll('#net-svg .node').length;")
    check(count == len(nodes), f"{count} node elements, graph.json has {len(nodes)} non-document nodes")

    if mode == "full":
        # Labels of the 15 most central nodes (degree, ties by id) at the initial view.
        def degree(n):
            v = n.get("attrs", {}).get("extra", {}).get("degree")
            return v if isinstance(v, (int, float)) else 0
        top = sorted(nodes.values(), key=lambda n: (-degree(n), n["id"]))[:15]
        boxes = d.execute_script("""
            const ids = arguments[0], svg = document.getElementById('net-svg'), scale = svg.getScreenCTM().a;
            return ids.map(id => {
              const n = svg.querySelector('.node[data-id="' + CSS.escape(id) + '"]');
              const t = n && svg.querySelector('.lbl[data-i="' + n.getAttribute('data-i') + '"]');
              if (!t) return {id: id, missing: true};
              const r = t.getBoundingClientRect();
              return {id: id, px: parseFloat(getComputedStyle(t).fontSize) * scale, h: r.height,
                      x0: r.left, y0: r.top, x1: r.right, y1: r.bottom, text: t.textContent};
            });""", [n["id"] for n in top])
        for b in boxes:
            if check(not b.get("missing"), f"top node {b['id']} has no label at the initial view"):
                check(b["px"] >= 10 and b["h"] >= 10, f"label of {b['id']} renders at {b['px']:.1f} px (box {b['h']:.1f} px)")
        placed = [b for b in boxes if not b.get("missing")]
        for i, a in enumerate(placed):
            for b in placed[i + 1:]:
                overlap = a["x0"] < b["x1"] and b["x0"] < a["x1"] and a["y0"] < b["y1"] and b["y0"] < a["y1"]
                check(not overlap, f"labels overlap: {a['text']!r} and {b['text']!r}")
        d.find_element(By.ID, "net").screenshot(os.path.join(shot_dir, "report-network.png"))

    # Time slider: HOME = first year; the visible nodes are those active by then.
    slider = d.find_element(By.ID, "net-year")
    lo, hi = int(slider.get_attribute("min")), int(slider.get_attribute("max"))
    slider.send_keys(Keys.HOME)
    shown = set(d.execute_script(JS_VISIBLE))
    check(shown == expected_visible(lo), f"year {lo}: {len(shown)} nodes shown, expected {len(expected_visible(lo))}; "
          f"extra {sorted(shown - expected_visible(lo))[:5]} missing {sorted(expected_visible(lo) - shown)[:5]}")
    steps = (lo + hi) // 2 - lo
    for _ in range(steps):
        slider.send_keys(Keys.ARROW_RIGHT)
    mid = lo + steps
    shown_mid = set(d.execute_script(JS_VISIBLE))
    check(shown_mid == expected_visible(mid), f"year {mid}: {len(shown_mid)} nodes shown, expected {len(expected_visible(mid))}")
    check(len(shown) < len(shown_mid) < len(nodes), f"the slider changes what is shown: {len(shown)}, {len(shown_mid)}, {len(nodes)}")
    label = d.find_element(By.ID, "net-year-label").text
    check(label == f"up to {mid}", f"year label {label!r}")
    if mode == "full":
        d.find_element(By.ID, "net").screenshot(os.path.join(shot_dir, f"report-network-{mid}.png"))
    # Cost of one slider step on this page (printed only).
    ms = d.execute_script("""const s = document.getElementById('net-year'), t = performance.now();
        s.value = String(+s.min + 1); s.dispatchEvent(new Event('input')); return performance.now() - t;""")
    print(f"timing: {len(nodes)} nodes: one slider step redraws in {ms:.1f} ms")
    slider.send_keys(Keys.END)
    check(len(d.execute_script(JS_VISIBLE)) == len(nodes), "END shows all years")

    # Zoomed in, more nodes get labels, still without overlaps.
    for _ in range(2):
        d.find_element(By.ID, "net-zoom-in").click()
    time.sleep(0.3)
    rects = d.execute_script("""return Array.from(document.querySelectorAll('#net-svg .lbl, #net-svg .zoom-labels text'))
        .filter(t => getComputedStyle(t).display !== 'none').map(t => { const r = t.getBoundingClientRect();
        return [r.left, r.top, r.right, r.bottom, t.textContent]; }).filter(r => r[2] > r[0]);""")
    added = d.execute_script("return document.querySelectorAll('#net-svg .zoom-labels text').length;")
    check(added > 0, "zooming in labels more nodes")
    bad = [(a[4], b[4]) for i, a in enumerate(rects) for b in rects[i + 1:]
           if a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5]
    check(not bad, f"{len(bad)} overlapping labels when zoomed in, e.g. {bad[:3]}")
    d.find_element(By.ID, "net").screenshot(os.path.join(shot_dir, f"report-network-zoomed-{mode}.png"))
    d.find_element(By.ID, "net-reset").click()
    check(d.execute_script("return document.querySelectorAll('#net-svg .zoom-labels text').length;") == 0,
          "reset view drops the extra labels")

    if mode == "full":
        # Filters: without meetings no meeting shows, nor a tie to one; without JP no Japanese node.
        cb = d.find_element(By.CSS_SELECTOR, '#net input[data-kind="meeting"]')
        cb.click()
        shown = set(d.execute_script(JS_VISIBLE))
        check(shown == {nid for nid, n in nodes.items() if n["kind"] != "meeting"}, f"kind filter: {len(shown)} shown")
        cb.click()
        cb = d.find_element(By.CSS_SELECTOR, '#net input[data-side="jp"]')
        cb.click()
        shown = set(d.execute_script(JS_VISIBLE))
        jp = {nid for nid, n in nodes.items() if n.get("attrs", {}).get("country") == "JP"}
        check(jp and not (shown & jp) and len(shown) < len(nodes), f"side filter: {len(shown & jp)} Japanese nodes still shown")
        cb.click()
        check(len(d.execute_script(JS_VISIBLE)) == len(nodes), "filters off: every node shows")

        # Click a node: its evidence sentence shows.
        pid = "vladimir-putin"
        check(pid in nodes, "Putin in graph.json")
        el = d.find_element(By.CSS_SELECTOR, f'#net-svg .node[data-id="{pid}"]')
        ActionChains(d).move_to_element(el).click().perform()
        info = d.find_element(By.ID, "net-info").text
        sentence = nodes[pid]["evidence"][0]["text"]
        check(sentence[:60] in info, f"clicking {pid} shows its evidence; panel: {info[:200]!r}")
        check(nodes[pid]["evidence"][0]["doc"] in info, "the evidence names its document")
        # Click an edge of Putin's (via the tie link in the panel) shows the edge's evidence.
        link = d.find_elements(By.CSS_SELECTOR, "#net-info .ties a")
        if check(len(link) > 0, "the panel lists Putin's ties"):
            link[0].click()
            info2 = d.find_element(By.ID, "net-info").text
            check("evidence record" in info2 and "Vladimir Putin" in info2, f"edge evidence shown: {info2[:200]!r}")
        d.find_element(By.ID, "net").screenshot(os.path.join(shot_dir, "report-network-selected.png"))

        # Search a name: matching nodes are highlighted, others not.
        box = d.find_element(By.ID, "net-search")
        box.send_keys("putin")
        hits = d.execute_script("return Array.from(document.querySelectorAll('#net-svg .node.hit')).map(e => e.getAttribute('data-id'));")
        want = {nid for nid, n in nodes.items() if "putin" in n["label"].lower() or "putin" in nid}
        check(set(hits) == want and pid in hits, f"search 'putin' highlights {sorted(hits)}, expected {sorted(want)}")
        stroke = d.execute_script(f"return getComputedStyle(document.querySelector('#net-svg .node[data-id=\"{pid}\"]')).strokeWidth;")
        check(stroke == "3px", f"a hit is drawn with a ring (stroke {stroke})")
        d.find_element(By.ID, "net").screenshot(os.path.join(shot_dir, "report-network-search.png"))
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(Keys.DELETE)

        # The other diagrams in the report, and the standalone SVGs.
        figs = d.find_elements(By.CSS_SELECTOR, ".figure")
        files = [f.get_attribute("data-file") for f in figs]
        check(files == ["timeline.svg", "lineage.svg"], f"report figures {files}")
        for f in figs:
            d.execute_script("arguments[0].scrollIntoView();", f)
            f.screenshot(os.path.join(shot_dir, "report-" + f.get_attribute("data-file").replace(".svg", ".png")))
        d.set_window_size(1600, 1200)
        for name in ["network.svg", "timeline.svg", "lineage.svg"]:
            d.get("file://" + os.path.abspath(os.path.join(out_dir, name)))
            root = d.find_element(By.CSS_SELECTOR, "svg")
            w = d.execute_script("return arguments[0].getBoundingClientRect().width;", root)
            check(abs(w - 1600) < 1, f"{name} is {w} px wide")
            small = d.execute_script("""return Array.from(document.querySelectorAll('text'))
                .map(t => t.getBoundingClientRect().height ? parseFloat(getComputedStyle(t).fontSize) : 99)
                .filter(s => s < 10).length;""")
            check(small == 0, f"{name}: {small} labels below 10 px")
            d.save_screenshot(os.path.join(shot_dir, name.replace(".svg", ".png")))
    print(f"checked {mode}: {len(nodes)} nodes; screenshots in {shot_dir}")
finally:
    d.quit()

if errors:
    print("\n".join("FAIL: " + e for e in errors))
    sys.exit(1)
