package rawfile

import (
	"io"
	"io/fs"
	"path/filepath"
	"syscall"
	"time"
)

// ReadFile reads the file name (slash-separated, relative to the folder).
// On Linux a valid fs path joined to the folder cannot leave it. A symbolic
// link is not followed (ErrSymlink), as Unreadable says.
func (d dirFS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	return readFile(filepath.Join(d.dir, name), syscall.O_NOFOLLOW)
}

// ReadFile is os.ReadFile for regular files; anything else (a named pipe,
// a device, a socket) is refused with ErrNotRegular. It is opened without
// blocking, so a pipe nobody writes to cannot hang the build.
func ReadFile(name string) ([]byte, error) { return readFile(name, 0) }

func readFile(name string, flags int) ([]byte, error) {
	fd, err := open(name, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK|flags, 0)
	if err == syscall.ELOOP && flags&syscall.O_NOFOLLOW != 0 {
		return nil, &fs.PathError{Op: "open", Path: name, Err: ErrSymlink}
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, &fs.PathError{Op: "read", Path: name, Err: ErrNotRegular}
	}
	size := int(st.Size)
	data := make([]byte, 0, size+1) // one more: the read that finds the end
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := syscall.Read(fd, data[len(data):cap(data)])
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		case n == 0:
			return data, nil
		}
		data = data[:len(data)+n]
	}
}

// WriteFile is os.WriteFile.
func WriteFile(name string, data []byte, perm fs.FileMode) error {
	fd, err := open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, uint32(perm.Perm()))
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err == nil && n <= 0 {
			err = io.ErrShortWrite
		}
		if err != nil {
			syscall.Close(fd)
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

func open(name string, flags int, perm uint32) (int, error) {
	for {
		fd, err := syscall.Open(name, flags, perm)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

// Lstat is os.Lstat for what the up-to-date check needs, without the
// allocation of an fs.FileInfo per file.
func Lstat(name string) (Stat, error) {
	var st syscall.Stat_t
	for {
		err := syscall.Lstat(name, &st)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return Stat{}, &fs.PathError{Op: "lstat", Path: name, Err: err}
		}
		break
	}
	return Stat{Regular: st.Mode&syscall.S_IFMT == syscall.S_IFREG, Dir: st.Mode&syscall.S_IFMT == syscall.S_IFDIR, Size: st.Size, ModTime: time.Unix(st.Mtim.Unix()),
		Inode: st.Ino, ChangeTime: st.Ctim.Nano()}, nil
}
