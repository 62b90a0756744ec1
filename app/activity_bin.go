package app

import (
	"context"

	"zhengxie/data"
)

// newActivityBin is the 回收站 tab of the 履职活动 screen: the term's
// deleted records of every kind but 社情民意 (which has its own screen).
func newActivityBin(s *activityScreen) *recycleBin[data.ActivitySummary] {
	u := s.u
	return newRecycleBin(u, binSpec[data.ActivitySummary]{
		hint: "删除的会议活动、发言、表彰惩戒和履职记录保留在这里，恢复后回到原来的列表。",
		unit: "条",
		columns: []*tableColumn[data.ActivitySummary]{
			{title: "删除时间", width: 150, text: func(r data.ActivitySummary) string { return deletedStamp(r.DeletedAt) }},
			{title: "种类", width: 90, text: func(r data.ActivitySummary) string { return kindName(r.Kind) }},
			{title: "日期", width: 100, text: func(r data.ActivitySummary) string { return r.Date }},
			{title: "类型", width: 140, text: func(r data.ActivitySummary) string { return r.Type }},
			{title: "名称/题目", width: 320, text: func(r data.ActivitySummary) string { return r.Title }},
			{title: "人员", width: 200, text: func(r data.ActivitySummary) string { return r.Names }},
		},
		load: func(ctx context.Context) ([]data.ActivitySummary, error) {
			list, err := u.store.ListActivities(ctx, data.ActivityFilter{TermID: u.term.ID, Deleted: true})
			var rows []data.ActivitySummary
			for _, r := range list {
				if r.Kind != data.ActInfo {
					rows = append(rows, r)
				}
			}
			return rows, err
		},
		name: func(r data.ActivitySummary) string {
			return kindName(r.Kind) + "“" + orDefaultText(r.Title, r.Date) + "”"
		},
		restore:  func(ctx context.Context, r data.ActivitySummary) error { return u.store.RestoreActivity(ctx, r.ID) },
		purge:    func(ctx context.Context, r data.ActivitySummary) error { return u.store.PurgeActivity(ctx, r.ID) },
		restored: s.showRestored,
	})
}

// showRestored opens the tab of a record just restored, the record
// selected.
func (s *activityScreen) showRestored(r data.ActivitySummary) {
	for i, t := range s.all {
		if l, ok := t.(*activityList); ok && l.spec.kind == r.Kind {
			s.tabs.SelectIndex(i) // reloads the tab
			l.saved(data.Activity{ID: r.ID, Kind: r.Kind, Date: r.Date, Title: r.Title})
			return
		}
	}
}
