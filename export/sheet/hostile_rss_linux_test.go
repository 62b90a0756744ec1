package sheet

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Every file of the hostile corpus is answered — refused or imported —
// within bounded memory and time (issue 16: a 52 KB sheet used to take
// 4 GB). Each file goes through its import (the calls the window and the
// command line make) in a child process, this test binary re-run as
// TestHostileChild, which reports its own peak RSS as the kernel counts it
// (VmHWM in /proc/self/status). The parent's getrusage ru_maxrss for the
// child is no use here: os/exec starts children with vfork, and Linux
// carries the parent's peak (this test's, which builds the files) over to
// the child at exec. Memory is asserted strictly; time loosely, as the
// machine may be shared: the figures are logged (-v) for
// docs/data-safety.md.
const (
	childKindEnv = "ZX_HOSTILE_KIND"
	childFileEnv = "ZX_HOSTILE_FILE"
	maxChildRSS  = 200 << 10 // KB
	maxChildTime = 30 * time.Second
)

func TestHostilePeakMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("runs each hostile file in its own process")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	only := os.Getenv("ZX_HOSTILE_ONLY") // a part of a case's description, to run a few
	dir := os.Getenv("ZX_HOSTILE_DIR")   // a folder to keep the files in, to try them by hand
	if dir == "" {
		dir = t.TempDir()
	}
	for i, hc := range append(hostileCases(), hugeRosterCase()) {
		if only != "" && !strings.Contains(hc.desc, only) {
			continue
		}
		path := filepath.Join(dir, fmt.Sprintf("%02d-%s", i, hc.name))
		file := hc.file(t)
		if err := os.WriteFile(path, file, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(exe, "-test.run=^TestHostileChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%d", childKindEnv, hc.kind), childFileEnv+"="+path)
		start := time.Now()
		out, err := cmd.CombinedOutput()
		wall := time.Since(start)
		if err != nil {
			t.Errorf("%s: child failed: %v\n%s", hc.desc, err, out)
			continue
		}
		rss, took, answer := -1, "?", ""
		for line := range strings.Lines(string(out)) {
			if rest, ok := strings.CutPrefix(line, "HOSTILE\t"); ok {
				f := strings.SplitN(strings.TrimSpace(rest), "\t", 3)
				if len(f) == 3 {
					rss, _ = strconv.Atoi(f[0])
					took, answer = f[1], f[2]
				}
			}
		}
		if rss < 0 {
			t.Errorf("%s: child reported nothing:\n%s", hc.desc, out)
			continue
		}
		t.Logf("| %s | %s | %d MB | %s (process %.1f s) | %s |", hc.desc, sizeText(uint64(len(file))),
			rss>>10, took, wall.Seconds(), answer)
		if rss > maxChildRSS {
			t.Errorf("%s: peak RSS %d MB, want under %d MB", hc.desc, rss>>10, maxChildRSS>>10)
		}
		if wall > maxChildTime {
			t.Errorf("%s: took %v, want well under %v", hc.desc, wall, maxChildTime)
		}
	}
}

// TestHostileChild feeds one hostile file (path and kind from the
// environment) to its import and prints its peak RSS in KB, the time and
// the answer; it is run only by TestHostilePeakMemory.
func TestHostileChild(t *testing.T) {
	kind, path := os.Getenv(childKindEnv), os.Getenv(childFileEnv)
	if kind == "" {
		t.Skip("run by TestHostilePeakMemory")
	}
	k, err := strconv.Atoi(kind)
	if err != nil {
		t.Fatal(err)
	}
	c := newImportCounty(t)
	start, cpu0 := time.Now(), cpuTime(t)
	out := feed(t, c, fileKind(k), path)
	took, cpu := time.Since(start), cpuTime(t)-cpu0
	answer := "导入"
	switch {
	case out.err != nil:
		answer = out.err.Error()
	case len(out.issues) > 0:
		answer = fmt.Sprintf("第 %d 行 %s：%s", out.issues[0].Row, out.issues[0].Field, out.issues[0].Msg)
	}
	fmt.Printf("HOSTILE\t%d\t%.2f s (CPU %.2f s)\t%s\n", peakRSS(t), took.Seconds(), cpu.Seconds(),
		strings.ReplaceAll(answer, "\n", " "))
}

// cpuTime is the CPU time (user and system) this process has used: on a
// shared machine the wall time of a child says more about the load than
// about the import.
func cpuTime(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSS is this process's peak resident set size in KB (VmHWM).
func peakRSS(t *testing.T) int {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			if err == nil {
				return n
			}
		}
	}
	t.Fatal("no VmHWM in /proc/self/status")
	return 0
}

// hugeRosterCase is TestHostileHugeRoster's 100,000-row roster as a corpus
// case for the memory test.
func hugeRosterCase() hostileCase {
	return hostileCase{desc: "size: a 100,000-row roster", kind: rosterFile, name: "名册.xlsx",
		file: func(t testing.TB) []byte { return manyRows(t, 100_000) }, wantErr: "超过 10000 行"}
}
