package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	yaml "go.yaml.in/yaml/v3"
)

// The composite GitHub Action in action.yml, run step by step the way a
// runner runs it: each `run:` script under `bash --noprofile --norc -eo
// pipefail`, its `env:` expressions filled in from the inputs, and the
// directories a step appends to $GITHUB_PATH put on PATH for the steps after
// it. `uses:` steps (actions/setup-go) are skipped: Go is already here.

type actionFile struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	Name  string            `yaml:"name"`
	Uses  string            `yaml:"uses"`
	Shell string            `yaml:"shell"`
	Env   map[string]string `yaml:"env"`
	Run   string            `yaml:"run"`
}

func loadAction(t *testing.T) (actionFile, string) {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	raw, err := os.ReadFile(filepath.Join(root, "action.yml"))
	require.NoError(t, err)
	var a actionFile
	require.NoError(t, yaml.Unmarshal(raw, &a))
	require.Equal(t, "composite", a.Runs.Using)
	return a, root
}

var inputExpr = regexp.MustCompile(`\$\{\{\s*inputs\.([a-z-]+)\s*\}\}`)

type actionRun struct {
	stdout, stderr string
	code           int // the exit code of the step that ended the run
	failedStep     string
	summary        string // what the steps wrote to $GITHUB_STEP_SUMMARY
}

// runAction runs the action's steps in workspace with the given inputs
// (unset ones take their defaults) and the extra environment.
func runAction(t *testing.T, a actionFile, root, workspace string, inputs map[string]string, extraEnv ...string) actionRun {
	t.Helper()
	for name := range inputs {
		_, ok := a.Inputs[name]
		require.True(t, ok, "action.yml has no input %q", name)
	}
	input := func(name string) string {
		in, ok := a.Inputs[name]
		require.True(t, ok, "action.yml uses undeclared input %q", name)
		if v, ok := inputs[name]; ok {
			return v
		}
		return in.Default
	}
	runner := t.TempDir()
	githubPath := filepath.Join(runner, "github_path")
	require.NoError(t, os.WriteFile(githubPath, nil, 0o644))
	stepSummary := filepath.Join(runner, "step_summary.md")
	require.NoError(t, os.WriteFile(stepSummary, nil, 0o644))
	modCache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	require.NoError(t, err)
	base := append(os.Environ(),
		"GITHUB_ACTION_PATH="+root,
		"GITHUB_PATH="+githubPath,
		"GITHUB_WORKSPACE="+workspace,
		"GITHUB_STEP_SUMMARY="+stepSummary,
		"GITHUB_ACTIONS=true",
		"RUNNER_TEMP="+runner,
		// A GOPATH of the runner's own, so that `go install` puts prdlint
		// where no earlier PATH entry has one; the module cache is shared
		// so that nothing is downloaded again.
		"GOPATH="+filepath.Join(runner, "gopath"),
		"GOMODCACHE="+strings.TrimSpace(string(modCache)),
		"GOBIN=",
		"GOFLAGS=-modcacherw",
	)
	base = append(base, extraEnv...)

	var res actionRun
	var stdout, stderr bytes.Buffer
	for _, step := range a.Runs.Steps {
		if step.Uses != "" {
			require.True(t, strings.HasPrefix(step.Uses, "actions/setup-go@"), "unexpected step %q", step.Uses)
			continue
		}
		require.Equal(t, "bash", step.Shell, "step %q", step.Name)
		env := append([]string(nil), base...)
		// PATH as a runner builds it: $GITHUB_PATH entries first.
		added, err := os.ReadFile(githubPath)
		require.NoError(t, err)
		path := os.Getenv("PATH")
		for _, dir := range strings.Split(strings.TrimSpace(string(added)), "\n") {
			if dir != "" {
				path = dir + string(os.PathListSeparator) + path
			}
		}
		env = append(env, "PATH="+path)
		for k, v := range step.Env {
			filled := inputExpr.ReplaceAllStringFunc(v, func(m string) string {
				return input(inputExpr.FindStringSubmatch(m)[1])
			})
			require.NotContains(t, filled, "${{", "step %q: expression this test cannot evaluate: %s", step.Name, v)
			env = append(env, k+"="+filled)
		}
		require.NotContains(t, step.Run, "${{", "step %q: inputs reach the script through env only", step.Name)
		script := filepath.Join(runner, "step.sh")
		require.NoError(t, os.WriteFile(script, []byte(step.Run), 0o644))
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir = workspace
		cmd.Env = env
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err = cmd.Run()
		if ee, ok := err.(*exec.ExitError); ok {
			res.code = ee.ExitCode()
			res.failedStep = step.Name
			break
		}
		require.NoError(t, err, "step %q", step.Name)
	}
	res.stdout, res.stderr = stdout.String(), stderr.String()
	summary, err := os.ReadFile(stepSummary)
	require.NoError(t, err)
	res.summary = string(summary)
	return res
}

// actionWorkspace is a checked-out spec repository with one PRD that has
// findings and one that has none.
func actionWorkspace(t *testing.T, root string) string {
	t.Helper()
	ws := t.TempDir()
	src, err := os.ReadFile(filepath.Join(root, "testdata", "prds", "checkout.md"))
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Join(ws, "docs", "clean"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(ws, "docs", "checkout.md"), src, 0o644))
	clean := "# Export\n\n## Problem\n\nFinance teams re-key expense data by hand every month.\n\n## Goals\n\nUsers can export a month of expenses in under a minute.\n"
	require.NoError(t, os.WriteFile(filepath.Join(ws, "docs", "clean", "export.md"), []byte(clean), 0o644))
	return ws
}

var annotation = regexp.MustCompile(`(?m)^::(warning|error|notice) file=([^,]+),line=(\d+)`)

// assertAnnotatesOnly checks that a run annotated lines, all of them in
// the file at path.
func assertAnnotatesOnly(t *testing.T, stdout, path string) {
	t.Helper()
	got := annotation.FindAllStringSubmatch(stdout, -1)
	require.NotEmpty(t, got, stdout)
	for _, m := range got {
		assert.Equal(t, path, m[2], "only %s is annotated", path)
	}
}

func TestActionRunsOnSpecRepository(t *testing.T) {
	if testing.Short() {
		t.Skip("builds prdlint with go install")
	}
	a, root := loadAction(t)

	t.Run("findings fail the step, annotate the lines and write SARIF", func(t *testing.T) {
		ws := actionWorkspace(t, root)
		res := runAction(t, a, root, ws, map[string]string{"paths": "docs", "sarif-file": "out/prdlint.sarif"})
		require.Equal(t, 1, res.code, "stderr: %s", res.stderr)
		assert.Equal(t, "Lint", res.failedStep)
		assertAnnotatesOnly(t, res.stdout, "docs/checkout.md")
		sarif, err := os.ReadFile(filepath.Join(ws, "out", "prdlint.sarif"))
		require.NoError(t, err)
		assert.Contains(t, string(sarif), `"version": "2.1.0"`)
		assert.Contains(t, string(sarif), `"uri": "docs/checkout.md"`)
	})

	t.Run("the step summary holds the whole text report", func(t *testing.T) {
		ws := actionWorkspace(t, root)
		res := runAction(t, a, root, ws, map[string]string{"paths": "docs"})
		require.Equal(t, 1, res.code, "stderr: %s", res.stderr)
		assert.True(t, strings.HasPrefix(res.summary, "### prdlint\n\n```text\n"), res.summary)
		assert.Equal(t, len(annotation.FindAllString(res.stdout, -1)), strings.Count(res.summary, "docs/checkout.md:"), "one line per annotated finding")
		assert.Contains(t, res.summary, "2 files, ")
		assert.True(t, strings.HasSuffix(res.summary, "\n```\n"), res.summary)

		// a sentence quoting a fence cannot end the block
		require.NoError(t, os.WriteFile(filepath.Join(ws, "docs", "fence.md"), []byte("# Fence\n\nWe will store carts in Redis, ```` marks included.\n"), 0o644))
		res = runAction(t, a, root, ws, map[string]string{"paths": "docs/fence.md"})
		require.Equal(t, 1, res.code, "stderr: %s", res.stderr)
		assert.True(t, strings.HasPrefix(res.summary, "### prdlint\n\n`````text\n"), res.summary)
		assert.True(t, strings.HasSuffix(res.summary, "\n`````\n"), res.summary)
	})

	t.Run("a repository checked out in a subdirectory", func(t *testing.T) {
		ws := t.TempDir()
		repo := filepath.Join(ws, "spec")
		require.NoError(t, os.MkdirAll(filepath.Join(repo, ".git"), 0o755))
		require.NoError(t, os.CopyFS(filepath.Join(repo, "docs"), os.DirFS(filepath.Join(actionWorkspace(t, root), "docs"))))
		res := runAction(t, a, root, ws, map[string]string{"working-directory": "spec", "paths": "docs", "sarif-file": "out/prdlint.sarif"})
		require.Equal(t, 1, res.code, "stderr: %s", res.stderr)
		assertAnnotatesOnly(t, res.stdout, "docs/checkout.md")
		sarif, err := os.ReadFile(filepath.Join(ws, "out", "prdlint.sarif"))
		require.NoError(t, err, "sarif-file is relative to the workspace")
		assert.Contains(t, string(sarif), `"uri": "docs/checkout.md"`, "named from the repository's root")
	})

	t.Run("a clean PRD passes quietly", func(t *testing.T) {
		ws := actionWorkspace(t, root)
		res := runAction(t, a, root, ws, map[string]string{"paths": "docs/clean"})
		require.Equal(t, 0, res.code, "step %q failed: %s", res.failedStep, res.stderr)
		assert.Empty(t, annotation.FindAllString(res.stdout, -1))
	})

	t.Run("fail-level off annotates without failing", func(t *testing.T) {
		ws := actionWorkspace(t, root)
		res := runAction(t, a, root, ws, map[string]string{"paths": "docs", "fail-level": "off"})
		require.Equal(t, 0, res.code, "step %q failed: %s", res.failedStep, res.stderr)
		assert.NotEmpty(t, annotation.FindAllString(res.stdout, -1))
	})

	t.Run("without fail-level the configuration's applies", func(t *testing.T) {
		ws := actionWorkspace(t, root)
		require.NoError(t, os.WriteFile(filepath.Join(ws, ".prdlint.yaml"), []byte("fail-level: error\n"), 0o644))
		res := runAction(t, a, root, ws, map[string]string{"paths": "docs"})
		require.Equal(t, 0, res.code, "warnings do not fail under fail-level: error; step %q: %s", res.failedStep, res.stderr)
		assert.NotEmpty(t, annotation.FindAllString(res.stdout, -1), "they are still annotated")
		res = runAction(t, a, root, ws, map[string]string{"paths": "docs", "fail-level": "warning"})
		assert.Equal(t, 1, res.code, "the input overrides the configuration")
	})

	t.Run("paths on several lines and args are words", func(t *testing.T) {
		ws := actionWorkspace(t, root)
		all := runAction(t, a, root, ws, map[string]string{"paths": "docs/clean\ndocs/checkout.md\n", "fail-level": "off"})
		require.Equal(t, 0, all.code, all.stderr)
		some := runAction(t, a, root, ws, map[string]string{"paths": "docs/clean\ndocs/checkout.md\n", "fail-level": "off", "args": "--min-confidence 0.9 --no-color"})
		require.Equal(t, 0, some.code, some.stderr)
		n, m := len(annotation.FindAllString(all.stdout, -1)), len(annotation.FindAllString(some.stdout, -1))
		assert.Positive(t, m)
		assert.Less(t, m, n, "--min-confidence narrows the annotations")
	})

	t.Run("a path with spaces is one path: paths are split on lines only", func(t *testing.T) {
		ws := actionWorkspace(t, root)
		src, err := os.ReadFile(filepath.Join(ws, "docs", "checkout.md"))
		require.NoError(t, err)
		spaced := filepath.Join(ws, "docs", "My PRDs", "loyalty points.md")
		require.NoError(t, os.MkdirAll(filepath.Dir(spaced), 0o755))
		require.NoError(t, os.WriteFile(spaced, src, 0o644))
		// Blank lines and white space around a path, as a YAML block
		// scalar with a stray indent or trailing blank leaves them.
		res := runAction(t, a, root, ws, map[string]string{"paths": "docs/clean\n\n  docs/My PRDs/loyalty points.md \n\n"})
		require.Equal(t, 1, res.code, "findings, not a missing path: %s", res.stderr)
		assert.Empty(t, res.stderr)
		assertAnnotatesOnly(t, res.stdout, "docs/My PRDs/loyalty points.md")
	})

	t.Run("a pattern in paths is expanded by prdlint, not the shell", func(t *testing.T) {
		ws := actionWorkspace(t, root)
		res := runAction(t, a, root, ws, map[string]string{"paths": "docs/**/*.md"})
		assert.Equal(t, 1, res.code, "the PRDs it matches have findings: %s", res.stderr)
		assert.Empty(t, res.stderr)
		assertAnnotatesOnly(t, res.stdout, "docs/checkout.md")
		res = runAction(t, a, root, ws, map[string]string{"paths": "specs/*.md"})
		assert.Equal(t, 2, res.code, "a pattern that matches nothing fails the step: %s", res.stderr)
		assert.Contains(t, res.stderr, "specs/*.md: no Markdown file")
	})

	t.Run("new-from-rev reports only changed lines", func(t *testing.T) {
		if _, err := exec.LookPath("git"); err != nil {
			t.Skip("git not installed")
		}
		ws := actionWorkspace(t, root)
		git := func(args ...string) {
			cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
			cmd.Dir = ws
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, "git %v: %s", args, out)
		}
		git("init", "-q")
		git("add", "-A")
		git("commit", "-q", "-m", "specs")
		f := filepath.Join(ws, "docs", "clean", "export.md")
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		src = append(src, []byte("\nStore the exports in a new `exports` table in PostgreSQL.\n")...)
		require.NoError(t, os.WriteFile(f, src, 0o644))
		lines := strings.Count(string(src), "\n")

		res := runAction(t, a, root, ws, map[string]string{"paths": "docs", "new-from-rev": "HEAD"})
		require.Equal(t, 1, res.code, res.stderr)
		got := annotation.FindAllStringSubmatch(res.stdout, -1)
		require.NotEmpty(t, got, res.stdout)
		for _, m := range got {
			assert.Equal(t, "docs/clean/export.md", m[2])
			line, err := strconv.Atoi(m[3])
			require.NoError(t, err)
			assert.Equal(t, lines, line)
		}
	})

	t.Run("the job's GOBIN and a GOPATH of several directories are left alone", func(t *testing.T) {
		ws := actionWorkspace(t, root)
		gobin := filepath.Join(t.TempDir(), "gobin")
		res := runAction(t, a, root, ws, map[string]string{"paths": "docs/clean"}, "GOBIN="+gobin)
		require.Equal(t, 0, res.code, "step %q failed: %s", res.failedStep, res.stderr)
		assert.NoDirExists(t, gobin)
		gopaths := t.TempDir()
		gopath := filepath.Join(gopaths, "a") + string(os.PathListSeparator) + filepath.Join(gopaths, "b")
		res = runAction(t, a, root, ws, map[string]string{"paths": "docs"}, "GOPATH="+gopath)
		require.Equal(t, 1, res.code, "prdlint runs and reports: step %q: %s", res.failedStep, res.stderr)
		assertAnnotatesOnly(t, res.stdout, "docs/checkout.md")
	})
}
