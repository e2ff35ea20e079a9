package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/rules/judge/training"
)

// A corpus label names one sentence of a Markdown file in a corpus by its
// position, so that the sentence itself never has to be copied: training
// reads it from the corpus. Lines of a labels file are tab-separated:
//
//	doc  line:col  endLine:endCol  label  kind  digest
//
// doc is the file's path inside the corpus, or, for a design document
// published inside a Go module, module@version/path ("sigs.k8s.io/cluster-api@v1.14.2/docs/proposals/x.md"):
// module versions are immutable and checked against the Go checksum
// database, and the trainer fetches them through the module proxy with
// `go mod download` (see moduleDirs). The positions are prdlint's
// (1-based, code-point columns, end inclusive); digest is the first 12 hex
// digits of the SHA-256 of the sentence's Markdown source with its
// whitespace runs joined into single spaces, so a changed corpus is caught
// instead of silently training on other text. Blank lines and lines starting
// with # are ignored.
type corpusLabel struct {
	line        int // in the labels file
	doc         string
	start, end  [2]int
	label, kind string
	digest      string
}

func parseCorpusLabels(r io.Reader, name string) ([]corpusLabel, error) {
	var out []corpusLabel
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		s := sc.Text()
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 6 {
			return nil, fmt.Errorf("%s:%d: want 6 tab-separated fields, got %d", name, n, len(f))
		}
		l := corpusLabel{line: n, doc: f[0], label: f[3], kind: f[4], digest: f[5]}
		var err error
		if l.start, err = position(f[1]); err == nil {
			l.end, err = position(f[2])
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, n, err)
		}
		if l.label != "how" && l.label != "what" {
			return nil, fmt.Errorf("%s:%d: label %q: want how or what", name, n, l.label)
		}
		out = append(out, l)
	}
	return out, sc.Err()
}

func position(s string) ([2]int, error) {
	a, b, ok := strings.Cut(s, ":")
	line, err1 := strconv.Atoi(a)
	col, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || line < 1 || col < 1 {
		return [2]int{}, fmt.Errorf("position %q: want line:column", s)
	}
	return [2]int{line, col}, nil
}

// sentenceDigest is the digest a labels file records for a sentence source.
func sentenceDigest(src string) string {
	h := sha256.Sum256([]byte(strings.Join(strings.Fields(src), " ")))
	return hex.EncodeToString(h[:])[:12]
}

// parsedCorpusFile is a parsed corpus file with its sentences indexed by span.
type parsedCorpusFile struct {
	src    []byte
	byspan map[[4]int]*lint.Sentence // line, column, endLine, endColumn
}

func readCorpusFile(corpus, rel string) (*parsedCorpusFile, error) {
	if mod, path, ok := moduleFile(rel); ok {
		dir, err := moduleDirs.dir(mod)
		if err != nil {
			return nil, err
		}
		corpus, rel = dir, path
	}
	src, err := os.ReadFile(filepath.Join(corpus, filepath.FromSlash(rel)))
	if err != nil {
		return nil, err
	}
	doc, err := lint.Parse(rel, src)
	if err != nil {
		return nil, err
	}
	cd := &parsedCorpusFile{src: src, byspan: map[[4]int]*lint.Sentence{}}
	for _, s := range doc.Sentences() {
		cd.byspan[[4]int{s.Line, s.Column, s.EndLine, s.EndColumn}] = s
	}
	return cd, nil
}

// moduleFile splits a doc of the form module@version/path; ok is false for a
// plain corpus path.
func moduleFile(doc string) (modVersion, path string, ok bool) {
	at := strings.Index(doc, "@v")
	if at <= 0 {
		return "", "", false
	}
	slash := strings.IndexByte(doc[at:], '/')
	if slash < 0 {
		return "", "", false
	}
	return doc[:at+slash], doc[at+slash+1:], true
}

// moduleCache finds module versions in the module cache, downloading them
// through the module proxy on first use, once per process. Labels are
// resolved one after another, so it needs no lock.
type moduleCache struct {
	dirs map[string]string
	// download runs `go mod download -json`; tests replace it.
	download func(modVersion string) ([]byte, error)
}

var moduleDirs = &moduleCache{download: func(modVersion string) ([]byte, error) {
	return exec.Command("go", "mod", "download", "-json", modVersion).Output()
}}

func (c *moduleCache) dir(modVersion string) (string, error) {
	if d, ok := c.dirs[modVersion]; ok {
		return d, nil
	}
	out, runErr := c.download(modVersion)
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(out, &info); err != nil || info.Error != "" || info.Dir == "" {
		reason := info.Error
		if reason == "" && runErr != nil {
			reason = runErr.Error()
		}
		if reason == "" {
			reason = "no module directory"
		}
		return "", fmt.Errorf("go mod download %s: %s", modVersion, reason)
	}
	if c.dirs == nil {
		c.dirs = map[string]string{}
	}
	c.dirs[modVersion] = info.Dir
	return info.Dir, nil
}

// resolveCorpusLabels reads each labelled sentence from the corpus and
// returns it as a training example, with the heading it sits under.
func resolveCorpusLabels(labels []corpusLabel, corpus, name string) ([]training.Example, error) {
	docs := map[string]*parsedCorpusFile{}
	var out []training.Example
	for _, l := range labels {
		cd, ok := docs[l.doc]
		if !ok {
			var err error
			if cd, err = readCorpusFile(corpus, l.doc); err != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, l.line, err)
			}
			docs[l.doc] = cd
		}
		found := cd.byspan[[4]int{l.start[0], l.start[1], l.end[0], l.end[1]}]
		if found == nil {
			return nil, fmt.Errorf("%s:%d: %s has no sentence at %d:%d-%d:%d", name, l.line, l.doc, l.start[0], l.start[1], l.end[0], l.end[1])
		}
		text := strings.Join(strings.Fields(string(cd.src[found.Start:found.End])), " ")
		if d := sentenceDigest(text); d != l.digest {
			return nil, fmt.Errorf("%s:%d: %s:%d:%d: the sentence has changed (digest %s, want %s)", name, l.line, l.doc, l.start[0], l.start[1], d, l.digest)
		}
		sec := ""
		if p := found.SectionPath(); len(p) > 0 {
			sec = p[len(p)-1]
		}
		out = append(out, training.Example{
			ID:   fmt.Sprintf("%s:%d:%d", l.doc, l.start[0], l.start[1]),
			Text: text, Label: l.label, Kind: l.kind, Doc: training.CorpusDocPrefix + l.doc, Section: sec,
		})
	}
	return out, nil
}

// weightedFile is a -corpus-labels file and the training weight of its
// sentences.
type weightedFile struct {
	path   string
	weight float64
}

// weightedFiles parses -corpus-labels entries, FILE or FILE=WEIGHT; an
// entry without a weight gets def.
func weightedFiles(entries []string, def float64) ([]weightedFile, error) {
	var out []weightedFile
	for _, e := range entries {
		f := weightedFile{path: e, weight: def}
		if i := strings.LastIndexByte(e, '='); i >= 0 {
			w, err := strconv.ParseFloat(e[i+1:], 64)
			if err != nil || w <= 0 {
				return nil, fmt.Errorf("-corpus-labels %q: the weight after = must be a positive number", e)
			}
			f = weightedFile{path: e[:i], weight: w}
		}
		out = append(out, f)
	}
	return out, nil
}

// corpusExamples resolves labels files against a corpus: the examples,
// each with its file's training weight (1, the default, is left as 0).
func corpusExamples(files []weightedFile, corpus string) ([]training.Example, error) {
	var all []training.Example
	for _, wf := range files {
		exs, err := readCorpusLabels(wf.path, corpus)
		if err != nil {
			return nil, err
		}
		for _, e := range exs {
			if wf.weight != 1 {
				e.Weight = wf.weight
			}
			all = append(all, e)
		}
	}
	return all, nil
}

// exportCorpusExamples writes the examples of labels files as JSON Lines
// to out.
func exportCorpusExamples(files []weightedFile, corpus, out string) (int, error) {
	exs, err := corpusExamples(files, corpus)
	if err != nil {
		return 0, err
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	for _, e := range exs {
		if err := enc.Encode(e); err != nil {
			return 0, err
		}
	}
	return len(exs), os.WriteFile(out, []byte(b.String()), 0o644)
}

// readCorpusLabels parses one labels file and reads its sentences.
func readCorpusLabels(labelsPath, corpus string) ([]training.Example, error) {
	labels, err := parseCorpusLabelsFile(labelsPath)
	if err != nil {
		return nil, err
	}
	return resolveCorpusLabels(labels, corpus, labelsPath)
}

// parseCorpusLabelsFile parses the labels file at path.
func parseCorpusLabelsFile(path string) ([]corpusLabel, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseCorpusLabels(f, path)
}
