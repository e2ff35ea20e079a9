package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/prdlint/prdlint/lint"
	"github.com/prdlint/prdlint/rules"
)

// maxHeapPerInputByte bounds the heap a lint may use per byte of input:
// at this rate a file at the default size limit stays under 1 GiB. It
// measures about 18 on the mix of prose and code below.
const maxHeapPerInputByte = 40

// peakHeap runs f and returns the most heap in use while it ran, above
// what was in use before.
func peakHeap(f func()) uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	var peak uint64
	var mu sync.Mutex
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var s runtime.MemStats
		for {
			runtime.ReadMemStats(&s)
			mu.Lock()
			peak = max(peak, s.HeapInuse)
			mu.Unlock()
			select {
			case <-done:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	f()
	close(done)
	wg.Wait()
	runtime.ReadMemStats(&ms)
	peak = max(peak, ms.HeapInuse)
	if peak < base {
		return 0
	}
	return peak - base
}

// TestLargeFileMemory lints a file above the default size limit with the
// limit raised, and checks that the heap grows in proportion to the file.
func TestLargeFileMemory(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes memory use")
	}
	para := []byte("Shoppers can pay as guests. Orders ship within two days of payment.\n\n")
	src := append([]byte("# Goals\n\n"+prescription+"\n\n"), bytes.Repeat(para, (2<<20)/len(para))...)
	// Code makes up most of the file: above the default limit, cheap to lint.
	src = append(src, "```\n"...)
	src = append(src, bytes.Repeat([]byte("log line\n"), (lint.DefaultMaxFileSize+1<<20)/9)...)
	path := filepath.Join(t.TempDir(), "large.md")
	require.NoError(t, os.WriteFile(path, src, 0o644))

	_, stderr, code := prdlint(t, "", "lint", path)
	assert.Equal(t, 2, code, "over the default limit")
	assert.Contains(t, stderr, "over the 16.0 MiB limit")

	l := &lint.Linter{Rules: rules.All(), MaxFileSize: int64(len(src))}
	l.Lint([]string{"../../testdata/prds"}) // load the sentence model first
	var rep *lint.Report
	peak := peakHeap(func() { rep = l.Lint([]string{path}) })
	require.Empty(t, rep.Errors)
	require.NotEmpty(t, rep.Diagnostics)
	assert.Equal(t, 3, rep.Diagnostics[0].Line)
	t.Logf("%d bytes linted with %d MB of heap at the peak (%.1f per byte)", len(src), peak>>20, float64(peak)/float64(len(src)))
	assert.Less(t, peak, uint64(maxHeapPerInputByte*len(src)))
}
