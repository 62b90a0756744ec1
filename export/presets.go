package export

import (
	"fmt"

	"zhengxie/assets"
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
			return nil, fmt.Errorf("内置规则“%s”缺失：%w", name, err)
		}
		rs, err := ParseRules(b)
		if err != nil {
			return nil, fmt.Errorf("内置规则“%s”有误：%w", name, err)
		}
		out = append(out, rs)
	}
	return out, nil
}
