package data_test

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"zhengxie/data"
)

// The crash test: a child process (this test binary, re-run as
// TestCrashChild) writes members one transaction at a time and prints the id
// of each committed one; the parent kills it with SIGKILL at a random moment,
// reopens the database and requires a sound file holding every write the
// child reported. Figures are in docs/data-safety.md.

const (
	crashEnvDB     = "ZX_CRASH_DB"
	crashEnvOffset = "ZX_CRASH_OFFSET"
	crashKills     = 60
)

func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnvDB)
	if path == "" {
		t.Skip("run by TestCrashKillsLoseNoCommittedWrite as its child process")
	}
	ctx := context.Background()
	offset, _ := strconv.Atoi(os.Getenv(crashEnvOffset))
	s, err := data.Open(ctx, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child open:", err)
		os.Exit(3)
	}
	term, err := s.CurrentTerm(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child term:", err)
		os.Exit(3)
	}
	for n := offset; ; n++ {
		m := member(fmt.Sprintf("测试委员%d", n), "女", "1980-05", "中国共产党")
		m.TermID = term.ID
		if err := s.CreateMember(ctx, &m); err != nil {
			fmt.Fprintln(os.Stderr, "child write:", err)
			os.Exit(3)
		}
		// Printed only after the commit returned: a promise the parent checks.
		fmt.Fprintf(os.Stdout, "committed %d\n", m.Membership.ID)
	}
}

func TestCrashKillsLoseNoCommittedWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test takes about half a minute")
	}
	if raceEnabled {
		t.Skip("crash test runs in the test run without the race detector")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "crash.db")
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetUp(ctx, data.Setup{Committee: data.Committee{Name: "政协清河县委员会"},
		Term: data.Term{Number: 11, StartYear: 2021, EndYear: 2026}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 6))
	var committed []int64
	start := time.Now()
	for round := 0; round < crashKills; round++ {
		delay := time.Duration(20+rng.IntN(400)) * time.Millisecond
		ids, err := runAndKill(path, round*10000, delay)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		committed = append(committed, ids...)
		verifyAfterCrash(t, path, round, committed)
	}
	elapsed := time.Since(start)
	if len(committed) < crashKills {
		t.Fatalf("only %d committed writes in %d runs: the child hardly wrote", len(committed), crashKills)
	}
	t.Logf("crash test: %d kills, %d committed writes all present, integrity ok after each, %.1f s",
		crashKills, len(committed), elapsed.Seconds())
}

// runAndKill starts the child writer, kills it with SIGKILL after delay and
// returns the ids it reported as committed (whole lines only).
func runAndKill(path string, offset int, delay time.Duration) ([]int64, error) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnvDB+"="+path, crashEnvOffset+"="+strconv.Itoa(offset))
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	timer := time.AfterFunc(delay, func() { cmd.Process.Signal(syscall.SIGKILL) })
	defer timer.Stop()
	var ids []int64
	r := bufio.NewReader(out)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			break // EOF after the kill; a line cut in half is no promise
		}
		if id, ok := strings.CutPrefix(strings.TrimSpace(line), "committed "); ok {
			n, err := strconv.ParseInt(id, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("child printed %q", line)
			}
			ids = append(ids, n)
		}
	}
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		return nil, fmt.Errorf("child ended by itself (%v): %s", err, stderr.String())
	}
	return ids, nil
}

func verifyAfterCrash(t *testing.T, path string, round int, committed []int64) {
	t.Helper()
	ctx := context.Background()
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatalf("round %d: reopen after kill: %v", round, err)
	}
	defer s.Close()
	if problems, err := s.CheckFile(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("round %d: check after kill: %v %q", round, err, problems)
	}
	present, err := s.MembershipIDsForTest(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range committed {
		if !present[id] {
			t.Fatalf("round %d: committed member %d missing after kill", round, id)
		}
	}
}
