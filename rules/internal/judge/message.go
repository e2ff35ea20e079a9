package judge

import "strings"

// Message turns a verdict into the text a rule reports: what the sentence
// prescribes (naming the strongest evidence) and the product question to
// answer instead. Rules may build their own text from Kind and Signals; this
// is the default.
//
//	Names Kafka as the mechanism. What must the pipeline guarantee —
//	delivery, ordering, latency? State that; let the team choose the tool.
func Message(v Verdict) string {
	ev := evidence(v)
	var b strings.Builder
	switch v.Kind {
	case "tech-choice":
		if ev != "" {
			b.WriteString("Names " + ev + " as the mechanism. ")
		} else {
			b.WriteString("Picks a technology. ")
		}
		b.WriteString("What must it guarantee — delivery, ordering, latency, cost, compliance? State that; let the team choose the tool.")
	case "architecture":
		b.WriteString("Describes how the system works")
		if ev != "" {
			b.WriteString(" (" + ev + ")")
		}
		b.WriteString(". What must users or operators observe — freshness, availability, recovery time? State the outcome; leave the mechanism to the design.")
	case "data-model":
		b.WriteString("Prescribes storage or a data model")
		if ev != "" {
			b.WriteString(" (" + ev + ")")
		}
		b.WriteString(". What information must be kept, for how long, and who needs to see it? Leave tables, fields and migrations to the design.")
	case "api-shape":
		b.WriteString("Specifies an interface shape")
		if ev != "" {
			b.WriteString(" (" + ev + ")")
		}
		b.WriteString(". What must clients be able to do, and what must stay compatible? Leave endpoints, fields and flags to the API design.")
	case "code":
		b.WriteString("Describes code-level design")
		if ev != "" {
			b.WriteString(" (" + ev + ")")
		}
		b.WriteString(". What behaviour must be true when this works? State it as an observable rule; leave classes and functions to the implementation.")
	case "infra":
		b.WriteString("Prescribes infrastructure or deployment")
		if ev != "" {
			b.WriteString(" (" + ev + ")")
		}
		b.WriteString(". What are the availability, scale, cost or compliance needs? State those; let the team choose how to run it.")
	default:
		b.WriteString("Prescribes implementation. State the need and let the team choose the solution.")
	}
	return b.String()
}

// evidence quotes the strongest signal's text, preferring a named term.
func evidence(v Verdict) string {
	for _, s := range v.Signals {
		if strings.HasPrefix(s.Name, "term:") && s.Kind == v.Kind && s.Text != "" {
			return quote(s.Text)
		}
	}
	for _, s := range v.Signals {
		if s.Text != "" && s.Start >= 0 {
			return quote(s.Text)
		}
	}
	return ""
}

func quote(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	if strings.ContainsAny(s, " ") {
		return "“" + s + "”"
	}
	return s
}
