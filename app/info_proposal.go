package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// proposalPicker chooses the proposal a 社情民意 was converted from: typing
// narrows the term's proposals by 案号 or 案由, the select picks one.
type proposalPicker struct {
	all    []data.Proposal
	labels []string // parallel to all: "第一次会议 第012号 案由"
	shown  []int    // indexes into all the select offers
	chosen int64

	search *widget.Entry
	sel    *widget.Select
	obj    fyne.CanvasObject
}

func newProposalPicker(u *UI, chosen int64) *proposalPicker {
	p := &proposalPicker{chosen: chosen}
	if u.term.ID != 0 {
		cfg, err := u.store.ProposalConfig(u.ctx)
		if err != nil {
			showError(err, u.win)
		}
		sessions := map[int64]string{}
		if list, err := u.store.ListSessions(u.ctx, u.term.ID); err == nil {
			for _, s := range list {
				sessions[s.ID] = s.SessionName()
			}
		}
		p.all, err = u.store.ListProposals(u.ctx, data.ProposalFilter{TermID: u.term.ID})
		if err != nil {
			showError(err, u.win)
		}
		for _, x := range p.all {
			p.labels = append(p.labels, strings.TrimSpace(sessions[x.SessionID]+" "+cfg.FormatNumber(x.Number)+" "+x.Title))
		}
	}
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder("输入案号或案由中的字查找")
	p.search.OnChanged = p.onSearch
	p.sel = widget.NewSelect(nil, p.onSelected)
	p.sel.PlaceHolder = "请选择提案"
	p.onSearch("")
	for i, x := range p.all {
		if x.ID == chosen {
			p.sel.SetSelected(p.labels[i])
		}
	}
	p.obj = container.NewVBox(p.search, p.sel)
	return p
}

// onSearch offers the proposals whose label contains what is typed.
func (p *proposalPicker) onSearch(q string) {
	q = strings.TrimSpace(q)
	p.shown = p.shown[:0]
	var opts []string
	for i, l := range p.labels {
		if q == "" || strings.Contains(l, q) {
			p.shown = append(p.shown, i)
			opts = append(opts, l)
		}
	}
	p.sel.Options = opts
	p.sel.Refresh()
	if len(p.shown) == 1 && q != "" {
		p.sel.SetSelected(opts[0])
	}
}

func (p *proposalPicker) onSelected(label string) {
	for i, l := range p.labels {
		if l == label {
			p.chosen = p.all[i].ID
		}
	}
}
