//! `manifest.csv`: one row per document (`file,date,source,title`).
//! Reading is lenient: a bad row becomes a warning naming the file and row, never an abort.

use std::collections::BTreeMap;
use std::path::Path;

use crate::date::PartialDate;

/// What the manifest says about one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entry {
    pub date: Option<PartialDate>,
    pub source: Option<String>,
    pub title: Option<String>,
}

/// The manifest, keyed by file name.
#[derive(Clone, Debug, Default)]
pub struct Manifest {
    pub entries: BTreeMap<String, Entry>,
}

impl Manifest {
    /// Read a manifest; problems with single rows come back as warnings.
    pub fn read(path: &Path) -> Result<(Manifest, Vec<String>), String> {
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
        Self::parse(&bytes)
    }

    /// Parse manifest bytes. Messages name the row; the caller names the file.
    pub fn parse(bytes: &[u8]) -> Result<(Manifest, Vec<String>), String> {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if body.iter().all(u8::is_ascii_whitespace) {
            return Err("empty file: expected a header row `file,date,source,title` and one row per document".into());
        }
        if let Some(line) = unterminated_quote(body) {
            return Err(format!(
                "line {line}: a quoted cell opens here and is never closed (a missing `\"`), \
                 so every row after it would be read as part of that cell"
            ));
        }
        let mut warnings = Vec::new();
        let mut rdr = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(bytes);
        let headers = rdr.headers().map_err(|e| format!("cannot read the header row: {e}"))?.clone();
        let col = |c: &str| headers.iter().position(|h| h.trim_start_matches('\u{feff}').eq_ignore_ascii_case(c));
        let file_col = col("file").ok_or_else(|| "no `file` column in the header row".to_string())?;
        let (date_col, source_col, title_col) = (col("date"), col("source"), col("title"));
        let mut m = Manifest::default();
        for (i, rec) in rdr.records().enumerate() {
            let row = i + 2; // 1-based, after the header
            let rec = match rec {
                Ok(r) => r,
                Err(e) => {
                    warnings.push(format!("row {row}: unreadable CSV: {e}"));
                    continue;
                }
            };
            let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).map(str::trim).filter(|s| !s.is_empty());
            let Some(file) = get(Some(file_col)) else {
                warnings.push(format!("row {row}: empty `file` cell, row skipped"));
                continue;
            };
            let date = match get(date_col) {
                None => None,
                Some(d) => match d.parse::<PartialDate>() {
                    Ok(d) => Some(d),
                    Err(e) => {
                        warnings.push(format!("row {row} ({file}): {e}; the date will be inferred from the text"));
                        None
                    }
                },
            };
            let entry =
                Entry { date, source: get(source_col).map(String::from), title: get(title_col).map(String::from) };
            if m.entries.insert(file.to_string(), entry).is_some() {
                warnings.push(format!("row {row}: {file} is listed twice; the last row wins"));
            }
        }
        Ok((m, warnings))
    }
}

/// The 1-based line where a quoted CSV cell opens that no quote closes, if
/// any. Quotes count only at the start of a cell (as the csv crate reads them);
/// `""` inside a quoted cell is an escaped quote. Complexity: O(n).
pub fn unterminated_quote(bytes: &[u8]) -> Option<usize> {
    let mut line = 1;
    let mut opened = None;
    let mut at_cell_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if opened.is_some() {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    opened = None;
                    at_cell_start = false;
                }
            }
        } else if b == b'"' && at_cell_start {
            opened = Some(line);
        } else {
            at_cell_start = matches!(b, b',' | b'\n' | b'\r') || (at_cell_start && matches!(b, b' ' | b'\t'));
        }
        if b == b'\n' {
            line += 1;
        }
        i += 1;
    }
    opened
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_warns_on_bad_dates() {
        let csv = "file,date,source,title\na.txt,1994-01,LoC,\"Japan, Russia\"\nb.txt,Jan 1994,X,Y\n,1999,,\n";
        let (m, w) = Manifest::parse(csv.as_bytes()).unwrap();
        assert_eq!(m.entries["a.txt"].date.unwrap().to_string(), "1994-01");
        assert_eq!(m.entries["a.txt"].title.as_deref(), Some("Japan, Russia"));
        assert_eq!(m.entries["b.txt"].date, None);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w[0].contains("row 3 (b.txt): malformed date"), "{}", w[0]);
        assert!(w[1].contains("row 4: empty `file` cell"), "{}", w[1]);
    }

    #[test]
    fn unterminated_quote_is_an_error_naming_its_line() {
        let err = Manifest::parse(b"file,date,title\na.txt,1994,\"Open\nb.txt,1995,x\nc.txt,1996,y\n").unwrap_err();
        assert!(err.starts_with("line 2: a quoted cell opens here and is never closed"), "{err}");
        // Quoted cells with escaped quotes and line breaks, and quotes inside a cell, are fine.
        let (m, w) =
            Manifest::parse(b"file,date,title\na.txt,1994,\"say \"\"hi\"\"\nthere\"\nb.txt,1995,5\" disk\n").unwrap();
        assert_eq!((m.entries.len(), w.len()), (2, 0), "{w:?}");
        assert_eq!(m.entries["a.txt"].title.as_deref(), Some("say \"hi\"\nthere"));
    }

    #[test]
    fn empty_manifest_is_called_empty() {
        for bytes in [&b""[..], b"\n\n", b"\xEF\xBB\xBF  \r\n"] {
            let err = Manifest::parse(bytes).unwrap_err();
            assert!(err.starts_with("empty file"), "{err}");
        }
    }

    #[test]
    fn header_without_file_column_is_an_error() {
        let err = Manifest::parse(b"name,date\na,1999\n").unwrap_err();
        assert!(err.contains("no `file` column"), "{err}");
    }
}
