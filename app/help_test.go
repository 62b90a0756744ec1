package app

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestHelpCoversTheDailyTasks(t *testing.T) {
	u := testUI(t, true)
	u.showHelp()
	text := shownText(u.win.Canvas().Overlays().Top())
	for _, want := range []string{"开始使用", "委员名册导入导出", "提案录入与审查交办", "答复与满意度", "履职活动登记", "考核计算与导出", "备份"} {
		if !strings.Contains(text, want) {
			t.Errorf("使用帮助 has no section %q", want)
		}
	}
	if !strings.Contains(text, "便携模式") {
		t.Errorf("the first topic is not shown:\n%s", text)
	}
}

// The help names buttons, tabs and screens in 【】; each must still exist
// as a text in the program, or the help sends the user looking for a
// button that was renamed.
func TestHelpNamesOnlyControlsThatExist(t *testing.T) {
	var src strings.Builder
	for _, pattern := range []string{"*.go", "../data/*.go", "../data/proposal/*.go"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") || filepath.Base(f) == "help.go" {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			src.Write(b)
		}
	}
	code := src.String()
	label := regexp.MustCompile(`【([^】]+)】`)
	for _, topic := range helpTopics {
		for _, m := range label.FindAllStringSubmatch(topic.body, -1) {
			if !strings.Contains(code, `"`+m[1]) {
				t.Errorf("%s: 【%s】 is not a text anywhere in the program", topic.title, m[1])
			}
		}
	}
}
