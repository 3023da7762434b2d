//! ForceAtlas2, the force-directed layout of Gephi, after
//! Jacomy, M., Venturini, T., Heymann, S. & Bastian, M. (2014). ForceAtlas2, a
//! continuous graph layout algorithm for handy network visualization designed
//! for the Gephi software. *PLoS ONE* 9(6): e98679.
//! <https://doi.org/10.1371/journal.pone.0098679>
//!
//! Forces (section "Anatomy of ForceAtlas2" of the paper):
//! * repulsion between every pair, `k_r (deg₁+1)(deg₂+1) / d`, approximated
//!   with a Barnes–Hut quadtree (θ = 1.2, as in Gephi) so one iteration costs
//!   O(n log n);
//! * attraction along every edge, `w^δ · d` (linear; δ the edge-weight influence);
//! * gravity towards the centre, `k_g (deg+1)`, which keeps components together;
//! * adaptive speed from global swinging and traction, and a local speed per node.
//!
//! A final phase switches on the paper's "prevent overlapping" option: node
//! radii count in the repulsion, so drawn nodes do not cover each other.
//!
//! The result is deterministic: initial positions come from a seeded
//! xorshift generator, the number of iterations is fixed and every sum runs
//! in a fixed order on one thread (the same input gives the same bits).

/// Settings of a run. [`Settings::for_size`] gives the paper's defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Iterations of the main phase.
    pub iterations: usize,
    /// Iterations of the anti-overlap phase that follows.
    pub overlap_iterations: usize,
    /// Repulsion scaling `k_r` (Gephi: 10 below 100 nodes, 2 above).
    pub scaling: f64,
    /// Gravity `k_g`.
    pub gravity: f64,
    /// The paper's "stronger gravity": gravity grows with the distance to the
    /// centre, so separate components stay near the main one instead of drifting off.
    pub strong_gravity: bool,
    /// Barnes–Hut opening criterion θ: a region of side `s` at distance `d` counts as one body when `s/d < θ`.
    pub theta: f64,
    /// Edge-weight influence δ: attraction grows as `weight^δ` (0 ignores weights).
    pub edge_weight_influence: f64,
    /// Jitter tolerance τ of the adaptive speed (1 in the paper).
    pub jitter_tolerance: f64,
    /// Seed of the initial positions.
    pub seed: u64,
}

impl Settings {
    /// Gephi's defaults for a graph of `n` nodes, with enough iterations to
    /// settle, and strong gravity at 1/100 of the repulsion scaling (components
    /// pack around the main one; tried on the seeds against 1/20 and 1/500).
    pub fn for_size(n: usize) -> Settings {
        let scaling = if n < 100 { 10.0 } else { 2.0 };
        Settings {
            // Fewer steps on large graphs: the adaptive speed settles them sooner relative to their size.
            iterations: match n {
                0..=500 => 600,
                501..=1000 => 300,
                _ => 200,
            },
            overlap_iterations: if n <= 1000 { 60 } else { 40 },
            scaling,
            gravity: scaling / 100.0,
            strong_gravity: true,
            theta: 1.2,
            edge_weight_influence: 0.5,
            jitter_tolerance: 1.0,
            seed: 1,
        }
    }
}

/// One node in the simulation.
#[derive(Clone, Copy, Debug, Default)]
struct Body {
    x: f64,
    y: f64,
    dx: f64,
    dy: f64,
    old_dx: f64,
    old_dy: f64,
    mass: f64,
    size: f64,
}

/// A square of the Barnes–Hut quadtree: its total mass and centre of mass,
/// and either four children or the bodies inside it.
struct Region {
    size: f64,
    mass: f64,
    cx: f64,
    cy: f64,
    children: Option<[usize; 4]>,
    bodies: Vec<usize>,
}

/// Quadtree over the bodies, rebuilt every iteration.
struct Tree {
    regions: Vec<Region>,
}

/// Depth after which coincident bodies share one leaf.
const MAX_DEPTH: usize = 24;

impl Tree {
    fn build(bodies: &[Body]) -> Tree {
        let mut t = Tree { regions: Vec::with_capacity(bodies.len() * 2) };
        if bodies.is_empty() {
            return t;
        }
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for b in bodies {
            x0 = x0.min(b.x);
            y0 = y0.min(b.y);
            x1 = x1.max(b.x);
            y1 = y1.max(b.y);
        }
        let size = (x1 - x0).max(y1 - y0).max(1e-9);
        let all: Vec<usize> = (0..bodies.len()).collect();
        t.region(bodies, all, x0, y0, size, 0);
        t
    }

    /// Add the region of side `size` at `(x0, y0)` holding `members`; returns its index.
    fn region(&mut self, bodies: &[Body], members: Vec<usize>, x0: f64, y0: f64, size: f64, depth: usize) -> usize {
        let mass: f64 = members.iter().map(|&i| bodies[i].mass).sum();
        let cx = members.iter().map(|&i| bodies[i].x * bodies[i].mass).sum::<f64>() / mass;
        let cy = members.iter().map(|&i| bodies[i].y * bodies[i].mass).sum::<f64>() / mass;
        let at = self.regions.len();
        self.regions.push(Region { size, mass, cx, cy, children: None, bodies: Vec::new() });
        if members.len() <= 1 || depth >= MAX_DEPTH {
            self.regions[at].bodies = members;
            return at;
        }
        let half = size / 2.0;
        let mut quads: [Vec<usize>; 4] = Default::default();
        for i in members {
            let right = bodies[i].x >= x0 + half;
            let below = bodies[i].y >= y0 + half;
            quads[usize::from(right) + 2 * usize::from(below)].push(i);
        }
        let mut children = [usize::MAX; 4];
        for (q, members) in quads.into_iter().enumerate() {
            if members.is_empty() {
                continue;
            }
            let qx = x0 + if q % 2 == 1 { half } else { 0.0 };
            let qy = y0 + if q >= 2 { half } else { 0.0 };
            children[q] = self.region(bodies, members, qx, qy, half, depth + 1);
        }
        self.regions[at].children = Some(children);
        at
    }
}

/// Repulsion force on body `i` from a mass `m` at `(x, y)` (Gephi's `linRepulsion`).
#[inline]
fn repulse(b: &Body, x: f64, y: f64, m: f64, k: f64, sizes: Option<f64>) -> (f64, f64) {
    let (dx, dy) = (b.x - x, b.y - y);
    let d2 = dx * dx + dy * dy;
    match sizes {
        None => {
            if d2 <= 0.0 {
                return (0.0, 0.0);
            }
            let f = k * b.mass * m / d2;
            (dx * f, dy * f)
        }
        // Anti-collision: the distance is measured between the rims.
        Some(other_size) => {
            let gap = d2.sqrt() - b.size - other_size;
            let f = if gap > 0.0 { k * b.mass * m / (gap * gap) } else { 100.0 * k * b.mass * m };
            (dx * f, dy * f)
        }
    }
}

/// Repulsion on body `i` from the tree (Barnes–Hut).
fn tree_force(tree: &Tree, bodies: &[Body], i: usize, s: &Settings, overlap: bool) -> (f64, f64) {
    let (mut fx, mut fy) = (0.0, 0.0);
    let mut stack = vec![0usize];
    let b = &bodies[i];
    while let Some(r) = stack.pop() {
        let reg = &tree.regions[r];
        match reg.children {
            None => {
                for &j in &reg.bodies {
                    if j == i {
                        continue;
                    }
                    let o = &bodies[j];
                    let (x, y) = repulse(b, o.x, o.y, o.mass, s.scaling, overlap.then_some(o.size));
                    fx += x;
                    fy += y;
                }
            }
            Some(children) => {
                let d = ((b.x - reg.cx).powi(2) + (b.y - reg.cy).powi(2)).sqrt();
                if d > 0.0 && reg.size / d < s.theta {
                    let (x, y) = repulse(b, reg.cx, reg.cy, reg.mass, s.scaling, None);
                    fx += x;
                    fy += y;
                } else {
                    stack.extend(children.iter().copied().filter(|&c| c != usize::MAX));
                }
            }
        }
    }
    (fx, fy)
}

/// Lay out a graph of `n` nodes with ForceAtlas2.
///
/// # Arguments
/// * `n`: number of nodes (indices `0..n`).
/// * `edges`: `(a, b, weight)`, undirected; self-loops and out-of-range ends are ignored.
/// * `radii`: drawn radius of each node, in layout units; used only by the
///   anti-overlap phase (empty: no such phase). See [`Simulation`] to size
///   them after the main phase.
/// * `s`: settings.
///
/// Returns one `[x, y]` per node (arbitrary units, centred near the origin).
///
/// # Complexity
/// Time O(iterations · (n log n + |E|)), space O(n + |E|).
///
/// # Example
/// ```
/// use kurilnet::layout::forceatlas2::{Settings, layout};
/// // A path 0–1–2 and a lone node 3.
/// let pos = layout(4, &[(0, 1, 1.0), (1, 2, 1.0)], &[], &Settings::for_size(4));
/// let d = |a: usize, b: usize| ((pos[a][0] - pos[b][0]).powi(2) + (pos[a][1] - pos[b][1]).powi(2)).sqrt();
/// assert!(d(0, 1) < d(0, 2), "neighbours sit closer than the ends of the path");
/// assert_eq!(pos, layout(4, &[(0, 1, 1.0), (1, 2, 1.0)], &[], &Settings::for_size(4)), "deterministic");
/// ```
pub fn layout(n: usize, edges: &[(usize, usize, f64)], radii: &[f64], s: &Settings) -> Vec<[f64; 2]> {
    let mut sim = Simulation::new(n, edges, s.clone());
    sim.run(s.iterations);
    if !radii.is_empty() && s.overlap_iterations > 0 {
        sim.prevent_overlap(radii, s.overlap_iterations);
    }
    sim.positions()
}

/// A ForceAtlas2 run that can be continued: the main phase, then (once the
/// caller knows the scale it will draw at) the anti-overlap phase.
pub struct Simulation {
    bodies: Vec<Body>,
    edges: Vec<(usize, usize, f64)>,
    settings: Settings,
    speed: Speed,
}

impl Simulation {
    /// Seeded initial positions for `n` nodes; see [`layout`] for the arguments.
    pub fn new(n: usize, edges: &[(usize, usize, f64)], s: Settings) -> Simulation {
        let edges: Vec<(usize, usize, f64)> = edges
            .iter()
            .filter(|(a, b, _)| a != b && *a < n && *b < n)
            .map(|&(a, b, w)| {
                (a, b, if s.edge_weight_influence == 0.0 { 1.0 } else { w.max(0.0).powf(s.edge_weight_influence) })
            })
            .collect();
        let mut degree = vec![0usize; n];
        for &(a, b, _) in &edges {
            degree[a] += 1;
            degree[b] += 1;
        }
        let mut rng = crate::analysis::testkit::Rng::new(s.seed);
        let spread = 10.0 * (n as f64).sqrt().max(1.0);
        let mut unit = || (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        let bodies: Vec<Body> = (0..n)
            .map(|i| Body {
                x: if n < 2 { 0.0 } else { (unit() - 0.5) * 2.0 * spread },
                y: if n < 2 { 0.0 } else { (unit() - 0.5) * 2.0 * spread },
                mass: degree[i] as f64 + 1.0,
                ..Body::default()
            })
            .collect();
        Simulation { bodies, edges, settings: s, speed: Speed { speed: 1.0, efficiency: 1.0 } }
    }

    /// Run `iterations` steps of the main phase.
    pub fn run(&mut self, iterations: usize) {
        if self.bodies.len() < 2 {
            return;
        }
        for _ in 0..iterations {
            step(&mut self.bodies, &self.edges, &self.settings, &mut self.speed, false);
        }
    }

    /// Run `iterations` steps with node radii (layout units) counted, so drawn nodes do not overlap.
    pub fn prevent_overlap(&mut self, radii: &[f64], iterations: usize) {
        if self.bodies.len() < 2 {
            return;
        }
        for (b, r) in self.bodies.iter_mut().zip(radii) {
            b.size = *r;
        }
        for _ in 0..iterations {
            step(&mut self.bodies, &self.edges, &self.settings, &mut self.speed, true);
        }
    }

    /// Current positions.
    pub fn positions(&self) -> Vec<[f64; 2]> {
        self.bodies.iter().map(|b| [b.x, b.y]).collect()
    }

    /// The larger side of the positions' bounding box.
    pub fn extent(&self) -> f64 {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for b in &self.bodies {
            x0 = x0.min(b.x);
            y0 = y0.min(b.y);
            x1 = x1.max(b.x);
            y1 = y1.max(b.y);
        }
        (x1 - x0).max(y1 - y0).max(1e-9)
    }
}

/// Global speed and speed efficiency of the adaptive-speed scheme.
struct Speed {
    speed: f64,
    efficiency: f64,
}

/// One iteration: forces, then the adaptive move.
fn step(bodies: &mut [Body], edges: &[(usize, usize, f64)], s: &Settings, speed: &mut Speed, overlap: bool) {
    for b in bodies.iter_mut() {
        b.old_dx = b.dx;
        b.old_dy = b.dy;
        b.dx = 0.0;
        b.dy = 0.0;
    }
    let tree = Tree::build(bodies);
    // Each node's force is summed in a fixed order, so the parallel map gives the same bits on any thread count.
    use rayon::prelude::*;
    let forces: Vec<(f64, f64)> =
        (0..bodies.len()).into_par_iter().map(|i| tree_force(&tree, bodies, i, s, overlap)).collect();
    for (b, (fx, fy)) in bodies.iter_mut().zip(forces) {
        b.dx += fx;
        b.dy += fy;
        // Gravity: magnitude k_g · mass towards the origin (strong: times the distance).
        let d = (b.x * b.x + b.y * b.y).sqrt();
        if d > 0.0 {
            let f = if s.strong_gravity { s.gravity * b.mass } else { s.gravity * b.mass / d };
            b.dx -= b.x * f;
            b.dy -= b.y * f;
        }
    }
    for &(a, c, w) in edges {
        let (mut dx, mut dy) = (bodies[a].x - bodies[c].x, bodies[a].y - bodies[c].y);
        if overlap {
            // With sizes, attraction acts only between the rims.
            let d = (dx * dx + dy * dy).sqrt();
            let gap = d - bodies[a].size - bodies[c].size;
            if gap <= 0.0 || d == 0.0 {
                continue;
            }
            dx *= gap / d;
            dy *= gap / d;
        }
        bodies[a].dx -= dx * w;
        bodies[a].dy -= dy * w;
        bodies[c].dx += dx * w;
        bodies[c].dy += dy * w;
    }
    adapt_and_move(bodies, s, speed, overlap);
}

/// The paper's adaptive speed: estimate global swinging and traction, derive
/// the global speed, then move each node by its force scaled by its local speed.
fn adapt_and_move(bodies: &mut [Body], s: &Settings, sp: &mut Speed, overlap: bool) {
    let n = bodies.len() as f64;
    let (mut swinging, mut traction) = (0.0, 0.0);
    for b in bodies.iter() {
        swinging += b.mass * ((b.old_dx - b.dx).powi(2) + (b.old_dy - b.dy).powi(2)).sqrt();
        traction += b.mass * 0.5 * ((b.old_dx + b.dx).powi(2) + (b.old_dy + b.dy).powi(2)).sqrt();
    }
    let estimated_jt = 0.05 * n.sqrt();
    let (min_jt, max_jt): (f64, f64) = (estimated_jt.sqrt(), 10.0);
    let mut jt = s.jitter_tolerance * min_jt.max(max_jt.min(estimated_jt * traction / (n * n)));
    let min_efficiency = 0.05;
    if traction > 0.0 && swinging / traction > 2.0 {
        if sp.efficiency > min_efficiency {
            sp.efficiency *= 0.5;
        }
        jt = jt.max(s.jitter_tolerance);
    }
    let target = if swinging > 0.0 { jt * sp.efficiency * traction / swinging } else { sp.speed };
    if swinging > jt * traction {
        if sp.efficiency > min_efficiency {
            sp.efficiency *= 0.7;
        }
    } else if sp.speed < 1000.0 {
        sp.efficiency *= 1.3;
    }
    let max_rise = 0.5;
    sp.speed += (target - sp.speed).min(max_rise * sp.speed);
    for b in bodies.iter_mut() {
        let swing = b.mass * ((b.old_dx - b.dx).powi(2) + (b.old_dy - b.dy).powi(2)).sqrt();
        let mut factor = sp.speed / (1.0 + (sp.speed * swing).sqrt());
        if overlap {
            factor *= 0.1;
            let df = (b.dx * b.dx + b.dy * b.dy).sqrt();
            if df > 0.0 {
                factor = (factor * df).min(10.0) / df;
            }
        }
        if factor.is_finite() {
            b.x += b.dx * factor;
            b.y += b.dy * factor;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(p: &[[f64; 2]], a: usize, b: usize) -> f64 {
        ((p[a][0] - p[b][0]).powi(2) + (p[a][1] - p[b][1]).powi(2)).sqrt()
    }

    #[test]
    fn two_cliques_joined_by_one_edge_lie_apart() {
        // Clique 0..5 and clique 5..10, bridged by 4–5.
        let mut edges = Vec::new();
        for c in [0, 5] {
            for a in c..c + 5 {
                for b in a + 1..c + 5 {
                    edges.push((a, b, 1.0));
                }
            }
        }
        edges.push((4, 5, 1.0));
        let p = layout(10, &edges, &[], &Settings::for_size(10));
        let mean = |r: std::ops::Range<usize>| {
            let (mut s, mut k) = (0.0, 0);
            for a in r.clone() {
                for b in r.clone() {
                    if a < b {
                        s += dist(&p, a, b);
                        k += 1;
                    }
                }
            }
            s / k as f64
        };
        let within = (mean(0..5) + mean(5..10)) / 2.0;
        let across: f64 = (0..5).flat_map(|a| (5..10).map(move |b| (a, b))).map(|(a, b)| dist(&p, a, b)).sum::<f64>() / 25.0;
        assert!(across > 1.5 * within, "across {across:.2} vs within {within:.2}");
        assert!(p.iter().all(|q| q[0].is_finite() && q[1].is_finite()));
    }

    #[test]
    fn the_overlap_phase_separates_drawn_nodes() {
        // A star: the leaves crowd around the hub without the overlap phase.
        let edges: Vec<_> = (1..40).map(|i| (0, i, 1.0)).collect();
        let radii = vec![3.0; 40];
        let p = layout(40, &edges, &radii, &Settings::for_size(40));
        let mut overlaps = 0;
        for a in 0..40 {
            for b in a + 1..40 {
                if dist(&p, a, b) < radii[a] + radii[b] - 1e-6 {
                    overlaps += 1;
                }
            }
        }
        assert!(overlaps <= 2, "{overlaps} overlapping pairs");
    }

    #[test]
    fn degenerate_inputs_give_finite_positions() {
        assert!(layout(0, &[], &[], &Settings::for_size(0)).is_empty());
        assert_eq!(layout(1, &[(0, 0, 1.0)], &[], &Settings::for_size(1)), vec![[0.0, 0.0]]);
        // Out-of-range ends are ignored; zero weights do not break the forces.
        let p = layout(3, &[(0, 7, 1.0), (0, 1, 0.0)], &[1.0; 3], &Settings::for_size(3));
        assert!(p.iter().flatten().all(|v| v.is_finite()));
        assert_ne!(p[0], p[1]);
    }
}
