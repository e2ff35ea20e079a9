// Package punkt holds the English Punkt sentence model of
// gopkg.in/neurosnap/sentences.v1 as Go tables.
//
// The library ships its model as gzipped JSON; unzipping and decoding it
// takes 15 to 30 ms, a large share of a pre-commit hook's budget, on
// every process start. The same data compiled into the binary builds in
// about a millisecond.
package punkt

//go:generate go run gen.go

import "gopkg.in/neurosnap/sentences.v1"

// orthoEntry is one word type of the orthographic context and its flags.
type orthoEntry struct {
	typ   string
	flags int
}

// English returns a fresh copy of the library's English training data, equal
// to sentences.LoadTraining of its data/english.json.
func English() *sentences.Storage {
	return &sentences.Storage{
		AbbrevTypes:  set(abbrevTypes),
		Collocations: set(collocations),
		SentStarters: set(sentStarters),
		OrthoContext: ortho(orthoContext),
	}
}

func set(keys []string) sentences.SetString {
	s := make(sentences.SetString, len(keys))
	for _, k := range keys {
		s[k] = 1
	}
	return s
}

func ortho(entries []orthoEntry) sentences.SetString {
	s := make(sentences.SetString, len(entries))
	for _, e := range entries {
		s[e.typ] = e.flags
	}
	return s
}
