package data

import (
	"fmt"
	"slices"
	"strings"

	"zhengxie/data/validate"
)

// Normalize trims fields, drops empty attendee rows and sets defaults
// (event participant status 出席, info Counted/Source).
func (a *Activity) Normalize() {
	for _, f := range []*string{&a.Kind, &a.Type, &a.Title, &a.Organizer, &a.Place, &a.Meeting, &a.Level,
		&a.Issue, &a.Source, &a.Note, &a.EnteredBy} {
		*f = strings.TrimSpace(*f)
	}
	for _, f := range []*string{&a.Date, &a.EndDate, &a.IssueDate} {
		*f = normDate(*f)
	}
	var ms []Attendee
	for _, m := range a.Members {
		m.Name, m.Status, m.Role, m.Note = strings.TrimSpace(m.Name), strings.TrimSpace(m.Status),
			strings.TrimSpace(m.Role), strings.TrimSpace(m.Note)
		if m.Name == "" && m.MembershipID == 0 {
			continue
		}
		if a.Kind == ActEvent && m.Status == "" {
			m.Status = AttPresent
		}
		ms = append(ms, m)
	}
	a.Members = ms
	var ads []Adoption
	for _, x := range a.Adoptions {
		x.Kind, x.Level, x.Mode, x.Leader, x.Note = strings.TrimSpace(x.Kind), strings.TrimSpace(x.Level),
			strings.TrimSpace(x.Mode), strings.TrimSpace(x.Leader), strings.TrimSpace(x.Note)
		x.Date = normDate(x.Date)
		if x.Kind == "" && x.Level == "" && x.Leader == "" && x.Date == "" {
			continue
		}
		ads = append(ads, x)
	}
	a.Adoptions = ads
	if a.Kind == ActInfo && a.Source == "" {
		a.Source = SourceDirect
		if a.ID == 0 {
			a.Counted = true
		}
	}
	if a.Kind != ActInfo {
		a.Counted = true
	}
}

// normDate accepts the forms validate.Date understands and writes YYYY-MM-DD.
func normDate(s string) string {
	s = strings.TrimSpace(s)
	if v, err := validate.Date(s); err == nil && s != "" {
		return v
	}
	return s
}

// membersLabel is the Chinese label of an activity's member list.
func membersLabel(kind string) string {
	switch kind {
	case ActEvent:
		return "参加人员"
	case ActSpeech:
		return "发言人"
	case ActAward:
		return "委员"
	}
	return "作者"
}

func titleLabel(kind string) string {
	if kind == ActSpeech || kind == ActInfo {
		return "题目"
	}
	return "名称"
}

// Validate names every problem by its Chinese field label: 类型, 名称/题目,
// 日期 (YYYY-MM-DD), 参加人员/作者 (at least one; no member twice), 出席情况
// (one of AttendanceStatuses), 采用级别 …
func (a Activity) Validate(cfg ActivityConfig) ValidationErrors {
	var errs ValidationErrors
	add := func(field, msg string) { errs = append(errs, &ValidationError{field, msg}) }
	inList := func(field, v string, list []string, where string) {
		if !slices.Contains(list, v) {
			add(field, fmt.Sprintf("“%s”不在%s列表中（可在“设置”的“履职”页中增加）", v, where))
		}
	}
	// typed requires a type from its list; optional checks a value only when given.
	typed := func(msg string, list []string, where string) {
		a.need(add, "类型", msg)
		if a.Type != "" {
			inList("类型", a.Type, list, where)
		}
	}
	optional := func(field, v string, list []string, where string) {
		if v != "" {
			inList(field, v, list, where)
		}
	}
	switch a.Kind {
	case ActEvent:
		typed("请选择活动类型", cfg.EventTypes, "活动类型")
	case ActSpeech:
		typed("请选择口头发言或书面发言", cfg.SpeechForms, "发言形式")
		optional("会议", a.Meeting, cfg.SpeechMeetings, "发言会议")
	case ActAward:
		typed("请选择表彰、通报批评或约谈", cfg.AwardKinds, "表彰类型")
		optional("级别", a.Level, cfg.AwardLevels, "表彰级别")
	case ActRecord:
		typed("请选择履职类型", cfg.RecordTypes, "其他履职类型")
	case ActInfo:
		if a.Source != "" {
			inList("来源", a.Source, cfg.InfoSources, "信息来源")
		}
		if a.IssueDate != "" && !IsDate(a.IssueDate) {
			add("编发日期", "应为 YYYY-MM-DD 格式的日期，如 2026-03-15")
		}
	default:
		add("类别", "未知的履职类别“"+a.Kind+"”")
	}
	if a.TermID == 0 {
		add("届次", "请选择届次")
	}
	if a.Title == "" {
		add(titleLabel(a.Kind), "不能为空")
	} else if n := len([]rune(a.Title)); n > 200 {
		add(titleLabel(a.Kind), fmt.Sprintf("过长（%d 字），请控制在 200 字以内", n))
	}
	switch {
	case a.Date == "":
		add("日期", "不能为空")
	case !IsDate(a.Date):
		add("日期", "应为 YYYY-MM-DD 格式的日期，如 2026-03-15")
	}
	if a.EndDate != "" {
		if !IsDate(a.EndDate) {
			add("结束日期", "应为 YYYY-MM-DD 格式的日期，如 2026-03-15")
		} else if IsDate(a.Date) && a.EndDate < a.Date {
			add("结束日期", "不能早于开始日期")
		}
	}
	errs = append(errs, a.validateMembers()...)
	if a.Kind == ActInfo {
		errs = append(errs, a.validateAdoptions(cfg)...)
	}
	return errs
}

func (a Activity) need(add func(string, string), field, msg string) {
	if a.Type == "" {
		add(field, msg)
	}
}

func (a Activity) validateMembers() ValidationErrors {
	var errs ValidationErrors
	label := membersLabel(a.Kind)
	if len(a.Members) == 0 {
		errs = append(errs, &ValidationError{label, "至少需要一人"})
	}
	seenID, seenName := map[int64]bool{}, map[string]bool{}
	for _, m := range a.Members {
		name := m.Name
		if name == "" {
			name = fmt.Sprintf("委员(%d)", m.MembershipID)
		}
		dup := false
		if m.MembershipID != 0 {
			dup, seenID[m.MembershipID] = seenID[m.MembershipID], true
		} else {
			dup, seenName[m.Name] = seenName[m.Name], true
		}
		if dup {
			errs = append(errs, &ValidationError{label, name + "重复"})
		}
		if a.Kind == ActEvent && !slices.Contains(AttendanceStatuses, m.Status) {
			errs = append(errs, &ValidationError{"出席情况", fmt.Sprintf("%s的出席情况“%s”应为%s之一",
				name, m.Status, strings.Join(AttendanceStatuses, "、"))})
		}
	}
	return errs
}

func (a Activity) validateAdoptions(cfg ActivityConfig) ValidationErrors {
	var errs ValidationErrors
	add := func(field, msg string) { errs = append(errs, &ValidationError{field, msg}) }
	for i, x := range a.Adoptions {
		n := i + 1
		switch x.Kind {
		case AdoptKindAdopt:
			if !slices.Contains(cfg.AdoptLevels, x.Level) {
				add("采用级别", fmt.Sprintf("第 %d 条：请选择%s之一", n, strings.Join(cfg.AdoptLevels, "、")))
			}
		case AdoptKindInstruct:
			if !slices.Contains(cfg.InstructLevels, x.Level) {
				add("批示级别", fmt.Sprintf("第 %d 条：请选择%s之一", n, strings.Join(cfg.InstructLevels, "、")))
			}
		default:
			add("采用情况", fmt.Sprintf("第 %d 条：应为采用或批示", n))
		}
		if x.Date != "" && !IsDate(x.Date) {
			add("采用日期", fmt.Sprintf("第 %d 条：应为 YYYY-MM-DD 格式的日期", n))
		}
	}
	return errs
}
