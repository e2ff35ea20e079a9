package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWhatUnmeasuredQuality(t *testing.T) {
	tests := []struct {
		name string
		src  string
		// mark is the text the finding marks, "" for no finding; ask is
		// part of the target the message asks for.
		mark, ask string
	}{
		{"speed, scale and availability", "The points service must be fast, scalable and highly available.\n", "fast", "availability % per month and RPO/RTO"},
		{"speed only", "Search should be very responsive.\n", "responsive", "p95/p99 latency"},
		{"noun phrase", "The checkout needs to provide high availability.\n", "high availability", "RPO/RTO"},
		{"must scale", "The ledger must scale with demand.\n", "scale", "throughput and peak load"},
		{"quick to load", "The app must be quick to load.\n", "quick", "p95/p99 latency"},
		{"bare list item under NFR heading", "## Non-functional requirements\n\n- Fast, scalable and highly available.\n", "Fast", "throughput"},
		{"bare item elsewhere", "## Ideas\n\n- Fast, scalable and highly available.\n", "", ""},
		{"latency target", "The points service must be fast: p95 under 200 ms.\n", "", ""},
		{"availability target", "Checkout must be highly available (99.95% per month).\n", "", ""},
		{"within a second", "Search must be fast, returning results within a second.\n", "", ""},
		{"fast-follow", "Gift cards should be a fast-follow release.\n", "", ""},
		{"negated", "The export need not be fast, and it should not be real-time.\n", "", ""},
		{"prediction", "Deleting a file is cheap, so it should be quick.\n", "", ""},
		{"adverb in a user story", "Shoppers should be able to quickly find their receipts.\n", "", ""},
		{"not a requirement", "Today the points service is fast.\n", "", ""},
		{"plain will", "The new page will be fast.\n", "", ""},
		{"proper noun", "The headset must be Fast Pair certified.\n", "", ""},
		{"proper noun after support", "Phones must support Fast Pair.\n", "", ""},
		{"responsive to changes", "The controller must be responsive to API changes.\n", "", ""},
		{"scale with a quantity", "Prover profit should scale with transaction volume.\n", "", ""},
		{"reliable means correct", "This tracking must be reliable in complex cases.\n", "", ""},
		{"non-goals", "## Non-goals\n\n- The admin page must be fast.\n", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := lintWith(t, tt.src, WhatUnmeasuredQuality())
			if tt.mark == "" {
				assert.Empty(t, ds)
				return
			}
			require.Len(t, ds, 1)
			d := ds[0]
			assert.Equal(t, "what", string(d.Category))
			assert.Contains(t, d.Message, "Quality requirement without a measurable target")
			assert.Contains(t, d.Message, tt.ask)
			require.Len(t, d.Mark, 2)
			assert.Equal(t, tt.mark, d.Sentence[d.Mark[0]:d.Mark[1]])
		})
	}
}

func TestWhatUnmeasuredQualityNamesEveryWord(t *testing.T) {
	ds := lintWith(t, "The points service must be fast, scalable and highly available.\n", WhatUnmeasuredQuality())
	require.Len(t, ds, 1)
	assert.Contains(t, ds[0].Message, `("fast", "scalable", "highly available")`)
	assert.Contains(t, ds[0].Message, "p95/p99 latency")
	assert.Contains(t, ds[0].Message, "throughput")
	assert.Contains(t, ds[0].Message, "RPO/RTO")
}
