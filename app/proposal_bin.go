package app

import (
	"context"

	"zhengxie/data"
)

// deleteProposal moves a proposal to the recycle bin.
func (l *proposalList) deleteProposal(p data.Proposal) {
	u := l.ps.u
	if err := u.store.DeleteProposal(u.ctx, p.ID, u.operator()); err != nil {
		showError(err, u.win)
		return
	}
	l.query(u.ctx)
}

// newProposalBin is the 回收站 of the term's deleted proposals.
func newProposalBin(l *proposalList) *recycleBin[data.Proposal] {
	u := l.ps.u
	return newRecycleBin(u, binSpec[data.Proposal]{
		hint: "删除的提案保留在这里，案号仍然占用；恢复后回到提案列表。",
		unit: "件",
		columns: []*tableColumn[data.Proposal]{
			{title: "会次", width: 110, text: func(p data.Proposal) string {
				for _, s := range l.ps.sessions {
					if s.ID == p.SessionID {
						return s.SessionName()
					}
				}
				return ""
			}},
			{title: "案号", width: 90, text: func(p data.Proposal) string { return l.ps.cfg.FormatNumber(p.Number) }},
			{title: "案由", width: 380, text: func(p data.Proposal) string { return p.Title }},
			{title: "第一提案人", width: 120, text: func(p data.Proposal) string { return p.FirstProposer() }},
		},
		load: func(ctx context.Context) ([]data.Proposal, error) {
			return u.store.ListProposals(ctx, data.ProposalFilter{TermID: u.term.ID, DeletedOnly: true})
		},
		name: func(p data.Proposal) string { return "提案《" + p.Title + "》" },
		restore: func(ctx context.Context, p data.Proposal) error {
			return u.store.RestoreProposal(ctx, p.ID, u.operator())
		},
		purge:     func(ctx context.Context, p data.Proposal) error { return u.store.PurgeProposal(ctx, p.ID) },
		purgeAlso: "其答复、评价、办理记录和附件",
		restored:  l.saved,
	})
}

// onRecycleBin opens the 回收站 of the term's deleted proposals.
func (l *proposalList) onRecycleBin() { l.bin.open() }
