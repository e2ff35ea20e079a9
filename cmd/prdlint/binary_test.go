package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The built binary, for tests that need a process of their own (its
// environment, its user); built once, on first use.
var (
	binaryOnce sync.Once
	binaryPath string
	binaryErr  error
	binaryDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binaryDir != "" {
		os.RemoveAll(binaryDir)
	}
	os.Exit(code)
}

func binary(t *testing.T) string {
	t.Helper()
	binaryOnce.Do(func() {
		binaryDir, binaryErr = os.MkdirTemp("", "prdlint-bin-")
		if binaryErr != nil {
			return
		}
		// Readable by every user, for the test that drops privileges.
		_ = os.Chmod(binaryDir, 0o755)
		binaryPath = filepath.Join(binaryDir, "prdlint")
		out, err := exec.Command("go", "build", "-o", binaryPath, ".").CombinedOutput()
		if err != nil {
			binaryErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	require.NoError(t, binaryErr)
	return binaryPath
}

type run struct {
	stdout, stderr string
	code           int
}

func runBinary(t *testing.T, env []string, cred *syscall.Credential, args ...string) run {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Env = append(os.Environ(), env...)
	if cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else {
		require.NoError(t, err)
	}
	return run{out.String(), errOut.String(), code}
}

// determinismInputs writes many files, good and bad, so that files are
// linted in parallel and finish in any order.
func determinismInputs(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	sentences := []string{
		prescription,
		"Use Kafka to stream cart changes to analytics.",
		"Shoppers can pay as guests.",
		"Store sessions in Redis with a one-hour TTL.",
		"Expose a POST /v1/carts endpoint that returns the cart ID.",
		"Checkout must finish within two seconds for 99% of shoppers.",
	}
	for i := range 40 {
		var b strings.Builder
		fmt.Fprintf(&b, "# PRD %d\n\n## Goals\n\n", i)
		for j := range 30 {
			fmt.Fprintf(&b, "%s ", sentences[(i+j)%len(sentences)])
			if j%4 == 3 {
				b.WriteString("\n\n")
			}
		}
		sub := filepath.Join(dir, fmt.Sprintf("team%d", i%5))
		require.NoError(t, os.MkdirAll(sub, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(sub, fmt.Sprintf("prd%02d.md", i)), []byte(b.String()), 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "team1", "binary.md"), []byte("\x00\x01"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "team2", "latin1.md"), []byte("Caf\xe9\n"), 0o644))
	return dir
}

// TestDeterminism runs the binary over testdata and the generated files
// with GOMAXPROCS 1 and 4, twice each, in every format: the output is
// byte-identical.
func TestDeterminism(t *testing.T) {
	gen := determinismInputs(t)
	testdata := filepath.Join(repoRoot(t), "testdata")
	for _, format := range []string{"json", "text"} {
		var first run
		for i, procs := range []string{"1", "4", "1", "4"} {
			got := runBinary(t, []string{"GOMAXPROCS=" + procs}, nil, "lint", "--format", format, testdata, gen)
			if i == 0 {
				first = got
				assert.Equal(t, 2, got.code, "the two bad files make the run fail")
				assert.Contains(t, got.stdout, "prd39.md")
				continue
			}
			assert.Equal(t, first, got, "%s output with GOMAXPROCS=%s", format, procs)
		}
	}
}

// TestPermissionDenied lints a file its user cannot read beside one it
// can. As root, which reads anything, the binary runs as nobody.
func TestPermissionDenied(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.md")
	locked := filepath.Join(dir, "locked.md")
	require.NoError(t, os.WriteFile(good, []byte("# Goals\n\n"+prescription+"\n"), 0o644))
	require.NoError(t, os.WriteFile(locked, []byte(prescription+"\n"), 0o644))
	require.NoError(t, os.Chmod(locked, 0))
	before := snapshot(t, dir)

	got := runUnprivileged(t, dir, "lint", "--format", "json", locked, good)
	assert.Equal(t, 2, got.code)
	assert.Equal(t, "prdlint: "+locked+": permission denied\n", got.stderr)
	var out robustJSON
	require.NoError(t, json.Unmarshal([]byte(got.stdout), &out))
	require.Len(t, out.Diagnostics, 1, "the readable file is linted")
	assert.Equal(t, good, out.Diagnostics[0].Path)
	assert.Equal(t, before, snapshot(t, dir))
}

// runUnprivileged runs prdlint on files under dir, a t.TempDir, as a user
// that file modes bind: as root, which reads anything, the binary runs as
// nobody.
func runUnprivileged(t *testing.T, dir string, args ...string) run {
	t.Helper()
	if os.Geteuid() != 0 {
		var got run
		got.stdout, got.stderr, got.code = prdlint(t, "", args...)
		return got
	}
	// t.TempDir's parents are private to their owner.
	for d := dir; d != os.TempDir() && d != filepath.Dir(d); d = filepath.Dir(d) {
		require.NoError(t, os.Chmod(d, 0o755))
	}
	return runBinary(t, nil, &syscall.Credential{Uid: 65534, Gid: 65534}, args...)
}

// TestPermissionDeniedFolder: a folder its user cannot read is one line naming
// it and exit 2, whether a directory walk or a pattern meets it, and the
// readable file beside it is still linted.
func TestPermissionDeniedFolder(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	good := filepath.Join(docs, "good", "prd.md")
	locked := filepath.Join(docs, "locked")
	// A folder that can be listed but not entered: its files are found,
	// and cannot be read.
	listed := filepath.Join(docs, "listed")
	// One in a folder walks skip is never read, so never an error.
	skipped := filepath.Join(docs, "node_modules", "pkg")
	for _, p := range []string{good, filepath.Join(locked, "prd.md"), filepath.Join(listed, "prd.md"), filepath.Join(skipped, "prd.md")} {
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte("# Goals\n\n"+prescription+"\n"), 0o644))
	}
	require.NoError(t, os.Chmod(locked, 0))
	require.NoError(t, os.Chmod(listed, 0o444))
	require.NoError(t, os.Chmod(skipped, 0))
	t.Cleanup(func() {
		for _, d := range []string{locked, listed, skipped} {
			_ = os.Chmod(d, 0o755)
		}
	})
	before := snapshot(t, dir)
	deniedLine := "prdlint: " + locked + ": permission denied\n"
	bothLines := "prdlint: " + filepath.Join(listed, "prd.md") + ": permission denied\n" + deniedLine

	tests := []struct {
		name, path, stderr string
	}{
		{name: "directory walk", path: docs, stderr: bothLines},
		{name: "pattern, every depth", path: filepath.Join(docs, "**", "*.md"), stderr: bothLines},
		{name: "pattern, one level", path: filepath.Join(docs, "*", "*.md"), stderr: bothLines},
		{name: "pattern, alternatives", path: filepath.Join(docs, "{good,locked}", "*.md"), stderr: deniedLine},
		{name: "pattern, a name below a wildcard", path: filepath.Join(docs, "*", "prd.md"), stderr: bothLines},
		// Alternative file names are looked up, not listed: the one that
		// cannot be is named.
		{name: "pattern, alternative files", path: filepath.Join(docs, "{good/prd.md,locked/prd.md}"), stderr: "prdlint: " + filepath.Join(locked, "prd.md") + ": permission denied\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runUnprivileged(t, dir, "lint", "--format", "json", tt.path)
			assert.Equal(t, 2, got.code)
			assert.Equal(t, tt.stderr, got.stderr)
			var out robustJSON
			require.NoError(t, json.Unmarshal([]byte(got.stdout), &out))
			require.Len(t, out.Diagnostics, 1, "the readable file is linted")
			assert.Equal(t, good, out.Diagnostics[0].Path)
		})
	}
	assert.Equal(t, before, snapshot(t, dir))
}

// TestReadOnlyInputs lints a read-only copy of testdata: prdlint needs no
// write access and changes nothing (root may write anyway, so the
// snapshot, not the mode, is what proves it).
func TestReadOnlyInputs(t *testing.T) {
	src := filepath.Join(repoRoot(t), "testdata")
	dir := filepath.Join(t.TempDir(), "testdata")
	require.NoError(t, os.CopyFS(dir, os.DirFS(src)))
	var dirs []string
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		require.NoError(t, err)
		if d.IsDir() {
			dirs = append(dirs, p)
			return nil
		}
		return os.Chmod(p, 0o444)
	}))
	for i := len(dirs) - 1; i >= 0; i-- {
		require.NoError(t, os.Chmod(dirs[i], 0o555))
	}
	t.Cleanup(func() {
		for _, d := range dirs {
			_ = os.Chmod(d, 0o755)
		}
	})
	before := snapshot(t, dir)
	for _, format := range []string{"json", "text"} {
		out, stderr, code := prdlint(t, "", "lint", "--format", format, dir)
		assert.Empty(t, stderr)
		assert.Equal(t, 1, code)
		assert.Contains(t, out, "checkout.md")
	}
	assert.Equal(t, before, snapshot(t, dir))
}
