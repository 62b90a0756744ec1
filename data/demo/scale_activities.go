package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"zhengxie/data"
)

// Yearly 履职 volume per county: activities of 专委会, 活动组 and 界别
// (sampled participants), 社情民意 and 大会发言.
const (
	scaleActivitiesPerYear = 125
	scaleSpeechesPerYear   = 15
)

// writeActivities writes the term's 履职 records of every year it covers:
// the 全体会议 with a 小组讨论 per 活动组 and its 大会发言, six 常委会议,
// six 主席会议, two 专题协商会, two trainings of all members, the
// activities and the 社情民意.
func (sc *scaler) writeActivities(w *txWriter, sum *ScaleSummary) error {
	if len(sc.sessions) == 0 {
		return nil
	}
	from := sc.sessions[0].StartDate
	until := min(sc.today, fmt.Sprintf("%d-09-25", sc.term.EndYear))
	rng := sc.rng
	sc.byCommittee, sc.bySector, sc.byGroup = map[string][]data.Attendee{}, map[string][]data.Attendee{}, map[string][]data.Attendee{}
	for _, m := range sc.members {
		a := data.Attendee{MembershipID: m.Membership.ID, Name: m.Name}
		sc.byCommittee[m.Committee] = append(sc.byCommittee[m.Committee], a)
		sc.bySector[m.Sector] = append(sc.bySector[m.Sector], a)
		sc.byGroup[m.Group] = append(sc.byGroup[m.Group], a)
	}
	for y := year(from); fmt.Sprintf("%d-01-01", y) <= until; y++ {
		in := func(date string) bool { return date >= from && date <= until }
		for _, x := range sc.sessions {
			if year(x.StartDate) == y && in(x.StartDate) {
				sc.plenary(w, x, sum)
			}
		}
		standing := sc.roster(func(m data.Member) bool { return m.Standing })
		chairs := sc.roster(func(m data.Member) bool { return m.Role == "主席" || m.Role == "副主席" || m.Role == "秘书长" })
		for i := range 6 {
			d := workday(fmt.Sprintf("%d-%02d-%02d", y, 2+2*i, 10+rng.IntN(15)))
			if in(d) {
				sc.event(w, sum, "常委会议", fmt.Sprintf("县政协%s常委会会议（%s）", sc.term.TermName(),
					pick(rng, standingTopics)), d, "县政协办公室", standing, 88)
			}
			d = workday(fmt.Sprintf("%d-%02d-%02d", y, 1+2*i, 3+rng.IntN(20)))
			if in(d) {
				sc.event(w, sum, "主席会议", fmt.Sprintf("%d年第%s次主席会议", y, data.ChineseNumber(i+1)), d,
					"县政协办公室", chairs, 95)
			}
		}
		for _, m := range []int{4, 10} {
			d := workday(fmt.Sprintf("%d-%02d-%02d", y, m, 5+rng.IntN(20)))
			if in(d) {
				sc.event(w, sum, "学习培训", fmt.Sprintf("%d年度委员履职能力培训", y), d, "县政协办公室",
					sc.roster(func(data.Member) bool { return true }), 85)
			}
		}
		for _, m := range []int{5, 9} {
			d := workday(fmt.Sprintf("%d-%02d-%02d", y, m, 12+rng.IntN(10)))
			if in(d) {
				sc.event(w, sum, "专题协商会", pick(rng, consultTopics), d, "县政协办公室",
					sample(rng, sc.roster(func(data.Member) bool { return true }), 60*sc.scale), 90)
			}
		}
		for range scaleActivitiesPerYear * sc.scale {
			sc.activity(w, sum, y, in)
		}
		for range scaleInfos * sc.scale / 10 {
			if d := workday(fmt.Sprintf("%d-%02d-%02d", y, 1+rng.IntN(12), 1+rng.IntN(28))); in(d) {
				sc.info(w, sum, d)
			}
		}
	}
	return w.err()
}

// roster is the term's members (as attendees) for whom keep holds.
func (sc *scaler) roster(keep func(data.Member) bool) []data.Attendee {
	var out []data.Attendee
	for _, m := range sc.members {
		if keep(m) {
			out = append(out, data.Attendee{MembershipID: m.Membership.ID, Name: m.Name})
		}
	}
	return out
}

// sample is n of list drawn at random, in list order.
func sample(rng *rand.Rand, list []data.Attendee, n int) []data.Attendee {
	if n >= len(list) {
		return list
	}
	keep := map[int]bool{}
	for len(keep) < n {
		keep[rng.IntN(len(list))] = true
	}
	var out []data.Attendee
	for i, a := range list {
		if keep[i] {
			out = append(out, a)
		}
	}
	return out
}

// event writes a meeting or activity with the attendance of those in list
// serving on date, and returns its id.
func (sc *scaler) event(w *txWriter, sum *ScaleSummary, typ, title, date, org string, list []data.Attendee, presentPct int) int64 {
	a := data.Activity{Kind: data.ActEvent, Type: typ, Title: title, Date: date, Organizer: org, Place: pick(sc.rng, places)}
	for _, x := range list {
		if serving(sc.byMembership(x.MembershipID), date) {
			x.Status = attendStatus(sc.rng, presentPct)
			a.Members = append(a.Members, x)
		}
	}
	sum.Events++
	sum.Attendance += len(a.Members)
	return sc.writeActivity(w, &a)
}

func (sc *scaler) byMembership(id int64) data.Member { return sc.members[sc.memberIdx[id]] }

// plenary writes a session's 全体会议, its 小组讨论 (one per 活动组) and
// the 大会发言.
func (sc *scaler) plenary(w *txWriter, x data.Session, sum *ScaleSummary) {
	all := sc.roster(func(data.Member) bool { return true })
	title := data.CommitteeTitle(committee, sc.term) + x.SessionName()
	id := sc.event(w, sum, "全体会议", title, x.StartDate, "县政协办公室", all, 93)
	groups := map[string][]data.Attendee{}
	var order []string
	for _, m := range sc.members {
		if m.Group != "" {
			if groups[m.Group] == nil {
				order = append(order, m.Group)
			}
			groups[m.Group] = append(groups[m.Group], data.Attendee{MembershipID: m.Membership.ID, Name: m.Name})
		}
	}
	for i, g := range order {
		sub := sc.event(w, sum, "小组讨论", fmt.Sprintf("%s第%s小组讨论", x.SessionName(), data.ChineseNumber(i+1)),
			addDays(x.StartDate, 1), g, groups[g], 92)
		w.exec("UPDATE activity SET parent_id = ? WHERE id = ?", id, sub)
	}
	for i := range scaleSpeechesPerYear * sc.scale {
		who := pick(sc.rng, all)
		form := map[bool]string{true: "口头发言", false: "书面发言"}[i%3 == 0]
		a := data.Activity{Kind: data.ActSpeech, Type: form, Title: pick(sc.rng, speechTopics),
			Date: addDays(x.StartDate, 2), Meeting: "全体会议", Adopted: chance(sc.rng, 30), Members: []data.Attendee{who}}
		sc.writeActivity(w, &a)
		sum.Speeches++
	}
}

// activity writes one 调研, 视察, 民主监督, 界别活动 or 公益活动 of a
// 专委会, 活动组 or 界别, with 15 to 45 of its members taking part.
func (sc *scaler) activity(w *txWriter, sum *ScaleSummary, y int, in func(string) bool) {
	typ := pick(sc.rng, []string{"调研", "调研", "调研", "视察", "视察", "民主监督", "界别活动", "界别活动", "公益活动"})
	m := pick(sc.rng, sc.members)
	org, lists := m.Committee, sc.byCommittee
	switch typ {
	case "界别活动":
		org, lists = m.Sector, sc.bySector
	case "公益活动":
		org, lists = m.Group, sc.byGroup
	}
	d := workday(fmt.Sprintf("%d-%02d-%02d", y, 2+sc.rng.IntN(11), 1+sc.rng.IntN(28)))
	if org == "" || !in(d) {
		return
	}
	title := fmt.Sprintf(pick(sc.rng, activityTitles[typ]), org)
	sc.event(w, sum, typ, title, d, org, sample(sc.rng, lists[org], 15+sc.rng.IntN(31)), 84)
}

// info writes a 社情民意 by one to three members; a third are adopted,
// some by higher levels, a few with a leader's 批示.
func (sc *scaler) info(w *txWriter, sum *ScaleSummary, date string) {
	a := data.Activity{Kind: data.ActInfo, Title: pick(sc.rng, infoTitles), Date: date, Source: data.SourceDirect,
		Counted: true, EnteredBy: pick(sc.rng, staff)}
	for n, tries := 1+sc.rng.IntN(3), 0; len(a.Members) < n && tries < 20; tries++ {
		m := pick(sc.rng, sc.members)
		if serving(m, date) && !slices.ContainsFunc(a.Members, func(x data.Attendee) bool { return x.MembershipID == m.Membership.ID }) {
			a.Members = append(a.Members, data.Attendee{MembershipID: m.Membership.ID, Name: m.Name})
		}
	}
	if chance(sc.rng, 60) {
		a.Issue, a.IssueDate = fmt.Sprintf("%d年第%d期", year(date), 1+sc.rng.IntN(40)), addDays(date, 7)
	}
	if a.Issue != "" && chance(sc.rng, 50) {
		level := pick(sc.rng, []string{"县委县政府", "县委县政府", "县委县政府", "市政协", "市政协", "省政协", "全国政协"})
		a.Adoptions = append(a.Adoptions, data.Adoption{Kind: "采用", Level: level,
			Mode: pick(sc.rng, []string{"单篇", "转送"}), Date: addDays(date, 20)})
		if chance(sc.rng, 10) {
			a.Adoptions = append(a.Adoptions, data.Adoption{Kind: "批示", Level: "县",
				Leader: pick(sc.rng, topLeaders), Date: addDays(date, 30)})
		}
	}
	sum.Infos++
	sc.writeActivity(w, &a)
}

const activityInsert = `INSERT INTO activity(term_id, kind, type, title, date, end_date, organizer, place, parent_id,
	meeting, adopted, level, issue, issue_date, source, proposal_id, counted, note, entered_by, created_at, updated_at)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// writeActivity inserts an activity with its members and adoptions.
func (sc *scaler) writeActivity(w *txWriter, a *data.Activity) int64 {
	if a.EnteredBy == "" {
		a.EnteredBy = staff[0]
	}
	at := stamp(a.Date)
	a.ID = w.exec(activityInsert, sc.term.ID, a.Kind, a.Type, strings.TrimSpace(a.Title), a.Date, a.EndDate,
		a.Organizer, a.Place, nullID(a.ParentID), a.Meeting, a.Adopted, a.Level, a.Issue, a.IssueDate, a.Source,
		nullID(a.ProposalID), a.Counted, a.Note, a.EnteredBy, at, at)
	for i, x := range a.Members {
		w.exec(`INSERT INTO activity_member(activity_id, seq, membership_id, name, status, role, note)
			VALUES (?, ?, ?, ?, ?, ?, '')`, a.ID, i+1, nullID(x.MembershipID), x.Name, x.Status, x.Role)
	}
	for i, x := range a.Adoptions {
		w.exec(`INSERT INTO adoption(activity_id, seq, kind, level, mode, leader, date, note) VALUES (?, ?, ?, ?, ?, ?, ?, '')`,
			a.ID, i+1, x.Kind, x.Level, x.Mode, x.Leader, x.Date)
	}
	return a.ID
}
