package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"zhengxie/data"
	"zhengxie/data/rules"
	"zhengxie/export/pdf"
	"zhengxie/export/report"
)

func loadAnnual(t testing.TB, s *data.Store, year int) *report.AnnualReport {
	t.Helper()
	term := sessionScope(t, s, 5).Term
	r, err := report.LoadAnnualReport(context.Background(), s, report.Scope{Term: term, Year: year},
		demoToday.Format("2006-01-02"))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// annualFigures are the figures a reader checks, as AnnualStats has them.
func annualFigures(t *testing.T, r *report.AnnualReport) []string {
	t.Helper()
	a := r.Stats
	var out []string
	for _, m := range a.Meetings {
		out = append(out, fmt.Sprintf("%s%d次", m.Type, m.Held), m.Type+m.Rate.String())
	}
	out = append(out,
		fmt.Sprintf("专题协商%d次，组织调研%d次、视察%d次，开展民主监督活动%d次", a.Consultations, a.Research, a.Inspections, a.Supervision),
		fmt.Sprintf("共收到委员和各参加单位提案%d件", a.Proposals.Received),
		fmt.Sprintf("立案%d件，立案率%s", a.Proposals.Filed, a.Proposals.FiledRate),
		fmt.Sprintf("办复率%s", a.Proposals.AnswerRate),
		fmt.Sprintf("社情民意信息%d篇", a.Infos.Submitted),
		fmt.Sprintf("编发%d篇，被采用%d篇，采用率%s", a.Infos.Issued, a.Infos.Adopted, a.Infos.AdoptRate),
		fmt.Sprintf("获领导批示%d次", a.Infos.Instructions),
		fmt.Sprintf("在任委员%d人", r.Composition.Total),
	)
	for _, l := range a.Infos.Levels {
		if l.N > 0 {
			out = append(out, fmt.Sprintf("%s采用%d篇", l.Label, l.N))
		}
	}
	for _, y := range a.Assessments {
		if y.RuleSet == "" {
			t.Fatalf("demo year %d has no rule set", y.Year)
		}
		out = append(out, fmt.Sprintf("对%d名委员进行了履职考核", y.Assessed))
		for _, g := range y.Grades {
			out = append(out, fmt.Sprintf("%s%d人", g.Label, g.N))
		}
	}
	return out
}

func TestAnnualReportNumbersAreTheStatistics(t *testing.T) {
	s := demoCopy(t)
	r := loadAnnual(t, s, 2025)
	want, err := s.AnnualStats(context.Background(), r.Scope.Term.ID, 2025, demoToday.Format("2006-01-02"))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(r.Stats) != fmt.Sprint(want) {
		t.Fatal("the report's figures differ from AnnualStats for the same scope")
	}
	if len(want.Meetings) < 3 || want.Infos.Submitted == 0 || want.Proposals.Received == 0 || len(want.Assessments) != 1 {
		t.Fatalf("the demo year should have meetings, infos, proposals and an assessment: %+v", want)
	}
	text := r.MeetingText() + r.ActivityText() + r.ProposalText() + r.InfoText() + r.AssessmentText() + r.CompositionText()
	for _, f := range annualFigures(t, r) {
		if !strings.Contains(text, f) {
			t.Errorf("report text lacks %q:\n%s", f, text)
		}
	}
	// The demo county's rule set is 桐城's preset: neither its document nor
	// its name is another county's to cite.
	if got := r.AssessmentText(); strings.Contains(got, "桐城") || !strings.Contains(got, "2025年度对") {
		t.Errorf("assessment sentence cites the preset: %s", got)
	}
	if !strings.HasPrefix(r.MeetingText(), "一年来，共召开各类会议") {
		t.Errorf("meeting sentence: %s", r.MeetingText())
	}
}

func TestAnnualReportPDFContainsTheFigures(t *testing.T) {
	s := demoCopy(t)
	r := loadAnnual(t, s, 2025)
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
	if out := os.Getenv("ANNUAL_PDF"); out != "" {
		os.WriteFile(out, buf.Bytes(), 0o644)
	}
	text := flatText(t, buf.Bytes())
	want := append(annualFigures(t, r), "2025年工作回顾", "会议召开及委员出席情况", "各类会议召开次数",
		"社情民意信息采用层级", "存在的不足", "2026年工作安排", "各位委员：")
	for _, f := range want {
		if !strings.Contains(text, strings.ReplaceAll(f, " ", "")) {
			t.Errorf("PDF text lacks %q", f)
		}
	}
	if strings.Contains(text, "主要体会") {
		t.Error("a year's report has no 主要体会 unless the office writes one")
	}
}

func TestAnnualReportKeepsTheOfficesNarrative(t *testing.T) {
	s := demoCopy(t)
	ctx := context.Background()
	r := loadAnnual(t, s, 2025)
	sections := map[string]string{}
	for k, v := range r.Text.Sections {
		sections[k] = v
	}
	sections[report.SectionShortcomings] = ""
	sections[report.SectionExperience] = "（一）坚持党的领导\n清河县政协始终把坚持党的领导贯穿履职全过程。"
	if err := s.SaveReportText(ctx, data.ReportText{Kind: report.AnnualReportKind, Scope: r.Scope.Key(), Sections: sections}); err != nil {
		t.Fatal(err)
	}
	again := loadAnnual(t, s, 2025)
	var buf bytes.Buffer
	if err := again.Write(&buf, pdf.GBT9704(), pdf.DocInfo{Date: fixed}); err != nil {
		t.Fatal(err)
	}
	text := flatText(t, buf.Bytes())
	for _, want := range []string{"二、主要体会", "（一）坚持党的领导", "始终把坚持党的领导贯穿履职全过程", "三、2026年工作安排"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	if strings.Contains(text, "存在的不足") {
		t.Error("an emptied section is printed with its heading")
	}
}

func TestAnnualReportForTheWholeTerm(t *testing.T) {
	s := demoCopy(t)
	r := loadAnnual(t, s, 0)
	if len(r.Stats.Assessments) != 2 {
		t.Fatalf("the term's assessed years: %+v", r.Stats.Assessments)
	}
	year := loadAnnual(t, s, 2025)
	if r.Stats.Event("常委会议").Held <= year.Stats.Event("常委会议").Held {
		t.Errorf("the term has more 常委会议 (%d) than 2025 (%d)", r.Stats.Event("常委会议").Held, year.Stats.Event("常委会议").Held)
	}
	if r.ReviewHeading() != "十一届政协工作回顾" || !strings.HasPrefix(r.MeetingText(), "本届以来") {
		t.Errorf("term wording: %s / %s", r.ReviewHeading(), r.MeetingText())
	}
	// The 届 ends in 2026: the report plans no 2027 but speaks to the next 届.
	var buf bytes.Buffer
	if err := r.Write(&buf, pdf.GBT9704(), pdf.DocInfo{Date: fixed}); err != nil {
		t.Fatal(err)
	}
	text := flatText(t, buf.Bytes())
	if !strings.Contains(text, "对十二届政协工作的建议") || !strings.Contains(text, "对下一届县政协工作，我们提出以下建议：") {
		t.Error("the whole-届 report does not speak to the next 届")
	}
	if m := regexp.MustCompile(`\d{4}年工作安排|\d{4}年，县政协`).FindString(text); m != "" {
		t.Errorf("the whole-届 report plans a year: %q", m)
	}
}

// flatText is a PDF's text without line ends, spaces and page numbers, so
// that a sentence broken across lines or pages reads whole.
func flatText(t *testing.T, pdf []byte) string {
	text := pageNumber.ReplaceAllString(pdfText(t, pdf, false), "")
	return strings.NewReplacer("\n", "", " ", "", "\f", "").Replace(text)
}

var pageNumber = regexp.MustCompile(`— \d+ —`)

// demoCopy opens a private copy of the demo county with the shipped rule
// sets installed for 2025 and 2026 (桐城 chosen), as the app's demo has.
func demoCopy(t testing.TB) *data.Store {
	t.Helper()
	demoStore(t)
	body, err := os.ReadFile(demoPath)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(path, body, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return demoToday }
	t.Cleanup(func() { s.Close() })
	if err := rules.InstallPresets(context.Background(), s, 2025, 2026); err != nil {
		t.Fatal(err)
	}
	return s
}

// BenchmarkAnnualReport loads the 常委会工作报告 figures of a year and of
// the whole term from the demo county (two assessed years, each run through
// Store.Assess) and lays out and writes the PDF.
func BenchmarkAnnualReport(b *testing.B) {
	s := demoCopy(b)
	for _, year := range []int{2025, 0} {
		b.Run(map[int]string{2025: "year", 0: "term"}[year], func(b *testing.B) {
			for b.Loop() {
				r := loadAnnual(b, s, year)
				var buf bytes.Buffer
				if err := r.Write(&buf, pdf.GBT9704(), pdf.DocInfo{Date: fixed}); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(buf.Len())/1024, "KiB/op")
			}
		})
	}
}
