//go:build e2e

// The browser test opens a page written by `prdlint report` in headless
// Chromium and checks it through the DOM. .ci/e2e/report.sh builds the
// page and the matching JSON findings and runs it:
//
//	PRDLINT_E2E_REPORT=report.html PRDLINT_E2E_JSON=findings.json \
//	PRDLINT_E2E_CHROMIUM=/usr/bin/chromium go test -tags e2e ./lint/htmlreport
package htmlreport

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// browserEvents records what the page asked the network for and what
// went wrong in it.
type browserEvents struct {
	mu       sync.Mutex
	requests []string
	problems []string
}

func (b *browserEvents) listen(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		b.requests = append(b.requests, ev.Request.URL)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
			b.problems = append(b.problems, string(ev.Entry.Source)+": "+ev.Entry.Text)
		}
	case *runtime.EventExceptionThrown:
		b.problems = append(b.problems, "exception: "+ev.ExceptionDetails.Text)
	}
}

func (b *browserEvents) snapshot() (requests, problems []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.requests...), append([]string(nil), b.problems...)
}

// pageState is what the page's DOM says, gathered in the browser.
type pageState struct {
	Groups     map[string]string `json:"groups"`
	FirstStops map[string]bool   `json:"firstStops"`
	Bars       int               `json:"bars"`
	BarFills   int               `json:"barFills"`
	Checklist  int               `json:"checklist"`
	Resources  []string          `json:"resources"`
	CSP        string            `json:"csp"`
}

const gatherState = `(() => {
  const groups = {}, firstStops = {};
  for (const m of document.querySelectorAll("mark[data-finding]")) {
    const id = m.dataset.finding;
    groups[id] = (groups[id] || "") + m.textContent;
    if (m.id === "f" + id) firstStops[id] = m.tabIndex === 0;
  }
  const fills = [...document.querySelectorAll(".bar .fill")].filter(f => f.getBoundingClientRect().width > 0);
  const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  return {
    groups, firstStops,
    bars: document.querySelectorAll(".bar").length,
    barFills: fills.length,
    checklist: document.querySelectorAll(".checklist").length,
    resources: performance.getEntriesByType("resource").map(e => e.name),
    csp: meta ? meta.content : "",
  };
})()`

func TestReportInBrowser(t *testing.T) {
	reportPath, jsonPath := os.Getenv("PRDLINT_E2E_REPORT"), os.Getenv("PRDLINT_E2E_JSON")
	if reportPath == "" || jsonPath == "" {
		t.Skip("set PRDLINT_E2E_REPORT and PRDLINT_E2E_JSON (see .ci/e2e/report.sh)")
	}
	reportPath, err := filepath.Abs(reportPath)
	require.NoError(t, err)
	var findings struct {
		Diagnostics []struct {
			Line     int    `json:"line"`
			Category string `json:"category"`
			Sentence string `json:"sentence"`
		} `json:"diagnostics"`
	}
	raw, err := os.ReadFile(jsonPath)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &findings))
	require.NotEmpty(t, findings.Diagnostics, "the e2e PRD must have findings to show")

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1100, 900),
	)
	if exe := os.Getenv("PRDLINT_E2E_CHROMIUM"); exe != "" {
		opts = append(opts, chromedp.ExecPath(exe))
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	events := &browserEvents{}
	ctx, cancel := chromedp.NewContext(allocCtx, chromedp.WithListener(events.listen))
	defer cancel()
	// Start the browser on the untimed context, then bound the steps.
	require.NoError(t, chromedp.Do(ctx))
	stepCtx, cancelSteps := context.WithTimeout(ctx, 60*time.Second)
	defer cancelSteps()

	pageURL := "file://" + filepath.ToSlash(reportPath)
	require.NoError(t, chromedp.Do(stepCtx,
		chromedp.EmulateViewport(1100, 900),
		chromedp.Navigate(pageURL),
		chromedp.WaitReady(chromedp.CSS("body")),
	))
	state, err := chromedp.Run(stepCtx, chromedp.Evaluate[pageState](gatherState))
	require.NoError(t, err)

	// The highlights are at the sentences the JSON output reports.
	placed := 0
	firstID := ""
	for i, d := range findings.Diagnostics {
		if d.Category == "structure" {
			continue
		}
		placed++
		id := strconv.Itoa(i + 1)
		if firstID == "" {
			firstID = id
		}
		got, ok := state.Groups[id]
		if assert.True(t, ok, "finding %s (line %d) is highlighted", id, d.Line) {
			assert.Equal(t, squash(d.Sentence), squash(got), "finding %s", id)
			assert.True(t, state.FirstStops[id], "finding %s is a keyboard stop", id)
		}
	}
	assert.Len(t, state.Groups, placed, "every highlight is a finding")

	// The summary shows bars and the checklist.
	assert.Positive(t, state.Bars, "section bars")
	assert.Positive(t, state.BarFills, "at least one bar is filled")
	assert.Positive(t, state.Checklist, "structure checklist")
	assert.Contains(t, state.CSP, "default-src 'none'")

	// Long URLs and wide tables stay inside the page's width, on a
	// narrow window too.
	require.NoError(t, chromedp.Do(stepCtx, chromedp.EmulateViewport(600, 900)))
	overflow, err := chromedp.Run(stepCtx, chromedp.Evaluate[float64](`document.documentElement.scrollWidth - document.documentElement.clientWidth`))
	require.NoError(t, err)
	assert.LessOrEqual(t, overflow, 0.0, "the page scrolls sideways")
	require.NoError(t, chromedp.Do(stepCtx, chromedp.EmulateViewport(1100, 900)))

	// Hovering a highlight shows its finding; focusing one does too.
	require.NotEmpty(t, firstID, "the fixture has findings on sentences")
	first := `document.getElementById("f` + firstID + `")`
	tip := `document.getElementById("tip-` + firstID + `")`
	box, err := chromedp.Run(stepCtx, chromedp.Evaluate[map[string]float64](
		`(() => { const m = `+first+`; m.scrollIntoView({block: "center", behavior: "instant"}); const r = m.getBoundingClientRect(); return {x: r.left + Math.min(20, r.width / 2), y: r.top + r.height / 2}; })()`))
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(stepCtx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, box["x"], box["y"])))
	shown, err := chromedp.Run(stepCtx, chromedp.Evaluate[bool](`(() => { const t = `+tip+`; return !t.hidden && t.getBoundingClientRect().width > 0; })()`))
	require.NoError(t, err)
	assert.True(t, shown, "hovering the first highlighted finding shows its tooltip (the page script runs under its CSP)")
	require.NoError(t, chromedp.Do(stepCtx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 2, 2)))
	focused, err := chromedp.Run(stepCtx, chromedp.Evaluate[bool](`(() => { `+first+`.focus(); return !`+tip+`.hidden; })()`))
	require.NoError(t, err)
	assert.True(t, focused, "focusing the first highlighted finding shows its tooltip")

	if shot := os.Getenv("PRDLINT_E2E_SCREENSHOT"); shot != "" {
		// The top of the page, with the first finding's tooltip open.
		require.NoError(t, chromedp.Do(stepCtx, chromedp.EmulateViewport(960, 1120)))
		box, err := chromedp.Run(stepCtx, chromedp.Evaluate[map[string]float64](
			`(() => { document.activeElement.blur(); window.scrollTo({top: 0, behavior: "instant"}); const r = `+first+`.getBoundingClientRect(); return {x: r.left + Math.min(20, r.width / 2), y: r.top + r.height / 2}; })()`))
		require.NoError(t, err)
		require.NoError(t, chromedp.Do(stepCtx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, box["x"], box["y"])))
		png, err := chromedp.Run(stepCtx, chromedp.CaptureScreenshot())
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(shot, png, 0o644))
	}

	// No network request: the only request is the page itself.
	requests, problems := events.snapshot()
	assert.Contains(t, requests, pageURL, "the request log sees the page itself")
	for _, u := range requests {
		assert.Equal(t, pageURL, u, "the page made a request")
	}
	assert.Empty(t, state.Resources, "the page loaded resources")
	for _, p := range problems {
		assert.False(t, strings.Contains(p, "Content Security Policy") || strings.HasPrefix(p, "exception"), "browser reported: %s", p)
	}
}
