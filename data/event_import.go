package data

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
)

// Column labels of an events/attendance workbook. Every problem of an
// events import names one of them.
const (
	EvColDate      = "日期"
	EvColTitle     = "活动名称"
	EvColType      = "类型"
	EvColOrganizer = "主办单位"
	EvColPlace     = "地点"
	EvColName      = FieldName   // 姓名
	EvColSector    = FieldSector // 界别
	EvColStatus    = "出席情况"
	EvColRole      = "角色"
	EvColNote      = FieldNote // 备注
)

// EventRow is one participant of one event read from a workbook: the
// event's fields (repeated on each participant of a one-row-per-person
// sheet, or taken from the title lines of a one-sheet-per-event sheet) and
// the participant's. Values are as typed (real Excel dates already as
// YYYY-MM-DD); the plan reads and checks them.
type EventRow struct {
	Sheet                               string // worksheet
	Row                                 int    // 1-based sheet row
	Type, Title, Date, Organizer, Place string
	Name, Sector, Status, Role, Note    string
}

// EventImportOptions are the choices a user makes for an events import.
type EventImportOptions struct {
	Actor string // the staff member importing (录入人)
	// KeepUnmatched keeps participants who are not on the term's roster
	// by name (never scored), with a warning instead of a problem.
	KeepUnmatched bool
	Source        string // the file's name, for the audit line
	// SkipBad imports the events without problems and leaves the rows of
	// the others out (EventImportPlan.Left, EventImportResult.Left): an
	// event with a problem in any of its rows is left out whole, so that
	// its fixed rows import it complete.
	SkipBad bool
}

// PlannedEvent says what importing one event will do.
type PlannedEvent struct {
	Sheet      string
	Rows       []int  // sheet rows of its participants; problems of the event itself name the first
	Action     string // ActionCreate or ActionSkip (the term already has this event)
	Activity   Activity
	ExistingID int64 // ActionSkip: the stored event
}

// Attendance counts the event's participants: present (出席, 迟到, 早退),
// on leave (请假, approved or not) and absent.
func (e PlannedEvent) Attendance() (present, leave, absent int) {
	for _, m := range e.Activity.Members {
		switch m.Status {
		case AttLeave, AttLeaveRefused:
			leave++
		case AttAbsent:
			absent++
		default:
			present++
		}
	}
	return present, leave, absent
}

// EventImportPlan is the preview of an events import: the events found
// (in the order of the workbook), the problems that block it, the warnings
// that do not.
type EventImportPlan struct {
	Events   []PlannedEvent
	Issues   []ImportIssue // problems: nothing is imported while any exists
	Warnings []ImportIssue // shown in the preview; the events are imported
	Skipped  int           // events the term already has
	Created  int           // events to be added
	People   int           // participations (人次) of the events to be added
	Types    []string      // the event types allowed (设置 → 履职)
	Left     []LeftRow     // SkipBad: the rows left out, with their problems
}

// OK reports whether the plan can be applied.
func (p EventImportPlan) OK() bool { return len(p.Issues) == 0 }

// Summary is the sentence a preview shows: what will be imported, or why
// nothing can be.
func (p EventImportPlan) Summary() string {
	if !p.OK() {
		return fmt.Sprintf("发现 %d 处问题，不能导入。请在 Excel 中修改后重新导入；数据库未做任何更改。", len(p.Issues))
	}
	s := fmt.Sprintf("共 %d 个活动，可以导入：新增 %d 个活动（%d 人次）", len(p.Events), p.Created, p.People)
	if p.Skipped > 0 {
		s += fmt.Sprintf("，跳过已导入的 %d 个", p.Skipped)
	}
	s += "。"
	if len(p.Warnings) > 0 {
		s += fmt.Sprintf("另有 %d 条提示，不影响导入。", len(p.Warnings))
	}
	return s
}

// EventImportResult says what an events import did.
type EventImportResult struct {
	Created int       // events added
	People  int       // participations added
	Skipped int       // events the term already had
	Left    []LeftRow // SkipBad: the rows left out, with their problems
}

// PlanEventImport reads and checks event rows for one term without
// writing anything.
func (s *Store) PlanEventImport(ctx context.Context, termID int64, rows []EventRow, opts EventImportOptions) (EventImportPlan, error) {
	known, err := s.eventImportLists(ctx, termID)
	if err != nil {
		return EventImportPlan{}, fmt.Errorf("plan event import: %w", err)
	}
	var plan EventImportPlan
	err = s.inTx(ctx, func(tx *sql.Tx) (err error) {
		plan, err = s.planEventRows(ctx, tx, termID, rows, opts, known)
		return err
	})
	if err != nil {
		return EventImportPlan{}, fmt.Errorf("plan event import: %w", err)
	}
	return plan, nil
}

// ImportEvents imports event rows into a term in one transaction: all
// events or none. It re-plans inside the transaction and writes nothing
// when the plan has any problem (ErrImportHasIssues). Events the term
// already has (same type, title and date) are skipped, so importing the
// same workbook twice adds nothing the second time.
func (s *Store) ImportEvents(ctx context.Context, termID int64, rows []EventRow, opts EventImportOptions) (EventImportResult, error) {
	known, err := s.eventImportLists(ctx, termID)
	if err != nil {
		return EventImportResult{}, fmt.Errorf("import events: %w", err)
	}
	var res EventImportResult
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		plan, err := s.planEventRows(ctx, tx, termID, rows, opts, known)
		if err != nil {
			return err
		}
		if !plan.OK() {
			return ErrImportHasIssues
		}
		for _, e := range plan.Events {
			if e.Action != ActionCreate {
				continue
			}
			a := e.Activity
			if err := s.createActivity(ctx, tx, &a); err != nil {
				return fmt.Errorf("event at row %d: %w", e.Rows[0], err)
			}
		}
		res = EventImportResult{Created: plan.Created, People: plan.People, Skipped: plan.Skipped, Left: plan.Left}
		detail := fmt.Sprintf("从“%s”导入 %d 个活动（%d 人次），跳过已有 %d 个",
			orDefault(opts.Source, "Excel"), res.Created, res.People, res.Skipped)
		if len(res.Left) > 0 {
			detail += fmt.Sprintf("，有问题未导入 %d 行", len(res.Left))
		}
		return s.audit(ctx, tx, "导入", "履职活动", termID, detail)
	})
	if err != nil {
		return EventImportResult{}, fmt.Errorf("import events: %w", err)
	}
	return res, nil
}

// planEventRows plans rows, or with SkipBad the events without problems.
func (s *Store) planEventRows(ctx context.Context, tx *sql.Tx, termID int64, rows []EventRow, opts EventImportOptions,
	known eventLists) (EventImportPlan, error) {
	if !opts.SkipBad {
		return s.planEvents(ctx, tx, termID, rows, opts, known)
	}
	var plan EventImportPlan
	_, left, err := keepGood(rows, func(r EventRow) RowRef { return RowRef{Sheet: r.Sheet, Row: r.Row} }, eventGroup,
		func(rs []EventRow) (_ []ImportIssue, err error) {
			plan, err = s.planEvents(ctx, tx, termID, rs, opts, known)
			return plan.Issues, err
		})
	plan.Left = left
	return plan, err
}

// eventLists is what an events plan checks against besides the roster:
// the county's lists and the events the term already has.
type eventLists struct {
	cfg    ActivityConfig
	stored map[string]int64 // eventKey → id
}

// eventImportLists reads the lists before the plan's transaction (the
// store has one connection, and these readers open their own).
func (s *Store) eventImportLists(ctx context.Context, termID int64) (eventLists, error) {
	cfg, err := s.ActivityConfig(ctx)
	if err != nil {
		return eventLists{}, err
	}
	events, err := s.ListActivities(ctx, ActivityFilter{TermID: termID, Kind: ActEvent})
	if err != nil {
		return eventLists{}, err
	}
	l := eventLists{cfg: cfg, stored: map[string]int64{}}
	for _, e := range events {
		l.stored[eventKey(e.Type, e.Title, e.Date)] = e.ID
	}
	return l, nil
}

// eventKey identifies an event for re-imports: type, title (spacing and
// full-width forms ignored) and date.
func eventKey(typ, title, date string) string { return typ + "|" + squash(title) + "|" + date }

// eventTypeAliases are the short and long names offices use for the
// usual event types; a name counts only when the county's list has it.
var eventTypeAliases = map[string]string{
	"全会": "全体会议", "政协全会": "全体会议", "全委会": "全体会议", "全体委员会议": "全体会议", "全体会": "全体会议",
	"常委会": "常委会议", "常委会会议": "常委会议", "常务委员会议": "常委会议", "常务委员会会议": "常委会议",
	"主席会": "主席会议", "主席办公会": "主席会议", "主席办公会议": "主席会议",
	"协商会": "专题协商会", "专题协商": "专题协商会", "专题协商会议": "专题协商会", "协商座谈会": "专题协商会",
	"分组讨论": "小组讨论", "小组会": "小组讨论", "小组讨论会": "小组讨论", "分组会": "小组讨论",
	"培训": "学习培训", "学习": "学习培训", "培训班": "学习培训", "学习会": "学习培训", "委员培训": "学习培训",
	"考察": "调研", "调研活动": "调研", "专题调研": "调研", "视察活动": "视察", "专题视察": "视察",
	"值班": "委员工作室值班", "委员工作室": "委员工作室值班", "监督": "民主监督", "民主监督活动": "民主监督",
	"界别小组活动": "界别活动", "公益": "公益活动", "志愿服务": "公益活动",
}

// MatchEventType reads a 类型 cell into one of the county's event types:
// the name itself (spacing and full-width forms ignored), a usual short
// or long form (全会, 常委会, 专题调研 …), or text containing exactly one
// listed type, the longest.
func MatchEventType(v string, types []string) (string, bool) {
	s := squash(v)
	if s == "" {
		return "", false
	}
	for _, t := range types {
		if squash(t) == s {
			return t, true
		}
	}
	if t, ok := eventTypeAliases[s]; ok && slicesContains(types, t) {
		return t, true
	}
	return longestIn(s, types)
}

// Plenaries and standing-committee meetings as notices name them:
// 政协清河县第十一届委员会第五次会议.
var (
	standingMeeting = regexp.MustCompile(`(常务委员会|常委会)第.{1,6}次(全体)?会议`)
	plenaryMeeting  = regexp.MustCompile(`委员会第.{1,6}次(全体)?会议`)
)

// InferEventType guesses the type of an event from its title: a listed
// type the title contains (the longest), a short form (全会, 常委会 …), or
// the way notices name plenaries and standing-committee meetings
// (…委员会第五次会议, …常委会第十二次会议).
func InferEventType(title string, types []string) (string, bool) {
	s := squash(title)
	if s == "" {
		return "", false
	}
	guess := ""
	switch {
	case standingMeeting.MatchString(s):
		guess = "常委会议"
	case plenaryMeeting.MatchString(s):
		guess = "全体会议"
	}
	if guess != "" && slicesContains(types, guess) {
		return guess, true
	}
	if t, ok := longestIn(s, types); ok {
		return t, true
	}
	best := ""
	for alias, t := range eventTypeAliases {
		if len([]rune(alias)) >= 2 && strings.Contains(s, alias) && slicesContains(types, t) &&
			(len(alias) > len(best) || len(alias) == len(best) && alias < best) {
			best = alias
		}
	}
	if best != "" {
		return eventTypeAliases[best], true
	}
	return "", false
}

// longestIn returns the longest type that s contains.
func longestIn(s string, types []string) (string, bool) {
	best := ""
	for _, t := range types {
		if st := squash(t); st != "" && strings.Contains(s, st) && len(st) > len(squash(best)) {
			best = t
		}
	}
	return best, best != ""
}
