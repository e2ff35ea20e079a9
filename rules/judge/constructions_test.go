package judge

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRepresentedAs: a thing given a form after "be" is the design's data
// model; "as" that names no form ("as long as", "as defined in …") and a
// form with no "be" before it are not read.
func TestRepresentedAs(t *testing.T) {
	j := New(Options{})
	j.init()
	read := func(text string) bool { return hasRawSignal(j, text, fVerbMeans, "represented-as") }
	assertReading(t, "form", read, []string{
		`An "environment" is represented as a branch in a git repo.`,
		"T-value is encoded as a hexadecimal string of up to 14 digits.",
		"User interactions are modeled as spans instead of transactions.",
		"The verification steps will be modelled as a workflow, so that a seller can come back later.",
		"Each rule is internally serialized as JSON.",
		"Each rule is serialized internally as JSON.",
		"Swaps are implemented as a state machine with four states.",
	}, []string{
		"Field validation must be implemented as defined in the API guidelines.",
		"Records are persisted as long as the law requires.",
		"The check is implemented as described above.",
		"Prices expressed as a percentage confuse buyers.",
		"The `encoded as` option is ignored.",
		"Each name is `serialized` as a token.",
		"The limit is represented by a number.",
		"The report is represented as well as the dashboard.",
		"Discounts are expressed as a percentage of the list price.",
		"The fix should be implemented as early as possible.",
		"Refund rules will be implemented as we agreed with Finance.",
		"The feature must be implemented as per the accessibility policy.",
		"The operator `is` represented as a token.",
	})
	// a form does not hide the means a later verb names
	both := "Each tenant is represented as a namespace and deployed on Kubernetes with Helm."
	assert.True(t, read(both), both)
	assert.True(t, slices.ContainsFunc(rawSignals(j, both), func(r rawSignal) bool {
		return r.feat == fVerbMeans && r.name == "means-"
	}), "the means after the form: %q", both)
}

// TestPurposeOfModalDesign: the problem a modal design prevents, in a
// purpose clause after it, is its purpose; a result after a comma, a
// clause with no modal before it, a problem before the clause and a design
// that names no means keep the problem cue.
func TestPurposeOfModalDesign(t *testing.T) {
	j := New(Options{})
	j.init()
	purpose := func(text string) bool { return featuresOf(j, text)[fProblem] == 0 }
	assertReading(t, "purpose", purpose, []string{
		"The gate page should cache the day's list in localStorage so it keeps working when the tablet loses signal.",
		"The import job must run in a Postgres transaction so that a failure leaves the old data intact.",
	}, []string{
		"The gate page should cache the day's list in localStorage, so it keeps working when the tablet loses signal.",
		"The gate page caches the day's list in localStorage so it keeps working when the tablet loses signal.",
		"The gate page should cache the failed uploads in localStorage so they are kept.",
		"The gate page should cache the day's list so it keeps working when the tablet loses signal.",
		"The gate page caches the list in localStorage so that it will be stored when the signal fails.",
		"The gate page should cache the list in localStorage when the signal fails.",
		"Sessions will be stored in Redis so a Redis outage will sign every user out.",
	})
}

// TestPurposeClauseCanAndScreen: "can" and a screen word only in the
// purpose clause of a design that names its means are its purpose; before
// the clause they keep their cues.
func TestPurposeClauseCanAndScreen(t *testing.T) {
	j := New(Options{})
	j.init()
	x := featuresOf(j, "The token should be a signed JWT so the booking page can skip the login step.")
	assert.Zero(t, x[fCan], "can in the purpose")
	assert.Zero(t, x[fUIObject], "a page in the purpose")
	x = featuresOf(j, "The booking page can show a link that should be a signed JWT so the login step is skipped.")
	assert.NotZero(t, x[fCan], "can before the purpose")
	assert.NotZero(t, x[fUIObject], "a page before the purpose")
	x = featuresOf(j, "Store the token in a signed JWT so the booking page can skip the login step.")
	assert.Zero(t, x[fCan], "an order's purpose")
	// "could" is no "can"; a people's modal is no modal design
	x = featuresOf(j, "If the network could drop, the gate page should cache the list in IndexedDB so the kiosk can work offline.")
	assert.Zero(t, x[fCan], "could before the purpose")
	x = featuresOf(j, "Nurses must have an Okta account so they can see the ward schedule.")
	assert.NotZero(t, x[fCan], "no modal design")
}

// TestKeptInNamedStore: keeping data in a named technology is storing it,
// a design; keeping a state or a thing without one is an outcome, and a
// technology in another clause or kept by people changes nothing.
func TestKeptInNamedStore(t *testing.T) {
	assertFeatures(t, []featureCase{
		{"The tablet app should keep a local IndexedDB copy of the queue.", fSysModal, true},
		{"The tablet app should keep a local IndexedDB copy of the queue.", fModalOutcome, false},
		{"The register page should keep its marks in the browser's IndexedDB.", fModalDesign, true},
		{"The tablet app should keep a local copy of the day's orders in IndexedDB.", fSysModal, true},
		{"The app should keep the phone line open during the pilot.", fModalOutcome, true},
		{"The app should keep the list short, and the server stores it in Redis.", fModalOutcome, true},
		{"The app should keep working when the tablet loses signal, so it caches in IndexedDB.", fModalOutcome, true},
		{"The secretary should keep the list in IndexedDB.", fModalOutcome, true},
		{"The secretary should keep the list in IndexedDB.", fModalDesign, false},
		{"For volunteers, the app should keep a local IndexedDB copy of the rota.", fSysModal, true},
		{"The customer app should keep its drafts in IndexedDB.", fSysModal, true},
		{"The app should keep bookings and payments in IndexedDB.", fSysModal, true},
		// the technology in another clause, or not where data is kept
		{"The app should keep the form open when the data is in IndexedDB.", fModalOutcome, true},
		{"The app should keep drafts small so the data in IndexedDB stays small.", fModalOutcome, true},
		{"The app should keep working; drafts go in IndexedDB.", fModalOutcome, true},
		{"The app should keep the form and sync it to the copy in IndexedDB.", fModalOutcome, true},
		{"The kiosk app should keep the Stripe Terminal reader paired after a restart.", fModalOutcome, true},
		// what must not be kept is a constraint
		{"The app should not keep card numbers in localStorage.", fSysModal, false},
		{"The app should not keep card numbers in localStorage.", fModalDesign, false},
	})
}
