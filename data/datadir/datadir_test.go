package datadir

import (
	"os"
	"path/filepath"
	"testing"
)

func TestResolve(t *testing.T) {
	winEnv := map[string]string{"LOCALAPPDATA": `C:\Users\li\AppData\Local`, "APPDATA": `C:\Users\li\AppData\Roaming`,
		"USERPROFILE": `C:\Users\li`}
	linuxEnv := map[string]string{"HOME": "/home/li", "XDG_DATA_HOME": "/data/li"}
	tests := []struct {
		name     string
		goos     string
		env      map[string]string
		exe      string
		files    []string
		want     string
		portable bool
	}{
		{"windows local app data", "windows", winEnv, `C:\Program Files\zhengxie\zhengxie.exe`, nil,
			`C:\Users\li\AppData\Local\zhengxie`, false},
		{"windows roaming when local is missing", "windows", map[string]string{"APPDATA": `C:\Users\li\AppData\Roaming`},
			`D:\zhengxie.exe`, nil, `C:\Users\li\AppData\Roaming\zhengxie`, false},
		{"windows profile only", "windows", map[string]string{"USERPROFILE": `C:\Users\li`}, `D:\zx\zhengxie.exe`, nil,
			`C:\Users\li\AppData\Local\zhengxie`, false},
		{"windows portable on a USB stick", "windows", winEnv, `E:\政协履职\zhengxie.exe`, []string{`E:\政协履职\portable`},
			`E:\政协履职\data`, true},
		{"windows portable.txt (extension hidden by Explorer)", "windows", winEnv, `E:\zhengxie.exe`,
			[]string{`E:\portable.txt`}, `E:\data`, true},
		{"windows marker elsewhere does not count", "windows", winEnv, `E:\zx\zhengxie.exe`, []string{`E:\portable`},
			`C:\Users\li\AppData\Local\zhengxie`, false},
		{"windows nothing set", "windows", nil, `E:\zx\zhengxie.exe`, nil, `E:\zx\data`, false},
		{"linux XDG_DATA_HOME", "linux", linuxEnv, "/opt/zhengxie/zhengxie", nil, "/data/li/zhengxie", false},
		{"linux relative XDG_DATA_HOME is ignored", "linux", map[string]string{"HOME": "/home/li", "XDG_DATA_HOME": "data"},
			"/opt/zhengxie/zhengxie", nil, "/home/li/.local/share/zhengxie", false},
		{"linux default", "linux", map[string]string{"HOME": "/home/li"}, "/usr/bin/zhengxie", nil,
			"/home/li/.local/share/zhengxie", false},
		{"linux portable", "linux", linuxEnv, "/media/li/U盘/zhengxie/zhengxie", []string{"/media/li/U盘/zhengxie/portable"},
			"/media/li/U盘/zhengxie/data", true},
		{"linux Windows variables do not matter", "linux", map[string]string{"HOME": "/home/li", "LOCALAPPDATA": "/x"},
			"/usr/bin/zhengxie", nil, "/home/li/.local/share/zhengxie", false},
		{"darwin", "darwin", map[string]string{"HOME": "/Users/li"}, "/Applications/z.app/Contents/MacOS/z", nil,
			"/Users/li/Library/Application Support/zhengxie", false},
		{"no environment and no program path", "linux", nil, "", nil, "./zhengxie", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Resolve(Env{
				GOOS:   tc.goos,
				Getenv: func(k string) string { return tc.env[k] },
				Exe:    tc.exe,
				Exists: func(p string) bool {
					for _, f := range tc.files {
						if f == p {
							return true
						}
					}
					return false
				},
			})
			if got.Dir != tc.want || got.Portable != tc.portable {
				t.Errorf("Resolve = %q portable=%v, want %q portable=%v", got.Dir, got.Portable, tc.want, tc.portable)
			}
		})
	}
}

func TestWindowsDriveRoot(t *testing.T) {
	got := Resolve(Env{GOOS: "windows", Getenv: func(string) string { return "" }, Exe: `E:\zhengxie.exe`,
		Exists: func(p string) bool { return p == `E:\portable` }})
	if got.Dir != `E:\data` || !got.Portable {
		t.Errorf("program at the root of a stick: %+v", got)
	}
}

// Current puts a real marker file next to the test binary to check the
// whole chain (os.Executable, symlinks, the file test) on this system.
func TestCurrentPortable(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip("no executable path:", err)
	}
	exe, _ = filepath.EvalSymlinks(exe)
	if Current().Portable {
		t.Fatal("portable without a marker")
	}
	marker := filepath.Join(filepath.Dir(exe), "portable")
	if err := os.WriteFile(marker, nil, 0o644); err != nil {
		t.Skip("cannot write beside the test binary:", err)
	}
	defer os.Remove(marker)
	got := Current()
	if want := filepath.Join(filepath.Dir(exe), "data"); got.Dir != want || !got.Portable {
		t.Errorf("Current = %+v, want %s portable", got, want)
	}
}
