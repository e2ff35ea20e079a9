package lint

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned by WriteFileAtomic when the file exists and force
// is false.
var ErrExists = errors.New("file exists (use --force to overwrite)")

// WriteFileAtomic writes data to path through a temporary file in the same
// directory and a rename, so readers never see half a file. It refuses to
// replace an existing file unless force is set.
func WriteFileAtomic(path string, data []byte, force bool) error {
	if !force {
		if _, err := os.Lstat(path); err == nil {
			return ErrExists
		} else if !errors.Is(err, fs.ErrNotExist) {
			return Reason(err)
		}
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, Reason(err))
	}
	name := tmp.Name()
	defer os.Remove(name) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return Reason(err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return Reason(err)
	}
	if err := tmp.Close(); err != nil {
		return Reason(err)
	}
	return Reason(os.Rename(name, path))
}
