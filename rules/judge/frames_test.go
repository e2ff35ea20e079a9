package judge

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFrameOf(t *testing.T) {
	j := New(Options{})
	j.init()
	tests := []struct {
		frame   frame
		on, off []string
	}{
		{frameToday,
			[]string{
				"Currently, the sync job copies every order row into `orders_archive` each night.",
				"The current implementation keeps sessions in the `session_store` table.",
				"At present, the exporter writes one CSV file per clinic.",
				"Today the mobile app polls `/v1/reminders` every minute.",
				"The legacy booking engine stores every reservation in a single Oracle table.",
				"The current deployment model is to merge changes into the `master` branch to get changes deployed to staging.",
				"According to the [code](https://example.com/cronjob.go), the controller retries every pod.",
				"At the time of writing this spec, the settings are serialized as objects in the `TerminalApp` project.",
				"As of this writing, the exporter writes one CSV file per clinic.",
				// after an opener of the past, "would" is what used to happen
				"Previously, the base rollup would `sha256` hash all the effects to one value.",
				"Historically the nightly job would copy every order into `orders_archive`.",
			},
			[]string{
				"Currently, sessions live in Redis; we will move them to Postgres.",
				"The current `session_store` table will be split in two.",
				"The existing `sizeLimit` field is made mutable.",
				"The existing sessions table is migrated to Postgres.",
				"Reuse the existing connection pool for retries.",
				"Store the current revision in the `rev` column.",
				"Sessions are currently kept in Redis.",
				"The legacy `bookings` table will be split in two.",
				"The existing `sync` job changes to write to Kafka.",
				"The current exporter changes the file name to `orders.csv`.",
				"Replace the legacy booking engine with a Postgres table.",
				"According to the design, the controller will retry every pod.",
				"According to the design, the worker publishes each event to a Kafka topic.",
				"According to this KEP, the kubelet stores the checkpoint in a file.",
				"According to our proposal, the gateway caches tokens in Redis.",
				"Currently sessions are stored in Redis; with this change the session service writes them to a Postgres table.",
				"The current exporter writes one file; this change streams rows to BigQuery.",
				"Currently the job copies every order; it would be better to stream them to Kafka.",
				"Previously the job copied every order; we would stream them to Kafka instead.",
				"Previously the job copied every order, and the new worker will stream them to Kafka.",
				// "would" after the opener's clause proposes
				"Historically, reports were built by hand; a nightly cron job would render them with WeasyPrint.",
			}},
		{frameRisk,
			[]string{
				"This will likely cause `staging` and `dev` to diverge from `master` over time.",
				"This potentially might cause permission errors when a user pulls from a private registry.",
				"However, this approach could lead to confusion as `filters` would not be available.",
				"That may result in duplicate rows in the `orders` table.",
				"Doing so could break clients that pin `v1`.",
				"Historically, this could cause outages during the nightly import.",
				"This likely will cause duplicate charges when the user taps twice.",
				"This will likely cause new sessions to be written to Redis twice.",
			},
			[]string{
				"This flag will cause the `prombench` action to pull the new images.",
				"This may result in a new `benchmarking` repo under the org.",
				"This could not cause a conflict, as each key is unique.",
				"This could never cause a conflict, as each key is unique.",
				"This cache will cause the worker to skip the database.",
				"Retries could cause duplicate payments, so the worker stores an idempotency key in Redis.",
				"It would cause the controller to requeue the object.",
				"This could cause duplicate payments, so the worker stores an idempotency key in Redis.",
				"That might break old clients; the gateway routes `v1` calls to a shim.",
				"It can result in each shard being rebalanced by the coordinator.",
				"This can break clients that pin `v1`.",
				"This could lead to a separate Redis cluster for sessions.",
			}},
		{frameScope,
			[]string{
				"Migrating the `orders_archive` table is out of scope for this PRD.",
				"Bulk export through the `/v2/export` endpoint is out-of-scope here.",
				"Offline mode is explicitly outside the scope of this document.",
				"Payment retries via Kafka are a non-goal.",
			},
			[]string{
				"Metrics that are outside the scope of the Summary API get a new `/metrics/extra` endpoint.",
				"Scope each token to one clinic.",
				"The scope of a token is stored in the `scopes` column.",
			}},
		{frameDocument,
			[]string{
				"This table shows the retry delay for each `backoff` setting.",
				"The following diagram illustrates how a reminder moves between services.",
				"From the YAML above we can see that `timeout` overrides the default.",
				"The example below shows a request to `/v1/reminders`.",
				"This page contains a checklist for moving the `reminders` repository.",
				"This RFC represents the consensus on `ReminderPack` telemetry so far.",
				"This document discusses how `quiet_hours` interacts with time zones.",
				"This memo proposes a referee assignment tool inside the League Hub app.",
				"This PRD defines the requirements for completing inspections offline.",
			},
			[]string{
				"The table shows the user id and the clinic id.",
				"This table contains one row per reminder.",
				"Add a table that lists every reminder.",
				"This proposal covers a new `quiet_hours` field on each clinic.",
				"This spec outlines a refactor of the `ReminderStore` class.",
				"This document describes the `reminders` table.",
				"This document proposes a referee assignment tool inside the League Hub app.",
				"This memo proposes that we add a `referee_id` column to the games table.",
			}},
		{frameShortcoming,
			[]string{
				"A drawback of this approach is that every export writes a second copy of the `orders` table.",
				"The main problem with option 2 is that it adds two flags that may overlap.",
				"One of the downsides of the `sync` job is its memory use.",
				"The risk here is a stale `quotes` cache.",
				"There is no in-box support in the browser for HMAC.",
				"There are no retries when the `upload` call fails.",
				"The drawback is shared state in the `sync` worker's Redis cache.",
				"There is not enough memory on the edge nodes for a second copy.",
				"There is no index on the `customer_id` column, so every lookup scans the table.",
			},
			[]string{
				"The problem is solved by adding a Redis cache in front of the API.",
				"The downside is mitigated by caching the token in Redis.",
				"The problem with polling is that it wastes requests; we propose a webhook instead.",
				"Risks are tracked in the `risks` table.",
				"There is a new `retries` field on the task.",
				"Users see no retries when the upload fails.",
				"The problem is being solved by a new cache in front of the `quotes` API.",
				"The problem with polling is its cost and we recommend webhooks.",
				// a clause after the shortcoming that designs answers it
				"There is no message broker in the new design; the worker polls the `orders` table.",
				"One of the risks is stale prices, so the service caches them in Redis.",
				"There is no cache today, and we will add one in front of the catalog.",
				"The worker retries the problem rows.",
			}},
	}
	for _, tt := range tests {
		for _, s := range tt.on {
			in := FromMarkdown(s)
			f, from, to := frameOf(in.Text, j.extract(in, &extraction{}, nil, nil))
			assert.Equal(t, frameNames[tt.frame], frameNames[f], "on: %s", s)
			assert.Less(t, from, to, s)
		}
		for _, s := range tt.off {
			in := FromMarkdown(s)
			f, _, _ := frameOf(in.Text, j.extract(in, &extraction{}, nil, nil))
			assert.NotEqual(t, frameNames[tt.frame], frameNames[f], "off: %s", s)
		}
	}
}

// A frame lowers the score by frameWeight and nothing else: the same
// sentence without the frame's words scores higher, and the difference is the
// frame's weight in log-odds.
func TestFrameLowersHow(t *testing.T) {
	j := New(Options{})
	framed := j.Judge(FromMarkdown("The current implementation keeps sessions in the `session_store` table."))
	plain := j.Judge(FromMarkdown("The implementation keeps sessions in the `session_store` table."))
	assert.Greater(t, plain.How, DefaultThreshold, "the plain sentence reads as how")
	assert.Less(t, framed.How, DefaultThreshold, "the framed one describes today's system")
	assert.Equal(t, plain.Kind, framed.Kind, "a frame changes the score, not the kind")
}

// TestTodayCarriesThroughParagraph: a sentence after one that describes
// today's system describes it too, unless it proposes something.
func TestTodayCarriesThroughParagraph(t *testing.T) {
	j := New(Options{})
	opener := j.Judge(FromMarkdown("Currently, the sync job runs once a night."))
	assert.True(t, opener.Today, "the opener describes today's system")

	plain := FromMarkdown("The controller polls the `jobs` table every 10 minutes.")
	require.False(t, j.Judge(plain).Today)
	require.Greater(t, j.Judge(plain).How, DefaultThreshold, "on its own it reads as how")

	after := plain
	after.AfterToday = true
	v := j.Judge(after)
	assert.True(t, v.Today, "it carries the description on")
	assert.Less(t, v.How, DefaultThreshold)

	// a shortcoming told in the description is part of it, and carries it on
	gap := FromMarkdown("There is no retry when the copy fails.")
	gap.AfterToday = true
	assert.True(t, j.Judge(gap).Today, "a shortcoming carries the description on")

	proposal := FromMarkdown("We will replace the nightly job with a queue consumer.")
	proposal.AfterToday = true
	v = j.Judge(proposal)
	assert.False(t, v.Today, "a proposal ends the description")
	assert.Greater(t, v.How, DefaultThreshold)
}

// TestBackgroundSectionDescribesToday: under a heading that sets out how
// things are (Background, Motivation, Current behaviour), a sentence that
// proposes nothing describes today's system; a proposal there, or the same
// sentence under a design heading, is judged on its own.
func TestBackgroundSectionDescribesToday(t *testing.T) {
	j := New(Options{})
	const desc = "The controller polls the `jobs` table every 10 minutes."
	cases := []struct {
		name    string
		text    string
		section []string
		how     bool
	}{
		{"background", desc, []string{"Sync jobs", "Background"}, false},
		{"current behaviour, nested", desc, []string{"Sync jobs", "Current behavior", "Polling"}, false},
		{"motivation", desc, []string{"Motivation"}, false},
		{"design", desc, []string{"Sync jobs", "Design details"}, true},
		{"no heading", desc, nil, true},
		{"a proposal under background", "We will replace the nightly job with a Kafka consumer that reads the `jobs` topic.", []string{"Background"}, true},
		{"an order under background", "Store each job's state in a `jobs` table in Postgres.", []string{"Background"}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := j.Judge(FromMarkdown(c.text, c.section...))
			if c.how {
				assert.Greater(t, v.How, DefaultThreshold)
			} else {
				assert.Less(t, v.How, DefaultThreshold)
				assert.True(t, v.Today, "it describes today's system")
			}
		})
	}
}

// TestImpersonalProposal: "it is proposed to …" proposes a design as "we
// propose to …" does; "necessary" proposes only a design verb, and a
// comparison ("it is better to …") proposes nothing.
func TestImpersonalProposal(t *testing.T) {
	j := New(Options{})
	for _, tt := range []struct {
		sentence string
		fires    bool
	}{
		{"It is proposed to add `offset` and `limit` fields to the list API.", true},
		{"Therefore, it is recommended to store the state in the main database.", true},
		{"I feel it's best to provide circuit breaking through service profiles.", true},
		{"It would be necessary to update the entrypoint to support breakpoints.", true},
		{"The proposed solution is to encourage community-run supernodes.", true},
		{"It is necessary to reduce churn before the launch.", false},
		{"It is better to allow a more gradual transition.", false},
		{"The proposal is popular with admins.", false},
		{"The proposal is to introduce notification policies and templates.", true},
		{"The easiest solution here would be to allow chunks to be uploaded to a staging area.", true},
		{"A better option would be to keep one counter per tenant.", true},
		{"The plan is to launch in the US first.", false},
		{"The goal is to halve the time to first booking.", false},
		{"The best option for most clinics is a weekly digest.", false},
		// a short clause of who weighed the course, a hedge, the past
		{"One option we prefer is to keep the totals in a column on the `orders` table.", true},
		{"The best option I see is to keep the totals in a column on the `orders` table.", true},
		{"One approach we could take would be to add an adapter in front of the billing API.", true},
		{"A better option that was discussed was to keep one counter per tenant.", true},
		{"The ideal approach would likely be to pull the updater code into the core controller.", true},
		{"The simplest fix is simply to cache the token in the gateway.", true},
		{"The best option we have today is to restart the pod.", false},
		{"The best option we never tried is to restart the pod.", false},
		{"The best option users have is to restart the pod.", false},
		{"The best option, we think, is to cache the token in the gateway.", true},
		{"The best option we `prefer` is to cache the token.", false},
		{"It was necessary to update the entrypoint to support breakpoints.", false},
		{"It was recommended to store the state in the main database.", false},
		// what people have, what was turned down or done, and doubt
		{"The simplest option we rejected was to cache the token in the gateway.", false},
		{"The simplest option we ruled out was to cache the token in the gateway.", false},
		{"The best option that operators have is to restart the `ingest` pod by hand.", false},
		{"The preferred approach we have for now is to restart the pod nightly.", false},
		{"The simplest approach we took in 2019 was to cache every session in Redis.", false},
		{"The simplest fix was to restart the `ingest` pod.", false},
		{"One option we considered was to keep one counter per tenant in the `usage` table.", true},
		{"The best option might be to cache the token in the gateway.", true},
		{"It might be necessary to update the entrypoint to support breakpoints.", false},
		{"It should be recommended to store the state in the main database.", true},
		{"It might be best to cache the token in the gateway.", true},
		{"It should be necessary to migrate the `orders` table to Postgres.", false},
		{"The preferred approach should be to keep one counter per tenant in the `usage` table.", true},
		{"One option we have considered is to keep one counter per tenant in the `usage` table.", true},
		{"One option we have built is to keep one counter per tenant in the `usage` table.", true},
		{"The simplest approach I had in mind is to add an adapter in front of the `Billing` API.", true},
		{"One option we decided against is to cache the session token in the gateway.", false},
		{"The best option we turned down is to cache the session token in the gateway.", false},
		{"One option we looked at was to shard the `orders` table by tenant.", true},
		{"It would probably be best to cache the token in the gateway.", true},
		{"The simplest option we rejected is to cache the token in the gateway.", false},
		// a course that lets people do something is a product decision
		{"The ideal approach would be to let volunteers swap shifts without emailing anyone.", false},
		{"The best option is to allow the treasurer to export the ledger as a spreadsheet.", false},
		{"The best option is to help users find the export button.", false},
		{"The best option is to help the scheduler place pods on fewer nodes.", true},
		{"The best option is to let `admin` tokens expire after a day in the session store.", true},
		{"The best option is to let the operator reconcile the `Certificate` objects on each resync.", true},
		{"The best option is to allow the user service to call the `billing` API directly.", true},
		{"The best option is to let users' browsers cache the bundle for a day.", true},
		{"The best option is to let members who joined this year see the archive.", false},
	} {
		v := j.Judge(FromMarkdown(tt.sentence))
		assert.Equal(t, tt.fires, hasSignal(v, "it-is-proposed"), "%q: %v", tt.sentence, signalNames(v))
	}
}

// TestUIPath: an arrow between capitalised words is a path through an
// interface; one between code names, states or values is not.
func TestUIPath(t *testing.T) {
	j := New(Options{})
	j.init()
	for _, tt := range []struct {
		text string
		path bool
	}{
		{"Settings -> Notifications -> Email", true},
		{"Home > Settings > Billing", true},
		{"Go to Settings → Billing to change the plan.", true},
		{"The server sends certificates on the server->client stream.", false},
		{"T1a (S1 → S2): the node is marked as a candidate.", false},
		{"If the result is > 900, increase the batch size.", false},
		{"We leave the door open > for later.", false},
	} {
		var ex extraction
		toks := j.tokens(FromMarkdown(tt.text), &ex, nil, nil)
		assert.Equal(t, tt.path, uiPath(toks, tt.text), tt.text)
	}
}

// TestChoosersHedge: a hedge, a possibility or the past tense that only
// names the course ("One approach we could take would be to …") gives no
// risk, hedge or past; one elsewhere in the sentence still does, as it does
// where no proposal is read.
func TestChoosersHedge(t *testing.T) {
	const (
		could     = "One approach we could take would be to add an adapter in front of the `Billing` API."
		discussed = "A potential option that was discussed was to keep one counter per tenant in the `usage` table."
	)
	assertFeatures(t, []featureCase{
		{could, fRisk, false},
		{could, fMay, false},
		{discussed, fRisk, false},
		{discussed, fPast, false},
		{"One approach we could take would be to add an adapter in front of the `Billing` API, but it might slow requests.", fRisk, true},
		{"One approach we could take would be to add an adapter in front of the `Billing` API, but it might slow requests.", fMay, true},
		{"A potential option that was discussed was to keep one counter per tenant in the `usage` table, as we did in 2019.", fPast, true},
		{"A potential option that was discussed was to keep one counter per tenant in the `usage` table, as we did in 2019.", fRisk, false},
		{"We could take a potential approach and add an adapter in front of the `Billing` API.", fRisk, true},
		{"We could take a potential approach and add an adapter in front of the `Billing` API.", fMay, true},
		// a cost told after the course, a risk word in code, an opening with no clause
		{"One option we considered was to keep one counter per tenant in the `usage` table, which increases storage costs.", fRisk, true},
		{"One option we considered was to keep one counter per tenant in the `usage` table.", fPast, false},
		{"One approach we could take would be to add an adapter in front of the `risk` API.", fRisk, false},
		{"A potential approach is to add an adapter in front of the `Billing` API.", fRisk, true},
		{"The best option might be to cache the token in the gateway.", fMay, false},
		{"A better option could be to cache the token in the gateway.", fRisk, false},
		{"It might be best to cache the token in the gateway.", fMay, false},
		{"A potential approach is probably to add an adapter in front of the `Billing` API.", fRisk, false},
		{"A potential option we prefer is to add an adapter in front of the `Billing` API.", fRisk, false},
		{"One option we considered was to keep the keys that are used most in the `lru` cache.", fPast, false},
	})
	v := New(Options{}).Judge(FromMarkdown(could))
	assert.Greater(t, v.How, DefaultThreshold)
}

// TestChooserDoesNotCarryOver: the opening that choosersHedge reads belongs
// to one sentence; a judge that reuses its scratch space judges the next
// sentence as a new judge does.
func TestChooserDoesNotCarryOver(t *testing.T) {
	const next = "This could be risky for every tenant of the shared cluster."
	j := New(Options{})
	j.Judge(FromMarkdown("One approach we could take would be to add an adapter in front of the `Billing` API."))
	assert.Equal(t, New(Options{}).Judge(FromMarkdown(next)).How, j.Judge(FromMarkdown(next)).How)
}
