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

// A proposal not handed to units has no forms: WriteProposalForms refuses
// with the reason and writes nothing.
func TestFormsOfAProposalNotAssignedAreRefused(t *testing.T) {
	for status, want := range map[proposal.Status]string{
		proposal.Rejected: "不予立案，没有交办承办单位", proposal.Filed: "已立案，尚未交办承办单位",
		proposal.Merged: "已并案", proposal.Submitted: "尚未立案交办",
	} {
		f := &report.ProposalForm{Proposal: data.Proposal{Number: 3, Title: "关于解决本人子女入学问题的建议", Status: status}}
		var buf bytes.Buffer
		err := report.WriteProposalForms(&buf, []*report.ProposalForm{f}, []string{report.FormAssignment}, pdf.GBT9704(), pdf.DocInfo{})
		if err == nil || !strings.Contains(err.Error(), "提案“关于解决本人子女入学问题的建议”"+want) || buf.Len() > 0 {
			t.Errorf("%s: %v, %d bytes", status, err, buf.Len())
		}
	}
	if why := report.FormsRefusal(data.Proposal{Status: proposal.Handling}); why != "" {
		t.Errorf("an assigned proposal is refused: %s", why)
	}
}
