//! The rows the scorer reads from a Gephi CSV export (`nodes.csv`,
//! `edges.csv`): only the contract columns, trimmed, absent columns empty.
//! Reading follows Python's `csv.DictReader` as `score.py` uses it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::EvalError;
use super::norm::py_strip;
use crate::graph::Graph;

/// A node row. `kind` is lower-cased; every other cell is trimmed text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NodeRow {
    pub id: String,
    pub label: String,
    pub kind: String,
    pub country: String,
    pub start: String,
    pub end: String,
    pub status: String,
    pub place: String,
    pub family: String,
    pub proposer: String,
    pub year: String,
}

/// An edge row. `relation` is lower-cased.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EdgeRow {
    pub source: String,
    pub target: String,
    pub relation: String,
}

/// Everything the scorer reads of an export.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Export {
    pub nodes: Vec<NodeRow>,
    pub edges: Vec<EdgeRow>,
}

/// Columns that must be present (when the file has rows).
pub const NODE_REQUIRED: &[&str] = &["Id", "Label", "kind"];
pub const EDGE_REQUIRED: &[&str] = &["Source", "Target", "relation"];

impl Export {
    /// Read `nodes.csv` and `edges.csv` from an export folder.
    pub fn read_dir(dir: &Path) -> Result<Export, EvalError> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path).map(|b| (path.clone(), b)).map_err(|source| EvalError::Io { path, source })
        };
        let (np, nb) = read("nodes.csv")?;
        let (ep, eb) = read("edges.csv")?;
        Export::from_csv((&np, &nb), (&ep, &eb))
    }

    /// Read the two CSV files from memory; the paths only name them in errors.
    pub fn from_csv(nodes: (&Path, &[u8]), edges: (&Path, &[u8])) -> Result<Export, EvalError> {
        let nodes = Table::parse(nodes.0, nodes.1, NODE_REQUIRED)?;
        let edges = Table::parse(edges.0, edges.1, EDGE_REQUIRED)?;
        Ok(Export {
            nodes: nodes
                .rows
                .iter()
                .map(|r| {
                    let c = |name| nodes.cell(r, name).to_string();
                    NodeRow {
                        id: c("Id"),
                        label: c("Label"),
                        kind: nodes.cell(r, "kind").to_lowercase(),
                        country: c("country"),
                        start: c("start"),
                        end: c("end"),
                        status: c("status"),
                        place: c("place"),
                        family: c("family"),
                        proposer: c("proposer"),
                        year: c("year"),
                    }
                })
                .collect(),
            edges: edges
                .rows
                .iter()
                .map(|r| EdgeRow {
                    source: edges.cell(r, "Source").to_string(),
                    target: edges.cell(r, "Target").to_string(),
                    relation: edges.cell(r, "relation").to_lowercase(),
                })
                .collect(),
        })
    }

    /// Render a graph with the Gephi CSV exporter and read it back: exactly
    /// the rows `score.py` would read from `kurilnet run`'s output.
    pub fn from_graph(graph: &Graph) -> anyhow::Result<Export> {
        use crate::export::csv::{edges_csv, nodes_csv};
        let (nodes, edges) = (nodes_csv(graph)?, edges_csv(graph)?);
        Ok(Export::from_csv((Path::new("nodes.csv"), &nodes), (Path::new("edges.csv"), &edges))?)
    }
}

/// A parsed CSV file: column name → index (the last of equal names, as a
/// Python dict keeps it) and the records.
struct Table {
    columns: HashMap<String, usize>,
    rows: Vec<csv::StringRecord>,
}

impl Table {
    fn parse(path: &Path, bytes: &[u8], required: &[&str]) -> Result<Table, EvalError> {
        let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
        let csv_err = |source| EvalError::Csv { path: PathBuf::from(path), source };
        let cut = |detail: String| EvalError::Truncated { path: PathBuf::from(path), detail };
        if let Some(line) = crate::corpus::manifest::unterminated_quote(bytes) {
            return Err(cut(format!("the quoted cell opened on line {line} is never closed")));
        }
        let mut r = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(bytes);
        let mut records = r.records();
        let header: Vec<String> = match records.next() {
            Some(h) => h.map_err(csv_err)?.iter().map(|c| py_strip(c).to_string()).collect(),
            None => Vec::new(),
        };
        let rows = records.collect::<Result<Vec<_>, _>>().map_err(csv_err)?;
        let columns: HashMap<String, usize> = header.iter().enumerate().map(|(i, c)| (c.clone(), i)).collect();
        // A last row shorter than the header, without its line break: the file was cut mid-row.
        if let Some(last) = rows.last().filter(|r| r.len() < header.len())
            && !bytes.ends_with(b"\n")
            && !bytes.ends_with(b"\r")
        {
            let line = last.position().map_or(0, |p| p.line());
            return Err(cut(format!(
                "its last row (line {line}) has {} of the header's {} cells and no line break",
                last.len(),
                header.len()
            )));
        }
        let missing: Vec<&str> = required.iter().copied().filter(|c| !columns.contains_key(*c)).collect();
        // Only a file with no header at all (not even a header row) needs no columns.
        if !header.is_empty() && !missing.is_empty() {
            let mut has: Vec<&str> = Vec::new();
            for c in &header {
                if !has.contains(&c.as_str()) {
                    has.push(c);
                }
            }
            return Err(EvalError::Columns {
                path: path.into(),
                need: required.join(", "),
                missing: missing.join(", "),
                has: has.join(", "),
            });
        }
        Ok(Table { columns, rows })
    }

    fn cell<'a>(&self, row: &'a csv::StringRecord, name: &str) -> &'a str {
        self.columns.get(name).and_then(|&i| row.get(i)).map(py_strip).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(nodes: &str, edges: &str) -> Result<Export, EvalError> {
        Export::from_csv((Path::new("n.csv"), nodes.as_bytes()), (Path::new("e.csv"), edges.as_bytes()))
    }

    #[test]
    fn reads_like_dictreader() {
        let nodes = "\u{feff} Id ,Label,kind,Id\nx, Taro Kono ,PERSON,a\n\n,\nshort\n\"m\",\"Talks, \"\"Moscow\"\"\",meeting,m\n";
        let ex = read(nodes, "Source,Target,relation\n").unwrap();
        let ids: Vec<&str> = ex.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["a", "", "", "m"], "last duplicate column wins; blank lines skipped; short rows padded");
        assert_eq!(ex.nodes[0].label, "Taro Kono");
        assert_eq!(ex.nodes[0].kind, "person");
        assert_eq!(ex.nodes[3].label, "Talks, \"Moscow\"");
        assert_eq!(ex.nodes[0].country, "", "absent column reads empty");
    }

    #[test]
    fn missing_columns_are_named_even_without_rows() {
        assert!(read("", "").is_ok(), "files with no header at all hold nothing to score");
        let e = read("Id,Label\n", "Source,Target,relation\n").unwrap_err().to_string();
        assert!(e.contains("n.csv") && e.contains("missing kind"), "{e}");
        let e = read("Label,country\n", "Source,Target,relation\n").unwrap_err().to_string();
        assert!(e.contains("missing Id, kind"), "{e}");
        let e = read("Id,Label\nx,y\n", "").unwrap_err().to_string();
        assert!(e.contains("n.csv") && e.contains("missing kind") && e.contains("it has Id, Label"), "{e}");
        let e = read("Id,Label,kind\n", "Source,Target\na,b\n").unwrap_err().to_string();
        assert!(e.contains("e.csv") && e.contains("relation"), "{e}");
    }

    #[test]
    fn a_file_cut_mid_row_is_an_error() {
        let e = read("Id,Label,kind\nx,Taro Kono,person\ny,Ser", "Source,Target,relation\n").unwrap_err().to_string();
        assert!(e.contains("n.csv is cut off") && e.contains("(line 3) has 2 of the header's 3 cells"), "{e}");
        let e = read("Id,Label,kind\nx,\"Taro", "Source,Target,relation\n").unwrap_err().to_string();
        assert!(e.contains("n.csv is cut off") && e.contains("line 2 is never closed"), "{e}");
        // A complete last row without its final line break is fine.
        assert_eq!(read("Id,Label,kind\nx,y,person", "").unwrap().nodes.len(), 1);
    }

    #[test]
    fn unreadable_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let e = Export::read_dir(dir.path()).unwrap_err().to_string();
        assert!(e.contains("nodes.csv"), "{e}");
        std::fs::write(dir.path().join("nodes.csv"), b"Id,Label,kind\nx,\xff,person\n").unwrap();
        std::fs::write(dir.path().join("edges.csv"), b"").unwrap();
        let e = Export::read_dir(dir.path()).unwrap_err().to_string();
        assert!(e.contains("nodes.csv"), "{e}");
    }

    #[test]
    fn from_graph_reads_what_the_exporter_writes() {
        use crate::graph::{Edge, Node, NodeKind, Relation};
        let mut g = Graph::new();
        let mut p = Node::new("taro-kono", NodeKind::Person, "Taro Kono");
        p.attrs.country = Some("JP".into());
        g.upsert_node(p);
        let mut m = Node::new("m1", NodeKind::Meeting, "=talks");
        m.attrs.start = Some("2019-02-16".parse().unwrap());
        g.upsert_node(m);
        g.upsert_edge(Edge::new("taro-kono", "m1", Relation::ParticipatedIn)).unwrap();
        let ex = Export::from_graph(&g).unwrap();
        assert_eq!(
            ex.nodes[1],
            NodeRow {
                id: "taro-kono".into(),
                label: "Taro Kono".into(),
                kind: "person".into(),
                country: "JP".into(),
                ..Default::default()
            }
        );
        assert_eq!((ex.nodes[0].start.as_str(), ex.nodes[0].label.as_str()), ("2019-02-16", "'=talks"));
        assert_eq!(
            ex.edges,
            [EdgeRow { source: "taro-kono".into(), target: "m1".into(), relation: "participated_in".into() }]
        );
    }
}
