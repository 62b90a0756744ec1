package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"zhengxie/data"
	"zhengxie/data/demo"
	"zhengxie/export/pdf"
	"zhengxie/export/report"
)

var (
	demoOnce  sync.Once
	demoPath  string
	demoErr   error
	demoToday = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	fixed     = time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
)

// demoStore opens a copy-free demo county shared by the tests of this file
// (built once per test binary; tests only read it).
func demoStore(t testing.TB) *data.Store {
	t.Helper()
	demoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "zhengxie-report-*")
		if err != nil {
			demoErr = err
			return
		}
		demoPath = filepath.Join(dir, "demo.db")
		s, err := data.Open(context.Background(), demoPath)
		if err != nil {
			demoErr = err
			return
		}
		s.Now = func() time.Time { return demoToday }
		_, demoErr = demo.Populate(context.Background(), s, demo.Options{Seed: 1, MembersPerTerm: 120, Now: demoToday})
		s.Close()
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	s, err := data.Open(context.Background(), demoPath)
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return demoToday }
	t.Cleanup(func() { s.Close() })
	return s
}

// sessionScope is the scope of the current term's session n.
func sessionScope(t testing.TB, s *data.Store, n int) report.Scope {
	t.Helper()
	ctx := context.Background()
	term, err := s.CurrentTerm(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sessions, err := s.ListSessions(ctx, term.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i := range sessions {
		if sessions[i].Number == n {
			return report.Scope{Term: term, Session: &sessions[i]}
		}
	}
	t.Fatalf("no session %d", n)
	return report.Scope{}
}

func loadReport(t testing.TB, s *data.Store, sc report.Scope) *report.ProposalReport {
	t.Helper()
	r, err := report.LoadProposalReport(context.Background(), s, sc, demoToday.Format("2006-01-02"))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// reportFigures are the figures a reader checks, as ProposalStats prints them.
func reportFigures(r *report.ProposalReport) []string {
	st := r.Stats
	return []string{
		fmt.Sprintf("共收到委员和各参加单位提案%d件", st.Received),
		fmt.Sprintf("立案%d件，立案率%s", st.Filed, st.FiledRate),
		fmt.Sprintf("已答复%d件，办复率%s", st.Answered, st.AnswerRate),
		fmt.Sprintf("已办结%d件，办结率%s", st.Closed, st.CloseRate),
		fmt.Sprintf("由%d个承办单位办理", st.Units),
		fmt.Sprintf("满意%d份、基本满意%d份、不满意%d份，满意率%s", st.Satisfied, st.Basic, st.Unsatisfied, st.SatisfactionRate),
		fmt.Sprintf("确定重点提案%d件", st.Key),
	}
}

func TestProposalReportNumbersAreTheStatistics(t *testing.T) {
	s := demoStore(t)
	term := sessionScope(t, s, 5).Term
	for _, sc := range []report.Scope{sessionScope(t, s, 5), sessionScope(t, s, 6),
		{Term: term, Year: 2025}, {Term: term}} {
		t.Run(sc.Key(), func(t *testing.T) {
			r := loadReport(t, s, sc)
			want, err := s.ProposalStats(context.Background(), sc.Filter(), demoToday.Format("2006-01-02"))
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(r.Stats) != fmt.Sprint(want) {
				t.Fatal("the report's figures differ from ProposalStats for the same scope")
			}
			if want.Received == 0 || want.Filed == 0 {
				t.Fatalf("demo scope %s has no proposals: %+v", sc.Key(), want)
			}
			p := r.Paragraphs
			text := strings.Join([]string{p.Submission, p.Categories, p.Handling, p.Evaluation, p.Key}, "")
			for _, f := range reportFigures(r) {
				if want.Key == 0 && strings.HasPrefix(f, "确定重点") {
					continue
				}
				if !strings.Contains(text, f) {
					t.Errorf("report text lacks %q:\n%s", f, text)
				}
			}
			for _, row := range want.Categories.Rows {
				if row.N > 0 && !strings.Contains(text, fmt.Sprintf("%s方面%d件，占%s", row.Label, row.N, row.Share)) {
					t.Errorf("category %s %d %s missing", row.Label, row.N, row.Share)
				}
			}
			if len(r.Key) != want.Key {
				t.Errorf("key proposal table has %d rows, the statistics count %d", len(r.Key), want.Key)
			}
			d, err := r.Build(pdf.GBT9704(), pdf.DocInfo{Date: fixed})
			if err != nil {
				t.Fatal(err)
			}
			if m := d.Missing(); len(m) > 0 {
				t.Errorf("characters without a glyph: %q", string(m))
			}
			if dir := os.Getenv("REPORT_DIR"); dir != "" { // to look at the pages
				var buf bytes.Buffer
				if err := d.Write(&buf); err != nil {
					t.Fatal(err)
				}
				os.WriteFile(filepath.Join(dir, sc.Key()+".pdf"), buf.Bytes(), 0o644)
			}
		})
	}
}

// pdfText is pdftotext's reading of a PDF (-layout off: one word run per line).
func pdfText(t *testing.T, pdf []byte, layout bool) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{path, "-"}
	if layout {
		args = append([]string{"-layout"}, args...)
	}
	out, err := exec.Command("pdftotext", args...).Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestProposalReportPDFContainsTheFigures(t *testing.T) {
	s := demoStore(t)
	r := loadReport(t, s, sessionScope(t, s, 5))
	d, err := r.Build(pdf.GBT9704(), pdf.DocInfo{Date: fixed})
	if err != nil {
		t.Fatal(err)
	}
	if m := d.Missing(); len(m) > 0 {
		t.Errorf("characters without a glyph (would print blank): %q", string(m))
	}
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if out := os.Getenv("REPORT_PDF"); out != "" {
		os.WriteFile(out, buf.Bytes(), 0o644)
	}
	raw := pdfText(t, buf.Bytes(), false)
	for i, line := range strings.Split(raw, "\n") {
		if line = strings.TrimSpace(line); line != "" && strings.ContainsAny(line[:len(string([]rune(line)[0]))], "。，、；：？！）」』》％") {
			t.Errorf("line %d starts with a closing mark: %q", i+1, line)
		}
	}
	// Lines break anywhere, so compare without line ends.
	text := strings.NewReplacer("\n", "", " ", "", "\f", "").Replace(raw)
	for _, f := range append(reportFigures(r), "提案工作基本情况", "主要做法", "存在的不足", "提案工作安排", "各位委员：") {
		if !strings.Contains(text, f) {
			t.Errorf("PDF text lacks %q", f)
		}
	}
	for _, p := range r.Key {
		if p.KeyLeader != "" && !strings.Contains(text, p.KeyLeader) {
			t.Errorf("督办领导 %q of key proposal %d missing", p.KeyLeader, p.Number)
		}
	}
}

// BenchmarkProposalReport loads the figures of one session from the demo
// county and lays out and writes the whole report.
func BenchmarkProposalReport(b *testing.B) {
	s := demoStore(b)
	sc := sessionScope(b, s, 5)
	for b.Loop() {
		r := loadReport(b, s, sc)
		var buf bytes.Buffer
		if err := r.Write(&buf, pdf.GBT9704(), pdf.DocInfo{Date: fixed}); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(buf.Len())/1024, "KiB/op")
	}
}

// A whole-届 report plans no year beyond the 届: section 四 speaks to the
// next 届; a session's report plans the year of the next plenary.
func TestProposalReportPlanSectionFollowsTheScope(t *testing.T) {
	s := demoStore(t)
	session := sessionScope(t, s, 5)
	term := loadReport(t, s, report.Scope{Term: session.Term})
	var buf bytes.Buffer
	if err := term.Write(&buf, pdf.GBT9704(), pdf.DocInfo{Date: fixed}); err != nil {
		t.Fatal(err)
	}
	text := flatText(t, buf.Bytes())
	if !strings.Contains(text, "四、对十二届政协提案工作的建议") || !strings.Contains(text, "对下一届县政协提案工作，我们提出以下建议：") {
		t.Errorf("the whole-届 report does not speak to the next 届")
	}
	if m := regexp.MustCompile(`\d{4}年提案工作安排|\d{4}年，县政协`).FindString(text); m != "" {
		t.Errorf("the whole-届 report plans a year: %q", m)
	}
	buf.Reset()
	if err := loadReport(t, s, report.Scope{Term: session.Term, Year: 2025}).Write(&buf, pdf.GBT9704(), pdf.DocInfo{Date: fixed}); err != nil {
		t.Fatal(err)
	}
	if text := flatText(t, buf.Bytes()); !strings.Contains(text, "四、2026年提案工作安排") || !strings.Contains(text, "2026年，县政协提案工作将重点做好") {
		t.Errorf("the 2025 report does not plan 2026")
	}
}
