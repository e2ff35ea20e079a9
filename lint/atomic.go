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

// WriteReport writes a report to path. A regular file (or a new one) is
// replaced atomically through WriteFileAtomic; a symbolic link is
// followed, so the file it points to is replaced and the link stays; a
// device or a named pipe (/dev/null, /dev/stdout, a FIFO a reader waits on)
// is written to, never replaced. Without force an existing regular file is
// left alone (ErrExists); a device or a pipe has nothing to lose.
func WriteReport(path string, data []byte, force bool) error {
	info, err := os.Lstat(path)
	if err == nil && info.Mode()&fs.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			// A dangling link: create the file it names.
			dest, rerr := os.Readlink(path)
			if rerr != nil {
				return Reason(rerr)
			}
			if !filepath.IsAbs(dest) {
				dest = filepath.Join(filepath.Dir(path), dest)
			}
			return WriteFileAtomic(dest, data, force)
		}
		path = target
		info, err = os.Stat(path)
	}
	if err == nil && !info.Mode().IsRegular() {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil {
			return Reason(err)
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			return Reason(err)
		}
		return Reason(f.Close())
	}
	return WriteFileAtomic(path, data, force)
}
