package format

// ReadsDocuments reports whether f, run with opts, reads the parsed
// documents of a report (Result.Doc). A formatter that can do without them
// says so with a method ReadsDocuments(Options) bool returning false; the
// command then lets the engine release each document as soon as it is
// checked, which keeps memory flat on large repositories. Any other
// formatter gets the documents.
func ReadsDocuments(f Formatter, opts Options) bool {
	if d, ok := f.(interface{ ReadsDocuments(Options) bool }); ok {
		return d.ReadsDocuments(opts)
	}
	return true
}

// ReadsDocuments implements the optional method of ReadsDocuments: JSON
// writes diagnostics and errors; only summaries (Stats) need documents.
func (JSON) ReadsDocuments(opts Options) bool { return opts.Stats }

// ReadsDocuments implements the optional method of ReadsDocuments: Text
// writes diagnostics, errors and a file count; only summaries (Stats)
// need documents.
func (Text) ReadsDocuments(opts Options) bool { return opts.Stats }

// ShowsStats reports whether f writes the per-file and per-section
// summaries that Options.Stats asks for: a formatter that does has a method
// ShowsStats() bool returning true. The command refuses --stats when no
// format it writes would show them.
func ShowsStats(f Formatter) bool {
	s, ok := f.(interface{ ShowsStats() bool })
	return ok && s.ShowsStats()
}

// ShowsStats implements the optional method of ShowsStats.
func (JSON) ShowsStats() bool { return true }

// ShowsStats implements the optional method of ShowsStats.
func (Text) ShowsStats() bool { return true }
