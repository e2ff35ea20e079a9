package main

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/lint/linttest"
	"github.com/prdlint/prdlint/rules"
)

// FuzzLint runs every rule over any byte string: no panic, every
// diagnostic inside the document and consistent with it, and the same
// diagnostics on a second run.
func FuzzLint(f *testing.F) {
	linttest.AddFuzzSeeds(f, filepath.Join("..", "..", "testdata", "prds"),
		"",
		"# Goals\n\nWe will add a new column to the carts table.\n\nShoppers can pay as guests.\n",
		"\xEF\xBB\xBF# T\r\n\r\nUse Kafka to stream cart changes.\rThen use Redis.\n",
		"| Need | How |\n|---|---|\n| Pay fast | Use Kafka to stream cart changes. |\n",
		"> > - 1. > We will add a new column to the carts table.\n",
		"---\ntitle: Use Kafka\n---\nUse `Redis` for the [cache](http://x). <!-- prdlint-disable -->\n",
		"+++\ntitle = \"Café\"\n[prdlint]\ndisable = [\"how-inf\", 1]\n+++\n> <!-- prdlint-disable-next-line\n> how-infrá -->\n> Use Kafka.\n",
		"---\n{title: T, prdlint: {disable: [how-inf]}}\n---\n",
	)
	l := &lint.Linter{Rules: rules.All()}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, _ := lint.Parse("f.md", src)
		linttest.CheckDocument(t, doc)
		diags := l.Check(doc, lint.DefaultConfig())
		linttest.CheckDiagnostics(t, doc, diags)
		doc2, _ := lint.Parse("f.md", src)
		if again := l.Check(doc2, lint.DefaultConfig()); !reflect.DeepEqual(diags, again) {
			t.Fatalf("two runs over the same source differ:\n%v\n%v", diags, again)
		}
	})
}
