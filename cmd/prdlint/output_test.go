package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint/format"
)

const howPRD = "# Goals\n\nWe will add a new column to the carts table.\n"

func TestSeveralFormatsInOneRun(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.WriteFile("prd.md", []byte(howPRD), 0o644))

	out, stderr, code := prdlint(t, "", "lint", "--format", "sarif=reports/prdlint.sarif", "--format", "text", "--format", "json=prdlint.json", "prd.md")
	assert.Equal(t, 2, code, "the reports directory does not exist")
	assert.Equal(t, "prdlint: reports/prdlint.sarif: cannot write in reports: no such file or directory\n", stderr)
	// The other reports are written all the same: a report left from an
	// earlier run would read as this run's.
	assert.Contains(t, out, "prd.md:3:1: warning ")
	assert.FileExists(t, "prdlint.json")
	require.NoError(t, os.Remove("prdlint.json"))

	require.NoError(t, os.Mkdir("reports", 0o755))
	out, stderr, code = prdlint(t, "", "lint", "--format", "text", "--format", "sarif=reports/prdlint.sarif", "--format", "json=prdlint.json", "prd.md")
	assert.Equal(t, 1, code)
	assert.Empty(t, stderr)
	assert.Contains(t, out, "prd.md:3:1: warning ")
	assert.Contains(t, out, "1 file, 1 finding")

	var sarif sarifLog
	b, err := os.ReadFile("reports/prdlint.sarif")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &sarif))
	require.Len(t, sarif.Runs[0].Results, 1)
	assert.Equal(t, 3, sarif.Runs[0].Results[0].Locations[0].PhysicalLocation.Region.StartLine)

	var js jsonOut
	b, err = os.ReadFile("prdlint.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &js))
	require.Len(t, js.Diagnostics, 1)
}

// sarifLog is the part of a SARIF log the tests read.
type sarifLog struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Rules []struct{ ID, HelpURI string }
			}
		}
		Results []struct {
			Locations []sarifLocation
		}
		Invocations []struct {
			ToolExecutionNotifications []struct {
				Locations []sarifLocation
			}
		}
	}
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation struct{ URI string }
		Region           *struct{ StartLine, StartColumn int }
	}
}

func TestOutputFileIsReplaced(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.WriteFile("prd.md", []byte(howPRD), 0o644))
	require.NoError(t, os.WriteFile("report.json", []byte(strings.Repeat("an older, longer report\n", 500)), 0o644))
	out, stderr, code := prdlint(t, "", "lint", "--format", "json", "--output", "report.json", "prd.md")
	assert.Equal(t, 1, code)
	assert.Empty(t, stderr)
	assert.Empty(t, out, "the report goes to the file, not standard output")
	b, err := os.ReadFile("report.json")
	require.NoError(t, err)
	var js jsonOut
	require.NoError(t, json.Unmarshal(b, &js), "the old content is gone")
	require.Len(t, js.Diagnostics, 1)
	entries, err := os.ReadDir(".")
	require.NoError(t, err)
	assert.Len(t, entries, 2, "no temporary file is left behind")
}

// failsWithOneLine runs prdlint with args and checks that it exits 2,
// writes nothing to standard output and says why in one line of stderr,
// which contains want.
func failsWithOneLine(t *testing.T, want string, args ...string) {
	t.Helper()
	out, stderr, code := prdlint(t, "", args...)
	assert.Equal(t, 2, code, "%v", args)
	assert.Empty(t, out, "%v: nothing is written to standard output", args)
	assert.Contains(t, stderr, want, "%v", args)
	assert.Equal(t, 1, strings.Count(stderr, "\n"), "%v: one line", args)
}

// TestOutputNeverOverwritesALintedFile: prdlint never writes to the files
// it lints, whichever flag names them as a report file.
func TestOutputNeverOverwritesALintedFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.WriteFile("prd.md", []byte(howPRD), 0o644))
	for _, args := range [][]string{
		{"lint", "--output", "prd.md", "prd.md"},
		{"lint", "--format", "sarif=./prd.md", "prd.md"},
		{"lint", "--format", "json=prd.md", "."},
	} {
		failsWithOneLine(t, "is one of the files being linted; choose another", args...)
		b, err := os.ReadFile("prd.md")
		require.NoError(t, err)
		assert.Equal(t, howPRD, string(b), "%v: the PRD is untouched", args)
	}
}

func TestFormatFlagErrors(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.WriteFile("prd.md", []byte(howPRD), 0o644))
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--format", "text", "--format", "json"}, "only one format can write to standard output"},
		{[]string{"--format", "text", "--format", "json=-"}, "only one format can write to standard output"},
		{[]string{"--format", "sarif=a.out", "--format", "json=./a.out"}, "sarif and json both write ./a.out"},
		{[]string{"--format", "sarif=a.out", "--format", "json=" + filepath.Join(dir, "sub", "..", "a.out")}, "sarif and json both write " + filepath.Join(dir, "sub", "..", "a.out")},
		{[]string{"--format", "sarif=a.out", "--output", "b.out"}, "--output: every --format already names its file"},
		{[]string{"--format", "nope=a.out"}, `unknown format "nope"`},
		{[]string{"--format", "sarif="}, "the file after '=' is empty"},
		{[]string{"--format", "sarif=" + os.TempDir()}, os.TempDir() + ": is a directory, not a report file"},
		{[]string{"--min-confidence", "NaN"}, "--min-confidence: NaN is not between 0 and 1"},
		{[]string{"--min-confidence", "1.5"}, "--min-confidence: 1.5 is not between 0 and 1"},
		{[]string{"--max-file-size", "0"}, "--max-file-size: 0 is not a positive number of bytes"},
		{[]string{"--max-file-size", "-5"}, "--max-file-size: -5 is not a positive number of bytes"},
		{[]string{"-j", "-1"}, "--jobs: -1 is negative (0 means one per CPU)"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			failsWithOneLine(t, tt.want, append(append([]string{"lint"}, tt.args...), "prd.md")...)
		})
	}
	entries, err := os.ReadDir(".")
	require.NoError(t, err)
	assert.Len(t, entries, 1, "nothing is written when the flags are wrong")
}

// TestStdinFilenameInEveryFormat: an editor pipes the buffer in and every
// format reports it under --stdin-filename.
func TestStdinFilenameInEveryFormat(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, f := range format.All() {
		t.Run(f.Name(), func(t *testing.T) {
			out, stderr, code := prdlint(t, howPRD, "lint", "--format", f.Name(), "--stdin-filename", "docs/prd.md", "-")
			assert.Equal(t, 1, code)
			assert.Empty(t, stderr)
			assert.Contains(t, out, "docs/prd.md")
			assert.NotContains(t, strings.ReplaceAll(out, "docs/prd.md", ""), "prd.md", "no other name for the file")
		})
	}
}

func TestRepositoryRoot(t *testing.T) {
	dir, err := filepath.EvalSymlinks(t.TempDir())
	require.NoError(t, err)
	sub := filepath.Join(dir, "a", "b")
	require.NoError(t, os.MkdirAll(sub, 0o755))
	t.Chdir(sub)
	root, err := repositoryRoot()
	require.NoError(t, err)
	if !strings.HasPrefix(root, dir) {
		t.Logf("the temporary directory is inside a repository at %s", root)
	} else {
		assert.Equal(t, sub, root, "no .git: the working directory")
	}

	// A worktree or submodule has a .git file, not a directory.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a", ".git"), []byte("gitdir: elsewhere\n"), 0o644))
	root, err = repositoryRoot()
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "a"), root)
}

// TestReportsGoThroughLinksDevicesAndPipes: a report path that is a
// symbolic link, a device or a named pipe is written through, never
// replaced by a regular file (as root in a CI container, replacing
// /dev/null would break every later step).
func TestReportsGoThroughLinksDevicesAndPipes(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.WriteFile("prd.md", []byte(howPRD), 0o644))

	t.Run("device", func(t *testing.T) {
		// A null device of the test's own, so that a regression replaces
		// it rather than the machine's /dev/null; making one needs root.
		if os.Geteuid() != 0 {
			t.Skip("mknod needs root; the named pipe case covers the same path")
		}
		null := filepath.Join(dir, "null")
		require.NoError(t, syscall.Mknod(null, syscall.S_IFCHR|0o666, int((1<<8)|3)))
		_, stderr, code := prdlint(t, "", "lint", "--format", "json", "-o", null, "prd.md")
		assert.Equal(t, 1, code, stderr)
		info, err := os.Lstat(null)
		require.NoError(t, err)
		assert.NotZero(t, info.Mode()&os.ModeCharDevice, "the device is still a device")
	})

	t.Run("symbolic link", func(t *testing.T) {
		require.NoError(t, os.Mkdir("reports", 0o755))
		require.NoError(t, os.Symlink(filepath.Join("reports", "real.sarif"), "link.sarif"))
		for range 2 { // first to a dangling link, then over the file it made
			_, stderr, code := prdlint(t, "", "lint", "--format", "sarif=link.sarif", "--format", "text", "prd.md")
			assert.Equal(t, 1, code, stderr)
			info, err := os.Lstat("link.sarif")
			require.NoError(t, err)
			assert.NotZero(t, info.Mode()&os.ModeSymlink, "the link stays a link")
			var log sarifLog
			b, err := os.ReadFile(filepath.Join("reports", "real.sarif"))
			require.NoError(t, err)
			require.NoError(t, json.Unmarshal(b, &log))
			assert.Len(t, log.Runs[0].Results, 1)
		}
	})

	t.Run("named pipe", func(t *testing.T) {
		require.NoError(t, syscall.Mkfifo("pipe", 0o644))
		got := make(chan []byte, 1)
		go func() {
			b, _ := os.ReadFile("pipe") // blocks until prdlint opens it
			got <- b
		}()
		_, stderr, code := prdlint(t, "", "lint", "--format", "json=pipe", "--format", "text", "prd.md")
		assert.Equal(t, 1, code, stderr)
		var b []byte
		select {
		case b = <-got:
		case <-time.After(time.Minute):
			t.Fatal("nothing was written to the pipe")
		}
		var js jsonOut
		require.NoError(t, json.Unmarshal(b, &js))
		assert.Len(t, js.Diagnostics, 1)
		info, err := os.Lstat("pipe")
		require.NoError(t, err)
		assert.NotZero(t, info.Mode()&os.ModeNamedPipe, "the pipe stays a pipe")
	})
}

// TestBrokenConfigurationIsAnnotatedWhereItIsBroken: a pull request that
// breaks a .prdlint.yaml gets one annotation on the broken line of that
// file, not one on line 1 of every PRD it kept from being linted.
func TestBrokenConfigurationIsAnnotatedWhereItIsBroken(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.Mkdir(".git", 0o755)) // the repository root
	require.NoError(t, os.MkdirAll("specs", 0o755))
	require.NoError(t, os.WriteFile("specs/.prdlint.yaml", []byte("rules:\n  how-infra: warning\n  how-nope: error\n"), 0o644))
	for _, name := range []string{"a.md", "b.md"} {
		require.NoError(t, os.WriteFile(filepath.Join("specs", name), []byte(howPRD), 0o644))
	}

	out, stderr, code := prdlint(t, "", "lint", "--format", "github", "--format", "sarif=r.sarif", "--format", "rdjsonl=r.jsonl", "specs")
	assert.Equal(t, 2, code)
	assert.Equal(t, "specs/.prdlint.yaml:3:3: unknown rule \"how-nope\" (did you mean \"how-code\"?)\n", stderr, "stderr says it once too")
	require.Equal(t, 1, strings.Count(out, "::error "), out)
	assert.True(t, strings.HasPrefix(out, "::error file=specs/.prdlint.yaml,line=3,col=3,title=prdlint::specs/.prdlint.yaml:3:3: "), out)

	var sarif sarifLog
	b, err := os.ReadFile("r.sarif")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &sarif))
	notes := sarif.Runs[0].Invocations[0].ToolExecutionNotifications
	require.Len(t, notes, 2, "one per file not linted")
	for i, n := range notes {
		require.Len(t, n.Locations, 2)
		assert.Equal(t, "specs/.prdlint.yaml", n.Locations[0].PhysicalLocation.ArtifactLocation.URI)
		require.NotNil(t, n.Locations[0].PhysicalLocation.Region)
		assert.Equal(t, 3, n.Locations[0].PhysicalLocation.Region.StartLine)
		assert.Equal(t, []string{"specs/a.md", "specs/b.md"}[i], n.Locations[1].PhysicalLocation.ArtifactLocation.URI)
	}

	b, err = os.ReadFile("r.jsonl")
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	require.Len(t, lines, 1, string(b))
	assert.Contains(t, lines[0], `"path":"specs/.prdlint.yaml","range":{"start":{"line":3}}`)
}

// TestReportPathsResolveAsTheKernelDoes: a report path is followed the way
// opening it would be, through symbolic links to directories, chains of
// links and links that point at nothing yet, so a report never lands on a
// file other than the one the path names (least of all a linted one).
func TestReportPathsResolveAsTheKernelDoes(t *testing.T) {
	binary(t) // built from the package directory, before the test leaves it
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.WriteFile("prd.md", []byte(howPRD), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join("deep", "a", "b"), 0o755))
	require.NoError(t, os.Symlink(filepath.Join("deep", "a", "b"), "dl"))
	lintTo := func(args ...string) (string, int) {
		_, stderr, code := prdlint(t, "", append(append([]string{"lint"}, args...), "prd.md")...)
		return stderr, code
	}
	isLink := func(p string) bool {
		info, err := os.Lstat(p)
		require.NoError(t, err)
		return info.Mode()&os.ModeSymlink != 0
	}

	// dl/rl is deep/a/b/rl -> ../prd.md, which is deep/a/prd.md, not ./prd.md.
	require.NoError(t, os.Symlink(filepath.Join("..", "prd.md"), filepath.Join("deep", "a", "b", "rl")))
	stderr, code := lintTo("--format", "json=dl/rl")
	require.Equal(t, 1, code, stderr)
	b, err := os.ReadFile("prd.md")
	require.NoError(t, err)
	assert.Equal(t, howPRD, string(b), "the linted PRD is untouched")
	assert.FileExists(t, filepath.Join("deep", "a", "prd.md"))

	// A chain of links that ends at nothing: the end is created, the links stay.
	require.NoError(t, os.Symlink("end.json", "mid"))
	require.NoError(t, os.Symlink("mid", "start"))
	stderr, code = lintTo("--format", "json=start")
	require.Equal(t, 1, code, stderr)
	assert.True(t, isLink("start"))
	assert.True(t, isLink("mid"))
	assert.FileExists(t, "end.json")

	// A loop is an error, and neither link is replaced.
	require.NoError(t, os.Symlink("loopB", "loopA"))
	require.NoError(t, os.Symlink("loopA", "loopB"))
	stderr, code = lintTo("--format", "json=loopA")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "loopA: too many levels of symbolic links")
	assert.True(t, isLink("loopA"))
	assert.True(t, isLink("loopB"))

	// A path under /proc is written to, never replaced: here the process's
	// own standard output, a pipe.
	r := runBinary(t, nil, nil, "lint", "--format", "json=/proc/self/fd/1", "prd.md")
	require.Equal(t, 1, r.code, r.stderr)
	var js jsonOut
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &js))
	assert.Len(t, js.Diagnostics, 1)

	// Two spellings of one file are refused, two files that look alike are not.
	require.NoError(t, os.Symlink("shared.out", "linkA"))
	require.NoError(t, os.Symlink("shared.out", "linkB"))
	stderr, code = lintTo("--format", "json=linkA", "--format", "sarif=linkB")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "json and sarif both write linkB")
	stderr, code = lintTo("--format", "json=dl/../y.out", "--format", "sarif="+filepath.Join("deep", "a", "y.out"))
	assert.Equal(t, 2, code, "dl/.. is deep/a")
	assert.Contains(t, stderr, "both write")
	stderr, code = lintTo("--format", "json=dl/../x.out", "--format", "sarif=x.out", "--format", "text")
	assert.Equal(t, 1, code, "deep/a/x.out and ./x.out are two files: %s", stderr)
	assert.FileExists(t, filepath.Join("deep", "a", "x.out"))
	assert.FileExists(t, "x.out")
}

func TestNoColorRequested(t *testing.T) {
	for _, c := range []struct {
		value string
		want  bool
	}{{"", false}, {"1", true}, {"0", true}, {"false", true}} {
		t.Setenv("NO_COLOR", c.value)
		assert.Equal(t, c.want, noColorRequested(), "NO_COLOR=%q", c.value)
	}
}

// TestDashAndDevicesAsReportFiles: "-" as a report file is standard output,
// for --output and --format alike (as for report --output), never a file
// named "-"; a device takes several reports.
func TestDashAndDevicesAsReportFiles(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.WriteFile("prd.md", []byte(howPRD), 0o644))
	for _, args := range [][]string{{"--format", "json", "--output", "-"}, {"--format", "json=-"}} {
		out, stderr, code := prdlint(t, "", append(append([]string{"lint"}, args...), "prd.md")...)
		assert.Equal(t, 1, code, stderr)
		assert.True(t, json.Valid([]byte(out)), "%v: the report is on standard output", args)
		assert.NoFileExists(t, "-")
	}
	_, stderr, code := prdlint(t, "", "lint", "--format", "sarif="+os.DevNull, "--format", "json="+os.DevNull, "prd.md")
	assert.Equal(t, 1, code, "two reports may go to %s: %s", os.DevNull, stderr)
}

// TestStandardOutputByName: a format sent to /dev/stdout is standard
// output, so a second one there is refused instead of overwriting it.
func TestStandardOutputByName(t *testing.T) {
	if _, err := os.Stat("/dev/stdout"); err != nil {
		t.Skip("no /dev/stdout")
	}
	dir := t.TempDir()
	prd := filepath.Join(dir, "prd.md")
	require.NoError(t, os.WriteFile(prd, []byte(howPRD), 0o644))
	outFile, err := os.Create(filepath.Join(dir, "out.txt"))
	require.NoError(t, err)
	defer outFile.Close()
	var stderr bytes.Buffer
	cmd := exec.Command(binary(t), "lint", "--format", "text", "--format", "json=/dev/stdout", prd)
	cmd.Stdout, cmd.Stderr = outFile, &stderr
	err = cmd.Run()
	var xe *exec.ExitError
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, 2, xe.ExitCode())
	assert.Contains(t, stderr.String(), "only one format can write to standard output")

	cmd = exec.Command(binary(t), "lint", "--format", "json=/dev/stdout", prd)
	cmd.Stdout = outFile
	_ = cmd.Run()
	written, err := os.ReadFile(outFile.Name())
	require.NoError(t, err)
	assert.True(t, json.Valid(written), "one format to /dev/stdout alone is written whole: %q", written)
}
