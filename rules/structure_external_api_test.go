package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStructureExternalAPI(t *testing.T) {
	noSecurity := func(extra string) string { return prdWithout(topicSecurity, "", extra) }
	noBoth := strings.Replace(prdWithout(topicReliability, "", ""), "## Privacy\n\nGuest email addresses are kept for 30 days at most.\n", "", 1)
	tests := []struct {
		name    string
		src     string
		message string // "" for no finding
	}{
		{"no exposure", noSecurity(""), ""},
		{"public API without security", noSecurity("## Partners\n\nPartners can query a guest's order status through a public API.\n"),
			fmt.Sprintf("(line %d) but states no security requirements", strings.Count(noSecurity(""), "\n")+3)},
		{"data shared with third parties", noSecurity("## Partners\n\nOrder data is shared with third-party carriers every hour.\n"),
			"but states no security requirements"},
		{"partners can pull", noSecurity("## Partners\n\nCarrier partners can fetch the delivery address of each order.\n"),
			"but states no security requirements"},
		{"neither security nor reliability", noBoth + "## Partners\n\nPartners can query a guest's order status through a public API.\n",
			"but states no security or reliability requirements"},
		{"security and reliability covered", prdWithout(topicCount, "", "## Partners\n\nPartners can query a guest's order status through a public API.\n"), ""},
		{"exposure in non-goals", noSecurity("## Non-goals\n\n- Partners can query a guest's order status through a public API.\n"), ""},
		{"negated exposure", noSecurity("## Partners\n\nThere is no public API for partners in this release.\n"), ""},
		{"library surface is not exposure", noSecurity("## Cleanup\n\nClean up the public API of the client library.\n"), ""},
		{"consumed external API", noSecurity("## Partners\n\nThe scheduler calls external webhooks to tweak its decisions.\n"), ""},
		{"offered public API", noSecurity("## Partners\n\nWe offer carriers a public API for delivery status.\n"), "but states no security requirements"},
		{"user-facing export is not external", noSecurity("## Export\n\nGuests can export their order history as a PDF.\n"), ""},
		{"short note", "# Partner API\n\nPartners can query order status through a public API.\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := lintWith(t, tt.src, StructureExternalAPI())
			if tt.message == "" {
				assert.Empty(t, ds)
				return
			}
			require.Len(t, ds, 1)
			assert.Equal(t, "structure-external-api", ds[0].Rule)
			assert.Equal(t, 1, ds[0].Line)
			assert.Contains(t, ds[0].Message, "The PRD exposes an API or data to external users or partners")
			assert.Contains(t, ds[0].Message, tt.message)
		})
	}
}
