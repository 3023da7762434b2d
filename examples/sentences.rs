//! Print the sentences of a document, one per line (for checking the splitter by eye).
//! Usage: cargo run --example sentences -- FILE
fn main() {
    let path = std::env::args().nth(1).expect("usage: sentences FILE");
    let text = kurilnet::corpus::decode(&std::fs::read(&path).expect("readable file")).expect("UTF-8 text");
    for s in kurilnet::corpus::sentences::split(&text) {
        println!("{:>3} {}", s.index, kurilnet::corpus::fold_ws(&text[s.start..s.end]));
    }
}
