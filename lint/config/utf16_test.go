package config

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
)

// PowerShell 5's `>` writes UTF-16LE with a BOM; the YAML library reads it.
func TestUTF16Config(t *testing.T) {
	repo := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(repo, ".git"), 0o755))
	u := utf16.Encode([]rune("fail-level: off\r\n"))
	b := []byte{0xff, 0xfe}
	for _, c := range u {
		b = append(b, byte(c), byte(c>>8))
	}
	require.NoError(t, os.WriteFile(filepath.Join(repo, FileName), b, 0o644))
	l := newTestLoader(t, repo, Options{})
	e, err := l.Resolve("prd.md")
	require.NoError(t, err)
	assert.Equal(t, lint.SeverityOff, e.FailLevel.Value)
}
