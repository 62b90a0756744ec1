package report_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"zhengxie/data"
	"zhengxie/data/proposal"
	"zhengxie/export/pdf"
	"zhengxie/export/report"
)

func TestProposalFormsPrintTheProposal(t *testing.T) {
	s := demoStore(t)
	sc := sessionScope(t, s, 5)
	f := sc.Filter()
	f.KeyOnly = true
	ps, err := s.ListProposals(context.Background(), f)
	if err != nil || len(ps) == 0 {
		t.Fatalf("no key proposal in the demo: %v", err)
	}
	var p data.Proposal
	for _, x := range ps {
		if proposal.IsAnswered(x.Status) && len(x.Units) > 1 {
			p = x
			break
		}
	}
	if p.ID == 0 {
		p = ps[0]
	}
	form, err := report.LoadProposalForm(context.Background(), s, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	err = report.WriteProposalForms(&buf, []*report.ProposalForm{form},
		[]string{report.FormAssignment, report.FormFeedback}, pdf.GBT9704(), pdf.DocInfo{Date: fixed})
	if err != nil {
		t.Fatal(err)
	}
	if out := os.Getenv("FORMS_PDF"); out != "" {
		os.WriteFile(out, buf.Bytes(), 0o644)
	}
	raw := pdfText(t, buf.Bytes(), false)
	if pages := strings.Count(raw, "\f"); pages != 2 {
		t.Errorf("%d pages, want one per form", pages)
	}
	text := strings.NewReplacer("\n", "", " ", "", "\f", "").Replace(raw)
	want := []string{"提案交办单", "提案办理情况征询意见表", p.Title, p.UnitNames(proposal.RoleLead),
		form.Config.FormatNumber(p.Number), "□满意", "□基本满意", "□不满意", p.KeyLeader}
	for _, a := range form.Answers {
		if a.Class != "" {
			want = append(want, a.Unit)
		}
	}
	for _, w := range want {
		if w = strings.ReplaceAll(w, " ", ""); !strings.Contains(text, w) {
			t.Errorf("forms lack %q", w)
		}
	}
}
