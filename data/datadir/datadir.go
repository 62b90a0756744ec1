// Package datadir decides where zhengxie keeps its data: the user's data
// folder of the platform, or — in portable mode, when a file named
// "portable" or "portable.txt" sits next to the program — a "data" folder
// beside the program, so an office can carry program and data on a USB
// stick. Neither needs administrator rights.
//
// Resolve is a pure function of the platform, the environment, the
// program's path and a file-exists test; Current applies it to this process.
package datadir

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// AppDir is the name of the program's folder inside the user's data folder.
const AppDir = "zhengxie"

// PortableDir is the data folder's name beside the program in portable mode.
const PortableDir = "data"

// markers are the file names that switch on portable mode.
var markers = []string{"portable", "portable.txt"}

// Env is what Resolve looks at.
type Env struct {
	GOOS   string                  // "windows", "linux", "darwin", …
	Getenv func(key string) string // environment variables
	Exe    string                  // absolute path of the running program; "" if unknown
	Exists func(path string) bool  // whether a file exists
}

// Location is where the data lives.
type Location struct {
	Dir      string // the data folder
	Portable bool   // true when the folder is beside the program (portable mode)
}

// Resolve returns the data folder for env:
//   - portable mode (a marker file beside the program): <program folder>/data;
//   - Windows: %LOCALAPPDATA%\zhengxie (else %APPDATA%, else %USERPROFILE%\AppData\Local);
//   - macOS: ~/Library/Application Support/zhengxie;
//   - Linux and other Unix: $XDG_DATA_HOME/zhengxie when it is an absolute
//     path (XDG Base Directory spec), else ~/.local/share/zhengxie.
//
// With no usable variable at all it falls back to <program folder>/data,
// and without a program path to the working directory.
func Resolve(env Env) Location {
	p := pathsFor(env.GOOS)
	exeDir := ""
	if env.Exe != "" {
		exeDir = p.dir(env.Exe)
	}
	if exeDir != "" && env.Exists != nil {
		for _, m := range markers {
			if env.Exists(p.join(exeDir, m)) {
				return Location{Dir: p.join(exeDir, PortableDir), Portable: true}
			}
		}
	}
	get := func(k string) string {
		if env.Getenv == nil {
			return ""
		}
		return strings.TrimSpace(env.Getenv(k))
	}
	switch env.GOOS {
	case "windows":
		for _, k := range []string{"LOCALAPPDATA", "APPDATA"} {
			if v := get(k); v != "" {
				return Location{Dir: p.join(v, AppDir)}
			}
		}
		if v := get("USERPROFILE"); v != "" {
			return Location{Dir: p.join(v, "AppData", "Local", AppDir)}
		}
	case "darwin":
		if v := get("HOME"); v != "" {
			return Location{Dir: p.join(v, "Library", "Application Support", AppDir)}
		}
	default:
		if v := get("XDG_DATA_HOME"); strings.HasPrefix(v, "/") {
			return Location{Dir: p.join(v, AppDir)}
		}
		if v := get("HOME"); v != "" {
			return Location{Dir: p.join(v, ".local", "share", AppDir)}
		}
	}
	if exeDir != "" {
		return Location{Dir: p.join(exeDir, PortableDir)}
	}
	return Location{Dir: p.join(".", AppDir)}
}

// Current resolves the data folder of this process.
func Current() Location {
	exe, err := os.Executable()
	if err == nil {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			exe = real
		}
	} else {
		exe = ""
	}
	return Resolve(Env{GOOS: runtime.GOOS, Getenv: os.Getenv, Exe: exe, Exists: fileExists})
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// paths joins and splits paths of a target system, whatever the system the
// code runs on, so Resolve can be tested for Windows on Linux.
type paths struct{ sep string }

func pathsFor(goos string) paths {
	if goos == "windows" {
		return paths{sep: `\`}
	}
	return paths{sep: "/"}
}

func (p paths) join(elem ...string) string {
	out := ""
	for _, e := range elem {
		switch {
		case out == "":
			out = e
		case strings.HasSuffix(out, p.sep) || strings.HasSuffix(out, "/"):
			out += e
		default:
			out += p.sep + e
		}
	}
	return out
}

// dir is the folder part of path ("" when path has none).
func (p paths) dir(path string) string {
	i := strings.LastIndex(path, p.sep)
	if p.sep != "/" {
		i = max(i, strings.LastIndex(path, "/"))
	}
	switch {
	case i < 0:
		return ""
	case i == 0:
		return path[:1]
	case p.sep == `\` && i == 2 && path[1] == ':':
		return path[:3] // C:\zhengxie.exe → C:\
	}
	return path[:i]
}
