package report_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhengxie/export/pdf"
	"zhengxie/export/report"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestProposalReportGolden compares the text of the demo county's
// 提案工作情况报告 and of one proposal's forms with the files in
// testdata/golden. After an intended change to the layout, the wording
// or the demo data, look at the PDFs, then run
// `go test ./export/ -run Golden -update` and review the diff.
func TestProposalReportGolden(t *testing.T) {
	s := demoStore(t)
	r := loadReport(t, s, sessionScope(t, s, 5))
	var buf bytes.Buffer
	if err := r.Write(&buf, pdf.GBT9704(), pdf.DocInfo{Date: fixed}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "proposal_report_session5.txt", pdfText(t, buf.Bytes(), true))

	form, err := report.LoadProposalForm(t.Context(), s, r.Key[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	err = report.WriteProposalForms(&buf, []*report.ProposalForm{form},
		[]string{report.FormAssignment, report.FormFeedback}, pdf.GBT9704(), pdf.DocInfo{Date: fixed})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "proposal_forms.txt", pdfText(t, buf.Bytes(), true))
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *updateGolden {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			g, w := line(gl, i), line(wl, i)
			if g != w {
				t.Fatalf("%s differs from the golden file at line %d:\n got: %q\nwant: %q\n(if intended, run with -update)", name, i+1, g, w)
			}
		}
	}
}

func line(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "<end>"
}
