package export

// TEMPORARY contract stubs: H2 (rule-file helper) replaces this file with
// export/rules.go (TOML via github.com/BurntSushi/toml) and
// export/presets.go, and deletes it.

import (
	"errors"

	"zhengxie/data/assess"
)

var errRulesTODO = errors.New("not implemented yet")

// ParseRules reads a rule file (TOML, docs/assessment-rules.md). Errors are
// Chinese and name the line or the item: "第12行：…" / "第2项“提交提案”：…";
// unknown keys are refused (a typo must not silently drop a rule); the
// result has passed assess.Validate.
func ParseRules(b []byte) (assess.RuleSet, error) { return assess.RuleSet{}, errRulesTODO }

// FormatRules writes a rule set as a rule file that ParseRules reads back to
// the same rule set.
func FormatRules(rs assess.RuleSet) ([]byte, error) { return nil, errRulesTODO }

// ReadRulesFile and WriteRulesFile are ParseRules/FormatRules on a file
// (written atomically).
func ReadRulesFile(path string) (assess.RuleSet, error)   { return assess.RuleSet{}, errRulesTODO }
func WriteRulesFile(path string, rs assess.RuleSet) error { return errRulesTODO }

// Presets are the shipped rule sets (assets/presets/*.toml), in a fixed order.
func Presets() ([]assess.RuleSet, error) { return nil, errRulesTODO }
