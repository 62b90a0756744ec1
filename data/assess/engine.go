package assess

// H1 (engine helper) owns this file.

// Problem is one thing wrong with a rule set, in Chinese, naming where:
// e.g. Where "第2项“提交提案”第1条", Msg "split 只能是 whole、half_first、fixed、first_only 或 equal".
type Problem struct {
	Where string
	Msg   string
}

func (p Problem) Error() string { return p.Where + "：" + p.Msg }

// Validate checks a rule set; nil means it can be evaluated.
func Validate(rs RuleSet) []Problem { panic("TODO") }

// Evaluate applies rs to the facts of one year. It fails only when
// Validate reports problems (the error lists them).
func Evaluate(rs RuleSet, f Facts) (Result, error) { panic("TODO") }
