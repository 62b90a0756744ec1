package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"zhengxie/data"
	"zhengxie/data/assess"
)

// ActivityYears are the assessment years the demo records 履职 for.
var ActivityYears = []int{2025, 2026}

// ActivityCounts says what writeActivities entered.
type ActivityCounts struct {
	Events     int // meetings and activities (小组讨论 included)
	Attendance int // participant rows of the events
	Speeches   int
	Infos      int // 社情民意
	Awards     int
	Records    int
	Adjust     int // manual 加分/扣分
}

// actWriter makes up one term's 履职 records and saves each at once
// through the store's public methods (CreateActivity, SaveAdjustment): one
// short transaction per record, a few hundred in all.
type actWriter struct {
	ctx     context.Context
	s       *data.Store
	rng     *rand.Rand
	term    data.Term
	today   string
	members []data.Member
	byID    map[int64]data.Member
	n       ActivityCounts
}

// writeActivities enters the term's 履职 records of 2025 and 2026 up to
// today: the 全体会议 with its 小组讨论 and 大会发言, 常委会议, 主席会议,
// 专题协商会, 调研/视察/民主监督 and other activities with attendance,
// 社情民意 (some converted from proposals), awards, county records and a
// few manual adjustments.
func writeActivities(ctx context.Context, s *data.Store, t data.Term, seed int64, today string) (ActivityCounts, error) {
	w := &actWriter{ctx: ctx, s: s, term: t, today: today, byID: map[int64]data.Member{},
		rng: rand.New(rand.NewPCG(uint64(seed), 0x6c7a_6875_6f64))}
	var err error
	if w.members, err = s.ListMembers(ctx, data.MemberFilter{TermID: t.ID}); err != nil {
		return w.n, err
	}
	for _, m := range w.members {
		w.byID[m.Membership.ID] = m
	}
	sessions, err := s.ListSessions(ctx, t.ID)
	if err != nil {
		return w.n, err
	}
	for _, y := range ActivityYears {
		if fmt.Sprintf("%d-01-01", y) > today {
			break
		}
		for _, steps := range []func(int, []data.Session) error{w.plenary, w.meetings, w.training, w.activities, w.infos, w.honours} {
			if err := steps(y, sessions); err != nil {
				return w.n, fmt.Errorf("populate demo: %d activities: %w", y, err)
			}
		}
	}
	return w.n, nil
}

// serving reports whether a member sat on date: not added later, not gone before.
func serving(m data.Member, date string) bool {
	switch m.Status {
	case "增补":
		return m.StatusDate == "" || m.StatusDate <= date
	case "", "在任":
		return true
	}
	return m.StatusDate == "" || m.StatusDate > date
}

// attendees are the members among list serving on date, with a made-up
// attendance: mostly 出席, some 请假, rarely 缺席 or 迟到.
func (w *actWriter) attendees(list []data.Attendee, date string, presentPct int) []data.Attendee {
	var out []data.Attendee
	for _, a := range list {
		m, ok := w.byID[a.MembershipID]
		if !ok || !serving(m, date) {
			continue
		}
		a.Status = data.AttPresent
		switch r := w.rng.IntN(100); {
		case r < presentPct:
		case r < presentPct+(100-presentPct)*7/10:
			a.Status = data.AttLeave
		case r < presentPct+(100-presentPct)*8/10:
			a.Status = data.AttLate
		case r < presentPct+(100-presentPct)*9/10:
			a.Status = data.AttAbsent
		default:
			a.Status = pick(w.rng, []string{data.AttLeaveRefused, data.AttEarly})
		}
		out = append(out, a)
	}
	return out
}

// everyone is the term's roster as attendees, those for whom keep holds.
func (w *actWriter) everyone(keep func(data.Member) bool) []data.Attendee {
	var out []data.Attendee
	for _, m := range w.members {
		if keep(m) {
			out = append(out, data.Attendee{MembershipID: m.Membership.ID, Name: m.Name})
		}
	}
	return out
}

func (w *actWriter) create(a *data.Activity) error {
	if a.Date > w.today {
		return nil
	}
	a.TermID = w.term.ID
	a.EnteredBy = "政协办公室"
	if err := w.s.CreateActivity(w.ctx, a); err != nil {
		return fmt.Errorf("%s %s: %w", a.Date, a.Title, err)
	}
	switch a.Kind {
	case data.ActEvent:
		w.n.Events++
		w.n.Attendance += len(a.Members)
	case data.ActSpeech:
		w.n.Speeches++
	case data.ActInfo:
		w.n.Infos++
	case data.ActAward:
		w.n.Awards++
	case data.ActRecord:
		w.n.Records++
	}
	return nil
}

// plenary is the year's 全体会议 with one 小组讨论 per 活动组 and the 大会发言.
func (w *actWriter) plenary(y int, sessions []data.Session) error {
	var sess *data.Session
	for i := range sessions {
		if strings.HasPrefix(sessions[i].StartDate, fmt.Sprintf("%d-", y)) {
			sess = &sessions[i]
		}
	}
	if sess == nil || sess.StartDate > w.today {
		return nil
	}
	title := data.CommitteeTitle(committee, w.term) + sess.SessionName()
	all := w.everyone(func(data.Member) bool { return true })
	meeting := data.Activity{Kind: data.ActEvent, Type: "全体会议", Title: title, Date: sess.StartDate,
		EndDate: sess.EndDate, Organizer: "县政协办公室", Place: "县会议中心",
		Members: w.attendees(all, sess.StartDate, 93)}
	if err := w.create(&meeting); err != nil {
		return err
	}
	names, err := w.s.CatalogNames(w.ctx, w.term.ID, data.KindGroup)
	if err != nil {
		return err
	}
	for i, g := range names {
		list, err := w.s.PickMembers(w.ctx, w.term.ID, data.KindGroup, g)
		if err != nil {
			return err
		}
		date := addDays(sess.StartDate, 1)
		sub := data.Activity{Kind: data.ActEvent, Type: "小组讨论", Title: fmt.Sprintf("%s第%s小组讨论", sess.SessionName(),
			data.ChineseNumber(i+1)), Date: date, Organizer: g, Place: fmt.Sprintf("县会议中心%d0%d会议室", 2+i/3, 1+i%3),
			ParentID: meeting.ID, Members: w.attendees(list, date, 92)}
		if err := w.create(&sub); err != nil {
			return err
		}
	}
	// 大会发言: a few spoken, more in writing; some adopted.
	speakers := present(meeting.Members)
	w.rng.Shuffle(len(speakers), func(i, j int) { speakers[i], speakers[j] = speakers[j], speakers[i] })
	oral, written := 5+w.rng.IntN(3), 10+w.rng.IntN(6)
	for i := 0; i < oral+written && i < len(speakers); i++ {
		form := "口头发言"
		if i >= oral {
			form = "书面发言"
		}
		who := []data.Attendee{{MembershipID: speakers[i].MembershipID, Name: speakers[i].Name}}
		if j := len(speakers) - 1 - i; form == "书面发言" && w.rng.IntN(5) == 0 && j > oral+written {
			who = append(who, data.Attendee{MembershipID: speakers[j].MembershipID, Name: speakers[j].Name})
		}
		topic := pick(w.rng, speechTopics)
		sp := data.Activity{Kind: data.ActSpeech, Type: form, Title: topic, Date: addDays(sess.StartDate, 2),
			Meeting: "全体会议", Adopted: w.rng.IntN(100) < 30, Members: who}
		if err := w.create(&sp); err != nil {
			return err
		}
	}
	return nil
}

func present(list []data.Attendee) []data.Attendee {
	var out []data.Attendee
	for _, a := range list {
		if a.Status == data.AttPresent || a.Status == data.AttLate {
			out = append(out, a)
		}
	}
	return out
}

// meetings are the 常委会议 (about every two months), 主席会议 and 专题协商会.
func (w *actWriter) meetings(y int, _ []data.Session) error {
	standing := w.everyone(func(m data.Member) bool { return m.Standing })
	chairs := w.everyone(func(m data.Member) bool { return m.Role == "主席" || m.Role == "副主席" || m.Role == "秘书长" })
	no := 0
	for month := 2; month <= 12; month += 2 {
		date := workday(fmt.Sprintf("%d-%02d-%02d", y, month, 10+w.rng.IntN(15)))
		no++
		topic := pick(w.rng, standingTopics)
		ev := data.Activity{Kind: data.ActEvent, Type: "常委会议", Title: fmt.Sprintf("县政协%s常委会第%s次会议（%s）",
			w.term.TermName(), data.ChineseNumber((y-2021)*6+no), topic), Date: date, Organizer: "县政协办公室",
			Place: "县政协三楼会议室", Members: w.attendees(standing, date, 88)}
		if err := w.create(&ev); err != nil {
			return err
		}
	}
	for month := 1; month <= 12; month += 2 {
		date := workday(fmt.Sprintf("%d-%02d-%02d", y, month, 3+w.rng.IntN(20)))
		ev := data.Activity{Kind: data.ActEvent, Type: "主席会议", Title: fmt.Sprintf("%d年第%s次主席会议", y,
			data.ChineseNumber((month+1)/2)), Date: date, Organizer: "县政协办公室", Place: "县政协二楼会议室",
			Members: w.attendees(chairs, date, 95)}
		if err := w.create(&ev); err != nil {
			return err
		}
	}
	committees, err := w.s.CatalogNames(w.ctx, w.term.ID, data.KindCommittee)
	if err != nil || len(committees) == 0 {
		return err
	}
	for i, month := range []int{5, 9} {
		c := committees[(y+i)%len(committees)]
		list, err := w.s.PickMembers(w.ctx, w.term.ID, data.KindCommittee, c)
		if err != nil {
			return err
		}
		list = mergeAttendees(list, standing)
		date := workday(fmt.Sprintf("%d-%02d-%02d", y, month, 12+w.rng.IntN(10)))
		ev := data.Activity{Kind: data.ActEvent, Type: "专题协商会", Title: pick(w.rng, consultTopics),
			Date: date, Organizer: c, Place: "县政协三楼会议室", Members: w.attendees(list, date, 90)}
		if err := w.create(&ev); err != nil {
			return err
		}
	}
	return nil
}

// mergeAttendees is a followed by those of b not in a.
func mergeAttendees(a, b []data.Attendee) []data.Attendee {
	seen := map[int64]bool{}
	for _, x := range a {
		seen[x.MembershipID] = true
	}
	out := slices.Clone(a)
	for _, x := range b {
		if !seen[x.MembershipID] {
			out = append(out, x)
		}
	}
	return out
}

// activities are 15–25 调研, 视察, 民主监督, 学习培训, 界别活动 and 公益活动 a
// year, each for a 专委会, a 界别 or an 活动组.
func (w *actWriter) activities(y int, _ []data.Session) error {
	kinds := map[string]string{"调研": data.KindCommittee, "视察": data.KindCommittee, "民主监督": data.KindCommittee,
		"学习培训": data.KindGroup, "界别活动": data.KindSector, "公益活动": data.KindGroup}
	lists := map[string][]string{}
	for _, k := range []string{data.KindCommittee, data.KindGroup, data.KindSector} {
		names, err := w.s.CatalogNames(w.ctx, w.term.ID, k)
		if err != nil {
			return err
		}
		lists[k] = names
	}
	n := 15 + w.rng.IntN(11)
	for i := range n {
		typ := pick(w.rng, []string{"调研", "调研", "调研", "视察", "视察", "民主监督", "学习培训", "界别活动", "界别活动", "公益活动"})
		names := lists[kinds[typ]]
		if len(names) == 0 {
			continue
		}
		org := pick(w.rng, names)
		list, err := w.s.PickMembers(w.ctx, w.term.ID, kinds[typ], org)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			continue
		}
		// Spread over the year outside the plenary month.
		date := workday(fmt.Sprintf("%d-%02d-%02d", y, 2+i*10/n, 1+w.rng.IntN(27)))
		title := fmt.Sprintf(pick(w.rng, activityTitles[typ]), org)
		ev := data.Activity{Kind: data.ActEvent, Type: typ, Title: title, Date: date, Organizer: org,
			Place: pick(w.rng, places), Members: w.attendees(list, date, 84)}
		if err := w.create(&ev); err != nil {
			return err
		}
	}
	return nil
}

// adjustments are a few manual 加分/扣分 with their reasons.
func (w *actWriter) adjustments(y int) error {
	for i, a := range adjustmentReasons {
		date := fmt.Sprintf("%d-%s", y, a.day)
		if date > w.today {
			continue
		}
		m := w.members[(y*7+i*53)%len(w.members)]
		if !serving(m, date) {
			continue
		}
		adj := data.Adjustment{Year: y, MembershipID: m.Membership.ID, Points: assess.Int(a.points),
			Reason: a.reason, Date: date, EnteredBy: "政协办公室"}
		if err := w.s.SaveAdjustment(w.ctx, &adj); err != nil {
			return err
		}
		w.n.Adjust++
	}
	return nil
}
