package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestTrainTestCommand: training runs as one go test invocation, which takes
// minutes on a small machine; go test's default ten-minute limit must not
// end it, and it must run afresh, only the training entry point.
func TestTrainTestCommand(t *testing.T) {
	args := strings.Join(trainTestArgs(), " ")
	for _, tt := range []struct {
		name, want string
	}{
		{"no time limit", " -timeout 0 "},
		{"never a cached result", " -count=1 "},
		{"only the training entry point", " -run ^TestTrainCommand$ "},
		{"the training package", " ./rules/judge/training"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Contains(t, " "+args+" ", tt.want)
		})
	}
	assert.True(t, strings.HasPrefix(args, "test "), args)
}
