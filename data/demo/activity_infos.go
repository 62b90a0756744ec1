package demo

import (
	"fmt"

	"zhengxie/data"
)

// infos are about sixty 社情民意 a year by one to three members, some
// converted from proposals not filed; about two in five are issued (编发),
// and about half of those adopted at some level, a few with a 批示.
func (w *actWriter) infos(y int, _ []data.Session) error {
	infos, err := w.convertedInfos(y)
	if err != nil {
		return err
	}
	n := 55 + w.rng.IntN(11) - len(infos)
	for i := range n {
		date := workday(fmt.Sprintf("%d-%02d-%02d", y, 1+i*12/n, 1+w.rng.IntN(27)))
		a := data.Activity{Kind: data.ActInfo, Title: pick(w.rng, infoTitles), Date: date, Source: "直接报送", Counted: true}
		authors := 1
		if r := w.rng.IntN(10); r >= 9 {
			authors = 3
		} else if r >= 6 {
			authors = 2
		}
		a.Members = w.authors(date, authors)
		infos = append(infos, a)
	}
	issue := 0
	for i := range infos {
		a := &infos[i]
		if len(a.Members) == 0 || w.rng.IntN(100) >= 40 {
			continue
		}
		issue++
		a.Issue = fmt.Sprintf("%d年第%d期", y, issue)
		a.IssueDate = addDays(a.Date, 3+w.rng.IntN(10))
		if w.rng.IntN(100) < 55 {
			level := pick(w.rng, []string{"县委县政府", "县委县政府", "县委县政府", "县委县政府", "县委县政府", "县委县政府",
				"市政协", "市政协", "市政协", "省政协"})
			if w.rng.IntN(50) == 0 {
				level = "全国政协"
			}
			a.Adoptions = append(a.Adoptions, data.Adoption{Kind: "采用", Level: level,
				Mode: pick(w.rng, []string{"单篇", "单篇", "转送"}), Date: addDays(a.IssueDate, 5+w.rng.IntN(20))})
		}
		if w.rng.IntN(100) < 8 {
			lv := pick(w.rng, []string{"县", "县", "县", "市"})
			leader := map[string]string{"县": pick(w.rng, []string{"县委书记", "县长", "常务副县长"}), "市": "副市长"}[lv]
			a.Adoptions = append(a.Adoptions, data.Adoption{Kind: "批示", Level: lv, Leader: leader,
				Date: addDays(a.IssueDate, 7+w.rng.IntN(20))})
		}
	}
	for i := range infos {
		if infos[i].ID != 0 {
			err = w.s.UpdateActivity(w.ctx, &infos[i])
		} else {
			err = w.create(&infos[i])
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// convertedInfos are the year's 社情民意 the store registered when a
// proposal was not filed and went 转社情民意 (see data.Step).
func (w *actWriter) convertedInfos(y int) ([]data.Activity, error) {
	list, err := w.s.ListActivities(w.ctx, data.ActivityFilter{TermID: w.term.ID, Kind: data.ActInfo, Year: y})
	if err != nil {
		return nil, err
	}
	var out []data.Activity
	for _, sum := range list {
		a, err := w.s.GetActivity(w.ctx, sum.ID)
		if err != nil {
			return nil, err
		}
		if a.Source == data.SourceFromProposal {
			out = append(out, a)
		}
	}
	return out, nil
}

// authors are n different members serving on date, in a random order.
func (w *actWriter) authors(date string, n int) []data.Attendee {
	var out []data.Attendee
	seen := map[int64]bool{}
	for tries := 0; len(out) < n && tries < 50; tries++ {
		m := w.members[w.rng.IntN(len(w.members))]
		if seen[m.Membership.ID] || !serving(m, date) || m.Role == "主席" {
			continue
		}
		seen[m.Membership.ID] = true
		out = append(out, data.Attendee{MembershipID: m.Membership.ID, Name: m.Name})
	}
	return out
}

// honours are the year's awards (表彰 at several levels, one 约谈 in the
// first year), county records (学习笔记, 调研报告) and a few adjustments.
func (w *actWriter) honours(y int, _ []data.Session) error {
	awards := []struct {
		kind, level, title, day string
		count                   int
	}{
		{"表彰", "县", "%d年度优秀政协委员", "01-20", 6},
		{"表彰", "县", "%d年度社情民意信息工作先进个人", "02-15", 3},
		{"表彰", "市(地)", "%d年度全市政协系统优秀委员", "03-10", 1},
		{"表彰", "省", "%d年度全省政协优秀提案者", "04-18", 1},
	}
	for _, x := range awards {
		if x.level == "省" && y != ActivityYears[0] {
			continue
		}
		date := fmt.Sprintf("%d-%s", y, x.day)
		for _, who := range w.authors(date, x.count) {
			a := data.Activity{Kind: data.ActAward, Type: x.kind, Level: x.level, Title: fmt.Sprintf(x.title, y-1),
				Date: date, Members: []data.Attendee{who}}
			if err := w.create(&a); err != nil {
				return err
			}
		}
	}
	if y == ActivityYears[0] {
		date := fmt.Sprintf("%d-07-08", y)
		a := data.Activity{Kind: data.ActAward, Type: "约谈", Level: "县", Title: "连续两次无故缺席常委会议，由县政协主席约谈",
			Date: date, Members: w.authors(date, 1)}
		if err := w.create(&a); err != nil {
			return err
		}
	}
	for i := range 12 + w.rng.IntN(8) {
		date := workday(fmt.Sprintf("%d-%02d-%02d", y, 1+i%12, 1+w.rng.IntN(27)))
		a := data.Activity{Kind: data.ActRecord, Type: "学习笔记", Title: pick(w.rng, studyTitles), Date: date,
			Members: w.authors(date, 1)}
		if err := w.create(&a); err != nil {
			return err
		}
	}
	for i := range 4 + w.rng.IntN(3) {
		date := workday(fmt.Sprintf("%d-%02d-%02d", y, 4+i, 1+w.rng.IntN(27)))
		a := data.Activity{Kind: data.ActRecord, Type: "调研报告", Title: pick(w.rng, reportTitles), Date: date,
			Members: w.authors(date, 1+w.rng.IntN(3))}
		if err := w.create(&a); err != nil {
			return err
		}
	}
	return w.adjustments(y)
}
