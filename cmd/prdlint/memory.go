package main

import (
	"os"
	"runtime/debug"
)

// memoryLimit is the soft limit the garbage collector keeps the heap
// under in every run: a file raised past the default size limit makes the
// collector work harder instead of growing the process past a CI runner's
// memory.
const memoryLimit = 768 << 20

// heapLimit caps the Go runtime's memory in a run that releases documents
// as it goes.
const heapLimit = 100 << 20

// limitMemory sets memoryLimit unless GOMEMLIMIT is set.
func limitMemory() {
	if _, ok := os.LookupEnv("GOMEMLIMIT"); !ok {
		debug.SetMemoryLimit(memoryLimit)
	}
}

// tuneGC trades memory for speed in a run that keeps no documents. The live
// heap is then the findings and the few documents in flight, so the
// collector may run a quarter as often (GOGC 400) under a fixed cap that
// keeps the peak near 100 MiB however large the repository. A run that
// keeps every document has a live heap that grows with the repository; a
// fixed cap would make the collector run without pause there, so it keeps
// the runtime's defaults. GOGC and GOMEMLIMIT set by the user always win.
func tuneGC() {
	if _, ok := os.LookupEnv("GOGC"); !ok {
		debug.SetGCPercent(400)
	}
	if _, ok := os.LookupEnv("GOMEMLIMIT"); !ok {
		debug.SetMemoryLimit(heapLimit)
	}
}
