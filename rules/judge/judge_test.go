package judge

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type judgeCase struct {
	name    string
	md      string   // inline Markdown
	section []string // heading path
	how     bool
	kind    string // expected Kind when how ("" = not checked)
}

// Sentences written for these tests (none of them is in the training data).
var judgeCases = []judgeCase{
	// --- how: technology choice
	{"tech: we will use", "We will use RabbitMQ to deliver the order events.", nil, true, "tech-choice"},
	{"tech: passive written in", "The indexer is written in Go and talks to Cassandra.", nil, true, ""},
	{"tech: imperative adopt", "Adopt Snowflake as the warehouse for product analytics.", nil, true, "tech-choice"},
	{"tech: backed by", "Rate limits are tracked by a counter backed by Memcached.", nil, true, ""},
	{"tech: chose", "We chose Temporal for the workflow engine because it persists state between steps.", nil, true, "tech-choice"},
	{"tech: modal use", "The billing service must use Memcached for the rate counters.", nil, true, "tech-choice"},
	{"tech: modal passive", "Shipping labels should be rendered by a Celery task.", nil, true, ""},
	{"tech: shall be persisted in", "Carts shall be persisted in Firestore.", nil, true, ""},
	{"tech: a screen built with a product", "Build the billing page with Svelte.", nil, true, ""},
	{"tech: select a product", "Select PostgreSQL as the primary store for orders.", nil, true, "tech-choice"},
	// --- how: architecture without brand names
	{"arch: fallback mechanism", "Keep the old signing key and accept it as a fallback until every client has the new one.", nil, true, ""},
	{"arch: worker polls", "A worker polls the outbox table every second and publishes new rows to the event bus.", nil, true, "architecture"},
	{"arch: we'll replicate", "We'll replicate each tenant's data to a standby region.", nil, true, "architecture"},
	{"arch: controller watches", "The controller watches Ingress objects and writes the resolved backends into a ConfigMap.", nil, true, ""},
	{"arch: retry with backoff", "Failed webhook deliveries are retried with exponential backoff for up to a day.", nil, true, "architecture"},
	{"arch: signed URLs", "Attachments should go directly from the phone to cloud storage using pre-signed URLs.", nil, true, "architecture"},
	// --- how: data model
	{"data: imperative column", "Add a `last_login_at` column to the `users` table.", nil, true, "data-model"},
	{"data: new field passive", "A new field `pausedAt` should be added to `status`.", nil, true, ""},
	{"data: stored in", "Each reminder is stored in a table with the due date and the owner's ID.", nil, true, "data-model"},
	{"data: stored, with its purpose", "Store carts in DynamoDB so shoppers don't lose items.", nil, true, ""},
	{"data: migration", "A one-off data migration copies the old settings into the new table.", nil, true, ""},
	// --- how: API shape
	{"api: endpoint", "Expose a `GET /v1/reminders` endpoint that returns the reminders due today.", nil, true, "api-shape"},
	{"api: flag", "Add a `--wait` flag to the `deploy` command.", nil, true, ""},
	{"api: we will add field", "We will add a `Priority` field to the `ReminderSpec` API object.", nil, true, ""},
	// --- how: code
	{"code: conditional", "If `Reminder.dueAt` changes, a new `Notification` instance gets created and the old one is cancelled.", nil, true, ""},
	{"code: class split", "The `ReminderService` class will be split into a scheduler and a sender.", nil, true, ""},
	{"code: helper", "Extract the date parsing into a helper function shared by both handlers.", nil, true, ""},
	// --- how: infrastructure
	{"infra: deploy", "Deploy the reminder service as a Kubernetes CronJob that runs every minute.", nil, true, ""},
	{"infra: CI", "Add a CI job that builds the container image and pushes it to the registry.", nil, true, ""},

	// --- what: context that names technology
	{"ctx: redis today", "Today carts live in one Redis node.", []string{"Background"}, false, ""},
	{"ctx: outage", "Last quarter's Redis outage lost carts for thousands of shoppers.", []string{"Background"}, false, ""},
	{"ctx: currently", "Support currently exports tickets from Zendesk by hand every Friday.", []string{"Context"}, false, ""},
	{"ctx: historically", "Historically, reminders were sent by a script on the ops team's laptop.", nil, false, ""},
	{"ctx: past, no heading", "The old billing system stored balances as floats, which caused rounding errors.", nil, false, ""},
	{"ctx: past, no marker", "Clinics reported double-booked appointments after the March release.", nil, false, ""},
	// --- what: problems and risks
	{"problem: slow", "Shoppers wait up to eight seconds for the cart page to load.", []string{"Problem"}, false, ""},
	{"problem: cannot", "Team leads cannot see which reminders were missed last week.", nil, false, ""},
	{"risk: may", "If reminders arrive late, customers may miss their appointments.", []string{"Risks"}, false, ""},
	{"risk: accidental misuse", "Users who skip the migration step may accidentally keep writing to the old `ledger_v1` table.", nil, false, ""},
	// --- what: constraints
	{"constraint: v1 clients", "The change must keep working with existing v1 clients.", []string{"Constraints"}, false, ""},
	{"constraint: target db", "The main target database is Postgres.", []string{"Constraints"}, false, ""},
	{"constraint: region", "Customer data has to stay in the region the customer chose.", nil, false, ""},
	{"constraint: compatible with a product", "The importer must stay compatible with MySQL 8.", nil, false, ""},
	{"constraint: must not use", "We must not use Oracle because of its licence costs.", nil, false, ""},
	{"requirement: a product users sign in with", "Members must be able to sign in with their Auth0 account.", nil, false, ""},
	// --- what: SLOs and KPIs
	{"slo: p99", "The p99 latency of the reminders API stays below 300 ms.", []string{"Success metrics"}, false, ""},
	{"slo: percent", "95% of reminders are delivered within one minute of their due time.", []string{"SLOs"}, false, ""},
	{"kpi: fragment", "Number of reminders snoozed per active user.", []string{"KPIs"}, false, ""},
	// --- what: non-goals
	{"nongoal: out of scope", "Replacing the notification provider is out of scope.", []string{"Non-Goals"}, false, ""},
	{"nongoal: not part", "SMS reminders are not part of this release.", []string{"Non-Goals"}, false, ""},
	// --- what: requirements as user-visible capability (modal variety)
	{"req: can export", "Users can export reports as CSV.", []string{"Requirements"}, false, ""},
	{"req: a screen in a product", "Show each payout in the Shopify admin.", nil, false, ""},
	{"req: should be able", "Team owners should be able to snooze a reminder for the whole team.", []string{"Requirements"}, false, ""},
	{"req: must", "A reminder must never be delivered twice to the same person.", []string{"Requirements"}, false, ""},
	{"req: will receive", "Customers will receive a reminder the day before their appointment.", nil, false, ""},
	{"req: shall", "The reminder shall show the appointment's address and a link to reschedule.", nil, false, ""},
	{"req: a step on a screen", "Select a payment method.", nil, false, ""},
	{"req: an export", "Export the reminder history as CSV for the monthly close.", nil, false, ""},
	{"req: a receipt for a person", "Send a receipt to the customer after each payment.", nil, false, ""},
	// Without a heading this sentence is still reported (0.59): "will" is
	// all the evidence left. That modal-be-part no longer fires is tested
	// in TestConstructionFeatures.
	{"req: work assigned to people", "Translation will be done by the state's contracted vendor, with community review.", []string{"Dependencies and rollout"}, false, ""},
	// --- what: goals and user stories
	{"goal: reduce", "Reduce missed appointments by a third.", []string{"Goals"}, false, ""},
	{"goal: this will let", "This will let clinics spend less time on the phone confirming visits.", []string{"Summary"}, false, ""},
	{"story", "As a clinic manager, I want to see which patients confirmed so that I can fill empty slots.", []string{"User Stories"}, false, ""},
	// A user telling what they do, with no "As a …, I want" frame: the
	// code it names is theirs to use, not a design.
	{"story: first person, no frame", "I keep a second `SigningKey` named `canary` in the `billing` namespace, labelled `tier=canary`.", nil, false, ""},
	{"story: first person, an operator's step", "I run `kubectl drain` on each node before the upgrade.", nil, false, ""},
	// Verbs that redo a design verb's work ("Rebuild", "Reindex",
	// "Pre-aggregate") order a design as the verb does; a screen rebuilt
	// for a user-visible reason stays what.
	{"how: rebuild as a technology", "Rebuild the settings tab as a native SwiftUI screen.", nil, true, ""},
	{"how: pre-aggregate", "Pre-aggregate daily sales into a Druid datasource before the dashboard loads.", nil, true, ""},
	{"how: reindex", "Reindex the product catalog in Elasticsearch every night.", nil, true, ""},
	{"how: a screen on top of a technology", "Build the checkout page on top of React.", nil, true, ""},
	// An order after a lead-in phrase is still an order.
	{"how: an order after a lead-in", "For the MVP, use Postgres for the ledger.", nil, true, ""},
	{"how: an order after a release", "In version 2, store sessions in Redis.", nil, true, ""},
	{"goal: an outcome after a lead-in", "For the MVP, focus on the three largest clinics.", nil, false, ""},
	// Data platforms and managed Kubernetes are named technologies.
	{"how: a data platform", "Run the ingestion jobs on Databricks.", nil, true, "tech-choice"},
	{"how: a cloud service named in full", "Route the approvals through AWS Step Functions.", nil, true, "tech-choice"},
	{"how: a vector store", "Store the embeddings in Pinecone and query them on every search.", nil, true, "tech-choice"},
	{"req: rebuild a screen for users", "Rebuild the onboarding tab so new hires see their first-week tasks.", nil, false, ""},
	{"how: first person proposing", "I propose that the `orders` table gets a `version` column for optimistic locking.", nil, true, ""},
	// A particle can turn a design verb into a plan or a mention.
	{"plan: look into", "We will look into offline support next quarter.", nil, false, ""},
	{"plan: hold off", "We should hold off on the mobile launch until the pilot ends.", nil, false, ""},
	{"mention: called out", "This will be called out in the release notes.", nil, false, ""},
	{"question", "Should reminders respect the recipient's quiet hours?", []string{"Open questions"}, false, ""},

	// --- how: a platform named as the means (design verb + on/in/with)
	{"infra: deploy on platform", "Deploy the points service on Kubernetes with three replicas per region.", nil, true, ""},
	{"infra: we will deploy on", "We will deploy it on AWS Lambda.", nil, true, ""},
	{"infra: host in", "The quiz service will be hosted in a container on the shared cluster.", nil, true, ""},
	// --- what: a platform named as context or constraint
	{"ctx: runs on today", "The points service runs on Kubernetes today.", []string{"Background"}, false, ""},
	{"constraint: platform version", "The add-on has to run on Kubernetes 1.29 and later.", []string{"Constraints"}, false, ""},
	// --- what: a shortcoming or an absence is the subject, whatever it names
	{"shortcoming: problems with approach", "The problems with this approach are that it adds two config keys and a `--force` flag that may overlap.", nil, false, ""},
	{"shortcoming: first risk", "The first risk is when using the `LoadBalancer` service type for pods behind the proxy.", nil, false, ""},
	{"shortcoming: answered", "The problem with polling is that it wastes requests; we propose a webhook instead.", nil, true, ""},
	// --- what: text written for the reader, and fragments that are not prose
	{"copy: email", "Review your reminders and choose the ones you want to keep.", nil, false, ""},
	{"copy: ui flow", "Profile -> Reminders -> Quiet hours", nil, false, ""},
	{"copy: table header", "Reminder Owner", []string{"Design"}, false, ""},
	{"copy: value", "`v1.4.2`, `v1.5.0`", []string{"Design"}, false, ""},

	// --- the object decides what an imperative orders
	{"gerund: goal item", "Supporting offline mode for the mobile app in the first release.", nil, false, ""},
	{"gerund: non-goal item", "Providing a way for clinics to export their reminder history.", nil, false, ""},
	{"gerund: a means is not a goal", "Using a separate queue for retries avoids head-of-line blocking.", nil, true, ""},
	{"gerund: a noun with its verb", "Logging is done by a sidecar that ships logs to Loki.", nil, true, ""},
	{"gerund: a design verb", "Caching the rendered page in Redis for five minutes.", nil, true, ""},
	{"method to: a way to", "To provide a method to move reminders between clinics without retyping them.", nil, false, ""},
	{"method: code", "Add a `Snooze()` method to the reminder client.", nil, true, ""},
	{"benefit: this will allow", "This will allow us to retire the weekly export that support runs by hand.", nil, false, ""},
	{"benefit: it also lets", "It also lets dispatchers see every late delivery in one place.", nil, false, ""},
	{"benefit: not a mechanism", "It stores each session token in Redis with a one-hour expiry.", nil, true, ""},
	{"def: two-word subject", "The ReminderPack bundle is a format for sharing reminder lists between clinics.", nil, false, ""},
	{"imp: capability", "Add the ability to pause a reminder for a week.", nil, false, ""},
	{"imp: feature", "Introduce a quiet-hours feature for clinics that close early.", nil, false, ""},
	{"imp: MVP", "Build a reminders MVP (two clinics only).", nil, false, ""},
	{"imp: template instruction", "Delete this section if the launch has no partners.", nil, false, ""},
	{"imp: feature gate is an artifact", "Add a feature gate `QuietHours` to guard the new scheduler.", nil, true, ""},
	{"imp: identifier before the noun", "Rename ReminderFeature to Feature.", nil, true, ""},
	{"imp: template files", "Add the template files to the reminders repository.", nil, true, ""},

	// --- a named product described in the present tense is context; the
	// same sentence about the system being proposed stays how
	{"describes: a product's header", "Envoy has an `x-envoy-retry-on` header for retry policies.", nil, false, ""},
	{"describes: a product's directive", "Nginx has a `proxy_cache` directive for upstream responses.", nil, false, ""},
	{"describes: the new service is proposed", "The new service has a `flush()` method that writes the buffer to Kafka.", nil, true, ""},
	{"describes: a design verb stays how", "The gateway forwards each request to the ledger service over gRPC.", nil, true, ""},
}

func TestJudgeCases(t *testing.T) {
	j := New(Options{})
	var failed []string
	for _, c := range judgeCases {
		in := FromMarkdown(c.md, c.section...)
		v := j.Judge(in)
		got := v.How >= DefaultThreshold
		if got != c.how {
			failed = append(failed, c.name)
		}
		assert.Equal(t, c.how, got, "%s: %q how=%.2f signals=%v", c.name, c.md, v.How, signalNames(v))
		if c.how && c.kind != "" {
			assert.Equal(t, c.kind, v.Kind, "%s: kind", c.name)
		}
		if c.how {
			assert.NotEmpty(t, v.Signals, "%s: a how verdict carries evidence", c.name)
		}
	}
	if len(failed) > 0 {
		t.Logf("failed: %d/%d %v", len(failed), len(judgeCases), failed)
	}
}

func signalNames(v Verdict) []string {
	var s []string
	for _, g := range v.Signals {
		s = append(s, g.Name)
	}
	return s
}

// termTexts returns the text of each vocabulary term a verdict cites.
func termTexts(v Verdict) []string {
	var s []string
	for _, g := range v.Signals {
		if strings.HasPrefix(g.Name, "term:") {
			s = append(s, g.Text)
		}
	}
	return s
}

func TestVerdictShape(t *testing.T) {
	j := New(Options{})
	for _, c := range judgeCases {
		in := FromMarkdown(c.md, c.section...)
		v := j.Judge(in)
		assert.GreaterOrEqual(t, v.How, 0.0)
		assert.LessOrEqual(t, v.How, 1.0)
		assert.Contains(t, Kinds, v.Kind)
		for i, s := range v.Signals {
			assert.NotEmpty(t, s.Name)
			if s.Start != -1 {
				require.Less(t, s.Start, s.End, c.md)
				require.LessOrEqual(t, s.End, len(in.Text), c.md)
				assert.Equal(t, in.Text[s.Start:s.End], s.Text, c.md)
			}
			if i > 0 {
				assert.GreaterOrEqual(t, v.Signals[i-1].Weight, s.Weight, "signals sorted strongest first")
			}
		}
	}
}

// TestReported: a verdict with evidence to point to is reported from
// DefaultThreshold, one without from UnpointedThreshold; a signal outside
// the text, or with no text, is no evidence.
func TestReported(t *testing.T) {
	const text = "Each request is answered from the nearest copy."
	term := []Signal{{Name: "term:copy", Start: 42, End: 46, Text: "copy", Weight: 1}}
	for _, tt := range []struct {
		how     float64
		signals []Signal
		want    bool
	}{
		{DefaultThreshold - 0.01, term, false},
		{DefaultThreshold, term, true},
		{DefaultThreshold, nil, false},
		{UnpointedThreshold - 0.01, nil, false},
		{UnpointedThreshold - 0.01, []Signal{{Name: "will", Start: -1, End: -1, Text: "will"}}, false},
		{UnpointedThreshold - 0.01, []Signal{{Name: "term:copy", Start: 42, End: 60, Text: "copy"}}, false},
		{UnpointedThreshold, nil, true},
	} {
		v := Verdict{How: tt.how, Signals: tt.signals}
		assert.Equal(t, tt.want, v.Reported(text), "how %.3f, signals %v", tt.how, tt.signals)
	}
	// a term points, whichever way it weighs; plain words do not
	j := New(Options{})
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Each tenant gets its own namespace in the production cluster.", true},
		{"Store carts in Redis.", true},
		{"Each purchase is rounded up to the next whole dollar.", false},
	} {
		in := FromMarkdown(tt.text)
		assert.Equal(t, tt.want, j.Judge(in).Pointed(in.Text), "%q", tt.text)
	}
}

func TestEmptyAndOddInput(t *testing.T) {
	j := New(Options{})
	for _, in := range []Input{
		{},
		{Text: "   "},
		{Text: "```"},
		{Text: "`"},
		{Text: "x", Code: [][2]int{{0, 1}}},
		{Text: "bad ranges", Code: [][2]int{{5, 2}, {-1, 3}, {4, 99}}},
		{Text: "Ünïcödé — “quoted” text’s fine…", Heading: true},
		{Text: strings.Repeat("We will add a new field to the table. ", 200)},
	} {
		v := j.Judge(in)
		assert.Contains(t, Kinds, v.Kind)
		assert.False(t, v.How < 0 || v.How > 1)
	}
}

func TestOptionsAddRemove(t *testing.T) {
	in := Input{Text: "The ledger service will store balances in Frobnicator."}
	base := New(Options{}).Judge(in)
	added := New(Options{Add: []string{"Frobnicator"}}).Judge(in)
	assert.Greater(t, added.How, base.How, "an added term raises How")
	assert.True(t, hasSignal(added, "term:frobnicator"))

	in2 := Input{Text: "Checkout will read prices from Kafka."}
	kept := New(Options{}).Judge(in2)
	removed := New(Options{Remove: []string{"kafka"}}).Judge(in2)
	assert.True(t, hasSignal(kept, "term:kafka"))
	assert.False(t, hasSignal(removed, "term:kafka"))

	// a term given with "=" matches in its own case only, every word of it
	cased := New(Options{Add: []string{"=Lit", "=Ledger Row"}})
	assert.True(t, hasSignal(cased.Judge(Input{Text: "Build the widget with Lit."}), "term:Lit"))
	assert.False(t, hasSignal(cased.Judge(Input{Text: "The lobby is lit at night."}), "term:Lit"))
	assert.True(t, hasSignal(cased.Judge(Input{Text: "Each transfer appends two Ledger Rows."}), "term:Ledger Row"))
	assert.False(t, hasSignal(cased.Judge(Input{Text: "Each transfer appends a ledger row."}), "term:Ledger Row"))
	assert.True(t, hasSignal(New(Options{}).Judge(Input{Text: "Rebuild the picker as a Web Component."}), "term:Web Component"))

	kinded := New(Options{Add: []string{"data-model:ledger row"}}).Judge(Input{Text: "Each transfer appends a ledger row."})
	for _, s := range kinded.Signals {
		if s.Name == "term:ledger row" {
			assert.Equal(t, "data-model", s.Kind)
		}
	}
}

func hasSignal(v Verdict, name string) bool {
	for _, s := range v.Signals {
		if s.Name == name {
			return true
		}
	}
	return false
}

func TestVocabulary(t *testing.T) {
	tiers := VocabularyTiers()
	v := map[string][]string{}
	for k, byTier := range tiers {
		for _, terms := range byTier {
			v[k] = append(v[k], terms...)
		}
	}
	total := 0
	for _, k := range Kinds {
		assert.NotEmpty(t, v[k], k)
		total += len(v[k])
	}
	assert.Greater(t, total, 500)
	assert.Contains(t, v["tech-choice"], "kafka")
	assert.Contains(t, v["data-model"], "primary key")
	assert.Contains(t, tiers["tech-choice"]["brand"], "postgresql")
	// named data structures and algorithms are mechanisms
	assert.Contains(t, tiers["architecture"]["mech"], "levenshtein distance")
	assert.Contains(t, tiers["architecture"]["mech"], "inverted index")
}

func TestFromMarkdown(t *testing.T) {
	in := FromMarkdown("Add **a** `version` column to [the carts table](http://x/y) via `ALTER TABLE`.")
	assert.Equal(t, "Add a version column to the carts table via ALTER TABLE.", in.Text)
	require.Len(t, in.Code, 2)
	assert.Equal(t, "version", in.Text[in.Code[0][0]:in.Code[0][1]])
	assert.Equal(t, "ALTER TABLE", in.Text[in.Code[1][0]:in.Code[1][1]])
	in = FromMarkdown("Add Ongoing substate to `[GroupInboxReason](https://example.com/a_b.py#L28)` and snake_case_name.")
	assert.Contains(t, in.Text, "snake_case_name")
	in = FromMarkdown("[`Status`](https://example.com) is returned")
	assert.Equal(t, "Status is returned", in.Text)
	assert.Equal(t, [][2]int{{0, 6}}, in.Code)
}

func TestConcurrent(t *testing.T) {
	j := New(Options{})
	want := make([]float64, len(judgeCases))
	for i, c := range judgeCases {
		want[i] = j.Judge(FromMarkdown(c.md, c.section...)).How
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, c := range judgeCases {
				assert.Equal(t, want[i], j.Judge(FromMarkdown(c.md, c.section...)).How)
			}
		}()
	}
	wg.Wait()
}

// TestTruncatedUTF8 keeps token spans inside the text when a multibyte
// sequence is cut short (the engine rejects invalid UTF-8 files, but the
// judge must not depend on that).
func TestTruncatedUTF8(t *testing.T) {
	j := New(Options{})
	for _, text := range []string{"\xef", "ab\xe2\x80", "Use Kafka \xf0\x9f"} {
		assert.NotPanics(t, func() { j.Judge(Input{Text: text}) }, "%q", text)
	}
}

// TestConstructionFeatures checks that constructions are detected where
// they occur and only there, whatever weight the model gives them.
func TestConstructionFeatures(t *testing.T) {
	j := New(Options{})
	j.init()
	tests := []struct {
		feature string
		on, off []string
	}{
		{"benefit",
			[]string{"This will allow us to retire the weekly export.", "It also lets dispatchers see every late delivery.", "This opens up streaming dashboards for store managers."},
			[]string{"It stores each session token in Redis.", "We will allow admins to export reports.", "Users can allow guests to comment."}},
		{"gerund-lead",
			[]string{"Supporting offline mode in the first release.", "Providing a way for clinics to export their history.",
				"Supporting multiple clusters is a non-goal.", "Supporting other execution modes.",
				"Supporting users who are offline.", "Supporting clubs, teams and leagues."},
			[]string{"Using a separate queue for retries avoids blocking.", "Caching the rendered page in Redis.", "Logging is done by a sidecar.", "Existing tokens will be migrated.",
				"Shipping labels should be rendered by a print service.", "Billing records are kept for seven years.",
				"Booking confirmation emails are sent through Amazon SES.", "Parking permit renewals are sent by post.",
				"Catering and bar licences are out of scope."}},
		{"definition",
			[]string{"The ReminderPack bundle is a format for sharing reminder lists.", "Redis is an in-memory data store.", "The main target database is Postgres.", "Our ILS is Polaris, and nobody plans to migrate.",
				"Our mobile app is built in Flutter.", "The StaffHub app is built in React Native and is maintained by a single contractor."},
			[]string{"The bundle will be stored in Redis.", "The team is a small group.", "The database will be Postgres.", "The main database is Postgres with a hot standby in a second region.",
				"The new dashboard is built with React.", "The dashboard will be built with React.", "Each host is built with a hard-coded set of RIDs.",
				"The MVP is built in React Native.", "The pilot app is built with Flutter."}},
		{"imp-outcome",
			[]string{"Add the ability to pause a reminder.", "Introduce a quiet-hours feature for clinics.", "Build a reminders MVP (two clinics only).",
				"Maintain backward compatibility with existing configurations.", "Maintain backward compatibility - existing behavior unchanged unless configured.",
				"Build trust with clinic owners first.", "Build relationships with the insurers."},
			[]string{"Add a feature gate `QuietHours` to guard the scheduler.", "Add the template files to the repository.", "Rename ReminderFeature to Feature.", "Build a trust store for the client certificates."}},
		{"nongoal",
			[]string{"Doing so is out-of-scope for this release.", "Bulk export is out of scope.", "Reminders by post are not part of this work."},
			[]string{"Scope each token to one clinic.", "The scope of a token is one clinic."}},
		{"you",
			[]string{"Delete this section if the launch has no partners.", "Check out the launch template.", "Call Maria at 617-555-0142 with any questions.", "Call the support team if the export fails."},
			[]string{"Delete the stale rows from the sessions table.", "Call the billing API before each checkout.", "Call ValidateOrder before saving.",
				"Call the user service to fetch the profile.", "Call the partner API with the shipment ID.", "Call Ledger with the order ID before capture.",
				"Call the Twilio support team if the export fails.", "Call Twilio if the export fails.", "Call `Ledger` at noon."}},
		{"docs",
			[]string{"We will provide detailed documentation, along with metrics.", "A plugin developer guide will be added to the docs.", "These will be documented as best practices.",
				"Publish clear guidelines for sizing the cluster."},
			[]string{"Store the audit log in Postgres.", "The document store keeps one row per order."}},
		{"first-code",
			[]string{"`cart_id` is stored per session.", "Risk: `cart_id` leaks across sessions."},
			[]string{"Services create DNS records (ie: `svc.cluster.local`).", "Sessions keep a `cart_id`.", "GitHub hosts the release artifacts.", "macOS users see a different menu."}},
		{"new-artifact",
			[]string{"Store drafts in a separate table.", "Add a new field for the due date.", "Each tenant gets a dedicated queue."},
			[]string{"Use a dot to separate the verb and the noun in each metric name.", "We separate the API from the worker process.", "Users can separate their files into folders."}},
		{"ident-plain",
			[]string{"Set maxRetries to three for the uploader.", "The retry_limit setting caps attempts.", "Join the paths with os.path before the upload.", "Set the timeout in ui.ts for the checkout page."},
			[]string{"Release notes are published on GitHub.", "The desktop app must run on macOS and Windows.", "Donors can pay with PayPal.",
				"Reminders go out at 8 a.m. local time.", "Pickups close at 5 p.m. on weekdays.", "Tutors with a Ph.D. can grade the exam."}},
		{"problem",
			[]string{"The widget breaks apart on mobile.", "`sample_limit` caps damage after the fact.", "This adds complexity for operators.", "Current mitigations are insufficient.", "Users can save a draft so they don't lose their work.", "Log every access so that audits don't fail."},
			[]string{"The controller leads the election.", "Store the result in a column.", "Store carts in DynamoDB so shoppers don't lose items.", "Cache the form state in `localStorage` to avoid losing progress.",
				"Rebuild the widget inside a shadow DOM so host page CSS cannot break it.",
				// "break up" and "break apart" split; they do not fail
				"Another approach would be to break up the target into two fields.", "The relay would break apart the exception group.",
				"Store carts in DynamoDB and break up the `orders` table so shoppers don't lose items."}},
		{"nongoal",
			[]string{"This proposal is not to expose the entire status of a `taskRun` as metadata.", "This BEP does not define type-specific credential APIs.", "The RFC doesn't change how tokens are stored."},
			[]string{"This proposal adds a `retries` field.", "The document store does not keep old versions.", "This spec is now stable."}},
		{"user-story",
			[]string{"I want to see all pending swaps for my unit in one place.", "As a dispatcher, I need the next stop first.", "I'd like to see all pending swaps in one place.", "Show a reminder so that I don't miss my shift.", "I would like to see my balance first."},
			[]string{"The suggestion, which I drafted last week, is an Apps Script trigger on that sheet.", "I'd also like a small admin screen for the notices.", "I propose a nightly export.", "I would really like us to store drafts in DynamoDB."}},
		{"ui-object",
			[]string{"Users can change their notification settings.", "Show a banner on the settings page.", "Add a form field for the reason.", "Build a reusable banner component.",
				"The UI, CLI should visualize the field."},
			[]string{"Deploy the notification controller in each namespace.", "The email service sends the receipt.", "Deploy the notification, webhook and email services in each region."}},
		{"example",
			[]string{"For example, a clinic may run two schedules.", "For instance, we set a memory floor on each node.", "e.g. the SDK shipped with the first release."},
			[]string{"An example of a clinic schedule is shown below.", "Store each example in the fixtures table.", "For example purposes, we store sessions in Redis.", "e.g. cache the rendered page in Redis."}},
		{"user-modal",
			[]string{"Operators need a way to pause a rollout.", "When the policy is set, it is the user's responsibility to keep the endpoints ready.",
				"Rotating the key is the responsibility of the administrator.", "It is the operators' responsibility to rotate the keys."},
			[]string{"The controller has the responsibility to retry the operation.", "The responsibility of the controller is to retry the operation.",
				"It is not the user's responsibility to clean up; the controller deletes them.", "Reconciling the CRD status is the responsibility of the operator.",
				"Cleanup is the responsibility of the admin service."}},
		{"subj-user",
			[]string{"Users who skip the step are reminded a day later.", "Customer support agents are told when an order fails.", "Users opting in are shown a weekly digest."},
			[]string{"User sessions are stored in Redis.", "Buyer approval links are backed by signed tokens."}},
		{"choose-term",
			[]string{"We'll reuse the existing Firebase Cloud Messaging setup for push.", "Use Postgres for the ledger.", "Add a flag that uses Redis as its cache.", "Sessions are handled by services that use Redis.",
				"A cache that uses Redis sits in front of the API.", "Sessions handled by services that use Redis survive a restart.", "`Workers` that use Redis keep a local cache."},
			[]string{"Members can reuse a saved address.", "Teams that use Terraform keep two copies of each setting.", "Services which already use Kafka should keep it.",
				"Implementations that don't use Prometheus re-invent their metrics.", "Any project that uses GitHub Actions should see the check status inline.",
				"Teams that do not use Terraform keep two copies of each setting.", "As teams that use Terraform know, each setting lives in two places.",
				"One retry policy will not fit all use cases for Kafka consumers.", "Use cases when the network is down are handled by the offline queue."}},
		{"term-brand",
			[]string{"Build the dashboard in Power BI on top of a nightly extract.", "The report is a Tableau workbook.", "Install the operator with Helm."},
			[]string{"Build the dashboard on top of a nightly extract.",
				// brands that are also common words count only as names
				"Captains log each fish right from the helm.", "The chef confirms each order.", "A puppet show opens the festival."}},
		{"pronoun-modal-design",
			[]string{"It will store the token in Redis.", "This should cache the page for an hour.", "This alone should cache each page for an hour."},
			[]string{"Captains need an estimate so they can hold at the gate.", "Partners use their SFTP drop; they cannot call an API.",
				"These tracks will run in parallel where possible.", "That team should store the forms by hand.", "These caches will store the tokens in Redis."}},
		{"component-verb3",
			[]string{"The sync worker polls the API every minute.", "Pontoon generates a random identifier for each user.", "The cache in Redis stores each session for an hour.",
				"The worker sends GET requests to the inventory service.", "The export job reuses the nightly snapshot in Postgres.",
				// a plural subject that names a part of the system, and its design verb
				"Workers pull jobs from a Redis list.", "All worker nodes cache the rendered page."},
			[]string{"The captain of the fourth flight in that queue calls three times.", "Each request from the proxy stores a row.", "Specs / defaults should be preserved from the current implementation.",
				"The script hashes are documented to be SHA-256.", "The proxy logs will be kept for a week.",
				"The librarians index new books by subject.", "The captains log each fish with a Garmin tablet.", "The jobs queue fills up during the sale."}},
		{"fragment",
			[]string{"Token cached in Redis for reuse.", "A faster way to find old receipts.", "Tools they already use.",
				// no determiner, and no part of a system: people at work, or a heading-like line
				"Captains log each fish right from the boat.",
				// people at work: no part of a system in the subject or after the verb
				"The librarians index new books by subject.", "The auditors hash out the findings with the team.",
				// a component noun read as the verb before a verb the lexicon does not know
				"The jobs queue fills up during the sale."},
			[]string{"We accomplish this by introducing a staking queue.", "Let's move the analytics workload to a separate cluster.", "We have chosen the Microsoft CA for signing.", "They often abandon the cart.", "We only target one way to send notifications.",
				// a plural subject and its design verb
				"The entry scanners validate QR codes offline by checking an HMAC signature.", "Clients authenticate with a bearer token.", "All worker nodes cache the rendered page.",
				"The sync workers pull jobs from Redis.", "Workers store records in Postgres.",
				// "like" after "I'd" is the main verb, not a preposition
				"On the ops side, I'd like us to store the drafts in the browser.", "For the pilot, I want the export to run nightly."}},
		{"we-propose",
			[]string{"We have chosen the Microsoft CA for signing.", "We've chosen Postgres for the ledger.", "We propose a new index.", "We're proposing a new cache in front of the API.", "I propose extending the compliance test to support Remote Write 2.0.", "I would propose that we request the alias for our artifacts.", "We're going with Postgres for the ledger.", "We are going with Postgres for the ledger.", "On the ops side, I'd like us to route the alerts through the existing pipeline rather than build a new one.", "A key part of our proposal is to expose a GraphQL API.", "I'd like us to build this on Microsoft Power Apps with a Dataverse table behind it.", "I would really like us to store drafts in DynamoDB.",
				"One solution would be to use distinct names for the labels.", "Yet another approach would be to keep a separate metrics table.", "One potential solution is to move the scheduler into its own Kubernetes deployment."},
			[]string{"We have seen the dashboard fail twice.", "I suggest you read the previous RFC first.", "I don't propose a new API here.", "One of the goals is to reduce the number of tickets.", "One solution users asked for is a weekly digest.",
				// one course of several, with no part of a system named
				"One approach would be to run a pilot with three clinics before the national launch.", "Another possible option is to limit the beta to customers on the Pro plan.",
				"Another proposed solution is to run a pilot with three clinics.", "One option is to send the message to each driver.", "Another option is to ask drivers to update the app.", "We have a dashboard for it.", "Clinics want us to call them before noon.", "I'd like us to focus on the three largest clinics.",
				"I don't want us to store card numbers.", "I'd like us to never store card numbers in Postgres.", "Clinics I've interviewed want us to host the portal.",
				"The main goal of this proposal is to allow access to the `dag` status.", "The purpose of his proposal is to lay out what the SDKs look like.",
				"The goal of my proposal is to add a `retries` field."}},
		{"propose-artifact",
			[]string{"This proposal adds a `retries` field to the task.", "The proposal is to add a `retries` field.", "We propose a new `retries` field.",
				"The core of this proposal is to move session storage to a `sessions` table."},
			[]string{"The main goal of this proposal is to allow access to the `dag` status.", "An additional goal of the proposal is to align the `pipelineRun` status.",
				"This proposal is not to expose the status of a `taskRun` as metadata.", "This BEP does not propose a text form of the `query` method."}},
		{"term-mech",
			[]string{"The certificates will use ECDSA P-256.", "Passwords are hashed with bcrypt.", "Traffic between services uses mTLS."},
			[]string{"Certificates expire after a year."}},
		{"imp-design",
			[]string{"Deploy notification configuration resources in the same namespace.", "Store sessions in Redis.", "Use CASE expressions in the reporting query instead of joins.", "Reuse the Terraform modules of the billing stack for the new environment.",
				"For future compatibility with the mobile app and our own tools, store each address as separate fields.", "Storage (phase 1): use Postgres for orders.", "Transient errors (408, 429, 502): implement exponential backoff.", "Add metrics support to the sidecar.", "Cache the rendered pages for an hour.", "Install the agent on every node.", "Create a table to link each invoice to its order.", "Select the rows of the orders table that are pending.", "Select the shard with the lowest load for new tenants.",
				"Let's build the alerts page with Next.js on Vercel.", "Let us store drafts in DynamoDB.", "Let’s move the analytics workload to BigQuery.",
				// "let's" after a lead-in
				"For the exports, let's generate the CSV from a scheduled Cloud Function.", "In phase 2, let's add a read replica for the reporting queries.",
				"Let's also add a read replica for the reporting queries."},
			[]string{"Select a payment method.", "Reuse the same gift packaging for the holiday edition.", "Let's have a closer look at each of them.", "For the pilot, let's talk to five clinics first.", "Let's assume the controller replicates the data.", "Let's talk to five clinics first.", "Use cases when the network is down are handled by the offline queue.", "Build times grow with every new package.", "Cache misses cost us 40 ms per request.", "Sync jobs fail silently when the token expires.", "Install scripts run arbitrary code on developer machines.",
				"Poll workers check in voters on county iPads.", "Gate clerks check trucks in at the dock.", "Store owners need a way to pause orders."}},
		{"imp-ui",
			[]string{"Add a link to the settings page.", "Add a banner to the dashboard for returning visitors.", "Select a payment method.", "Select who will receive the reminder.", "Export the reminder history as CSV.", "Import contacts from a spreadsheet.", "Import contacts from HubSpot.", "Send a receipt to the customer after each payment.", "Notify the coordinator when a patient reschedules.", "Notify the store manager when stock runs low.",
				"Push a corrected declaration back into CargoWise with one click.", "Upload the signed form in a single tap.", "Merge duplicate contacts with one-click suggestions."},
			[]string{"Create a table to link each invoice to its order.", "Add a job to report usage nightly.", "Select PostgreSQL as the store for orders.", "Select the rows of the orders table that are pending.", "Export traces to Jaeger every minute.", "Import the `klog` package in every binary.", "Select `dt_state` where `dtid` matches.", "Send order events to the warehouse service asynchronously.", "Send reminders through a Celery worker queue.", "Notify the billing service through an event.",
				"Push the events to Kafka.", "Cache the rendered page in Redis with one click.", "Click each row to open it."}},
		{"modal-be-part",
			[]string{"Matching will be done by a nightly batch job.", "Calls to external systems will be made by vendor drivers.", "Sessions should be stored in Redis.",
				"Emails will not be sent synchronously but queued in SQS.", "Sessions must not be stored in cookies; use Redis.",
				"If requests fail, they should be retried with exponential backoff.", "Sync will be triggered by a change in user settings.",
				"This can be fixed by caching the quote for ten minutes.", "The bulk-export use case could be addressed by adding a batch endpoint to the API.",
				"This requirement can be met by storing drafts in the browser.", "Automatic refunds should be issued by calling the payment processor's refund API.",
				"The dependencies will be expressed by creating symlinks between the packages."},
			[]string{"This cannot be fixed by caching the quote.", "Refunds will be approved by calling the customer first.", "This behavior can be disabled by setting `DOTNET_ROOT`.",
				"Refunds will not be issued by calling the API.", "Progress will be measured by tracking weekly active exporters.",
				"The feature could be disabled by setting a flag.", "The feature may be disabled by setting a flag.", "Returns will be supported by using the courier's drop-off points.",
				"Reports should be shared by adding a teammate's email on the report page.", "Translation will be done by the state's contracted vendor.", "Final review will be done by the clinic manager.", "Data entry will be handled by caseworkers.", "Each standing order will be updated by the front office.", "Refunds will be checked by a supervisor.",
				"Card numbers will not be stored.", "The list of plugins will not be used in routing.", "Card numbers must never be stored in logs."}},
		{"describes-system",
			[]string{"Envoy has an `x-envoy-retry-on` header for retry policies.", "Kafka supports log compaction for each topic.", "The kubelet has a `--max-pods` flag for each node.", "Prometheus relies on a pull model over HTTP.",
				"Kafka is designed for high-throughput event streams.", "The Polaris ILS is licensed per branch."},
			[]string{
				"The new proxy has an `x-retry` header.",                  // proposed
				"Envoy will have a retry header.",                         // a modal
				"We think Kafka supports log compaction.",                 // "we"
				"Nginx handles TLS termination for the public endpoints.", // a design verb is evidence of its own
				"Sessions are stored in Redis.",                           // a passive design verb
				"Invoice PDFs are produced with a Jinja template.",        // a passive
				"Overdue reminders are produced by a monthly scheduled task.",
				"Each Widget has a colour field.",                         // a kind of thing, not a product
				"The orders table has a `created_at` column.",             // a data model
				"The `Reminder` struct has a `due` field.",                // a code name
				"If Envoy has a retry budget, the proxy skips the retry.", // a condition
				"Users have a default quota of ten reminders.",            // people
			}},
		{"ctx-main",
			[]string{"These public keys are currently located in the `linkerd-config` ConfigMap.", "The `kafkareceiver` already implements this protocol.",
				"Today we store sessions in Redis.", "Today users can only export CSV.", "The ArgoCD API already has a swagger endpoint for this.",
				"When a user uploads a file, the backend currently stores it in a public bucket.", "Support already handles these refunds by hand, so the backlog grows every week.",
				"Operators typically run three clusters per region.", "The `new` command currently prints the version.",
				"As of v0.23.0, Flux does not enforce a service account on `Kustomizations`.", "As of now `service.name` is the implicit standard for that."},
			[]string{"The parser reads `pnpm-lock.yaml` with the `yaml` package that the CLI already depends on.", // a relative clause
				"Mount workspaces to sidecars just as they are mounted to steps today.", // an order
				"The controller already watches pods and will also write the status.",   // a modal that looks ahead
				"We propose to keep the keys where they are today.",                     // a proposal
				"When the cache is already warm, the proxy skips the lookup.",           // a condition
				"Proto definitions, currently in `pkg/proto`, need to be grouped by kind.",
				"Because billing already owns the invoice data, the reports service reads invoices through a read-only gRPC API.", // an opening clause
				"Deduplication already happens upstream, so the writer does a plain INSERT into the `events` table.",              // a result that designs
				"The `/v2/export` endpoint typically responds within 200 ms by serving the cached result.",                        // code's usual behaviour
				"We plan to keep the keys in etcd today.",                                                                         // a plan
				"Fees are written to the ILS through the same fines endpoint we already call for lost-item charges.",              // a relative clause with no relative word
				"Store the sessions in Redis today.",                                                                              // an order
			}},
		{"we-will-design",
			[]string{"We will store sessions in Redis.", "We will reuse the existing notification service for receipts.", "We will add a feature gate to guard the new scheduler.", "We will add a beta flag to the CLI.", "We will implement this feature with Lua in the proxy.",
				"We will be adding a rate limit to the combined item.", "We will be storing sessions in Redis.", "We will track each session's last activity in Redis.",
				"We'll track how many jobs fail in Prometheus.", "We will track time spent per page with Amplitude.", "We will track how the cache is invalidated.",
				"We're going to store sessions in Redis.", "We’re going to use Storybook for the documentation.", "We are also going to store sessions in Redis.", "We're also going to store sessions in Redis.",
				"We will need access to a queue.", "We will match each request by pulling the machine's transaction records into the matching service."},
			[]string{"We would like to have the ability to record these metrics at several points.", "We will reduce churn by sending reminder emails before renewal.",
				"We will measure success by tracking the share of orders in the analytics service.", "We will match each request by calling the customer.",
				"We will help users by adding a reminder to the booking service.", "We will reduce churn by sending reminder emails, which the CRM service already supports.", "We will run a closed beta with five clinics for six weeks.", "We will reuse the brand guidelines from the spring campaign.", "We will provide the ability to pause a reminder.", "We will build an MVP for two clinics.",
				"We'll track the share of driver text messages answered within 15 minutes.", "We will track the completion rate of each step.",
				"We will track how often agents undo the import, and if it is more than one in five we will pause the rollout.",
				"We're going to interview ten clinics.", "We're not going to store card numbers.", "We're seeing more churn this quarter.",
				"We're going to build trust with clinic owners through a paid pilot.", "We will build relationships with insurers.",
				"We're never going to store card numbers.", "We will never store card numbers.", "We're going with Postgres for the ledger.", "We're going.", "We are.", "That is how we are"}},
		{"we-present-design",
			[]string{"We store each key's last use in Redis.", "We replicate the carts table to a hot standby.", "Add a proxy so that we cache each page in Redis.",
				"The difference is that we retry each failed charge twice.", "This means that we poll the carrier API every ten minutes.",
				"In production we store each session in Redis.", "We accomplish this by introducing a nightly batch job.",
				"We therefore map the assemblies as-is and copy the sections to their offsets.", "We thus cache each page in Redis.",
				// "ensure", "requires" in a clause that opens the sentence are not its main verb
				"To ensure durability we replicate each write to three zones.", "If the plan requires approval we send the request to Slack.",
				"When a tenant requires isolation we create a separate schema."},
			[]string{"If the beta goes well, we ship to all paid plans at the start of Q2.", "We ship a new release every two weeks.",
				"There is a script that we use to convert the markdown files.", "We accomplish this by asking each clinic to call us.", "Guests can pay with the same methods we accept at checkout.", "SoundExchange requires us to report every song we stream.", "Propose the schema we use for orders.", "Require every song we stream to be reported.", "Each run creates a new series because we use `taskrun` labels.", "The monolith grows as we build new features."}},
		{"ctx",
			[]string{"Our data already lives in Snowflake.", "Today we store sessions in Redis because it is fast.", "Payments already go through Stripe, since the first release.",
				"Existing API tokens must continue to work after the change.", "Approved reports continue to sync to NetSuite.",
				"The recordings are written to GCS as of now.", "As of npm v6, peer dependencies are not installed.", "As of March, the export runs nightly."},
			[]string{"Use Twilio for SMS, since the support team already has a contract with them.", "Host the dashboard on Heroku, because the team already uses it.", "Continue the rollout after the canary passes.",
				"Build it on the Next.js app the permits team already maintains.", "Use Redis, which ops already runs.",
				"The scheduler continues to poll the `jobs` table every 5 seconds.", "We will continue to use Postgres for the ledger.", "Continue to store sessions in Redis until the migration is done.",
				"Store the amount as of type `Decimal`.", "As of v2.0, the agent will export spans over OTLP.", "As of v2.0 we'll export spans over OTLP.",
				"As of May 2025, the export will run on a Kafka topic.", "The price is computed as of 5 PM each day."}},
		{"we-not",
			[]string{"We will not store card numbers.", "A dark theme is not something we are going to build this year.", "Offline mode is nothing we need now.",
				"We're not going to store card numbers.", "We’re not going to store card numbers.", "We're never going to store card numbers.", "We will never store card numbers.",
				"Offline mode is nothing we need now, but clinics asked for it."},
			[]string{"We will store card numbers in the vault.", "This is something we are going to build this year.",
				"Nothing we need to build now except a cron job that purges expired sessions."}},
		{"we-modal-design",
			[]string{"We can try to mitigate this by writing to the file on a background thread.", "We could store the drafts in the browser."},
			[]string{"We can try to mitigate this by asking users to save more often.", "We could talk to three more clinics."}},
		{"passive-design",
			[]string{"Sessions are stored in Redis.", "Each order is sent to the warehouse queue.", "The transport was selected for its streaming support.",
				"The controller is notified of every change.", "The `billing` service is notified through an event.", "The nightly snapshot is reused by the export service.",
				"This is being solved by adding a `retry_after` header to the response."},
			[]string{"Event names were created using StatsD conventions.", "The settings were stored in Redis until last spring.", "The ledger was migrated in 2021.",
				"The carrier is notified of a new dispute within five minutes.", "Approvers are notified when a request waits a day.",
				"This is solved by asking the clinic to confirm by phone.", "Returns are supported by using the courier's drop-off points.",
				"This is not solved by adding a cache."}},
		{"way-to",
			[]string{"This proposal describes a way to keep carts across devices.", "Provide a simple mechanism for clinics to share schedules.", "We need one method for admins to revoke access.", "This document proposes a design for sharing carts between devices.", "We want a solution that lets clinics share schedules."},
			[]string{"The client calls the `retry` method to resend.", "There is no way back once an order ships.", "The process for refunds takes two weeks.", "We chose a design that stores carts in Redis."}},
		{"for-user",
			[]string{"This project adds a one-click review queue for clinicians.", "Show a monthly summary for the sellers."},
			[]string{"Wait for the worker to finish.", "Keep carts for a day.", "We will look for you."}},
		{"will",
			[]string{"Orders will sync every hour.", "We're going to have the mobile client poll the status endpoint.", "It is going to take a quarter."},
			[]string{"Orders sync every hour.", "We are going to the conference in May.", "Going to the clinic takes an hour."}},
		{"must",
			[]string{"Orders must survive the loss of one node.", "The export shall include every refund."},
			[]string{"Paths in `include` must not start with `/`.", "The `spec.verify.secretRef` field shall be omitted for public charts."}},
		{"verb-means",
			[]string{"Alerts are published to an SNS topic.", "Each sent reminder is written to a `reminder_events` table.", "Sessions will be stored in Redis.",
				"The notification service must publish each change event to an SNS topic.", "Stream every audit event to a Kinesis stream.", "The gateway must also publish each event to an SNS topic."},
			[]string{"Alerts are sent to the on-call engineer.", "The queries being sent to your Mimir installation are not under your control.", "We publish to Kafka today.", "Users export to QuickBooks.",
				"The service must not publish the events to an SNS topic.", "Partners publish their price lists to our SFTP drop.", "Route each complaint to the duty officer.",
				"During the rollout we will route 5% of traffic to the canary cluster.", "Customers can stream their audit logs to Datadog.",
				"The gateway can publish each event to an SNS topic.", "The service won't publish the events to an SNS topic.", "The service must send each receipt to an SNS topic."}},
		{"cond-code",
			[]string{"When the `retry_limit` is reached, the job stops.", "If the scheduler restarts, pending jobs are lost.", "If `etcd` is unavailable, the controller retries.",
				"If the scheduler is busy, the service goes down for a minute."},
			[]string{"Upon selecting a tone, the draft shows `\"Writing your reply\"` while the reply is generated.", "When `Save draft` is clicked, the form closes.",
				"If the payment fails, the app offers another card.", "If the driver cancels, the rider is matched again.", "When the system is down, customers see a status page.",
				"If the county GIS service is down, applications are held for review.", "When the payments gateway goes offline, buyers see a retry button."}},
		// "we could rewrite …": the authors' option, read by the "we"
		// construction, is no risk, hedge or ability besides, where a part
		// of the system follows and nothing tells of harm
		{"risk",
			[]string{"This could lead to duplicate charges.", "There is the possibility that two workers write the same row.", "We need to be careful about how we scrub the payload.", "The bulk-export use case could be addressed by adding a batch endpoint, but it might overload the API.", "We could end up with conflicting states.", "If members swap out the same wine, we could run short of the popular bottles.",
				"We could cache the page in Redis, but a stale page is a risk.", "We might expose internal IDs in the public URL.",
				"If we skip the load test, we could deploy a build that cannot handle the traffic.", "We could use this feedback to shape the roadmap for next year.",
				"If two workers pick up the same job, we could write duplicate rows to the ledger.", "Under heavy load we could drop events before they reach the queue.",
				// what a choice costs
				"Using a separate bucket would require more sophisticated routing with nginx.", "Renaming the field will require approval from three teams.", "Redundant lookups will increase query time.",
				"It would require the team’s approval.", "This would require something like a lock.",
				// a cost added, whatever the tense
				"This increases the complexity and surface area of the payload interface.", "The binary search could add a lot of time needed for simulation.",
				"Vendoring code increases the size of our repositories.", "Each retry adds latency for the user.",
				// a cost word before another cost, a word of cost, or "to" what is no part
				"Each new region adds storage costs we have not budgeted.", "Bigger images add memory pressure on low-end phones.",
				"The new consent screen adds time to every signup.", "Synchronous validation adds the overhead of a second network round trip."},
			[]string{"We could rewrite the write-ahead log on start.", "The bulk-export use case could be addressed by adding a batch endpoint to the API.", "Carefully shard the orders table by tenant ID.", "On Unix, we could set this via a protected sentinel file.", "We might add a flag for it.", "We could drop the `legacy_id` column from the events table.",
				"We could split the table and break up the monolith into services on Kubernetes.",
				// the work or the new part required is the design; "we" require it
				"Add a latency histogram to the proxy.", "The proxy adds a latency histogram per route.",
				// an order after a label, an adverb, a lead-in or "let's"
				"Step 3: add storage for attachments on the existing NFS volume.", "Then add a delay between batches to stay under the rate limit.",
				"For the launch, increase memory on every node to 16 GB.", "Let's add a random delay before each retry.",
				// a cost word that names a part, or a datum put into one
				"The gateway adds a cost center tag to every request.", "We will add a unit of work abstraction that wraps each request in a transaction.",
				"The worker adds the time of capture to every event.", "The validator adds errors to a `problems` array.", "We will add a load balancer in front of the API.", "The exporter adds the `cost` field to every span.",
				"This proposal would require changing the analyzer rules.", "It will require a new module for parsing scopes.", "We would require the age limit to be non-zero.",
				"The export will require Postgres.", "The export will require `pg_trgm`.",
				// a requirement or a denied cost, not what a choice costs; a gain sought
				"The API must require a valid token for every call.", "Admins can require two-factor login for all members.",
				"This change won't require a migration.", "Batching will increase throughput by a factor of four."}},
		{"may",
			[]string{"The export may take an hour.", "We could add a flag, though it may confuse operators.", "During failover we may serve stale inventory counts to shoppers."},
			[]string{"We could also split out the html and rtf formats.", "We may cache the page in Redis."}},
		{"can",
			[]string{"Users can export reports as CSV.", "We can implement a limit, which operators can raise.", "We can validate the hypothesis with five customer interviews."},
			[]string{"We can implement a limit on the number of `codemappings` per project.", "We can use a sidecar to simulate network faults."}},
		// "used" after an adverb in -ly is a participle, not the past
		{"past",
			[]string{"We used a nightly cron job.", "We subsequently used Kafka for the event pipeline.", "We therefore used a nightly cron job.", "Orders were lost last year.", "The team used Kafka widely.", "We briefly used Kafka in 2021.", "Customers mostly used the web app last year."},
			[]string{"Tabs are listed in Most Recently Used order.", "Kafka is also used for audit events.", "Postgres is the most commonly used store here.", "The format is widely used by exporters."}},
		{"past-simple",
			[]string{"Last quarter's Redis outage lost carts.", "Batching them reduced write load on the primary by half.", "Customers reported slow checkout pages during the sale.", "We migrated the ledger to Postgres in 2021.", "Historically the team shipped a release every quarter.", "We found that the retry queue we rely on is full within an hour.", "We noticed that the export job stores every row twice.",
				"In retrospect, we picked a good approach.", "During that release we decided to avoid adding a new target.",
				"We decided to limit the pilot to clinics in Ontario.", "We chose screen-reader accessibility as the top priority.",
				"Initially we chose MongoDB for the catalog.", "Then we decided to drop the cache.", "We chose Kafka in 2019.", "We decided last year to move off Heroku."},
			[]string{"Data stored in Redis is replicated to two zones.", "Pods created by the controller get a label.", "A cluster configured for dual-stack needs two ranges.", "Cache the rendered page.", "The outage was caused by a full disk.", "Orders are stored in Postgres.",
				"Waitlist positions live in a Redis sorted set per class.", "Pre-compute totals into a ClickHouse materialized view.", "We decided that sessions will live in Redis.",
				"We propose having them posted to the ledger, but not verified unless needed.", "Users want us informed of each change.",
				"We decided to use string interning for all labels.", "We chose Storybook as the tool for the documentation.", "We picked Temporal for the workflow engine.",
				"Instead, we chose Postgres for the ledger."}},
	}
	for _, tt := range tests {
		f := fid(tt.feature)
		for _, s := range tt.on {
			assert.NotZero(t, featuresOf(j, s)[f], "%s should fire on %q", tt.feature, s)
		}
		for _, s := range tt.off {
			assert.Zero(t, featuresOf(j, s)[f], "%s should not fire on %q", tt.feature, s)
		}
	}
}

// featuresOf returns the features the judge reads from one Markdown sentence.
func featuresOf(j *Judge, md string) [nFeat]float64 {
	var ex extraction
	j.extract(FromMarkdown(md), &ex, nil, nil)
	return ex.x
}

// TestCodeShapes checks the shape read from a code span's content: a key
// and its value or a literal object is data; the rest of what has a space,
// an endpoint with its method among it, keeps the command's shape (an
// endpoint read as a path added false alarms where today's API is named).
func TestCodeShapes(t *testing.T) {
	for _, tt := range []struct {
		code string
		want string
	}{
		{"release: pending", "code-kv"},
		{`"scope": "tab"`, "code-kv"},
		{`{ "optional": true }`, "code-kv"},
		{"[1, 2, 3]", "code-kv"},
		{"[]string", "code-any"},
		{"{{ .Values.image.tag }}", "code-cmd"},
		{"Authorization: Bearer <token>", "code-kv"},
		{"retries=3", "code-kv"},
		{"GET /appointments/:id", "code-cmd"},
		{"npm install", "code-cmd"},
		{"git commit: amend", "code-cmd"},
		{"GET the list", "code-cmd"},
		{"--dry-run", "code-flag"},
		{"parse(file)", "code-func"},
		{"", "code-any"},
	} {
		assert.Equal(t, tt.want, featNames[codeShape(tt.code)], tt.code)
	}
}

func TestQuotedProse(t *testing.T) {
	for _, tt := range []struct {
		md   string
		want bool
	}{
		{"`Your message must include a subject.`", true},
		{"`When in doubt, please review with legal.`", true},
		{"(`Make sure that you are logged in to access your settings.`)", true},
		{"`kubectl get pods -n kube-system`", false},
		{"`v1.4.2`, `v1.5.0`", false},
		{"`POST /v1/carts` with `{items: [...]}`", false},
		{"Show `Your message must include a subject.` under the field.", false},
		{"`Retry later`", false},
	} {
		assert.Equal(t, tt.want, quotedProse(FromMarkdown(tt.md)), tt.md)
	}
	// Judged as the prose it is, UI copy is not a prescription.
	v := New(Options{}).Judge(FromMarkdown("`If you copy and pasted this link from your email, make sure to include all characters of the URL.`"))
	assert.Less(t, v.How, DefaultThreshold)
}

func TestCodeSpanShapes(t *testing.T) {
	j := New(Options{})
	j.init()
	for _, tt := range []struct {
		code        string
		ui, title   bool
		wantCodeAny bool
	}{
		{code: "Sent date", ui: true},
		{code: "ARE YOU SURE?", ui: true},
		{code: "Member since", ui: true},
		{code: "Your message must include a subject.", ui: true},
		{code: "Contact email address (optional)", ui: true},
		{code: "Receive the latest updates about localization, announcements and more.", ui: true},
		{code: "Foo.Bar(baz) returns x", wantCodeAny: true},
		{code: "npm install", wantCodeAny: true},
		{code: "SELECT id FROM users", wantCodeAny: true},
		{code: "Get-ChildItem -Path C:", wantCodeAny: true},
		{code: "Subject", title: true},
		{code: "From:", title: true},
		{code: "RuntimeFeature", wantCodeAny: true},
		{code: "ID", wantCodeAny: true},
		{code: "memory.min", wantCodeAny: true},
		// a message in quotes is still a message; a quoted key and value is not
		{code: `"AI is writing"`, ui: true},
		{code: "\u201cSaving your changes\u201d", ui: true},
		{code: `"scope": "tab"`, wantCodeAny: true},
		{code: `"max_retries"`, wantCodeAny: true},
		// message templates keep their slots; an address is a contact
		{code: "Pretranslation request for $LOCALE_NAME ($LOCALE_CODE)", ui: true},
		{code: "You have {count} new messages", ui: true},
		{code: "Hello %s", ui: true},
		{code: "$HOME/bin", wantCodeAny: true},
		{code: "PATH=$HOME/bin", wantCodeAny: true},
		{code: "l10n-team@example.org"},
		// a colour or a number with its unit is a value
		{code: "#ff0000"},
		{code: "#FFF"},
		{code: "100GB"},
		{code: "2 h"},
		{code: "4xx"},
		{code: "#include", wantCodeAny: true},
		{code: "5xxErrors", wantCodeAny: true},
		{code: "3des", wantCodeAny: true},
		{code: "user@host:/srv/data", wantCodeAny: true},
		{code: "@example.org", wantCodeAny: true},
	} {
		assert.Equal(t, tt.ui, uiCopy(tt.code), "uiCopy %q", tt.code)
		assert.Equal(t, tt.title, titleWord(tt.code), "titleWord %q", tt.code)
		// In a sentence, interface text and a lone title word are kept
		// apart from the code features the model weighs as implementation.
		x := featuresOf(j, "The page shows `"+tt.code+"` here.")
		assert.Equal(t, tt.wantCodeAny, x[fCodeAny] != 0, "code-any for %q", tt.code)
		assert.Equal(t, tt.ui, x[fCodeUI] != 0, "code-ui for %q", tt.code)
		assert.Equal(t, tt.title, x[fCodeTitle] != 0, "code-title for %q", tt.code)
	}
}

// TestLabelsAreMentions checks that a vocabulary term inside interface text
// (a quoted label or message, or a code span that reads as one) does not
// count as a term, while the same term in the sentence, or a quoted name that
// is not interface text, still does.
func TestLabelsAreMentions(t *testing.T) {
	j := New(Options{})
	j.init()
	codeTerms := func(x [nFeat]float64) float64 { return x[fGeneric0+kindIndex("code")] }
	for _, tt := range []struct {
		md        string
		wantTerms bool
	}{
		{`Click "Source file" to pick one.`, false},
		{"The header reads `Source file` here.", false},
		{"Click \u201cSource file\u201d to pick one.", false},
		{`Parse the source file before upload.`, true},
		{`The parser reads "source file" entries.`, true}, // lower case: a value, not a label
		{`An unmatched "Source file quote stays a term.`, true},
	} {
		x := featuresOf(j, tt.md)
		assert.Equal(t, tt.wantTerms, codeTerms(x) > 0, "%s", tt.md)
	}
	// a product named in quotes is still a product
	assert.Greater(t, featuresOf(j, `Use "Redis Cluster" for sessions.`)[fTermBrand], 0.0)
}

// TestDeferAndDataObjects checks two readings that flip a verdict: a sentence
// that leaves a decision to the builders, and a page or message that is the
// object of a data verb (data, not something on screen).
func TestDeferAndDataObjects(t *testing.T) {
	j := New(Options{})
	j.init()
	for _, tt := range []struct {
		text                 string
		deferred, uiObj, imp bool
	}{
		{text: "The design of the template will be determined during the implementation phase.", deferred: true},
		{text: "The exact retry schedule is still being worked out by engineering.", deferred: true},
		{text: "The export format is TBD.", deferred: true},
		{text: "The data retention period is to be confirmed with legal.", deferred: true},
		{text: "An engineering design doc will explain how it is built.", deferred: true},
		{text: "Implementation details are left to the platform team.", deferred: true},
		{text: "We will need to decide how this will look in the settings UI.", deferred: true, uiObj: true},
		{text: "We still need to figure out which queue the events go to.", deferred: true},
		{text: "The controller needs to determine whether the pod is ready."}, // a step of the design, no open question
		{text: "When a node fails, we need to work out which shards it owned, so the coordinator writes shard ownership to etcd."},
		{text: "Legal will need to determine whether transcripts can be stored.", deferred: true},
		{text: "We need to decide the schema."}, // no open question
		{text: "When a node fails, we need to work out which shards it owned."},
		{text: "We need to work out which shards a node owned, so the coordinator writes ownership to etcd."},
		{text: "We need to decide which queue to use, so that the workers can store each event.", deferred: true},
		// a deciding verb alone, or pointing the reader on, prescribes or refers
		{text: "All discriminators should be defined as an enum."},
		{text: "The retry delay is determined by an exponential backoff."},
		{text: "The attribute is discussed later in this document."},
		// data verbs: the object is data; other verbs keep the UI reading
		{text: "Cache the rendered page in Redis for five minutes.", imp: true},
		{text: "Caching the rendered page in Redis."},
		{text: "Add a button to the page.", uiObj: true},
		{text: "The index page runs out of memory.", uiObj: true},
	} {
		x := featuresOf(j, tt.text)
		assert.Equal(t, tt.deferred, x[fDefer] != 0, "defer: %q", tt.text)
		assert.Equal(t, tt.uiObj, x[fUIObject] != 0, "ui-object: %q", tt.text)
		assert.Equal(t, tt.imp, x[fImpDesign] != 0, "imp-design: %q", tt.text)
	}
}

// TestRiskCueLowersHow checks that a word of misuse or its consequence pulls
// a sentence about code and tables towards what. Without a modal the
// sentence below still scores above the threshold (JUDGE.md lists it), but
// the cue must move it a long way.
func TestRiskCueLowersHow(t *testing.T) {
	j := New(Options{})
	plain := j.Judge(FromMarkdown("Users who skip the migration step keep writing to the old `ledger_v1` table.")).How
	for _, s := range []string{
		"Users who skip the migration step accidentally keep writing to the old `ledger_v1` table.",
		"Users who skip the migration step inadvertently keep writing to the old `ledger_v1` table.",
	} {
		how := j.Judge(FromMarkdown(s)).How
		assert.Less(t, how, plain-0.15, "%q: %.2f against %.2f without the cue", s, how, plain)
	}
}

// TestNoWordNoVerdict: values with no word among them are not judged, under
// any heading; one word is enough to be judged as usual.
func TestNoWordNoVerdict(t *testing.T) {
	j := New(Options{})
	for _, s := range []string{"`v1.4.2`, `v1.5.0`", "192.168.0.1/24", "`m/44'/60'/5'/0/3`, `m/44'/60'/5'/0/4`", "2024-03-01 → 2024-04-01"} {
		v := j.Judge(FromMarkdown(s, "Design"))
		assert.Zero(t, v.How, "%q", s)
		assert.Empty(t, v.Signals, "%q", s)
	}
	assert.True(t, hasWord("Use `v1.4.2`."))
	assert.True(t, hasWord("`.spec.maxUnavailable`"))
	assert.True(t, hasWord("Überall"))
	assert.False(t, hasWord("1.2.3, 4/5"))
	assert.Greater(t, j.Judge(FromMarkdown("Store sessions in Redis 7.2.", "Design")).How, DefaultThreshold)
}

// TestDocsCue: the model weighs the documentation cue (where it fires is in
// TestConstructionFeatures) towards what.
func TestDocsCue(t *testing.T) {
	j := New(Options{})
	j.init()
	assert.Less(t, j.w[fDocs], 0.0, "documentation weighs towards what")
}

// TestBritishSpellings checks that a design verb spelled the British way
// ("serialise", "synchronise") reads as the same verb: the verdict follows
// the American spelling, and the evidence names the verb.
func TestBritishSpellings(t *testing.T) {
	j := New(Options{})
	for _, tt := range []struct{ uk, us string }{
		{"Synchronise the order state between the two services.", "Synchronize the order state between the two services."},
		{"Normalise the customer table into three tables.", "Normalize the customer table into three tables."},
		{"The payload is serialised before it is queued.", "The payload is serialized before it is queued."},
		{"We will initialise the cache on start-up.", "We will initialize the cache on start-up."},
	} {
		uk, us := j.Judge(FromMarkdown(tt.uk)), j.Judge(FromMarkdown(tt.us))
		assert.InDelta(t, us.How, uk.How, 0.1, "%q %.2f against %q %.2f", tt.uk, uk.How, tt.us, us.How)
		assert.Equal(t, us.How >= DefaultThreshold, uk.How >= DefaultThreshold, tt.uk)
	}
	assert.Equal(t, "synchronize", buildLexicon()["synchronising"].verb)
}

func TestBritishSpellingOfTerms(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"serialization", "serialisation", true},
		{"containerized", "containerised", true},
		{"serializers", "serialisers", true},
		{"analyzer", "analyser", true},
		{"size", "", false},
		{"resize", "", false},
		{"citizen", "", false},
		{"horizontal", "", false},
	} {
		got, ok := britishSpelling(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
	// a British spelling matches the term; a product name keeps its own
	j := New(Options{})
	j.init()
	genericData := func(md string) float64 { x := featuresOf(j, md); return x[fGeneric0+kindIndex("data-model")] }
	assert.Equal(t, genericData("Add serialization of the cart."), genericData("Add serialisation of the cart."))
	assert.Greater(t, featuresOf(j, "Add serialisers for the cart.")[fGeneric0+kindIndex("code")], 0.0)
	assert.Contains(t, signalsOf(j, "We deploy with Kustomize."), "term:kustomize")
	assert.NotContains(t, signalsOf(j, "We deploy with Kustomise."), "term:kustomize")
}

func signalsOf(j *Judge, md string) []string { return signalNames(j.Judge(FromMarkdown(md))) }

// TestWordListsInEntries checks that a token's word entry says which word
// lists hold it as the lists' maps do, for every listed word (upper-cased
// and with a curly apostrophe too) and the words of the test sentences.
func TestWordListsInEntries(t *testing.T) {
	j := New(Options{})
	j.init()
	var texts []string
	for _, l := range listedWords {
		for w := range l.words {
			texts = append(texts, w, strings.ToUpper(w), strings.ReplaceAll(w, "'", "\u2019"))
		}
	}
	for _, c := range judgeCases {
		texts = append(texts, c.md)
	}
	var ex extraction
	for _, text := range texts {
		for _, tok := range j.tokens(Input{Text: text}, &ex, nil, nil) {
			for _, l := range listedWords {
				if got, want := tok.in(l.list), l.words[tok.low]; got != want {
					t.Errorf("%q in %q: in(%b) = %v, want %v", tok.low, text, l.list, got, want)
				}
			}
		}
	}
}

// TestEverydaySenseIsNoTerm checks generic terms that their neighbours give
// an everyday sense: a method users pick, a table people book, a queue of
// work for people, a class of equipment or a class people attend.
func TestEverydaySenseIsNoTerm(t *testing.T) {
	j := New(Options{})
	has := func(md, name string) bool { return hasSignal(j.Judge(FromMarkdown(md)), name) }
	for _, tt := range []struct {
		term    string
		off, on []string
	}{
		{"term:method",
			[]string{"Add Apple Pay as a payment method.", "Shoppers keep one default payment method.", "The sign-in method is chosen per clinic.",
				"Find a better method of reminding members before class.", "Keep both methods of paying at the desk.",
				"Claimants need a method of uploading documents from their phone.", "Keep the methods of booking that are offered today.",
				"Clinics need a method of booking rooms, and this is urgent."},
			[]string{"The SDK will expose a new `Flush()` method.", "The client gets a helper method for retries.", "Add a method of the `Cart` class for the totals.",
				"The method of storing sessions is a signed JWT cookie.", "The validate method of Pricing should reject negative amounts."}},
		{"term:table",
			[]string{"Diners booking a table see the deposit first.", "Guests can reserve a table for two.", "Restaurants list each outdoor table separately.", "The dashboard shows a table of open disputes."},
			[]string{"Add a `deposits` table to the bookings database.", "Store each booking in a separate table."}},
		{"term:row",
			[]string{"Each row in the report links to the order.", "The weekly report gets one row per decision."},
			[]string{"Each booking is a row in the `bookings` table.", "Insert a row for every retry."}},
		{"term:field",
			[]string{"Add a field to the checkout form for the gift message.", "The form has a required field for the reason.", "The free scanner failed in our field test.", "Field technicians close the ticket on site."},
			[]string{"Add a `gift_message` field to the orders table.", "Store the reason in a new field on the dispute record."}},
		{"term:column",
			[]string{"Left column: contains two clickable elements.", "The right column shows the selected locale.", "Use a three column layout on tablets.", "New additions are plotted in a separate column."},
			[]string{"Add a `locale` column to the projects table.", "The first column of the index is the tenant.", "Add a score column to the orders table so the chart can show trends."}},
		{"term:queueing",
			[]string{"If guests can book ahead, guests stop queueing at the desk.", "Riders queueing at the gate see the next bus."},
			[]string{"Queueing the uploads in the worker keeps the page fast.", "Stop queueing retries after five failed attempts.", "The SDK should keep queueing events while offline."}},
		{"term:queue",
			[]string{"Clinicians work through a review queue each morning.", "Add a queue for reviewers with the oldest requests first."},
			[]string{"Put each refill request on a queue for the worker.", "Use a dead-letter queue for failed jobs."}},
		{"term:class",
			[]string{"Each operator is certified per equipment class.", "Members can book up to three yoga classes a week.", "Payments are a first class citizen of the app.",
				"For Class 1 and Class 7 shipments we show a second review prompt.", "Class II devices need a second check.",
				"Popular classes sell out within a day, and one in eight students later cancels.",
				"The director of studies sets levels and builds class lists.", "The director spends a day building class lists each term.",
				"New students take a placement test before they are put in a class.",
				"Students join a class with the six-letter class code their teacher gives them.",
				"Adjudicators write marks and comments during each class.",
				"The festival takes about 120 choir entries across 14 classes."},
			[]string{"Add a `RetryPolicy` class to the SDK.", "Move the parsing into a separate helper class.",
				"Add a `Student` class for the enrolment records.", "The `Student` class will hold each pupil's level.",
				"Each class instance holds the students of one school.", "Add a helper class that enrols students.",
				"The dropdown should add the open modifier to the element's class list.", "The StudentRecord class will hold each pupil's level.",
				"Add a class `Student` for the enrolment records."}},
		{"term:function",
			[]string{"The app should function without a network connection.", "The kiosk must continue to function offline.", "Scanners may not always function in the cold."},
			[]string{"Add a function that retries the upload.", "The function returns the parsed config."}},
		{"term:flag",
			[]string{"The system must flag any clause that differs from the library.", "Fraud rules may flag many small payments.",
				"The automated check flags each affected page within two minutes.", "The scheduler dashboard flags it as urgent."},
			[]string{"Add a `--dry-run` flag to the CLI.", "The rollout is gated by a flag per tenant.", "The service reads both flags at startup.",
				"The CLI gains two flags for it."}},
		{"term:lock",
			[]string{"The permit locks the machine until every worker signs off."},
			[]string{"The scheduler takes two locks before it writes."}},
		{"term:lock",
			[]string{"Misconfigured SSO could lock whole organizations out."},
			[]string{"Each worker takes a lock on the row before it writes."}},
		{"term:lock",
			[]string{"The console lists technicians who carry the right tools for the lock type and the key.",
				"Guests open the smart lock on the front door with a code.", "Riders see which locks on the bikes are broken."},
			[]string{"The sync job takes a lock on the cart key before it writes.", "Use a lock so two workers never charge the same order.",
				"Each worker acquires the lock on the door record in Redis.", "The scheduler holds two locks for each vehicle.",
				// "key", "gate" in a compound are code's
				"Use a lock per idempotency key so two workers never charge the same order.", "The lock key expires after thirty seconds.",
				"Put the new lock behind a feature gate.", "The primary key lock prevents double writes.", "The handler must call unlock on the lock before it returns."}},
		{"term:worker",
			[]string{"Warehouse workers scan each pallet at the dock.", "Poll workers check in voters."},
			[]string{"The sync worker polls the API every minute.", "Each worker takes a lock on the row."}},
		{"term:poll",
			[]string{"Poll workers check in voters.", "Voters find their poll site on a map."},
			[]string{"Poll the queue every five seconds.", "The sync worker polls the API."}},
		{"term:bridge",
			[]string{"This feature will bridge the gap between sales and support.", "The new inbox bridges this gap for agents."},
			[]string{"A bridge forwards events from the old bus to the new one."}},
		{"term:interface",
			[]string{"The kiosk must interface with the existing POS.", "Our system needs to interface with SAP."},
			[]string{"Define a `Store` interface with `Get` and `Put`.", "The plugin interface gains a `Close` method."}},
		{"term:listener",
			[]string{"We report every song we stream to listeners in the US.", "Podcast listeners can skip the intro."},
			[]string{"The player registers a listener for playback events.", "Each listener of the radio service handles one socket."}},
		{"term:interface",
			[]string{"The node will have a web interface for monitoring key metrics.", "Admins change it from the user interface.", "Both web interfaces show the balance."},
			[]string{"The node will have a gRPC interface for monitoring key metrics.", "Each driver implements the storage interface.", "The plugin interfaces stay the same.",
				// a type named `User` or Browser is code's
				"Define a `User` interface with `Get` and `Put`.", "Each driver implements the Browser interface.", "Add a `Visual` interface for renderers."}},
	} {
		for _, md := range tt.off {
			assert.False(t, has(md, tt.term), "%s in %q", tt.term, md)
		}
		for _, md := range tt.on {
			assert.True(t, has(md, tt.term), "%s in %q", tt.term, md)
		}
	}
}

func TestQuestion(t *testing.T) {
	for text, want := range map[string]bool{
		"Should we use Redis?":          true,
		"Is it \"done?\"":               true,
		"Do we poll (every minute?)":    true,
		"Use Redis.":                    false,
		"Why? Because it is fast.":      false,
		"What is the retention period?": true,
	} {
		assert.Equal(t, want, Question(text), "%q", text)
	}
}

// TestSectionCategories checks that a heading's category comes from a word
// of it, not from letters inside another word.
func TestSectionCategories(t *testing.T) {
	tests := []struct{ heading, want string }{
		{"Non-Goals", "nongoals"},
		{"Requirements", "requirements"},
		{"Measurement plan", "metrics"},
		{"Risks and Mitigations", "risks"},
		{"Implementation History", "motivation"},
		{"History", "motivation"},
		{"User stories", "stories"},
		{"API changes", "design"},
		{"Capital planning", ""},    // not "api"
		{"Conflict resolution", ""}, // not "solution"
		{"Static provisioning", ""}, // not "vision"
		{"PodSecurityPolicy", ""},   // a name, not a security section
		{"Rapid re-booking", ""},    // not "api"
		{"Café history notes", "motivation"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, sectionCat(tt.heading), tt.heading)
	}
}

func TestDesignTitle(t *testing.T) {
	for title, want := range map[string]bool{
		"API-001: State store API design": true,
		"Architecture":                    true,
		"Technical notes: partner keys":   true,
		"Implementation plan":             true,
		"One-pager: Stale API key nudges": false,
		"Security review tool":            false,
		"Redesigned checkout":             false, // "design" inside a word
		"Guest checkout":                  false,
	} {
		assert.Equal(t, want, DesignTitle(title), title)
	}
}

// TestWeProposeSpan checks the "we-propose" signal ends at the verb after a
// fused or separate "are": "We're proposing", "We are going (with …)".
func TestWeProposeSpan(t *testing.T) {
	j := New(Options{})
	for md, want := range map[string]string{
		"We're proposing a new cache in front of the API.": "We're proposing",
		"We’re choosing Postgres for the ledger.":          "We’re choosing",
		"We are going with Postgres for the ledger.":       "We are going",
		"We propose a new index.":                          "We propose",
	} {
		got := ""
		for _, s := range j.Judge(FromMarkdown(md)).Signals {
			if s.Name == "we-propose" {
				got = s.Text
			}
		}
		assert.Equal(t, want, got, md)
	}
}

// TestAfterLetUs checks that "let's" and "let us" lead to the verb of the
// order, with a word after them, and that "Let US" (the country) does not.
func TestAfterLetUs(t *testing.T) {
	j := New(Options{})
	j.init()
	for _, tt := range []struct {
		text string
		want int
	}{
		{"Let's", 0}, {"let us", 0}, {"Let's go", 1}, {"Let us go", 2}, {"Let’s go", 1}, {"Let's also add a replica", 2}, {"Let's also", 1}, {"Let us also write C for the limit", 0}, {"Let us write C for the limit", 0},
		{"Let US customers pay by ACH.", 0}, {"Let users pay by ACH.", 0}, {"adds", 0},
	} {
		var ex extraction
		toks := j.extract(FromMarkdown(tt.text), &ex, nil, nil)
		assert.Equal(t, tt.want, afterLetUs(toks, 0), tt.text)
	}
}

// hasRawSignal reports a raw signal of feature f named name (a prefix, for
// signals named after a word) among a sentence's, whatever its weight.
func hasRawSignal(j *Judge, text string, f int, name string) bool {
	return slices.ContainsFunc(rawSignals(j, text), func(r rawSignal) bool { return r.feat == f && r.name == name })
}

// rawSignals returns a sentence's signals as extract finds them, before
// any weighing.
func rawSignals(j *Judge, text string) []rawSignal {
	var ex extraction
	j.extract(FromMarkdown(text), &ex, nil, nil)
	return ex.sigs
}

// TestAPICall checks that calling an interface, or taking data from one, is
// read as wiring two systems, and that the look-alikes are not: nouns, a
// negated call, a call as subject, a person's call, an interface that
// qualifies another noun, and an interface past another clause.
func TestAPICall(t *testing.T) {
	j := New(Options{})
	j.init()
	calls := func(text string) bool { return hasRawSignal(j, text, fVerbMeans, "calls-") }
	assertReading(t, "call", calls, []string{
		"The reminder service must call the QuickBooks API to re-check payment status.",
		"Pull deposit payments from the Square Payments API every 15 minutes.",
		"Verify PADI certifications by calling the PADI Pro Chek API.",
		"The mobile client polls the status endpoint every thirty seconds.",
		"The app then fetches the menu from the kitchen endpoint.",
		"Poll the orders API and store the results in Postgres.",
		"Payouts are created by a Sidekiq job that calls Stripe's Payouts API.",
		"This polls the orders API every minute.",
		"A Bolt app posts messages and calls the grant API when a button is clicked.",
		"Workers poll the orders API every minute.",
		"The worker polls for status updates from the Jobs API every 30 seconds.",
		"The service must call the API gateway for every request.",
		"Poll the API status endpoint every minute.",
		"Stripe calls our webhook endpoint on every charge.",
		"`fetchOrders` calls the orders API on every page load.",
		"We detect it by having a cron job poll the Sabre inventory API every minute.",
		"The worker keeps polling the status endpoint until the job finishes.",
	}, []string{
		"Polling the API every minute wastes quota.",
		"Today, polling the API every minute wastes quota.",
		"Partners integrate through SFTP; they cannot call an API.",
		"Clients must not be allowed to call the internal API.",
		"The app never calls the legacy API.",
		"Fetch the menu from the cache, and the API returns it.",
		"We read the report from the dashboard if the API is down.",
		"Call the clinic when the booking API fails.",
		"Call the clinic; the booking API is down.",
		"Call the customer to explain the API outage.",
		"The client calls `api` directly.",
		"Calls to the billing API fail 5% of the time.",
		"Queries to the orders endpoint time out under load.",
		"The query API returns results in under 200 ms.",
		"API calls to the billing endpoint exceed our quota.",
		"Repeated reads from the orders API time out under load.",
		"Slow queries hit the orders API during the nightly batch.",
		"Bulk import from the Salesforce API is planned for v2.",
		"Call out API deprecations in the release notes.",
		"Support agents call the API team when payouts fail.",
		"Agents call the merchant about the API.",
		"Problem: polling the API every minute wastes quota.",
		"Read the rate limits from the API reference.",
		"Read the changelog from the API provider.",
		"Let users import contacts from a CSV file rather than the API.",
		"Polling endpoint: the client checks status every 30 s.",
	})
	// the call leaves the verb-means reading to the design verb after it,
	// and is read once where the call verb is itself a design verb
	means := "Poll the orders API and store the results in Postgres."
	assert.True(t, hasRawSignal(j, means, fVerbMeans, "means-"), "the store in Postgres is still read")
	var ex extraction
	j.extract(FromMarkdown("The job calls Stripe's Payouts API with `method: instant`."), &ex, nil, nil)
	n := 0
	for _, r := range ex.sigs {
		if r.feat == fVerbMeans {
			n++
		}
	}
	assert.Equal(t, 1, n, "one reading of one call")
}

// assertReading checks that read finds a reading in each sentence of on
// and in none of off.
func assertReading(t *testing.T, name string, read func(string) bool, on, off []string) {
	t.Helper()
	for _, text := range on {
		assert.True(t, read(text), "%s: %q", name, text)
	}
	for _, text := range off {
		assert.False(t, read(text), "no %s: %q", name, text)
	}
}

// TestCarriedByNamedMeans checks that a screen object carried by a named
// means no longer speaks for the user, and keeps doing so when it stands
// after the means, in another clause, or the means is interface text.
func TestCarriedByNamedMeans(t *testing.T) {
	assertUIObject(t, []uiObjectCase{
		{"Deliver the notifications via SendGrid.", false},
		{"Push notifications are sent through Firebase Cloud Messaging.", false},
		{"Users get alerts through the mobile app.", true},
		{"Send reminders by email.", true},
		{"Show a banner on the dashboard when the nightly sync via Kafka fails.", true},
		{"Users see a red badge on the inbox icon; messages arrive via Twilio.", true},
		{"Show a banner on the dashboard, and send the data via Kafka.", true},
		{"Users see a banner on the dashboard, and messages arrive via Twilio.", true},
		// a list or an aside is no other clause
		{"Send alerts, reminders and receipts via SendGrid.", false},
		{"Send a push notification (with the order number) via Firebase Cloud Messaging.", false},
		{"Display a modal using `Save draft` as the button label.", true},
		{"Deliver the data via Kafka to the dashboard.", true},
	})
}

// TestShownOnScreen checks that "show" after a modal reads as what a screen
// shows, and that arriving, proving and a negation do not.
func TestShownOnScreen(t *testing.T) {
	assertUIObject(t, []uiObjectCase{
		{"Each order should show the couple, the date and the delivery slot.", true},
		{"Each suggestion will also show the estimated monthly savings.", true},
		{"Calendar invites must show up correctly in Outlook.", false},
		{"The benchmark should show that the cache halves latency.", false},
		{"The controller should not show the secret in its logs.", false},
		{"The controller should also never show the secret in its logs.", false},
		{"Using Stripe, the app will show prices in the local currency.", true},
		{"The app will show prices using the Stripe API.", false},
		{"The depot map will show locations using Mapbox GL with clustered markers.", false},
		{"Each invoice should show charges through the end of the billing period.", true},
		{"Each listing should show the number of guests using the space.", true},
		{"Each booking should show the guest's name, and bookings arrive via a webhook.", true},
	})
}

// uiObjectCase is a sentence and whether it keeps the screen-object
// feature.
type uiObjectCase struct {
	text  string
	uiObj bool
}

// assertUIObject checks each case's screen-object feature.
func assertUIObject(t *testing.T, cases []uiObjectCase) {
	t.Helper()
	j := New(Options{})
	j.init()
	for _, tt := range cases {
		assert.Equal(t, tt.uiObj, featuresOf(j, tt.text)[fUIObject] != 0, "ui-object: %q", tt.text)
	}
}

// TestHowOftenThingsHappen checks that a word of frequency in a statement's
// main clause tells how things are, as "currently" does, and that asking,
// setting, planning or giving a reason with a frequency does not, nor a
// frequency word that names ("Frequently used filters").
func TestHowOftenThingsHappen(t *testing.T) {
	j := New(Options{})
	j.init()
	for _, tt := range []struct {
		text  string
		today bool
	}{
		{"The MySQL replica often lags minutes behind the primary during the nightly batch.", true},
		{"The current Appender interface sometimes returns separate interfaces.", true},
		{"Implementations tend to re-invent HTTP config.", true},
		{"Because of the migration, the replica often lags behind the primary.", true},
		{"The worker will often retry the request.", false},
		// how code usually behaves is its specification; how it often
		// behaves is a report
		{"The `/v2/export` endpoint typically responds within 200 ms.", false},
		{"The `GetUser` handler sometimes returns nil when the cache is cold.", true},
	} {
		x := featuresOf(j, tt.text)
		assert.Equal(t, tt.today, x[fCtxMain] != 0, "ctx-main: %q", tt.text)
	}
	// no word of today at all
	for _, text := range []string{
		"The schedule defines how often metrics are exported.",
		"The schedule defines how frequently metrics are exported.",
		"Refresh the token as often as needed.",
		"Cross-tenant queries will seldom be needed, so each tenant gets its own schema.",
		"Teachers should not often need more than two clicks.",
		"The client must poll frequently because webhooks are sometimes dropped.",
		"We cache rates in Redis because they rarely change.",
		"Frequently used filters appear at the top of the list.",
		"Add a Frequently Asked Questions page to the help center.",
		"Nurses tend patients on the ward.",
		"Nurses tend to patients on the night shift.",
		"Frequently requested reports load first.",
	} {
		assert.Zero(t, featuresOf(j, text)[fCtx], "ctx: %q", text)
	}
	for _, text := range []string{
		"Cross-tenant queries are seldom needed.",
		"Argo CD is often used to implement automated workflows.",
		"The replica often lagged behind the primary last year.",
		"We must fix this: users often abandon the cart.",
	} {
		assert.NotZero(t, featuresOf(j, text)[fCtx], "ctx: %q", text)
	}
}

// TestColonInCodeIsNoLabel checks that a colon inside a code span or a URL
// does not end a "Label:" prefix, so the order after it is still read,
// while a real label still places the sentence.
func TestColonInCodeIsNoLabel(t *testing.T) {
	j := New(Options{})
	j.init()
	for _, text := range []string{
		"Set `mode: strict` on the gateway for every tenant.",
		"Mount the volume at `c:\\hpc` on every node.",
		"Send the events to https://collector.example.com for every tenant.",
		"Validate `apiVersion: cli.fluxcd.io/v1beta1` and kind: Plugin in every manifest.",
		// a code span with a space before a label's colon
		"`Attester key`: set the key with `--attester-key` on every node.",
		"Phase 2 (`v2 API`): migrate the orders table to Postgres.",
	} {
		assert.NotZero(t, featuresOf(j, text)[fImpDesign], "order: %q", text)
	}
	x := featuresOf(j, "Risk: the `mode: strict` setting breaks old clients.")
	assert.NotZero(t, x[fSec0+secIndex["risks"]], "a real label still places the sentence")
	// a code span before the colon is a label's name
	assert.True(t, hasRawSignal(j, "`Attester`: set the key with `--attester-key` on every node.", fImpDesign, "imperative-"),
		"the order after a code label")
}

// TestPartAsAgent checks that a modal passive whose agent is a part of the
// system reads as a design whatever the participle, and that people,
// channels, gerunds and negations do not.
func TestPartAsAgent(t *testing.T) {
	j := New(Options{})
	j.init()
	agent := func(text string) bool {
		return slices.ContainsFunc(rawSignals(j, text), func(r rawSignal) bool {
			return r.feat == fModalBePart && strings.HasSuffix(r.name, "-by")
		})
	}
	assertReading(t, "agent", agent, []string{
		"The eligibility check should be enforced by a Postgres trigger.",
		"Due dates should be recalculated by a nightly job rather than on each page load.",
		"Stale holds will be cleaned up automatically by the `sweeper` worker.",
	}, []string{
		"The exact retry schedule will be decided by the engineering team.",
		"Refunds must be approved by a manager.",
		"Alerts will be delivered by email and Slack.",
		"The events endpoints should be covered by permissions.",
		"The eligibility check should not be enforced by a Postgres trigger.",
		"This can be resolved by removing the job.",
		"The migration will be owned by the backend team.",
		"Payroll questions will be answered by the HR system owner.",
		"The order should be picked by the warehouse worker.",
		"Escalations should be owned by a manager.",
	})
}

// TestRelativeClauseOfPlan checks that the people, "you", "can" and
// negation words of a relative clause after a part the authors plan to
// build leave the plan alone, and that the same words still count where
// they stand in the main clause, where no plan comes before them, or where
// the clause follows no part of the system.
func TestRelativeClauseOfPlan(t *testing.T) {
	assertFeatures(t, []featureCase{
		{"We add a new field `policy` that allows users to choose what happens to pods that are not ready.", fAllowUser, false},
		{"We add a new field `policy` that allows users to choose what happens to pods that are not ready.", fNeg, false},
		{"We propose to extend the storage to support ST as something you can attach to a sample.", fYou, false},
		{"We propose to extend the storage to support ST as something you can attach to a sample.", fCan, false},
		{"Add a new endpoint that customers can call to export their data.", fUserModal, false},
		// the same cue in the main clause, before the plan, or after no part
		{"We do not add a new field `policy` that allows users to choose.", fNeg, true},
		{"Users can pick a new field `policy` that we add.", fUserModal, true},
		{"We propose that users can export reports as CSV.", fUserModal, true},
		{"We propose a new field `policy`, and users can set it.", fUserModal, true},
		{"A field that users can set is missing, so we add a new flag `x`.", fUserModal, true},
		{"Operators want a new field `policy` that they can set.", fUserModal, true},
		// the same cue before the clause and in it
		{"Users can set a new field `policy` that users can also override.", fUserModal, true},
		{"We do not add a new field `policy` that is not ready.", fNeg, true},
		{"We do not add a new field `policy` that is not ready.", fTermNeg, false},
		{"We add a new `Redis` cache that is not shared.", fTermNeg, false},
		// the clause ends where another begins
		{"We add a new field `policy` that users can set, and users can also override it per namespace.", fUserModal, true},
		{"We add a new field `policy` that users set; existing pods are not affected.", fNeg, true},
		{"We add a new field `policy` that operators set, so that the controller does not restart pods.", fNeg, true},
		// "are able" as "can"; a declined plan; "cannot" a problem word too
		{"We add a new `policy` field that users are able to set per namespace.", fUserModal, false},
		{"We will not add a new field `policy` that users can set.", fUserModal, true},
		{"We propose a new config file that users cannot edit by hand.", fNeg, true},
		// a declined plan: a non-goal, or a negation next to the plan
		{"A new field `policy` that users can set is a non-goal.", fUserModal, true},
		{"Adding a new field `policy` that users can set is out of scope.", fUserModal, true},
		{"We do not add a new field `policy` that users can set.", fUserModal, true},
		// a negation in another clause before the plan is not the plan's
		{"Since the API has no way to express this, we add a new field `policy` that users can set.", fUserModal, false},
		{"No new API is added; we add a new field `policy` that users can set.", fUserModal, false},
		// a second relative clause on the same part; a colon or a dash ends one
		{"We add a new field `policy` that users can set, and that you can override per namespace.", fYou, false},
		{"We add a new field `policy` that operators set: admins can override it per namespace.", fCan, true},
		{"We add a new field `policy` that users — typically cluster admins — can set.", fUserModal, false},
		{"We add a new field `policy` that users can set, or that admins can override.", fUserModal, false},
		{"Because no API exists, we add a new field `policy` that users can set.", fUserModal, false},
		{"We do not plan to add a new field `policy` that users can set.", fUserModal, true},
	})
}

// TestWhatStaysAsItIs checks that "still" with no modal before it tells
// how things are, as "recently" tells the past and "prohibitive" a
// problem, and that "still" after a modal (what a design keeps doing) does
// not.
func TestWhatStaysAsItIs(t *testing.T) {
	assertFeatures(t, []featureCase{
		{"We still use pickle as the serialization format for Celery.", fCtx, true},
		{"Roughly 2,300 statements are still printed and mailed.", fCtx, true},
		{"Validation will still reject a change to the storage class.", fCtx, false},
		{"It should still be possible to move this to a Kafka model.", fCtx, false},
		{"Still, the export should finish within five minutes.", fCtx, false},
		{"Still images are compressed before upload.", fCtx, false},
		{"Ensure uploads still succeed when the network drops.", fCtx, false},
		{"Users want the app to still work offline.", fCtx, false},
		{"If the primary region fails, traffic should shift to the secondary; reads still go to the local replica.", fCtx, true},
		{"Export still takes 20 minutes for large workspaces.", fCtx, true},
		{"Agents still process refunds by hand.", fCtx, true},
		{"There are still users who rely on the legacy export.", fCtx, true},
		{"Many teams use v1 still.", fCtx, true},
		{"The gallery shows the still images from each camera.", fCtx, false},
		{"This still requires a manual export every week.", fCtx, true},
		{"Teams all still use the v1 API.", fCtx, true},
		{"Support agents still process refunds by hand.", fCtx, true},
		{"Make sure uploads still succeed when the network drops.", fCtx, false},
		{"The goal is to still accept v1 tokens.", fCtx, false},
		{"Until recently, no effort has been geared toward profiling.", fPast, true},
		{"More recently, the team moved billing to Stripe.", fPast, true},
		{"Recently, the team moved billing to Stripe.", fPast, true},
		{"Show the most recently used projects first.", fPast, false},
		{"Recently viewed items appear at the top of the home screen.", fPast, false},
		{"Recently used files appear at the top of the picker.", fPast, false},
		{"Show recently viewed projects first on the home screen.", fPast, false},
		{"The home screen shows recently viewed projects first.", fPast, false},
		{"Recently, viewed items were cleared by the migration.", fPast, true},
		{"Recently the team moved billing to Stripe.", fPast, true},
		{"Direct API calls for every application become prohibitive at scale.", fProblem, true},
	})
}

// TestPlainImperative checks that an order whose verb the lexicon does
// not know is read as an order, not a fragment, and that a preposition, an
// adverb, a gerund, a possessive or a heading opening the same way is not.
func TestPlainImperative(t *testing.T) {
	j := New(Options{})
	j.init()
	for _, text := range []string{
		"Ship it as a static binary installed by the Helm chart.",
		"Package the CLI as a Docker image and publish it from CI.",
		"Roll out the new version with a canary that takes five percent of traffic.",
		"Sort the candidates by score and keep the top ten with a min-heap.",
		"Ping the health endpoint every 30 seconds.",
		"Seed the database with fixtures before each test run.",
		"Supply the token in the Authorization header.",
		"Shed the oldest jobs first under load.",
		"Speed up the import of large files.",
		"Shred the exported files after 30 days.",
		"Dedupe these events before they reach the warehouse.",
		"Dedupe these.",
		// after a purpose or a place, up to the comma
		"To avoid double bookings, take a row lock on the shift record.",
		"For the MVP, take a snapshot of the queue every hour.",
		// "put" is its own participle
		"Put the image resizer behind a CDN.",
		"To handle the rush, put a waiting room in front of the booking pages.",
		// the first verb found is in a clause of condition or time
		"Take a row lock on the shift record when a volunteer signs up.",
		"Take every reminder off the list when the pilot ends.",
		"Take the lock if one tenant sends most of the jobs.",
	} {
		x := featuresOf(j, text)
		assert.NotZero(t, x[fImpPlain], "order: %q", text)
		assert.Zero(t, x[fFragment], "no fragment: %q", text)
		assert.Zero(t, x[fSubjOther], "no subject: %q", text)
	}
	for _, text := range []string{
		"Rebasing the branch every night.",
		"Mostly the same flow as today.",
		"Meanwhile the old export keeps running.",
		"Toward the end of the quarter.",
		"Amongst the options here.",
		"Foo's the default vendor for payouts.",
		"Revenue this quarter versus last.",
		"Downloads each month.",
		"Payments each carry an idempotency key.",
		"Signups this release versus last.",
		"But this enhancement now requires a second cache.",
		"Kafka the hard way.",
		"Given the tight timeline for the launch.",
		"Maybe the same approach for mobile.",
		"Alice, the product manager for billing.",
		"`make` the default target.",
		"Unreviewed the whole time.",
		// a lead-in, then a subject and its verb
		"In 2023, staff rebuilt the list from old emails.",
		"For the first month, riders photograph the parcel at the door.",
		"To keep costs down, volunteers each bring a laptop.",
		"During the pilot, staff enter a code at the door when a guide signs up.",
		"In the first release, shifts the coordinator creates are published to the rota.",
		// "put" and "done" are participles; only "put" is its own base
		"Done the same way as the export.",
		// a subject and its verb, then a clause of time
		"The rider captures a photo when the parcel is handed over.",
		"Photos the rider takes when the parcel is handed over are stored in S3.",
	} {
		assert.Zero(t, featuresOf(j, text)[fImpPlain], "no order: %q", text)
	}
	var ex extraction
	j.extract(Input{Text: "Ship it as a static binary", Heading: true}, &ex, nil, nil)
	assert.Zero(t, ex.x[fImpPlain], "a heading is no order")
	// the order after a lead-in starts the sentence; a plural noun does not
	for _, c := range []struct {
		text, first string
	}{
		{"To avoid double bookings, take a row lock on the shift record.", "take"},
		{"In the first release, shifts the coordinator creates are published to the rota.", "in"},
		{"For now, photos the rider takes are kept for a week.", "for"},
	} {
		toks := j.tokens(FromMarkdown(c.text), &ex, nil, nil)
		assert.Equal(t, c.first, toks[afterLeadIn(c.text, toks, 0)].low, c.text)
	}
}

// TestCoordinatedPart checks that a design participle joined by "and" to
// the participle of a modal passive is read as the passive's own, and that
// work for people, another clause or a negated passive is not.
func TestCoordinatedPart(t *testing.T) {
	assertFeatures(t, []featureCase{
		{"Shares should be recalculated by a nightly batch and cached per member.", fModalBePart, true},
		{"Travel times should be estimated with the Distance Matrix API and cached for each pair of districts.", fModalBePart, true},
		{"Records should be reviewed and updated by staff.", fModalBePart, false},
		{"Records should be reviewed by staff and updated.", fModalBePart, false},
		{"Shares should be recalculated nightly; and cached values expire.", fModalBePart, false},
		{"Shares should be recalculated in two steps: nightly and cached per member.", fModalBePart, false},
		{"Shares should be recalculated as members must be moved and cached.", fModalBePart, false},
		{"Shares should be recalculated nightly and cached results should be discarded.", fModalBePart, false},
		{"Shares should be recalculated nightly, and cached values are served until then.", fModalBePart, false},
		{"The build should be green and deployed to staging.", fModalBePart, false},
		{"Images should be resized and cached so they are served from the CDN.", fModalBePart, true},
		{"The contract should be agreed and signed before launch.", fModalBePart, true},
		{"Shares should not be recalculated and cached per member.", fModalBePart, false},
	})
}

// TestPeopleNamedByWho checks that a subject that "who" follows is people,
// whatever the noun ("Peal conductors, who assemble a band …"), and that a
// future after "who" is theirs, not the system's; a future elsewhere, or a
// subject with no "who", reads as before.
func TestPeopleNamedByWho(t *testing.T) {
	assertFeatures(t, []featureCase{
		{"Peal conductors, who assemble a band for a particular method, date and tower.", fSubjUser, true},
		{"Students who leave two offers unanswered are moved to the back of the list.", fSubjUser, true},
		{"The tower captain, who plans each practice around who will attend.", fWill, false},
		{"Peal conductors assemble a band for a particular method.", fSubjUser, false},
		{"The tower captain, who plans each practice, will get a reminder.", fWill, true},
		{"Reminders go to whoever will attend.", fWill, false},
		{"Reminders go out to those who will attend the session.", fWill, false},
		{"The scheduler decides, for each shift, who will attend.", fWill, true},
		{"The scheduler decides who will attend.", fWill, true},
		{"Customers who will be moved get 30 days' notice.", fWill, false},
		{"The tower captain, who plans each practice around who shall attend.", fMust, true},
		{"We, who maintain the library, will drop Python 2 support.", fSubjWe, true},
		{"The system determines who can approve the request.", fSubjSystem, true},
		{"The router chooses who handles the ticket.", fSubjUser, false},
		{"The list of ringers who will attend is cached in Redis.", fSubjUser, false},
		{"Tower captains who plan practices get a reminder.", fSubjUser, true},
		{"The ringers who attend practice get a reminder.", fSubjUser, true},
	})
}

// TestPeopleLabel checks that a "Label:" prefix naming people makes what
// follows their doing, as in a list of personas, not an order; a label of
// anything else leaves the order.
func TestPeopleLabel(t *testing.T) {
	assertFeatures(t, []featureCase{
		{"Stewards: sign up for shifts, check in on the day.", fSubjUser, true},
		{"Steward leads: run a team of 10 to 20 stewards at one gate or stage.", fSubjUser, true},
		{"Steward leads: run a team of 10 to 20 stewards at one gate or stage.", fImpDesign, false},
		{"Volunteers: add a note to each shift.", fImpDesign, false},
		{"Storage: add a `notes` column to the shifts table.", fImpDesign, true},
		{"Storage: add a `notes` column to the shifts table.", fSubjUser, false},
		{"Status: draft for the committee meeting on 12 March.", fSubjUser, false},
		{"Volunteer rota: add a `notes` column to the shifts table.", fImpDesign, true},
		{"Volunteer rota: add a `notes` column to the shifts table.", fSubjUser, false},
		// the head word before a preposition or a parenthesis
		{"Note for volunteers: add a note to each shift.", fSubjUser, false},
		{"Impact on volunteers: add a note to each shift.", fImpDesign, true},
		{"Stewards (for big events): sign up for shifts.", fSubjUser, true},
		{"Stewards (weekend): sign up for shifts.", fSubjUser, true},
		// the people who build the product
		{"Backend team: add a note to each shift.", fImpDesign, true},
		{"Developers: add a note to each shift.", fSubjUser, false},
		// a technology or code after the label keeps the order
		{"Admin: build the settings page with React and Redux.", fSubjUser, false},
		{"Volunteers: add a `notes` column to the shifts table.", fImpDesign, true},
		// a clause with a subject of its own, or a definition
		{"Admins: we will add a note to each shift.", fSubjWe, true},
		{"Admins: we will add a note to each shift.", fSubjUser, false},
		{"Customers: a table keyed by email with one row per order.", fSubjUser, false},
	})
}

// TestMitigationIsNoRisk checks that a mitigation, named by a word or by a
// lead-in label, is what is done about a risk, not the risk: no risk cue
// and no place among the risks; a risk's own words and label still are.
func TestMitigationIsNoRisk(t *testing.T) {
	risks := fSec0 + secIndex["risks"]
	assertFeatures(t, []featureCase{
		{"To mitigate this, the reminder job should re-check the record before each send.", fRisk, false},
		{"MITIGATION: we will limit the maximum response size to 1MB.", fRisk, false},
		{"MITIGATION: we will limit the maximum response size to 1MB.", risks, false},
		{"Risk: the partner API may time out during the nightly sync.", risks, true},
		{"Risks and mitigations: the partner API may time out during the nightly sync.", risks, true},
		{"Unmitigated risk: the partner API may time out during the nightly sync.", risks, true},
		{"The main risk is that the partner API times out.", fRisk, true},
	})
}

// TestOrderAfterPurpose checks that an order after a purpose phrase ("To
// mitigate the thundering herd, add jitter …") is read as an order, as one
// after "For the MVP, …" is, and that a statement after one is not.
func TestOrderAfterPurpose(t *testing.T) {
	j := New(Options{})
	j.init()
	ordered := func(text string) bool { return hasRawSignal(j, text, fImpDesign, "imperative-") }
	assertReading(t, "order after a purpose", ordered, []string{
		"To keep the nightly import under an hour, shard the loader by tenant.",
		"To mitigate retries from every client at once, cache the token in Redis for a minute.",
	}, []string{
		"To do this, we will add a `retries` field.",
		"To keep the import fast, the loader shards by tenant.",
		"To be clear, sync works offline on every plan.",
		"To clarify, support owns the refund flow.",
		"For each tenant, cache misses are counted.",
	})
}

// featureCase says whether one feature fires on a sentence.
type featureCase struct {
	text string
	feat int
	on   bool
}

// assertFeatures checks each case's feature on its sentence.
func assertFeatures(t *testing.T, cases []featureCase) {
	t.Helper()
	j := New(Options{})
	j.init()
	for _, tt := range cases {
		assert.Equal(t, tt.on, featuresOf(j, tt.text)[tt.feat] != 0, "%s: %q", featNames[tt.feat], tt.text)
	}
}

// TestEverydayVerbBeforeTerm checks that a statement whose verb the
// lexicon does not know, with a named technology after it, is read as a
// statement and not a fragment, and that one with no technology, or a
// noun phrase with no such verb, still reads as a fragment.
func TestEverydayVerbBeforeTerm(t *testing.T) {
	assertFeatures(t, []featureCase{
		{"Texts go out through a Twilio Messaging Service on a UK long code.", fFragment, false},
		{"Ticket numbers come from a Postgres sequence.", fFragment, false},
		{"The importer relies on pandas to parse the spreadsheets.", fFragment, false},
		{"This goes through the Twilio API.", fFragment, false},
		// the subject is read as any other's
		{"Users go through Okta to sign in.", fSubjUser, true},
		// by design, with no technology after the verb it stays a fragment
		{"Texts go out on time.", fFragment, true},
		// a base form after a determiner or a singular noun, a verb after a
		// relative word, a heading
		{"The pass through the Stripe checkout.", fFragment, true},
		{"The service which takes requests through Envoy.", fFragment, true},
		{"Employee pay through Adyen payouts.", fFragment, true},
	})
	var ex extraction
	j := New(Options{})
	j.init()
	j.extract(Input{Text: "Texts go out through Twilio", Heading: true}, &ex, nil, nil)
	assert.Zero(t, ex.x[fSubjOther]+ex.x[fSubjUser]+ex.x[fSubjCode], "a heading has no subject read")
}

// TestGroupAndPossibleToday checks that a subject counted out of a group,
// or "it is possible to …", reads as how things are today, and that a
// modal, "we", a plan word, a need or a passive keeps the reading of a
// change.
func TestGroupAndPossibleToday(t *testing.T) {
	assertFeatures(t, []featureCase{
		{"Many CLI tools only print color if the `stdout` is a TTY.", fCtx, true},
		{"Several major runtimes support RuntimeClass.", fCtx, true},
		{"Most of the clinics use the scheduling module.", fCtx, true},
		{"Few editors handle the `.prdrc` file.", fCtx, true},
		{"It is possible to query the number of failed operations using the kubelet metrics endpoint.", fCtx, true},
		{"It's possible to run any program as a caching agent.", fCtx, true},
		{"It is impossible to tell the two cases apart.", fCtx, true},
		{"It is also possible to export the report as CSV.", fCtx, true},
		{"Most users like the dark theme.", fCtx, true},
		// a modal, a need, a plan word, a passive, "we" anywhere after
		{"Several unused methods will be removed.", fCtx, false},
		{"Some methods need to be made public.", fCtx, false},
		{"Some tools will print color.", fCtx, false},
		{"Most of the work we do in the controller.", fCtx, false},
		{"Some controllers need access to the cache.", fCtx, false},
		{"Make sure it is possible to disable the feature.", fCtx, false},
		// the past is read by its own cues, not as today
		{"It was possible to run the agent as a sidecar.", fCtx, false},
		{"Some fields move to a new table.", fCtx, false},
		{"Most logs are migrated to structured methods.", fCtx, false},
		{"Many tools print color, so we add a `--color` flag.", fCtx, false},
		{"It is possible to add a new resource scope.", fCtx, false},
		{"It should be possible to move this to a Kafka model.", fCtx, false},
		// not the subject: the quantifier does not open the sentence
		{"The daemon reads many files from `/etc`.", fCtx, false},
		{"It is a possible way to run the agent.", fCtx, false},
		// a word of manner, time or thanks after the quantifier
		{"Most notably, the gateway terminates TLS and forwards requests to the pods.", fCtx, false},
		{"Most importantly the service retries failed uploads three times.", fCtx, false},
		{"Most of the time the cache serves the request.", fCtx, false},
		{"Most recent events appear first in the list.", fCtx, false},
		{"Many thanks to the platform team for the review.", fCtx, false},
		{"Most of the clinics book by phone.", fCtx, true},
		{"Most early adopters book by phone.", fCtx, true},
		// a passive past a word of manner
		{"Some of the old endpoints are then removed.", fCtx, false},
		{"Some endpoints are quietly deprecated.", fCtx, false},
		// code is not read for a modal or a plan word
		{"Some of the `needs` labels are stale.", fCtx, true},
		{"Most jobs call `new` on startup.", fCtx, true},
		// the adverbs "it is … possible" may hold
		{"It is not possible to tell the two cases apart.", fCtx, true},
		{"It is currently possible to delete a running project.", fCtx, true},
		// too short to read, and no panic
		{"Many", fCtx, false},
		{"It", fCtx, false},
		{"It is", fCtx, false},
		{"It is already", fCtx, true},
		{"It is possible.", fCtx, false},
	})
}

// TestMakesCode checks that an order to make something named in code is
// an order to build, and that "make" with an outcome stays an outcome.
func TestMakesCode(t *testing.T) {
	assertFeatures(t, []featureCase{
		{"Make `Server` a standalone library.", fImpDesign, true},
		{"Make `Server` a standalone library.", fImpOutcome, false},
		{"Make the `retry` option mandatory for backend services.", fImpDesign, true},
		{"Make it easy for new teams to onboard.", fImpOutcome, true},
		{"Make it easy for new teams to onboard.", fImpDesign, false},
		{"Make the earnings screen show accurate totals.", fImpDesign, false},
		// an outcome verb other than "make"
		{"Ensure `Server` starts within a second.", fImpDesign, false},
		// what the code part is made: an outcome, not a thing or a property
		{"Make `Server` faster.", fImpDesign, false},
		{"Make `Server` start within one second.", fImpDesign, false},
		{"Make `foo` configurable per tenant.", fImpDesign, true},
		{"Make `Server` a library.", fImpDesign, true},
		{"Make the", fImpDesign, false},
	})
}

// TestBreakingChange checks that a breaking change is a risk, unless the
// sentence avoids one.
func TestBreakingChange(t *testing.T) {
	assertFeatures(t, []featureCase{
		{"This introduces a breaking change because `service.name` is replaced.", fRisk, true},
		{"The removal of the metric is a breaking change.", fRisk, true},
		{"This ships several breaking changes.", fRisk, true},
		{"To avoid a breaking change, this design reuses the status object.", fRisk, false},
		{"The new field lands without breaking changes.", fRisk, false},
		{"A breaking test is a signal.", fRisk, false},
		// denied or prevented: a promise, not a risk
		{"There are no breaking changes.", fRisk, false},
		{"This is not a breaking change.", fRisk, false},
		{"The migration ships with zero breaking changes.", fRisk, false},
		{"The shim prevents breaking changes for old clients.", fRisk, false},
		{"This is breaking.", fRisk, false},
	})
}

// TestDefaultNone checks that "none" as an option's default value is no
// negation, and that "none" elsewhere still is.
func TestDefaultNone(t *testing.T) {
	assertFeatures(t, []featureCase{
		{"Add a `promote` parameter for the attributes to promote (default: none).", fNeg, false},
		{"The `promote` parameter defaults to none.", fNeg, false},
		{"The default is none.", fNeg, false},
		{"None of the attributes are promoted.", fNeg, true},
		{"The parameter is set to none.", fNeg, true},
		{"The default value is none.", fNeg, false},
		// a negation after a default
		{"By default, none of the events are sent.", fNeg, true},
		{"By default none of the fields are indexed.", fNeg, true},
		{"The parser falls back to the default; none of the flags override it.", fNeg, true},
		{"To none of the users.", fNeg, true},
		{"By default, none are sent.", fNeg, true},
	})
}

// TestModalBeBrand checks that what a part is to be, or where it is to
// live, named as a technology after a modal, is a choice of technology,
// and that a quantity, a format or a plain noun is not.
func TestModalBeBrand(t *testing.T) {
	assertFeatures(t, []featureCase{
		{"The booking calendar should be a React single-page app.", fModalBrand, true},
		{"The touchscreen form will also be a WordPress plugin.", fModalBrand, true},
		{"The data should live in a SQLite file.", fModalBrand, true},
		{"The queue should sit on Redis.", fModalBrand, true},
		{"There will still be a handful of iptables chains left over.", fModalBrand, false},
		{"The checkout should be a single page.", fModalBrand, false},
		{"The export should be a CSV file.", fModalBrand, false},
		{"The data lives in a SQLite file.", fModalBrand, false},
		{"The data should live in the back office.", fModalBrand, false},
		{"Parents should get a Twilio text when the lesson moves.", fModalBrand, false},
		{"The badge should sit beside a Stripe button.", fModalBrand, false},
		{"The data should live in a single SQLite file.", fModalBrand, true},
		{"The cache should be only a Redis instance.", fModalBrand, true},
		// not "a" or "an" after "be", a role, a place on a screen
		{"The main risk will be that Stripe changes its fees.", fModalBrand, false},
		{"The checkout experience should be the same as Stripe Checkout.", fModalBrand, false},
		{"The payment account should be the school's existing Stripe account.", fModalBrand, false},
		{"Each instructor should be a WordPress author on the school site.", fModalBrand, false},
		{"The approver must be an Okta admin.", fModalBrand, false},
		{"The help text should live in the Okta login page.", fModalBrand, false},
	})
}

// TestRoleSubject checks that a person named by a role ("The treasurer
// sets …") is read as a people subject, as "users" are, and that a role
// word naming a component in capitals, one before another noun, or a
// software word stays as it was.
func TestRoleSubject(t *testing.T) {
	assertFeatures(t, []featureCase{
		{"The treasurer sets the concession prices for each concert.", fSubjUser, true},
		{"The treasurer also sets the concession prices for each concert.", fSubjUser, true},
		{"Teachers can assign a costume design to a class.", fSubjUser, true},
		{"Referees can see their fixtures for the month.", fSubjUser, true},
		{"Referee records are keyed by number in a `referees` table.", fSubjUser, false},
		{"The Resource Librarian will detect conflicts and choose one entity.", fSubjUser, false},
		{"The guest can mount the shared folder over `virtiofs`.", fSubjUser, false},
		{"The Treasurer sets the concession prices for each concert.", fSubjUser, true},
		{"The list of students is cached in Redis.", fSubjUser, false},
		// a verb the lexicon knows at most as a user's, before its object
		{"The foreman sees a printable schedule of the day's lifts.", fSubjUser, true},
		{"The registrar owns the loans process.", fSubjUser, true},
		{"The teacher access list is cached in Redis.", fSubjUser, false},
		{"The teacher Settings page lists the roster.", fSubjUser, false},
		{"The teacher roles are stored in the `staff` table.", fSubjUser, false},
		{"The teacher address this term is stored in Redis.", fSubjUser, false},
		{"The teacher roster this term is stored in Redis.", fSubjUser, false},
		{"The teacher Rosters this term are stored in Redis.", fSubjUser, false},
		{"The volunteer shifts this week are kept in Redis.", fSubjUser, false},
		{"The volunteer reports this week are stored in Redis.", fSubjUser, false},
		{"The foreman sees 3 boats a day.", fSubjUser, true},
		{"The foreman sees a daily schedule with each boat's lifting points.", fSubjUser, true},
		{"The foreman sees the boats that are due today.", fSubjUser, true},
		{"The foreman sees the schedule, and the crane is booked for the day.", fSubjUser, true},
		{"The `registrar` writes a row to the `enrolments` table.", fSubjUser, false},
		{"The `foreman` sees a printable schedule.", fSubjUser, false},
		{"The volunteer reports each month.", fSubjUser, false},
		// only after a role: another subject's unknown verb is left as it was
		{"The ledger owns a copy of each entry.", fFragment, true},
		{"The treasurer and the scheduler both read the prices table.", fSubjUser, false},
	})
}

// TestTrialRun checks that running the new way beside the old one for a
// stretch of time is a step of the rollout, and that a run which names a
// part of the system, or no stretch of time, stays an order about the
// design.
func TestTrialRun(t *testing.T) {
	assertFeatures(t, []featureCase{
		{"Run alongside the whiteboard for April.", fImpDesign, false},
		{"Run alongside the whiteboard for April.", fImpOutcome, true},
		{"Run the new sign-up sheet alongside the paper diary for two weeks.", fImpDesign, false},
		{"Run the tablet check-in in parallel with the paper list for the first month.", fImpDesign, false},
		{"Run the new rota side by side with the old one until June.", fImpDesign, false},
		{"We will run the new log alongside paper sheets for one month.", fWeWillDesign, false},
		{"We'll run the tablet check-in in parallel with the paper list for two weeks.", fWeWillDesign, false},
		{"We will be running the new log alongside paper sheets for one month.", fWeWillDesign, false},
		// stretches of the calendar
		{"Run the tablet check-in alongside the paper list over the summer.", fImpDesign, false},
		{"Run the tablet check-in alongside the paper list over the summer, then retire it.", fImpDesign, false},
		{"Run the tablet check-in alongside the paper list in the spring and summer.", fImpDesign, false},
		{"Run the new rota in parallel to the old one until the end of April.", fImpDesign, false},
		{"Run both rotas side by side until Easter.", fImpDesign, false},
		{"Run the check-in alongside the paper list for the whole spring term.", fImpDesign, false},
		{"Run the check-in alongside the paper list for the first two weeks.", fImpDesign, false},
		{"Run the check-in alongside the paper list through the first month.", fImpDesign, false},
		{"Run the check-in alongside the paper list during the autumn term.", fImpDesign, false},
		{"Run the check-in alongside the paper list for the term.", fImpDesign, false},
		{"Run the check-in alongside the paper list for 6 weeks.", fImpDesign, false},
		{"Run the check-in alongside the paper list in May.", fImpDesign, false},
		// a grouping, a time to live or a lower-case "may": no stretch
		{"Run the import in parallel with the backup for each day.", fImpDesign, true},
		{"Run the import alongside the backup for 30 days.", fImpDesign, true},
		{"Run the import alongside the backup by month.", fImpDesign, true},
		{"Run the import alongside six months of backups.", fImpDesign, true},
		{"Run the import alongside the backup during the day.", fImpDesign, true},
		{"Run the import alongside the backup over the summer build.", fImpDesign, true},
		{"Run the import alongside the backup for the first time.", fImpDesign, true},
		{"Run the import in parallel to the end.", fImpDesign, true},
		{"Run the new sheet alongside the old one so that anyone who opts in may compare them.", fImpDesign, true},
		// a recurrence, a rate or an amount of data: the design
		{"Run the backup alongside the import for the first two weeks of each month.", fImpDesign, true},
		{"Run the import alongside the backup twice in a month.", fImpDesign, true},
		{"Run the scoring alongside the ranking over six months of past orders.", fImpDesign, true},
		{"Run the reindex in parallel with reads for the first week.", fImpDesign, true},
		// more stretches
		{"Run the new rota alongside the old one for the first two weeks of April.", fImpDesign, false},
		{"Run the new rota alongside the old one for two sprints.", fImpDesign, false},
		{"Run the new rota alongside the old one until Q3.", fImpDesign, false},
		{"Run the new rota alongside the old one until the end of the month.", fImpDesign, false},
		{"Run the new rota alongside the old one in summer.", fImpDesign, false},
		// cut short: no trial, and no panic
		{"Run both rotas until Easter in parallel", fImpDesign, true},
		{"Run both rotas until the end of April side by", fImpDesign, true},
		{"Run both rotas alongside each other until the end", fImpDesign, true},
		{"Run the new rota alongside the old one until the end of", fImpDesign, true},
		// a part of the system, a technology or code: the design
		{"Run the workers alongside the API pods for two weeks.", fImpDesign, true},
		{"Run the legacy Okta integration in parallel with the new connections for 60 days.", fImpDesign, true},
		{"Run the legacy login in parallel with the new connections for 60 days, routing each login through a proxy.", fImpDesign, true},
		{"Run `importer` alongside the paper diary for two weeks.", fImpDesign, true},
		{"We will run the workers alongside the API pods for two weeks.", fWeWillDesign, true},
		// no stretch of time, or nothing beside it
		{"Run the exporter alongside the weekly summary.", fImpDesign, true},
		{"Run alongside the whiteboard.", fImpDesign, true},
		{"Run the nightly export for two weeks.", fImpDesign, true},
		{"Run the export in parallel for two weeks.", fImpDesign, true},
		{"Run the export side for two weeks.", fImpDesign, true},
		{"Run alongside", fImpDesign, true},
		// another verb: an order about the design, whatever runs beside it
		{"Store the scores alongside the paper diary for two weeks.", fImpDesign, true},
	})
}

// TestScreenWordInCode checks that a screen word inside code ("`npm
// install --link`", "`ui.theme`") names no screen: the order is about the
// code, while a screen word in the prose still makes a user's step.
func TestScreenWordInCode(t *testing.T) {
	assertFeatures(t, []featureCase{
		{"Remove `npm install --link`.", fImpUI, false},
		{"Remove `npm install --link`.", fImpDesign, true},
		{"Rename `report` to `summary`.", fImpUI, false},
		{"Deprecate the `view links` subcommand.", fImpUI, false},
		// a screen word in the prose
		{"Remove the link from the footer.", fImpUI, true},
		{"Remove the `Save` button from the form.", fImpUI, true},
		// a code span that is interface text
		{"Replace `Click here` with `View invoice`.", fImpUI, true},
		// one word in capitals, as a screen is named
		{"Rename `Dashboard` to `Home`.", fImpUI, true},
	})
}

// TestTrialRunFuture checks that "we will" before a trial run loses its
// future reading, and that a design, another step or another future word
// keeps it.
func TestTrialRunFuture(t *testing.T) {
	assertFeatures(t, []featureCase{
		{"We will run the new log alongside paper sheets for one month.", fWill, false},
		{"We are going to run the new rota alongside the old one until the end of March.", fWill, false},
		{"We will be running both rotas side by side until Easter.", fWill, false},
		// no trial, a design, another future word
		{"We'll pilot with the tenors and basses for the autumn term.", fWill, true},
		{"We'll run the new log alongside paper sheets.", fWill, true},
		{"We will run the workers alongside the API pods for two weeks.", fWill, true},
		{"We'll run the new log alongside paper sheets for a month, and volunteers will compare the two.", fWill, true},
		{"Volunteers will compare the two, and we will run the new log alongside paper sheets for a month.", fWill, true},
		{"The bot will poll the calendar API, and we will run it alongside the paper rota until Easter.", fWeWillDesign, true},
		{"The bot will poll the calendar API, and we will run it alongside the paper rota until Easter.", fWill, true},
		{"We will be", fWill, true},
	})
}
