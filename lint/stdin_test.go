package lint

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An editor's buffer on standard input is configured and reported as the
// file it will be saved as.
func TestStdinIsConfiguredAndReportedAsItsName(t *testing.T) {
	var mu sync.Mutex
	var asked []string
	l := &Linter{
		Stdin:     strings.NewReader("Shoppers can pay as guests.\n"),
		StdinName: "docs/prd.md",
		ConfigFor: func(path string) (*Config, error) {
			mu.Lock()
			defer mu.Unlock()
			asked = append(asked, path)
			return DefaultConfig(), nil
		},
	}
	rep := l.Lint([]string{StdinPath})
	require.Empty(t, rep.Errors)
	require.Len(t, rep.Files, 1)
	assert.Equal(t, "docs/prd.md", rep.Files[0].Path)
	assert.Equal(t, "docs/prd.md", rep.Files[0].Doc.Path)
	assert.Equal(t, []string{"docs/prd.md"}, asked)
}
