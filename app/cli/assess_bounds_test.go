package cli

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A rule file with points at the int64 minimum panicked `import rules`;
// one at the maximum was stored and then crashed `assess`. Both are now
// refused with a Chinese sentence, exit code 1.
func TestImportRulesRefusesPointsNearTheInt64Limit(t *testing.T) {
	db := assessDB(t)
	for _, tt := range []struct{ points, want string }{
		{"-9223372036854775808", "第12行：“-9223372036854775808”不是有效的分值：数值太大"},
		{"9223372036854775807", "第1项“参加会议”第1条规则：points（分值）为9223372036854775807，超出允许的范围（-100000 到 100000）"},
	} {
		path := filepath.Join(t.TempDir(), "规则.toml")
		if err := os.WriteFile(path, []byte(strings.Replace(tinyRules, "points = 5", "points = "+tt.points, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errOut := run(t, "--db", db, "import", "rules", path, "--year", "2026")
		if code != ExitError || !strings.Contains(errOut, tt.want) || strings.Contains(out, "已导入") {
			t.Errorf("points = %s: exit %d\n%s\n%s", tt.points, code, out, errOut)
		}
	}
}

// A rule set stored by release 0.3 with such points: `assess` says what is
// wrong instead of crashing.
func TestAssessRefusesAnUnboundedStoredRuleSet(t *testing.T) {
	db := assessDB(t)
	if code, out, errOut := run(t, "--db", db, "import", "rules", rulesFile(t), "--year", "2026"); code != ExitOK {
		t.Fatalf("import rules: %d %s %s", code, out, errOut)
	}
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = conn.ExecContext(context.Background(),
		`UPDATE rule_set SET body = replace(body, '"points":5', '"points":9223372036854775807')`)
	conn.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "--db", db, "assess", "--year", "2026")
	if code != ExitError || !strings.Contains(errOut, "出错：考核规则有误") ||
		!strings.Contains(errOut, "points（分值）为9223372036854775807，超出允许的范围") {
		t.Errorf("assess: exit %d\n%s\n%s", code, out, errOut)
	}
}
