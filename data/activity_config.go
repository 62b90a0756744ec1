package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
)

const activityConfigKey = "activity.config"

// Info sources (Activity.Source of a 社情民意).
const (
	SourceDirect       = "直接报送"
	SourceFromProposal = "提案转来"
)

// Adoption kinds.
const (
	AdoptKindAdopt     = "采用"
	AdoptKindInstruct  = "批示"
	proposalToInfoDisp = "转社情民意"
)

// DefaultActivityConfig is the lists a new database starts with.
func DefaultActivityConfig() ActivityConfig {
	return ActivityConfig{
		EventTypes: []string{"全体会议", "小组讨论", "常委会议", "主席会议", "专题协商会", "调研", "视察", "民主监督",
			"学习培训", "委员工作室值班", "界别活动", "公益活动"},
		Roles:          []string{"主讲", "执笔", "书面发言", "召集人"},
		SpeechForms:    []string{"口头发言", "书面发言"},
		SpeechMeetings: []string{"全体会议", "常委会议", "专题协商会"},
		AwardKinds:     []string{"表彰", "通报批评", "约谈"},
		AwardLevels:    []string{"国家", "省", "市(地)", "县"},
		AdoptLevels:    []string{"县委县政府", "市政协", "省政协", "全国政协"},
		InstructLevels: []string{"县", "市", "省", "国家"},
		InfoSources:    []string{SourceDirect, SourceFromProposal},
		RecordTypes:    []string{"学习笔记", "心得体会文章", "文史资料", "调研报告"},
	}
}

// configLists pairs every list with its Chinese label, for validation.
func (c *ActivityConfig) configLists() []struct {
	label string
	list  *[]string
} {
	return []struct {
		label string
		list  *[]string
	}{
		{"活动类型", &c.EventTypes}, {"参加角色", &c.Roles}, {"发言形式", &c.SpeechForms},
		{"发言会议", &c.SpeechMeetings}, {"表彰类型", &c.AwardKinds}, {"表彰级别", &c.AwardLevels},
		{"采用级别", &c.AdoptLevels}, {"批示级别", &c.InstructLevels}, {"信息来源", &c.InfoSources},
		{"其他履职类型", &c.RecordTypes},
	}
}

// ActivityListLabels are the Chinese names of the lists in display order,
// as the command line's catalog command names them.
func ActivityListLabels() []string {
	var c ActivityConfig
	var out []string
	for _, l := range c.configLists() {
		out = append(out, l.label)
	}
	return out
}

// List is the list named label (one of ActivityListLabels), nil for none.
func (c *ActivityConfig) List(label string) *[]string {
	for _, l := range c.configLists() {
		if l.label == label {
			return l.list
		}
	}
	return nil
}

// Validate names every list with an empty or repeated entry, or a list that
// must not be empty.
func (c ActivityConfig) Validate() ValidationErrors {
	var errs ValidationErrors
	for _, l := range c.configLists() {
		seen := map[string]bool{}
		for _, v := range *l.list {
			switch {
			case strings.TrimSpace(v) == "":
				errs = append(errs, &ValidationError{l.label, "不能有空白项"})
			case seen[v]:
				errs = append(errs, &ValidationError{l.label, "“" + v + "”重复"})
			}
			seen[v] = true
		}
	}
	for _, l := range []struct {
		label string
		list  []string
	}{{"活动类型", c.EventTypes}, {"发言形式", c.SpeechForms}, {"表彰类型", c.AwardKinds}, {"采用级别", c.AdoptLevels}} {
		if len(l.list) == 0 {
			errs = append(errs, &ValidationError{l.label, "至少需要一项"})
		}
	}
	return errs
}

// ActivityConfig reads the county's lists (defaults when never saved).
func (s *Store) ActivityConfig(ctx context.Context) (ActivityConfig, error) {
	return activityConfig(ctx, s.db)
}

func activityConfig(ctx context.Context, q querier) (ActivityConfig, error) {
	var v string
	err := q.QueryRowContext(ctx, "SELECT value FROM setting WHERE key = ?", activityConfigKey).Scan(&v)
	return parseActivityConfig(v, err)
}

// parseActivityConfig fills lists missing from a saved config with the defaults.
func parseActivityConfig(v string, err error) (ActivityConfig, error) {
	def := DefaultActivityConfig()
	if err == sql.ErrNoRows {
		return def, nil
	}
	if err != nil {
		return def, fmt.Errorf("read activity settings: %w", err)
	}
	var c ActivityConfig
	if err := json.Unmarshal([]byte(v), &c); err != nil {
		return def, fmt.Errorf("read activity settings: %w", err)
	}
	dl := def.configLists()
	for i, l := range c.configLists() {
		if *l.list == nil {
			*l.list = *dl[i].list
		}
	}
	return c, nil
}

// SaveActivityConfig stores the lists after checking them (no empty or duplicate names).
func (s *Store) SaveActivityConfig(ctx context.Context, c ActivityConfig) error {
	for _, l := range c.configLists() {
		trimmed := make([]string, len(*l.list))
		for i, v := range *l.list {
			trimmed[i] = strings.TrimSpace(v)
		}
		*l.list = trimmed
	}
	if errs := c.Validate(); len(errs) > 0 {
		return errs
	}
	body, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO setting(key, value) VALUES (?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, activityConfigKey, string(body)); err != nil {
			return fmt.Errorf("save activity settings: %w", err)
		}
		return s.audit(ctx, tx, "保存", "履职设置", 0, "")
	})
}
