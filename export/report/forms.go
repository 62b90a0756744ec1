package report

import (
	"context"
	"fmt"
	"io"
	"strings"

	"zhengxie/data"
	"zhengxie/data/proposal"
	"zhengxie/export/pdf"
)

// ProposalForm is one proposal with what its forms print.
type ProposalForm struct {
	Committee data.Committee
	Term      data.Term
	Session   data.Session
	Proposal  data.Proposal
	Answers   []data.Answer
	Config    proposal.Config
}

// LoadProposalForm reads one proposal for its forms.
func LoadProposalForm(ctx context.Context, s *data.Store, id int64) (*ProposalForm, error) {
	f := &ProposalForm{}
	var err error
	if f.Proposal, err = s.GetProposal(ctx, id); err != nil {
		return nil, err
	}
	if f.Committee, err = s.GetCommittee(ctx); err != nil {
		return nil, err
	}
	if f.Config, err = s.ProposalConfig(ctx); err != nil {
		return nil, err
	}
	if f.Answers, err = s.ListAnswers(ctx, id); err != nil {
		return nil, err
	}
	sessions, err := s.ListSessions(ctx, f.Proposal.TermID)
	if err != nil {
		return nil, err
	}
	for _, se := range sessions {
		if se.ID == f.Proposal.SessionID {
			f.Session = se
		}
	}
	terms, err := s.ListTerms(ctx)
	if err != nil {
		return nil, err
	}
	for _, t := range terms {
		if t.ID == f.Proposal.TermID {
			f.Term = t
		}
	}
	return f, nil
}

// Form kinds.
const (
	FormAssignment = "assign"   // 提案交办单, to the handling units
	FormFeedback   = "feedback" // 提案办理情况征询意见表, to the proposers
)

// FormsRefusal says why a proposal has no forms to print, "" when it has:
// both the 交办单 and the 征询意见表 are about a proposal handed to its
// units (交办); before that, or without it, they would be blanks full of
// "—". The sentence follows "第N号提案“案由”".
func FormsRefusal(p data.Proposal) string {
	why := ""
	switch proposal.Status(p.Status) {
	case proposal.Handling, proposal.Answered, proposal.Rehandled, proposal.Closed:
		return ""
	case proposal.Rejected:
		why = "不予立案，没有交办承办单位"
	case proposal.Merged:
		why = "已并案，由主提案交办，请打印主提案的表单"
	case proposal.Withdrawn:
		why = "已撤案，没有交办承办单位"
	case proposal.Filed:
		why = "已立案，尚未交办承办单位，交办后才能打印"
	default:
		why = "尚未立案交办，交办后才能打印"
	}
	return why + "，不能生成提案交办单和征询意见表。"
}

// WriteProposalForms writes the forms of kinds for each proposal, each
// form on its own page, without page numbers. A proposal not yet handed to
// its units is refused (FormsRefusal) and nothing is written.
func WriteProposalForms(w io.Writer, forms []*ProposalForm, kinds []string, tpl pdf.PageTemplate, info pdf.DocInfo) error {
	for _, f := range forms {
		if why := FormsRefusal(f.Proposal); why != "" {
			return data.UserErr(fmt.Sprintf("%s提案“%s”%s", f.Config.FormatNumber(f.Proposal.Number), f.Proposal.Title, why))
		}
	}
	tpl.PageNumbers = pdf.PageNumberNone // each form is a sheet of its own
	d, err := pdf.NewDoc(tpl, info)
	if err != nil {
		return err
	}
	first := true
	for _, f := range forms {
		for _, k := range kinds {
			if !first {
				d.NewPage()
			}
			first = false
			switch k {
			case FormAssignment:
				f.Assignment(d)
			case FormFeedback:
				f.Feedback(d)
			default:
				return data.UserErr(fmt.Sprintf("未知的表格类型“%s”", k))
			}
		}
	}
	return d.Write(w)
}

// sessionLabel is "十一届五次会议".
func (f *ProposalForm) sessionLabel() string {
	return data.ChineseNumber(f.Term.Number) + "届" + data.ChineseNumber(f.Session.Number) + "次会议"
}

func (f *ProposalForm) committeeTitle() string { return data.CommitteeTitle(f.Committee, f.Term) }

// Assignment sets the 提案交办单 on the current page.
func (f *ProposalForm) Assignment(d *pdf.Doc) {
	p := &f.Proposal
	d.Title(f.committeeTitle(), "提案交办单")
	d.Text(fmt.Sprintf("%s　　案号：%s", f.sessionLabel(), f.Config.FormatNumber(p.Number)),
		pdf.TextStyle{Role: d.Template().Note, Align: pdf.AlignRight})
	row := 11.0
	d.FormRow(row, pdf.FormCell{Text: "案　　由", Width: 2, Label: true}, pdf.FormCell{Text: p.Title, Width: 8})
	d.FormRow(row, pdf.FormCell{Text: "提 案 人", Width: 2, Label: true}, pdf.FormCell{Text: p.ProposerNames(), Width: 4},
		pdf.FormCell{Text: "提案类别", Width: 1.6, Label: true}, pdf.FormCell{Text: orDash(p.Category), Width: 2.4})
	d.FormRow(row, pdf.FormCell{Text: "主办单位", Width: 2, Label: true}, pdf.FormCell{Text: orDash(leadUnits(p)), Width: 8})
	d.FormRow(row, pdf.FormCell{Text: "会办单位", Width: 2, Label: true}, pdf.FormCell{Text: orDash(p.UnitNames(proposal.RoleCo)), Width: 8})
	d.FormRow(row, pdf.FormCell{Text: "交办日期", Width: 2, Label: true}, pdf.FormCell{Text: orDash(data.ChineseISODate(p.AssignedDate)), Width: 4},
		pdf.FormCell{Text: "办理期限", Width: 1.6, Label: true}, pdf.FormCell{Text: orDash(data.ChineseISODate(p.Deadline)), Width: 2.4})
	if p.KeyTier != "" {
		d.FormRow(row, pdf.FormCell{Text: "重点提案", Width: 2, Label: true}, pdf.FormCell{Text: p.KeyTier, Width: 4},
			pdf.FormCell{Text: "督办领导", Width: 1.6, Label: true}, pdf.FormCell{Text: orDash(p.KeyLeader), Width: 2.4})
	}
	d.FormRow(48, pdf.FormCell{Text: "办理要求", Width: 2, Label: true}, pdf.FormCell{Width: 8, Text: fmt.Sprintf(
		"请按照提案办理工作的有关规定，认真研究办理，在办理期限内书面答复提案人，答复前应与提案人联系沟通，"+
			"同时将答复件抄送%s提案委员会。主办单位应主动与会办单位协商，会办单位应在收到本单之日起一个月内将会办意见送主办单位。"+
			"确因情况复杂需延期答复的，请在期满前说明理由。", shortCommittee(f.Committee))})
	d.FormRow(18, pdf.FormCell{Text: "备　　注", Width: 2, Label: true}, pdf.FormCell{Text: p.Note, Width: 8})
	d.Blank()
	d.Signature(f.Committee.Name+"提案委员会", data.ChineseISODate(p.AssignedDate))
}

// Feedback sets the 提案办理情况征询意见表 on the current page.
func (f *ProposalForm) Feedback(d *pdf.Doc) {
	p := &f.Proposal
	d.Title(f.committeeTitle(), "提案办理情况征询意见表")
	d.Text(fmt.Sprintf("%s　　案号：%s", f.sessionLabel(), f.Config.FormatNumber(p.Number)),
		pdf.TextStyle{Role: d.Template().Note, Align: pdf.AlignRight})
	row := 11.0
	d.FormRow(row, pdf.FormCell{Text: "案　　由", Width: 2, Label: true}, pdf.FormCell{Text: p.Title, Width: 8})
	d.FormRow(row, pdf.FormCell{Text: "提 案 人", Width: 2, Label: true}, pdf.FormCell{Text: p.ProposerNames(), Width: 8})
	d.FormRow(row, pdf.FormCell{Text: "承办单位", Width: 2, Label: true}, pdf.FormCell{Text: orDash(p.UnitNames("")), Width: 8})
	d.FormRow(row, pdf.FormCell{Text: "答复情况", Width: 2, Label: true}, pdf.FormCell{Text: f.answerLine(), Width: 8})
	box := "□"
	d.FormRow(16, pdf.FormCell{Text: "办理过程中承办单位与提案人的联系", Width: 2, Label: true},
		pdf.FormCell{Text: strings.Join([]string{box + "当面协商", box + "电话联系", box + "书面联系", box + "未联系"}, "　　"), Width: 8})
	d.FormRow(16, pdf.FormCell{Text: "对办理结果的意见", Width: 2, Label: true},
		pdf.FormCell{Text: strings.Join([]string{box + "满意", box + "基本满意", box + "不满意"}, "　　　　"), Width: 8})
	d.FormRow(44, pdf.FormCell{Text: "意见建议", Width: 2, Label: true}, pdf.FormCell{Width: 8})
	d.FormRow(14, pdf.FormCell{Text: "提案人签名", Width: 2, Label: true}, pdf.FormCell{Width: 4},
		pdf.FormCell{Text: "填表日期", Width: 1.6, Label: true}, pdf.FormCell{Text: "　　年　　月　　日", Width: 2.4, Align: pdf.AlignCenter})
	d.Blank()
	d.Text(fmt.Sprintf("请在收到答复后十五日内填写此表，送%s提案委员会。对办理结果不满意的，请写明理由，以便督促再次办理。",
		shortCommittee(f.Committee)), pdf.TextStyle{Role: d.Template().Note, Indent: 2})
}

// answerLine summarises the answers received: unit, date and 文号.
func (f *ProposalForm) answerLine() string {
	var parts []string
	for _, a := range f.Answers {
		if a.Class == "" {
			continue // a 会办 opinion, not an answer
		}
		s := a.Unit + " " + data.ChineseISODate(a.Date) + "答复"
		if a.DocNo != "" {
			s += "（" + a.DocNo + "）"
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return "尚未答复"
	}
	return strings.Join(parts, "；")
}

// leadUnits are the 主办 unit, or the 分办 units.
func leadUnits(p *data.Proposal) string {
	var names []string
	for _, u := range p.AnsweringUnits() {
		names = append(names, u.Unit)
	}
	return strings.Join(names, "、")
}

// shortCommittee is "县政协" style: 政协清河县委员会 → 清河县政协.
func shortCommittee(c data.Committee) string {
	short := c.ShortName
	if short == "" {
		short = data.ShortName(c.Name)
	}
	return short + "政协"
}
