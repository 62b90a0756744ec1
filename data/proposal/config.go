package proposal

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Fixed vocabularies. They are the words of the 提案工作条例 and are the same
// in every county; the lists that differ live in Config.
var (
	// Kinds: 大会提案 (submitted for the plenary) or 平时提案 (between sessions).
	Kinds = []string{"大会提案", "平时提案"}
	// ProposerTypes are the kinds of proposer (提案者性质), 条例 art. 14.
	ProposerTypes = []string{"委员个人", "委员联名", "界别", "党派", "人民团体", "专委会", "委员小组/联组"}
	// AssignModes: one 主办 plus 会办, or 分办 (each unit answers its part).
	AssignModes = []string{ModeLead, ModeSplit}
	// UnitRoles are a unit's role on one proposal.
	UnitRoles = []string{RoleLead, RoleCo, RoleSplit}
	// UnitKinds classify handling units.
	UnitKinds = []string{"县直部门", "乡镇街道", "其他"}
	// Ratings are a proposer's verdict on an answer.
	Ratings = []string{RatingSatisfied, RatingBasic, RatingUnsatisfied}
	// KeyTiers are the tiers of 重点提案 (京山's three, domain §2.7).
	KeyTiers = []string{"重点督办", "重点办理", "跟踪督办"}
)

// Assignment modes and unit roles.
const (
	ModeLead  = "主办会办"
	ModeSplit = "分办"
	RoleLead  = "主办"
	RoleCo    = "会办"
	RoleSplit = "分办"
)

// Ratings.
const (
	RatingSatisfied   = "满意"
	RatingBasic       = "基本满意"
	RatingUnsatisfied = "不满意"
)

// Collective reports whether a proposer type is a collective (organisation)
// proposal rather than one by members.
func Collective(proposerType string) bool {
	return proposerType != "委员个人" && proposerType != "委员联名"
}

// Class is one result class of an answer (办理结果分类): its letter and the
// wording the committee prints.
type Class struct {
	Code  string `json:"code"`  // "A", "B", …
	Label string `json:"label"` // e.g. 所提问题已经解决或基本解决
}

// Config is what a committee sets for its proposal work. It is stored as
// JSON; Default gives the values used until the office changes them.
type Config struct {
	Categories []string `json:"categories"` // 提案类别
	// RejectReasons are the grounds for 不予立案 (the national ten by default).
	RejectReasons []string `json:"reject_reasons"`
	// Dispositions say where a proposal not filed goes.
	Dispositions []string `json:"dispositions"`
	Classes      []Class  `json:"classes"` // result classes, best first
	// RatingAxes, when set, rate an answer on several axes (e.g. 办理过程,
	// 办理结果) besides the overall verdict.
	RatingAxes []string `json:"rating_axes"`
	// DeadlineMonths is the handling time from 交办; MaxMonths caps extensions.
	DeadlineMonths int `json:"deadline_months"`
	MaxMonths      int `json:"max_months"`
	// ReturnDays is how many working days after 交办 a unit may return a
	// proposal for re-assignment; 0 means no limit.
	ReturnDays int `json:"return_days"`
	// Number formatting: Prefix + zero-padded number + Suffix, e.g. 第001号.
	NumberPrefix string `json:"number_prefix"`
	NumberWidth  int    `json:"number_width"`
	NumberSuffix string `json:"number_suffix"`
}

// Default is the configuration a new database starts with (domain §2.2–2.6).
func Default() Config {
	return Config{
		Categories: []string{"经济建设", "政治建设", "文化建设", "社会建设", "生态文明建设", "其他"},
		RejectReasons: []string{
			"涉及党和国家秘密",
			"涉及国家明令禁止的事项",
			"中共党员对党组织和人事安排的意见",
			"民主党派成员对本党派内部组织、人事问题的意见",
			"涉及民事、刑事、行政诉讼或仲裁的事项",
			"属于学术讨论的问题",
			"涉及提案者本人及其亲属的个人事务",
			"宣传推介具体作品或产品",
			"指名举报或检举他人",
			"内容空泛、没有具体建议",
		},
		Dispositions: []string{"转社情民意", "转意见建议", "委员来信", "退回"},
		Classes: []Class{
			{"A", "所提问题已经解决或基本解决"},
			{"B", "所提问题正在解决或已列入计划逐步解决"},
			{"C", "因受条件限制留作参考或暂时难以解决"},
		},
		DeadlineMonths: 3,
		MaxMonths:      6,
		ReturnDays:     5,
		NumberPrefix:   "第",
		NumberWidth:    3,
		NumberSuffix:   "号",
	}
}

// Parse reads a stored configuration; fields missing from older JSON keep
// their defaults. Empty input gives Default.
func Parse(b []byte) (Config, error) {
	c := Default()
	if len(strings.TrimSpace(string(b))) == 0 {
		return c, nil
	}
	if err := json.Unmarshal(b, &c); err != nil {
		return Default(), fmt.Errorf("parse proposal settings: %w", err)
	}
	return c, nil
}

// JSON is the stored form of c.
func (c Config) JSON() []byte {
	b, _ := json.MarshalIndent(c, "", "  ")
	return b
}

// FieldError is one problem of a configuration, named by its Chinese label.
type FieldError struct{ Field, Msg string }

func (e FieldError) Error() string { return e.Field + "：" + e.Msg }

// Validate lists what is wrong with c; nil when it can be saved.
func (c Config) Validate() []FieldError {
	var errs []FieldError
	list := func(field string, xs []string) {
		if len(xs) == 0 {
			errs = append(errs, FieldError{field, "至少需要一项"})
			return
		}
		seen := map[string]bool{}
		for _, x := range xs {
			x = strings.TrimSpace(x)
			if x == "" {
				errs = append(errs, FieldError{field, "不能有空白项"})
			} else if seen[x] {
				errs = append(errs, FieldError{field, fmt.Sprintf("“%s”重复", x)})
			}
			seen[x] = true
		}
	}
	list("提案类别", c.Categories)
	list("不予立案理由", c.RejectReasons)
	list("不予立案去向", c.Dispositions)
	if len(c.Classes) < 2 || len(c.Classes) > 5 {
		errs = append(errs, FieldError{"办理结果分类", "应有 2 到 5 类"})
	}
	for i, cl := range c.Classes {
		if want := string(rune('A' + i)); cl.Code != want {
			errs = append(errs, FieldError{"办理结果分类", fmt.Sprintf("第 %d 类的代码应为 %s", i+1, want)})
		}
		if strings.TrimSpace(cl.Label) == "" {
			errs = append(errs, FieldError{"办理结果分类", fmt.Sprintf("%s 类的说明不能为空", cl.Code)})
		}
	}
	if c.DeadlineMonths < 1 || c.DeadlineMonths > 12 {
		errs = append(errs, FieldError{"办理期限", "应为 1 到 12 个月"})
	}
	if c.MaxMonths < c.DeadlineMonths || c.MaxMonths > 12 {
		errs = append(errs, FieldError{"最长期限", "应不短于办理期限，且不超过 12 个月"})
	}
	if c.ReturnDays < 0 || c.ReturnDays > 60 {
		errs = append(errs, FieldError{"退回时限", "应为 0 到 60 个工作日（0 表示不限）"})
	}
	if c.NumberWidth < 1 || c.NumberWidth > 6 {
		errs = append(errs, FieldError{"案号位数", "应为 1 到 6 位"})
	}
	return errs
}

// FormatNumber renders a 案号, e.g. 第007号.
func (c Config) FormatNumber(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf("%s%0*d%s", c.NumberPrefix, c.NumberWidth, n, c.NumberSuffix)
}

// ClassLabel is the printed wording of a class code, or the code itself.
func (c Config) ClassLabel(code string) string {
	for _, cl := range c.Classes {
		if cl.Code == code {
			return cl.Label
		}
	}
	return code
}

// ClassCodes lists the class letters in order.
func (c Config) ClassCodes() []string {
	out := make([]string, len(c.Classes))
	for i, cl := range c.Classes {
		out[i] = cl.Code
	}
	return out
}

// Has reports whether xs contains x.
func Has(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
