package sheet

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
	"zhengxie/data/composition"
	"zhengxie/data/demo/scaledb"
	"zhengxie/data/rules"
	"zhengxie/data/savefile"
)

// Scale benchmarks of what the office waits on and what it prints, at scale
// 1 and 10 (package scaledb); each export beside its floor, the bare
// library writing the same cells. Results: docs/BENCHMARKS.md.

// BenchmarkScaleOpenHome opens the database and loads what 首页 shows:
// committee, terms, the current term's composition figures and the latest
// changes (app/home.go reload, app/ui.go Start).
func BenchmarkScaleOpenHome(b *testing.B) {
	scaledb.Each(b, func(b *testing.B, scale int) {
		path, _ := scaledb.Path(scale)
		for b.Loop() {
			if err := openHome(path); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func openHome(path string) error {
	ctx := context.Background()
	s, err := data.Open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	if ok, err := s.IsSetUp(ctx); err != nil || !ok {
		return fmt.Errorf("not set up: %v", err)
	}
	if _, err := s.GetCommittee(ctx); err != nil {
		return err
	}
	if _, err := s.ListTerms(ctx); err != nil {
		return err
	}
	t, err := s.CurrentTerm(ctx)
	if err != nil {
		return err
	}
	if _, err := composition.ForTerm(ctx, s, t); err != nil {
		return err
	}
	_, err = s.ListAudit(ctx, 8)
	return err
}

// BenchmarkScaleAssess runs the annual assessment of all members of 2025
// with the 桐城 preset (installed on first use).
func BenchmarkScaleAssess(b *testing.B) {
	scaledb.Each(b, func(b *testing.B, scale int) {
		s := scaledb.Store(b, scale)
		ctx := context.Background()
		b.StopTimer()
		if err := rules.InstallPresets(ctx, s, 2025); err != nil {
			b.Fatal(err)
		}
		setup, err := s.AssessmentSetup(ctx, 2025)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for b.Loop() {
			res, _, err := s.Assess(ctx, 2025, setup.RuleSetID)
			if err != nil || len(res.Members) == 0 {
				b.Fatal(len(res.Members), err)
			}
			b.ReportMetric(float64(len(res.Members)), "members")
		}
	})
}

// ledgerDoc is the 提案台账 of every proposal in the database (both
// terms): 2,500 rows at scale 1, 25,000 at scale 10.
func ledgerDoc(ctx context.Context, s *data.Store) (LedgerDoc, error) {
	doc := LedgerDoc{Now: scaledb.Now}
	var err error
	if doc.Committee, err = s.GetCommittee(ctx); err != nil {
		return doc, err
	}
	if doc.Term, err = s.CurrentTerm(ctx); err != nil {
		return doc, err
	}
	terms, err := s.ListTerms(ctx)
	if err != nil {
		return doc, err
	}
	for _, t := range terms {
		xs, err := s.ListSessions(ctx, t.ID)
		if err != nil {
			return doc, err
		}
		doc.Sessions = append(doc.Sessions, xs...)
	}
	if doc.Proposals, err = s.ListProposals(ctx, data.ProposalFilter{}); err != nil {
		return doc, err
	}
	doc.Config, err = s.ProposalConfig(ctx)
	return doc, err
}

// ledgerFloor writes the ledger's cells (the same values WriteLedger puts
// in its rows) with excelize's StreamWriter and nothing else: no title,
// styles, row heights or print setup.
func ledgerFloor(w io.Writer, doc LedgerDoc) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	numbers := map[int64]int{}
	for _, p := range doc.Proposals {
		numbers[p.ID] = p.Number
	}
	today := doc.Now.Format("2006-01-02")
	for i, p := range doc.Proposals {
		values := append([]any{"", i + 1}, ledgerRow(p, doc.Config, numbers, today)...)
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, values); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// BenchmarkScaleLedger writes the whole database's 提案台账 (ours) and the
// same cells through the bare StreamWriter (floor); the proposals are
// loaded once, outside the timing. Peak RSS of a whole export (load and
// write, in a child process) is reported as peak-MB.
func BenchmarkScaleLedger(b *testing.B) {
	// The proposals are loaded before any timing (wall or CPU), and the
	// garbage of loading them collected, so that a single timed run pays
	// for writing only.
	docs := map[int]LedgerDoc{}
	for _, scale := range scaledb.Scales {
		doc, err := ledgerDoc(context.Background(), scaledb.Store(b, scale))
		if err != nil {
			b.Fatal(err)
		}
		docs[scale] = doc
	}
	for _, mode := range []string{"ours", "floor"} {
		b.Run(mode, func(b *testing.B) {
			scaledb.Each(b, func(b *testing.B, scale int) {
				b.StopTimer()
				doc := docs[scale]
				write := WriteLedger
				if mode == "floor" {
					write = ledgerFloor
				}
				b.StartTimer()
				for b.Loop() {
					var c countWriter
					if err := write(&c, doc); err != nil {
						b.Fatal(err)
					}
					b.ReportMetric(float64(c.n)/1e6, "MB-file")
				}
				b.StopTimer()
				if peak, err := childPeak(scale, mode); err != nil {
					b.Logf("peak RSS not measured: %v", err)
				} else {
					b.ReportMetric(peak, "peak-MB")
				}
				b.ReportMetric(float64(len(doc.Proposals)), "rows")
			})
		})
	}
}

// childPeak runs one whole ledger export (open, load, write to a file) in
// a child process of this test binary and returns its peak RSS (VmHWM).
func childPeak(scale int, mode string) (float64, error) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestLedgerPeakChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), fmt.Sprintf("ZHENGXIE_PEAK=%d,%s", scale, mode))
	out, err := cmd.CombinedOutput()
	if err != nil {
		return 0, fmt.Errorf("%v: %s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "peak-kB "); ok {
			kb, err := strconv.ParseFloat(v, 64)
			return kb / 1024, err
		}
	}
	return 0, fmt.Errorf("no peak in %q", out)
}

// TestLedgerPeakChild is the child of childPeak; it does nothing in a
// normal test run.
func TestLedgerPeakChild(t *testing.T) {
	env := os.Getenv("ZHENGXIE_PEAK")
	if env == "" {
		t.Skip("run by BenchmarkScaleLedger")
	}
	scale, mode, _ := strings.Cut(env, ",")
	n, _ := strconv.Atoi(scale)
	s, err := scaledb.Open(context.Background(), n)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	doc, err := ledgerDoc(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	write := WriteLedger
	if mode == "floor" {
		write = ledgerFloor
	}
	if err := savefile.Write(t.TempDir()+"/ledger.xlsx", func(w io.Writer) error { return write(w, doc) }); err != nil {
		t.Fatal(err)
	}
	fmt.Println("peak-kB", vmHWM())
}

// vmHWM is the process's peak resident set size in kB (Linux).
func vmHWM() string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "0"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB"))
		}
	}
	return "0"
}
