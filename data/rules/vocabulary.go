package rules

import (
	"context"
	"fmt"
	"strings"

	"zhengxie/data"
	"zhengxie/data/assess"
)

// Admit readies a parsed rule set for a database: every record type,
// meeting type, attendance status, level and role it names must be one the
// database knows (aliases such as 全会 become the name they stand for), or
// the rule set is refused with the unknown names, where they are and the
// nearest known names. Warnings (items printed under the same column title)
// do not refuse it. The window and the command line both import through it.
func Admit(ctx context.Context, s *data.Store, rs assess.RuleSet) (assess.RuleSet, []string, error) {
	v, err := s.RuleVocabulary(ctx)
	if err != nil {
		return rs, nil, err
	}
	return AdmitWith(v, rs)
}

// AdmitWith is Admit against a given vocabulary.
func AdmitWith(v assess.Vocabulary, rs assess.RuleSet) (assess.RuleSet, []string, error) {
	out, ps := v.Resolve(rs)
	if len(ps) > 0 {
		lines := make([]string, len(ps))
		for i, p := range ps {
			lines[i] = p.Error()
		}
		return rs, nil, data.UserErr(fmt.Sprintf("有 %d 处名称本库不认识（按它计分所有人都会得0分），未导入：\n", len(ps)) +
			strings.Join(lines, "\n"))
	}
	return out, assess.ColumnClashes(out), nil
}
