package format

// ReadsDocuments reports whether f reads the parsed documents of a report
// (Result.Doc). A formatter that reads only diagnostics, paths and errors
// says so with a method ReadsDocuments() bool returning false; the command
// then lets the engine release each document as soon as it is checked,
// which keeps memory flat on large repositories. Any other formatter gets
// the documents.
func ReadsDocuments(f Formatter) bool {
	if d, ok := f.(interface{ ReadsDocuments() bool }); ok {
		return d.ReadsDocuments()
	}
	return true
}

// ReadsDocuments implements the optional method of ReadsDocuments: JSON
// writes diagnostics and errors only.
func (JSON) ReadsDocuments() bool { return false }

// ReadsDocuments implements the optional method of ReadsDocuments: Text
// writes diagnostics, errors and a file count only.
func (Text) ReadsDocuments() bool { return false }
