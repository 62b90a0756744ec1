package app

import (
	"context"

	"zhengxie/data"
)

// newMemberBin is the 回收站 of the term's deleted members.
func newMemberBin(m *memberList) *recycleBin[data.Member] {
	u := m.u
	return newRecycleBin(u, binSpec[data.Member]{
		hint: "从本届名册中删除的委员保留在这里，恢复后回到名册。",
		unit: "人",
		columns: []*tableColumn[data.Member]{
			{title: "删除时间", width: 140, text: func(x data.Member) string {
				if x.DeletedAt == nil {
					return ""
				}
				return deletedTime(*x.DeletedAt)
			}},
			{title: data.FieldName, width: 90, text: func(x data.Member) string { return x.Name }},
			{title: data.FieldSector, width: 150, text: func(x data.Member) string { return x.Sector }},
			{title: data.FieldWorkUnit, width: 330, text: func(x data.Member) string { return x.WorkUnit }},
		},
		load: func(ctx context.Context) ([]data.Member, error) {
			return u.store.ListMembers(ctx, data.MemberFilter{TermID: u.term.ID, DeletedOnly: true})
		},
		name: func(x data.Member) string { return "委员“" + x.Name + "”" },
		restore: func(ctx context.Context, x data.Member) error {
			return u.store.RestoreMember(ctx, x.Membership.ID)
		},
		purge: func(ctx context.Context, x data.Member) error {
			return u.store.PurgeMember(ctx, x.Membership.ID)
		},
		restored: m.saved,
	})
}

// onRecycleBin opens the 回收站 of the term's deleted members.
func (m *memberList) onRecycleBin() { m.bin.open() }
