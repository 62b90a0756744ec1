package app

import (
	"slices"
	"strconv"
	"strings"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// Reading and saving the proposal form.

// read builds the proposal from the widgets; ok is false when a number
// could not be read (the message is then under its field).
func (f *proposalForm) read() (data.Proposal, bool) {
	p := f.p
	ok := true
	if i := f.session.SelectedIndex(); i >= 0 {
		p.SessionID = f.l.ps.sessions[i].ID
	}
	p.Number = 0
	if s := strings.TrimSpace(f.number.Text); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			f.setError("案号", "应为正整数，如 12")
			ok = false
		}
		p.Number = n
	}
	p.Title, p.Category, p.Kind = f.title.Text, f.category.Selected, f.kind.Selected
	p.Submitted, p.ProposerType = strings.TrimSpace(f.submitted.Text), f.ptype.Selected
	p.Proposers = slices.Clone(f.proposers.chosen)
	if proposal.Collective(p.ProposerType) {
		p.Proposers = []data.Proposer{{Name: f.org.Text}}
	}
	p.Sector, p.SuggestedUnit, p.Body = f.sector.Text, f.suggested.Text, f.body.Text
	p.KeyTier, p.KeyLeader = "", f.keyLeader.Text
	if t := f.keyTier.Selected; t != noTier {
		p.KeyTier = t
	}
	p.ExcellentYear = 0
	if s := strings.TrimSpace(f.excYear.Text); s != "" {
		y, err := strconv.Atoi(s)
		if err != nil || y < 1950 || y > 2100 {
			f.setError("优秀提案", "年度应为四位数字，如 2025")
			ok = false
		}
		p.ExcellentYear = y
	}
	p.ExcellentAward, p.Public = f.excAward.Text, f.public.Checked
	p.Implementation, p.Note = strings.TrimSpace(f.impl.Text), f.note.Text
	return p, ok
}

func (f *proposalForm) setError(field, msg string) {
	if t := f.errs[field]; t != nil {
		t.Text = msg
		t.Refresh()
	}
}

// save stores the proposal; on validation errors it marks the fields and
// keeps the dialog open, so nothing typed is lost.
func (f *proposalForm) save() {
	u := f.l.ps.u
	f.errs.clear()
	f.general.SetText("")
	p, ok := f.read()
	if !ok {
		f.general.SetText("请按标红的提示修改后再保存。")
		return
	}
	var err error
	if p.ID == 0 {
		err = u.store.CreateProposal(u.ctx, &p)
	} else {
		err = u.store.UpdateProposal(u.ctx, &p, u.operator())
	}
	if err != nil {
		f.showErrors(err)
		return
	}
	f.close()
	f.l.saved(p)
}

func (f *proposalForm) showErrors(err error) {
	f.general.SetText(f.errs.place(err, markedFields))
}

// errorText is the message shown under a field ("" when none).
func (f *proposalForm) errorText(field string) string { return f.errs.text(field) }

func (f *proposalForm) close() {
	f.similar.stop()
	f.dlg.Hide()
	if f.l.form == f {
		f.l.form = nil
	}
}
