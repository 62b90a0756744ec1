package report_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
	"zhengxie/export/pdf"
	"zhengxie/export/report"
	"zhengxie/export/sheet"
)

func loadNotice(t *testing.T, s *data.Store, year int, opts report.NoticeOptions) *report.AssessmentNotice {
	t.Helper()
	setup, err := s.AssessmentSetup(context.Background(), year)
	if err != nil || setup.RuleSetID == 0 {
		t.Fatalf("%d: setup %+v, %v", year, setup, err)
	}
	n, err := report.LoadAssessmentNotice(context.Background(), s, year, setup.RuleSetID, opts, archiveToday)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// sheetTotals reads the 总分 column of the result workbook as Excel shows
// it, by name and 界别.
func sheetTotals(t *testing.T, n *report.AssessmentNotice) map[string]string {
	t.Helper()
	var buf bytes.Buffer
	if err := sheet.WriteAssessment(&buf, n.Committee, n.RuleSet, n.Result, sheet.AssessmentOptions{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("考核结果")
	if err != nil {
		t.Fatal(err)
	}
	var head []string
	out := map[string]string{}
	for _, r := range rows {
		if slices.Contains(r, "总分") {
			head = r
			continue
		}
		if head == nil || len(r) <= slices.Index(head, "总分") || r[slices.Index(head, "总分")] == "" {
			continue
		}
		out[r[slices.Index(head, "姓名")]+"|"+r[slices.Index(head, "界别")]] = r[slices.Index(head, "总分")]
	}
	return out
}

func TestNoticePrintsEveryTotalAsTheResultSheet(t *testing.T) {
	s := archiveCounty(t)
	n := loadNotice(t, s, 2025, report.NoticeOptions{Date: "2026-12-01", Phone: "0312-5551234"})
	totals := sheetTotals(t, n)
	var buf bytes.Buffer
	if err := n.Write(&buf, pdf.GBT9704(), pdf.DocInfo{Date: archiveDate}); err != nil {
		t.Fatal(err)
	}
	keepForLooking(t, "notice.pdf", buf.Bytes())
	var again bytes.Buffer
	if err := n.Write(&again, pdf.GBT9704(), pdf.DocInfo{Date: archiveDate}); err != nil || !bytes.Equal(again.Bytes(), buf.Bytes()) {
		t.Errorf("two notices with the same date differ (%v)", err)
	}
	text := pdfText(t, buf.Bytes(), true)
	lines := map[string]bool{}
	for _, l := range strings.Split(text, "\n") {
		lines[strings.Join(strings.Fields(l), "|")] = true
	}
	rows := n.Rows()
	if len(rows) < 250 || len(rows) != len(totals) {
		t.Fatalf("%d rows in the notice, %d totals in the sheet", len(rows), len(totals))
	}
	fractions := 0
	for _, r := range rows {
		want := totals[r[1]+"|"+r[2]]
		if strings.Contains(want, ".") {
			fractions++
		}
		line := strings.Join([]string{r[0], r[1], r[2], want, r[4]}, "|")
		if !lines[line] {
			t.Fatalf("no line %q in the notice", line)
		}
	}
	t.Logf("%d members, %d totals with decimals", len(rows), fractions)
	flat := squash(text)
	// The demo county runs on 桐城's preset: its notice cites no document,
	// least of all 《政协桐城市委员会…》.
	if strings.Contains(flat, "桐城") || strings.Contains(flat, "根据") {
		t.Errorf("the notice cites a preset's document or name:\n%s", n.Opening())
	}
	for _, w := range []string{"关于2025年度委员履职考核结果的公示", "政协清河县委员会对全体委员2025年度履职情况进行了考核",
		"公示期为2026年12月1日至2026年12月7日（5个工作日）", "联系电话：0312-5551234", "政协清河县委员会2026年12月1日",
		"清河县政协办公室"} {
		if !strings.Contains(flat, w) {
			t.Errorf("the notice lacks %q", w)
		}
	}
}

func TestNoticeOrdersByRankOrBySector(t *testing.T) {
	s := archiveCounty(t)
	byRank := loadNotice(t, s, 2025, report.NoticeOptions{}).Rows()
	bySector := loadNotice(t, s, 2025, report.NoticeOptions{Order: report.NoticeBySector}).Rows()
	if len(byRank) != len(bySector) {
		t.Fatalf("%d and %d rows", len(byRank), len(bySector))
	}
	prev := 1e9
	for _, r := range byRank {
		v := atof(r[3])
		if v > prev {
			t.Fatalf("by rank: %s (%s) after %v", r[1], r[3], prev)
		}
		prev = v
	}
	// By sector: the 界别 come in runs, in the term's list order.
	ctx := context.Background()
	term, _ := s.CurrentTerm(ctx)
	sectors, err := s.ListCatalog(ctx, term.ID, data.KindSector)
	if err != nil {
		t.Fatal(err)
	}
	last := -1
	for _, r := range bySector {
		i := slices.IndexFunc(sectors, func(c data.CatalogItem) bool { return c.Name == r[2] })
		if i < last {
			t.Fatalf("by sector: %s (%s) after the %dth 界别", r[1], r[2], last)
		}
		last = i
	}
	if _, err := report.LoadAssessmentNotice(ctx, s, 2025, 1, report.NoticeOptions{Order: "name"}, archiveToday); err == nil ||
		!strings.Contains(data.UserMessage(err), "按名次") {
		t.Errorf("unknown order: %v", err)
	}
}

func atof(s string) float64 {
	v, whole, scale := 0.0, true, 1.0
	for _, c := range s {
		switch {
		case c == '.':
			whole = false
		case whole:
			v = v*10 + float64(c-'0')
		default:
			scale /= 10
			v += float64(c-'0') * scale
		}
	}
	return v
}

func TestNoticeCitesTheCommitteesOwnDocumentOnly(t *testing.T) {
	n := loadNotice(t, archiveCounty(t), 2025, report.NoticeOptions{})
	if got := n.Opening(); !strings.HasPrefix(got, "政协清河县委员会对全体委员2025年度") {
		t.Errorf("on a preset the opening cites something: %s", got)
	}
	n.RuleSet.Document = "政协清河县委员会委员履职考核办法（试行）"
	if got := n.Opening(); !strings.HasPrefix(got, "根据《政协清河县委员会委员履职考核办法（试行）》，政协清河县委员会对全体委员") {
		t.Errorf("the office's own document is not cited: %s", got)
	}
	n.RuleSet.Document = ""
	if got := n.Opening(); strings.Contains(got, "根据") || strings.Contains(got, n.RuleSet.Name) {
		t.Errorf("without a document the opening cites %q: %s", n.RuleSet.Name, got)
	}
}
