package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"zhengxie/data"
)

// 只导入没有问题的行 in the one import dialog: the summary says what it
// would write, the button asks where to save the rows left out, the good
// rows go in and the bad ones are in that sheet with their reasons.
func TestImportDialogImportsTheGoodRows(t *testing.T) {
	u := testUI(t, true)
	sheet := filepath.Join("cli", "testdata", "partial", "名册（部分有误）.xlsx")
	u.members.importFile(sheet)
	ip := u.members.preview
	if ip == nil {
		t.Fatal("no preview")
	}
	if !ip.confirm.Disabled() || ip.skipBad.Hidden || ip.issues.Hidden {
		t.Fatalf("confirm disabled %v, 只导入没有问题的行 hidden %v", ip.confirm.Disabled(), ip.skipBad.Hidden)
	}
	if !strings.Contains(ip.summary.Text, "发现 3 处问题") ||
		!strings.Contains(ip.summary.Text, "只导入没有问题的行：新增 5 人，更新 0 人；有问题的 3 行不导入") {
		t.Fatalf("summary %q", ip.summary.Text)
	}
	left := filepath.Join(t.TempDir(), "改正.xlsx")
	u.saveFile = func(title, name string, cb func(string)) {
		if title != "保存未导入的行" || name != "名册（部分有误）（未导入的行）.xlsx" {
			t.Errorf("save dialog %q for %q", title, name)
		}
		cb(left)
	}
	test.Tap(ip.skipBad)
	if n := countMembers(t, u); n != 5 {
		t.Fatalf("%d members after 只导入没有问题的行, want 5", n)
	}
	if u.members.preview != nil {
		t.Error("the preview stays open")
	}
	if _, err := os.Stat(left); err != nil {
		t.Fatalf("rows left out not saved: %v", err)
	}
	f, err := excelize.OpenFile(left)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(f.GetSheetName(0))
	if len(rows) != 6 || !strings.Contains(strings.Join(rows[5], " "), "月份 13") {
		t.Errorf("left sheet %v", rows)
	}
}

// 只导入没有问题的行 is offered only when there are problems and rows
// without: not for a clean sheet, not for one whose every row is bad.
func TestImportDialogOffersSkipBadOnlyWithGoodAndBadRows(t *testing.T) {
	u := testUI(t, true)
	u.members.importFile(writeSheet(t, []data.Member{sheetMember("张三", "女", "11010519491231002X", "医药卫生界")}))
	if ip := u.members.preview; ip == nil || !ip.skipBad.Hidden || ip.confirm.Disabled() {
		t.Fatal("a clean sheet offers 只导入没有问题的行, or cannot be imported")
	}
	u.members.preview.close()
	u.members.importFile(writeSheet(t, []data.Member{sheetMember("李四", "男", "110105194912310021", "医药卫生界")}))
	if ip := u.members.preview; ip == nil || !ip.skipBad.Hidden || ip.issues.Hidden {
		t.Fatal("a sheet of bad rows only offers 只导入没有问题的行")
	}
}
