package judge

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAgainVerbs: a verb that redoes a design verb's work is that verb in
// every form, with its kind; the ones users ask of a product are not.
func TestAgainVerbs(t *testing.T) {
	lex := buildLexicon()
	for _, c := range []struct {
		form string
		bits uint64
		verb string
	}{
		{"rebuild", cVerbBase, "build"},
		{"reindexes", cVerb3, "index"},
		{"pre-aggregated", cPart, "aggregate"},
		{"rebuilt", cPart, "build"},
		{"re-encrypting", cGerund, "encrypt"},
	} {
		e, ok := lex[c.form]
		require.True(t, ok, c.form)
		assert.NotZero(t, e.bits&c.bits, "%s: form", c.form)
		assert.Equal(t, c.verb, e.verb, "%s: design verb", c.form)
	}
	for _, w := range []string{"restore", "reset", "resend"} {
		assert.Zero(t, lex[w].bits&cDesignForms, "%s is asked of a product, not a design verb", w)
	}
}

// TestCloudServicesNamedInFull: a cloud service is one term, so the
// evidence names it as the sentence does ("AWS Step Functions", not "AWS").
func TestCloudServicesNamedInFull(t *testing.T) {
	j := New(Options{})
	for _, c := range []struct{ text, term string }{
		{"Route the approvals through AWS Step Functions.", "AWS Step Functions"},
		{"Encrypt each file with a key issued by AWS KMS.", "AWS KMS"},
		{"Authentication will be handled by Azure AD B2C.", "Azure AD B2C"},
		{"We will use WorkOS to handle SAML connections.", "WorkOS"},
	} {
		assert.Contains(t, termTexts(j.Judge(FromMarkdown(c.text))), c.term, c.text)
	}
}

// TestNamedTechnologies: rules and workflow engines, search engines, push
// services, DNS servers and TLS libraries are named technologies, and the
// one a sentence builds on is its means.
func TestNamedTechnologies(t *testing.T) {
	j := New(Options{})
	for _, c := range []struct{ text, term string }{
		{"Routing rules will be evaluated by a small rules engine built on Drools, so AR can change them without a deploy.", "Drools"},
		{"The approval workflow will run on Camunda.", "Camunda"},
		{"Run the importer as a service on Amazon ECS.", "Amazon ECS"},
		{"Send the reminders through OneSignal instead of APNs directly.", "OneSignal"},
		{"Index the catalogue in Typesense for typo-tolerant search.", "Typesense"},
		{"We will replace kube-dns with CoreDNS in every cluster.", "CoreDNS"},
		{"The agent will be built against BoringSSL instead of OpenSSL.", "BoringSSL"},
		{"Render the booking form inside a shadow DOM.", "shadow DOM"},
		{"Render the invoice PDFs from an HTML template with wkhtmltopdf.", "wkhtmltopdf"},
		{"Resize every upload with ImageMagick before it is stored.", "ImageMagick"},
		{"We will ship the server logs to Papertrail.", "Papertrail"},
		{"Encrypt the access notes with AES-256 at rest.", "AES-256"},
		{"Validate each membership number with the Luhn algorithm.", "Luhn"},
		{"Take a row-level lock on the slot while a booking is saved.", "row-level lock"},
		{"Send the reminders with the Vonage SMS API.", "Vonage"},
		{"We will draw the hall plan with Konva.js.", "Konva.js"},
		{"Reminders will be sent through the WhatsApp Business API.", "WhatsApp Business API"},
	} {
		v := j.Judge(FromMarkdown(c.text))
		assert.Contains(t, termTexts(v), c.term, c.text)
		assert.GreaterOrEqual(t, v.How, DefaultThreshold, c.text)
	}
}

// TestPhrasalSenses: a particle that gives a design verb another sense
// ("called out", "look into", "ran into") takes its design-verb reading
// away; one that keeps the design sense ("look up", "set up") does not.
func TestPhrasalSenses(t *testing.T) {
	j := New(Options{})
	j.init()
	for _, c := range []struct {
		sentence, word string
		design         bool
	}{
		{"This will be called out in the release notes.", "called", false},
		{"We will look into offline support next quarter.", "look", false},
		{"We ran into rate limits during the launch.", "ran", false},
		{"Most shoppers drop off at the payment step.", "drop", false},
		{"We should hold off on the launch.", "hold", false},
		{"We'll read out the results at the council meeting.", "read", false},
		{"The worker reads the queue every minute.", "reads", true},
		{"Look up the user in the cache first.", "look", true},
		{"Set up a read replica for reports.", "set", true},
		{"The worker calls the billing API.", "calls", true},
		{"The job runs out-of-process.", "runs", true},
	} {
		for _, tk := range tokensRead(t, j, c.sentence, c.word) {
			assert.Equal(t, c.design, tk.lex.designVerb(), "%q in %q", c.word, c.sentence)
		}
	}
}

// tokensRead returns the tokens of sentence that the judge reads as word
// (lower-cased), and fails the test when there are none.
func tokensRead(t *testing.T, j *Judge, sentence, word string) []token {
	t.Helper()
	var ex extraction
	var found []token
	for _, tk := range j.tokens(FromMarkdown(sentence), &ex, nil, nil) {
		if tk.low == word {
			found = append(found, tk)
		}
	}
	require.NotEmpty(t, found, "%q not read as %q", sentence, word)
	return found
}

func TestPossessiveTerms(t *testing.T) {
	j := New(Options{})
	j.init()
	for _, c := range []struct {
		sentence, word string // word: the token as read
		raw            string // its text in the sentence
	}{
		{"The service will use OpenAI's API.", "openai", "OpenAI"},
		{"We will store carts in Redis’s cluster mode.", "redis", "Redis"},
		{"Export the report to GitHub's issue tracker.", "github", "GitHub"},
		// a generic word names a part of the system, not a choice
		{"The container's lifecycle will be managed by the runtime.", "container's", "container's"},
		// "'s" as "is"
		{"It's the default.", "it's", "It's"},
	} {
		for _, tk := range tokensRead(t, j, c.sentence, c.word) {
			assert.Equal(t, c.raw, tk.raw, c.sentence)
			assert.Equal(t, c.raw, c.sentence[tk.s:tk.e], c.sentence)
		}
	}
}

// TestSoftwareAgent: an agent named by a product or a kind of software, or
// in a sentence about hosts and installs, is a program; support and
// contact-centre agents, and agents in a sentence about what they see,
// are people.
func TestSoftwareAgent(t *testing.T) {
	j := New(Options{})
	j.init()
	for _, tt := range []struct {
		sentence, word string
		person         bool
	}{
		{"The DataDog agent would be installed in the base image.", "agent", false},
		{"Prover agents poll the broker for work.", "agents", false},
		{"The agent should buffer events on disk and flush them in batches.", "agent", false},
		{"The agent also listens locally for StatsD metrics.", "agent", false},
		{"A monitoring agent reads the health endpoint.", "agent", false},
		{"Support agents can see every substitution on the order timeline.", "agents", true},
		{"Contact-centre agents track waitlists in a spreadsheet.", "agents", true},
		{"Agents can see the full offer history for a sailing.", "agents", true},
		{"As a support agent, I want to see the order history.", "agent", true},
		{"Support agents install the app on their own phones.", "agents", true},
		{"The agent sees the customer's last ticket.", "agent", true},
		{"The DataDog agent forwards the logs.", "agent", false},
		{"Senior agents see the escalations.", "agents", true},
		{"Note: The agent sees the customer's last ticket.", "agent", true},
		{"The agent should install the router and test the line.", "agent", true},
		{"An agent should port the customer's number within a day.", "agent", true},
		{"A security agent checks each visitor's badge.", "agent", true},
		{"The Zendesk agents see the order timeline.", "agents", true},
		{"The Freshdesk agents see the order timeline.", "agents", true},
		{"As a Senior Agent, I want to see escalated tickets.", "agent", true},
		{"The agent is installed on every node.", "agent", false},
		{"The agent listens for TCP connections at the configured port.", "agent", false},
		{"A proxy agent runs in the node network.", "agent", false},
	} {
		for _, tk := range tokensRead(t, j, tt.sentence, tt.word) {
			assert.Equal(t, tt.person, tk.lex.bits&cUser != 0, "%q in %q", tt.word, tt.sentence)
		}
	}
}

// TestSinceRelease: "Starting with" a release tells what a product has
// done since, a word of today as "As of" is; a count, a share, code that
// names no release and a sentence about the future are none. Judging the
// sentence reads the context word, which has no word entry of its own.
func TestSinceRelease(t *testing.T) {
	j := New(Options{})
	j.init()
	for _, tt := range []struct {
		sentence string
		today    bool
	}{
		{"Starting with `npm@5`, any symlink is recorded in the lock-file.", true},
		{"Starting in 1.27, the job controller ignores the annotation.", true},
		{"Starting with .NET 6, it can also cross-compile.", true},
		{"Beginning with v2, the agent exports spans over OTLP.", true},
		{"Starting with 5% of accounts, roll out the new flow.", false},
		{"Starting with 10 clinics, roll out the new flow.", false},
		{"Starting with two clinics, roll out the new flow.", false},
		{"Starting in 1.27, the job controller will ignore the annotation.", false},
		{"Starting from `L`, find the closest location.", false},
		{"Starting today, the kiosk shows the queue.", false},
		{"Starting with npm@5, any symlink is recorded in the lock-file.", true},
		{"Starting with npm@latest, any symlink is recorded in the lock-file.", false},
		{"Starting with 2.5% of accounts, roll out the new flow.", false},
		{"Starting with the 10 largest clinics, roll out the new flow.", false},
		{"Starting at 9.30, the desk opens the queue.", false},
		{"Starting with v3, the client should send requests over gRPC.", false},
		{"Starting with v3, the client must send requests over gRPC.", false},
		{"Starting with v3, the client needs a token.", false},
		{"Starting from 0.5 seconds, the client retries with backoff.", false},
		{"Starting with Phase 2, users see the export button.", false},
		{"Starting in January 2025, invoices go out as PDF attachments.", false},
		{"Starting with Kubernetes 1, pods get an IP each.", true},
	} {
		tk := tokensRead(t, j, tt.sentence, strings.ToLower(strings.Fields(tt.sentence)[0]))
		assert.Equal(t, tt.today, tk[0].lex.bits&cContext != 0, tt.sentence)
		assert.NotPanics(t, func() { j.Judge(FromMarkdown(tt.sentence)) }, tt.sentence)
	}
}

// TestHyphenatedParticiples: a word joined before a design verb's
// participle ("server-rendered") leaves the participle, and a hyphenated
// word whose last part is no such participle stays unknown.
func TestHyphenatedParticiples(t *testing.T) {
	j := New(Options{})
	j.init()
	for _, c := range []struct{ sentence, word, verb string }{
		{"The list page should be server-rendered with Next.js.", "server-rendered", "render"},
		{"The SDKs are auto-generated from the proto files.", "auto-generated", "generate"},
		{"The images are pre-built in CI.", "pre-built", "build"},
	} {
		tk := tokensRead(t, j, c.sentence, c.word)[0]
		assert.NotZero(t, tk.lex.bits&cPart, "%s: participle", c.word)
		assert.Equal(t, c.verb, tk.lex.verb, c.word)
	}
	for _, c := range []struct{ sentence, word string }{
		{"The keys are well-known.", "well-known"},
		{"Tokens are long-lived.", "long-lived"},
		{"The page is user-friendly.", "user-friendly"},
		// a participle after a prefix that says who or how well
		{"The kiosk should be purpose-built for the front desk.", "purpose-built"},
		{"Signatures may be hand-written on the form.", "hand-written"},
		// a last part the lexicon knows as no participle
		{"The tokens are single-use.", "single-use"},
		{"The settings page is read-only.", "read-only"},
	} {
		tk := tokensRead(t, j, c.sentence, c.word)[0]
		assert.Zero(t, tk.lex.bits&cDesignForms, c.word)
	}
	// a form the lexicon knows whole keeps its own entry
	tk := tokensRead(t, j, "The tables are pre-aggregated nightly.", "pre-aggregated")[0]
	assert.Equal(t, "aggregate", tk.lex.verb)
	x := featuresOf(j, "The passenger list page should be server-rendered with Next.js so it loads fast.")
	assert.NotZero(t, x[fModalBePart], "a modal passive of a design verb")
}

// TestProductNamedInCapitals: a product whose name is an ordinary word is
// a term only in capitals.
func TestProductNamedInCapitals(t *testing.T) {
	j := New(Options{})
	assert.Contains(t, termTexts(j.Judge(FromMarkdown("We will ship the server logs to Papertrail."))), "Papertrail")
	for _, text := range []string{
		"The refund process needs a clear papertrail for the treasurer.",
		"Each approval leaves a papertrail that auditors can follow.",
	} {
		assert.Empty(t, termTexts(j.Judge(FromMarkdown(text))), text)
	}
}
