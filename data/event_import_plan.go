package data

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"zhengxie/data/validate"
)

// eventPlanner checks event rows against one term's roster and lists.
type eventPlanner struct {
	plan   *EventImportPlan
	lists  eventLists
	opts   EventImportOptions
	roster map[string][]Member // by squashed name
	multi  bool                // rows come from several sheets: messages name the sheet
	index  map[string]int      // eventKey → index in plan.Events
	seen   []map[string]int    // per event: participant key → row
}

func (s *Store) planEvents(ctx context.Context, tx *sql.Tx, termID int64, rows []EventRow, opts EventImportOptions,
	lists eventLists) (EventImportPlan, error) {
	plan := EventImportPlan{Types: lists.cfg.EventTypes}
	pl := &eventPlanner{plan: &plan, lists: lists, opts: opts, roster: map[string][]Member{}, index: map[string]int{}}
	q, err := tx.QueryContext(ctx, memberSelect+" WHERE m.term_id = ? AND m.deleted_at IS NULL", termID)
	if err != nil {
		return plan, err
	}
	for q.Next() {
		m, err := scanMember(q)
		if err != nil {
			q.Close()
			return plan, err
		}
		pl.roster[squash(m.Name)] = append(pl.roster[squash(m.Name)], m)
	}
	q.Close()
	if err := q.Err(); err != nil {
		return plan, err
	}
	for _, r := range rows {
		pl.multi = pl.multi || r.Sheet != rows[0].Sheet
	}
	for _, g := range groupEventRows(rows) {
		pl.event(termID, g)
	}
	pl.finish()
	return plan, nil
}

// groupEventRows gathers the rows of each event as written (same sheet,
// title, date and type cells), in order of first appearance.
func groupEventRows(rows []EventRow) [][]EventRow {
	var groups [][]EventRow
	at := map[string]int{}
	for _, r := range rows {
		k := eventGroup(r)
		i, ok := at[k]
		if !ok {
			i = len(groups)
			at[k] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], r)
	}
	return groups
}

// eventGroup names the event a row belongs to as written: its sheet, title,
// date and type cells.
func eventGroup(r EventRow) string {
	return strings.Join([]string{r.Sheet, squash(r.Title), squash(r.Date), squash(r.Type)}, "|")
}

func (pl *eventPlanner) where(r EventRow, msg string) string {
	if pl.multi && r.Sheet != "" {
		return "工作表“" + r.Sheet + "”：" + msg
	}
	return msg
}

func (pl *eventPlanner) bad(r EventRow, field, msg string) {
	pl.plan.Issues = append(pl.plan.Issues, ImportIssue{Sheet: r.Sheet, Row: r.Row, Field: field, Msg: pl.where(r, msg)})
}

func (pl *eventPlanner) warn(r EventRow, field, msg string) {
	pl.plan.Warnings = append(pl.plan.Warnings, ImportIssue{Sheet: r.Sheet, Row: r.Row, Field: field, Msg: pl.where(r, msg)})
}

// event plans one group of rows: the event's own fields once, from its
// first row, then each participant.
func (pl *eventPlanner) event(termID int64, g []EventRow) {
	first := g[0]
	before := len(pl.plan.Issues)
	a := Activity{TermID: termID, Kind: ActEvent, EnteredBy: pl.opts.Actor}
	a.Title = strings.Join(strings.Fields(first.Title), " ")
	if a.Title == "" {
		pl.bad(first, EvColTitle, "缺少活动名称")
	}
	date, end, err := ParseEventDate(first.Date)
	switch {
	case strings.TrimSpace(first.Date) == "":
		pl.bad(first, EvColDate, "缺少日期")
	case err != nil:
		pl.bad(first, EvColDate, err.Error())
	}
	a.Date, a.EndDate = date, end
	a.Type = pl.eventType(first, a.Title)
	for _, r := range g {
		a.Organizer = orDefault(a.Organizer, strings.TrimSpace(r.Organizer))
		a.Place = orDefault(a.Place, strings.TrimSpace(r.Place))
	}
	if len(pl.plan.Issues) > before {
		return // the participants are checked once the event itself is readable
	}
	key := eventKey(a.Type, a.Title, a.Date)
	i, ok := pl.index[key]
	if !ok {
		i = len(pl.plan.Events)
		pl.index[key] = i
		pe := PlannedEvent{Sheet: first.Sheet, Action: ActionCreate, Activity: a}
		if id, stored := pl.lists.stored[key]; stored {
			pe.Action, pe.ExistingID = ActionSkip, id
		}
		pl.plan.Events = append(pl.plan.Events, pe)
		pl.seen = append(pl.seen, map[string]int{})
	}
	e := &pl.plan.Events[i]
	for _, r := range g {
		e.Rows = append(e.Rows, r.Row)
		if e.Action == ActionCreate {
			pl.participant(e, pl.seen[i], r)
		}
	}
}

// eventType reads the 类型 cell, or infers the type from the title.
func (pl *eventPlanner) eventType(r EventRow, title string) string {
	types := pl.lists.cfg.EventTypes
	list := strings.Join(types, "、")
	v := strings.TrimSpace(r.Type)
	if v == "" {
		if t, ok := InferEventType(title, types); ok {
			return t
		}
		pl.bad(r, EvColType, fmt.Sprintf("无法从活动名称判断类型，请填写类型（%s之一）", list))
		return ""
	}
	t, ok := MatchEventType(v, types)
	if !ok {
		pl.bad(r, EvColType, fmt.Sprintf("“%s”不在活动类型列表中（现有：%s；可在“设置 → 履职”中增加）", v, list))
	}
	return t
}

// participant matches one row's name to the roster and reads its status.
func (pl *eventPlanner) participant(e *PlannedEvent, seen map[string]int, r EventRow) {
	name := strings.Join(strings.Fields(r.Name), "")
	if name == "" {
		pl.bad(r, EvColName, "缺少姓名")
		return
	}
	status, note, ok := ParseAttendance(r.Status)
	if !ok {
		pl.bad(r, EvColStatus, fmt.Sprintf("“%s”无法识别，应为%s之一（“请假”即已批准的请假）",
			strings.TrimSpace(r.Status), strings.Join(AttendanceStatuses, "、")))
		return
	}
	at := Attendee{Name: name, Status: status, Role: strings.TrimSpace(r.Role),
		Note: strings.Trim(strings.Join([]string{note, strings.TrimSpace(r.Note)}, "；"), "；")}
	if at.Role == "" && slicesContains(pl.lists.cfg.Roles, at.Note) {
		at.Role, at.Note = at.Note, ""
	}
	m, ok := pl.member(r, name)
	if !ok {
		return
	}
	key := "n:" + squash(name)
	if m != nil {
		at.MembershipID, at.Name = m.Membership.ID, m.Name
		key = fmt.Sprintf("m:%d", m.Membership.ID)
	}
	if prev, dup := seen[key]; dup {
		pl.bad(r, EvColName, fmt.Sprintf("“%s”在本活动中已出现在第 %d 行", name, prev))
		return
	}
	seen[key] = r.Row
	e.Activity.Members = append(e.Activity.Members, at)
}

// member finds the roster member a row names: by name, and by 界别 when
// the term has several members of that name. nil with ok means a name
// kept without a member.
func (pl *eventPlanner) member(r EventRow, name string) (m *Member, ok bool) {
	found := pl.roster[squash(name)]
	sector := strings.TrimSpace(r.Sector)
	if len(found) > 1 && sector != "" {
		var same []Member
		for _, x := range found {
			if squash(x.Sector) == squash(sector) {
				same = append(same, x)
			}
		}
		found = same
		if len(found) == 0 {
			pl.bad(r, EvColSector, fmt.Sprintf("名册中的“%s”都不在%s界别", name, sector))
			return nil, false
		}
	}
	switch {
	case len(found) == 1:
		if sector != "" && squash(found[0].Sector) != squash(sector) {
			pl.warn(r, EvColSector, fmt.Sprintf("“%s”在名册中的界别是%s，表中写的是%s；按名册导入", name, found[0].Sector, sector))
		}
		return &found[0], true
	case len(found) > 1:
		pl.bad(r, EvColName, fmt.Sprintf("姓名“%s”在名册中有%d人，请填写界别", name, len(found)))
		return nil, false
	case pl.opts.KeepUnmatched:
		pl.warn(r, EvColName, fmt.Sprintf("本届名册中没有“%s”，只记录姓名（不计入考核）", name))
		return nil, true
	}
	pl.bad(r, EvColName, fmt.Sprintf("本届名册中没有“%s”；如是列席或往届人员，可选择保留名册中没有的人员", name))
	return nil, false
}

// finish checks every new event as the store will and counts the plan.
func (pl *eventPlanner) finish() {
	for i := range pl.plan.Events {
		e := &pl.plan.Events[i]
		if e.Action == ActionSkip {
			pl.plan.Skipped++
			continue
		}
		e.Activity.Normalize()
		first := EventRow{Sheet: e.Sheet, Row: e.Rows[0]}
		if len(e.Activity.Members) == 0 {
			continue // every row has a problem already
		}
		for _, v := range e.Activity.Validate(pl.lists.cfg) {
			pl.bad(first, v.Field, v.Msg)
		}
		pl.plan.Created++
		pl.plan.People += len(e.Activity.Members)
	}
}

func slicesContains(list []string, v string) bool {
	for _, x := range list {
		if v != "" && x == v {
			return true
		}
	}
	return false
}

// attendanceWords are the ways sheets write an attendance status.
var attendanceWords = map[string]string{}

func init() {
	for status, words := range map[string][]string{
		AttPresent: {"出席", "到会", "参加", "参会", "已参加", "已到", "到", "到场", "出勤", "签到", "已签到", "在", "√", "✓", "✔",
			"是", "y", "yes", "1", "○", "〇", "正常", "按时", "已出席", "出席会议", "列席", "参加活动", "到会(签到)"},
		AttLeave: {"请假", "已请假", "请假(已批准)", "请假已批准", "准假", "批准请假", "事假", "病假", "公假", "公出", "因公请假",
			"假", "请假(批准)", "请假(准)", "请假(同意)"},
		AttLeaveRefused: {"请假(未批准)", "请假未批准", "未批准", "未准假", "请假未准", "请假(未准)", "请假(不批准)",
			"请假不批准", "请假(未同意)"},
		AttAbsent: {"缺席", "无故缺席", "缺席(无故)", "未到", "未参加", "未出席", "缺勤", "旷会", "×", "✗", "✘", "否",
			"n", "no", "0", "无故未到", "未请假", "未到会", "未请假缺席", "缺会"},
		AttLate:  {"迟到"},
		AttEarly: {"早退"},
	} {
		for _, w := range words {
			attendanceWords[squash(w)] = status
		}
	}
}

var bracketed = regexp.MustCompile(`^(.+?)\((.*)\)$`)

// ParseAttendance reads an attendance cell into one of AttendanceStatuses:
// 出席/到会/√ …, 请假 (approved unless it says 未批准), 缺席/无故缺席, 迟到,
// 早退; empty means 出席. A reason in brackets or after a colon — 请假（出差）,
// 请假：住院 — comes back as note. ok is false for text it cannot place.
func ParseAttendance(v string) (status, note string, ok bool) {
	s := strings.ToLower(squash(v))
	if s == "" {
		return AttPresent, "", true
	}
	if st, ok := attendanceWords[s]; ok {
		return st, "", true
	}
	base, rest := s, ""
	if m := bracketed.FindStringSubmatch(s); m != nil {
		base, rest = m[1], m[2]
	} else if i := strings.IndexAny(s, ":：,，、;；-"); i > 0 {
		base, rest = s[:i], strings.TrimLeft(s[i:], ":：,，、;；-")
	}
	st, ok := attendanceWords[base]
	switch {
	case !ok:
		return "", "", false
	case st == AttLeave && containsAny(rest, "未批", "不批", "未准", "未同意", "不同意"):
		return AttLeaveRefused, "", true
	case containsAny(rest, "无故", "已批准", "批准", "同意") && len([]rune(rest)) <= 3:
		rest = ""
	}
	return st, rest, true
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// ParseEventDate reads the date cell of an event: 2026-03-05, 2026/3/5,
// 2026年3月5日, 2026.3.5, an Excel serial, with a weekday or time of day
// tolerated, and a range (2026年3月5日至7日, 2026.3.5—3.7) giving the last
// day as end. The error is a Chinese sentence quoting the cell.
func ParseEventDate(v string) (date, end string, err error) {
	s := strings.TrimSpace(v)
	s = weekday.ReplaceAllString(s, "")
	s = dayPart.ReplaceAllString(s, "")
	s = strings.TrimSpace(s)
	if s == "" {
		return "", "", nil
	}
	if d, err := validate.Date(s); err == nil {
		return d, "", nil
	}
	parts := rangeSep.Split(s, 2)
	if len(parts) == 2 {
		d, err := validate.Date(strings.TrimSpace(parts[0]))
		if err == nil && d != "" {
			if e, ok := completeEnd(d, strings.TrimSpace(parts[1])); ok {
				if e < d {
					return "", "", UserErr(fmt.Sprintf("“%s”结束日期早于开始日期", strings.TrimSpace(v)))
				}
				return d, e, nil
			}
		}
	}
	switch _, err = validate.Date(s); {
	case err == nil:
		err = UserErr(fmt.Sprintf("“%s”无法识别，请写成 2026-03-05 或 2026年3月5日 的形式", strings.TrimSpace(v)))
	case !strings.Contains(err.Error(), "“"):
		err = UserErrf(err, "“%s”：%s", strings.TrimSpace(v), err.Error()) // validate's sentence
	default:
		err = userSentence(err)
	}
	return "", "", err
}

var (
	weekday  = regexp.MustCompile(`[(（]?(星期|周|礼拜)[一二三四五六日天][)）]?`)
	dayPart  = regexp.MustCompile(`(上午|下午|晚上|中午|全天)?\s*(\d{1,2}\s*[:：]\s*\d{2})?\s*$`)
	rangeSep = regexp.MustCompile(`\s*(至|到|—+|－|～|~|–|日\s*-)\s*`)
	endDay   = regexp.MustCompile(`^(?:(\d{1,2})\s*[月./\-])?\s*(\d{1,2})\s*[日号]?$`)
)

// completeEnd reads the end of a range, which may leave out the year and
// month of its start: 7日, 3月7日, 3.7, or a full date.
func completeEnd(start, v string) (string, bool) {
	m := endDay.FindStringSubmatch(v)
	if m == nil {
		d, err := validate.Date(v)
		return d, err == nil && d != ""
	}
	month, _ := strconv.Atoi(start[5:7])
	if m[1] != "" {
		month, _ = strconv.Atoi(m[1])
	}
	day, _ := strconv.Atoi(m[2])
	d, err := validate.Date(fmt.Sprintf("%s-%02d-%02d", start[:4], month, day))
	return d, err == nil
}
