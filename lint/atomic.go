package lint

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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

// WriteReport writes a report to path. A regular file (or a new one) is
// replaced atomically through WriteFileAtomic, and so is the regular file
// a symbolic link resolves to, so the link stays. Anything else is opened
// and written to, never replaced:
//   - anything under /dev or /proc, appended to: /dev/stdout may be a
//     pipe, or a file the shell opened for appending;
//   - a device or a named pipe (a FIFO a reader waits on);
//   - a link that resolves to nothing yet: the kernel follows it, chains
//     and relative targets included, and creates the file it names (a
//     loop is an error).
//
// Without force an existing regular file is left alone (ErrExists).
func WriteReport(path string, data []byte, force bool) error {
	if abs, err := filepath.Abs(path); err == nil && (strings.HasPrefix(abs, "/dev/") || strings.HasPrefix(abs, "/proc/")) {
		return writeThrough(path, data, os.O_APPEND)
	}
	info, err := os.Lstat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return WriteFileAtomic(path, data, force)
		}
		return Reason(err)
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			return writeThrough(path, data, os.O_CREATE|os.O_TRUNC)
		}
		if info, err = os.Stat(target); err != nil {
			return Reason(err)
		}
		path = target
	}
	if !info.Mode().IsRegular() {
		return writeThrough(path, data, 0)
	}
	return WriteFileAtomic(path, data, force)
}

// writeThrough opens path for writing with the extra flags, following
// links as the kernel does, and writes data.
func writeThrough(path string, data []byte, flags int) error {
	f, err := os.OpenFile(path, os.O_WRONLY|flags, 0o644)
	if err != nil {
		return Reason(err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return Reason(err)
	}
	return Reason(f.Close())
}
