//go:build race

package main

// raceEnabled is true when the race detector is on: it multiplies memory
// and time, so measurements of either are skipped.
const raceEnabled = true
