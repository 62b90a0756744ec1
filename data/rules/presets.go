package rules

import (
	"context"
	"errors"
	"strings"
	"sync"

	"zhengxie/assets"
	"zhengxie/data"
	"zhengxie/data/assess"
)

// presetFiles is the order presets are offered in.
var presetFiles = []string{"tongcheng.toml", "hefei-area.toml", "yanbian.toml", "minhang.toml"}

// Presets are the shipped rule sets (assets/presets/*.toml), in a fixed order.
func Presets() ([]assess.RuleSet, error) {
	out := make([]assess.RuleSet, 0, len(presetFiles))
	for _, name := range presetFiles {
		b, err := assets.Presets.ReadFile("presets/" + name)
		if err != nil {
			return nil, data.UserErrf(err, "内置规则“%s”缺失：%s", name, data.UserMessage(err))
		}
		rs, err := Parse(b)
		if err != nil {
			return nil, data.UserErrf(err, "内置规则“%s”有误：%s", name, err.Error()) // Parse's sentences
		}
		out = append(out, rs)
	}
	return out, nil
}

// InstallPresets keeps every shipped rule set for each year (those a year
// already has by name are left alone) and, where a year has no rule set
// chosen yet, chooses the first preset (桐城). The demo county uses it so
// that 履职考核 shows results at once.
func InstallPresets(ctx context.Context, s *data.Store, years ...int) error {
	presets, err := Presets()
	if err != nil {
		return err
	}
	for _, y := range years {
		var first int64
		for i, rs := range presets {
			st, err := s.RuleSetByName(ctx, y, rs.Name)
			if errors.Is(err, data.ErrNotFound) {
				st = data.StoredRuleSet{Year: y, Rules: rs}
				err = s.SaveRuleSet(ctx, &st)
			}
			if err != nil {
				return err
			}
			if i == 0 {
				first = st.ID
			}
		}
		setup, err := s.AssessmentSetup(ctx, y)
		if err != nil {
			return err
		}
		if setup.RuleSetID == 0 {
			setup.RuleSetID = first
			if err := s.SaveAssessmentSetup(ctx, setup); err != nil {
				return err
			}
		}
	}
	return nil
}

// presetDocuments are the shipped presets' document titles (without 《》).
var presetDocuments = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	presets, err := Presets()
	if err != nil {
		return out // a broken preset is reported where presets are offered
	}
	for _, rs := range presets {
		if d := bareTitle(rs.Document); d != "" {
			out[d] = true
		}
	}
	return out
})

// OwnDocument is the document title (without 《》) that a committee's reports
// and tables may cite for a rule set, "" when they should cite none.
//
// The rule: a rule set's document is cited unless it is the title of a
// shipped preset that does not name the committee (its Name or ShortName).
// A preset is another county's 办法 — the demo county runs on 桐城's — and
// citing 《政协桐城市委员会…》 in another committee's 公文 would be wrong. The
// test is on the title, not on the rules: an office that edits a preset's
// scores but keeps its title still cites nothing; once it types its own
// title, that title is cited. 桐城's own committee cites 桐城's title.
func OwnDocument(doc string, c data.Committee) string {
	d := bareTitle(doc)
	if d == "" || !presetDocuments()[d] {
		return d
	}
	for _, name := range []string{c.Name, c.ShortName} {
		if name = strings.TrimSpace(name); name != "" && strings.Contains(d, name) {
			return d
		}
	}
	return ""
}

func bareTitle(s string) string {
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(s), "《"), "》"))
}
