package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data/assess"
)

// missingList is the 未履职 tab: every member who missed a requirement of
// the rule set's gates (e.g. 三个一), one row per requirement missed.
type missingList struct {
	s   *assessmentScreen
	obj fyne.CanvasObject

	info  *widget.Label
	table *columnTable[assess.Unperformed]
	rows  []assess.Unperformed
}

func newMissingList(s *assessmentScreen) *missingList {
	l := &missingList{s: s}
	l.info = widget.NewLabel("")
	l.info.Wrapping = fyne.TextWrapWord
	l.table = newColumnTable(missingColumns(), func() []assess.Unperformed { return l.rows })
	l.table.onSort = l.refresh
	l.obj = container.NewBorder(l.info, nil, nil, nil, l.table.obj)
	return l
}

// missingColumns: one row per requirement missed; 姓名, 界别 and 基本要求
// sort.
func missingColumns() []*tableColumn[assess.Unperformed] {
	name := func(r assess.Unperformed) string { return r.Member.Name }
	sector := func(r assess.Unperformed) string { return r.Member.Sector }
	gate := func(r assess.Unperformed) string { return r.Gate }
	return []*tableColumn[assess.Unperformed]{
		{title: "姓名", width: 90, text: name, sortKey: func(r assess.Unperformed) string { return newNameKey(r.Member.Name).sortKey }},
		{title: "界别", width: 140, text: sector, sortKey: sector},
		{title: "基本要求", width: 140, text: gate, sortKey: gate},
		{title: "未达到的项目", width: 200, text: func(r assess.Unperformed) string { return r.Requirement }},
		{title: "完成/应完成", width: 110, text: func(r assess.Unperformed) string { return fmt.Sprintf("%d/%d", r.Found, r.Need) }},
	}
}

// refresh lists the missed requirements of the latest result.
func (l *missingList) refresh() {
	s := l.s
	l.rows = s.res.Unperformed()
	l.table.sort(l.rows)
	members := map[int64]bool{}
	for _, r := range l.rows {
		members[r.Member.ID] = true
	}
	switch {
	case !s.computed:
		l.info.SetText("")
	case len(s.rs.Gates) == 0:
		l.info.SetText("当前规则集没有设置基本履职要求（如“三个一”），因此没有未履职名单。可在“编辑规则”中添加。")
	case len(l.rows) == 0:
		l.info.SetText("参加考核的委员都达到了基本履职要求。")
	default:
		l.info.SetText(fmt.Sprintf("%d 名委员未达到基本履职要求，共 %d 项。", len(members), len(l.rows)))
	}
	l.table.Refresh()
}
