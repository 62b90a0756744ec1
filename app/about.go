package app

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/assets"
	"zhengxie/data/datadir"
)

// aboutInfo is what the 关于 dialog tells: which version runs and where its
// data is. It is gathered first, so the dialog only lays it out.
type aboutInfo struct {
	version    string
	dbPath     string
	dataDir    string
	portable   bool      // the database is in the portable folder beside the program
	dbSize     int64     // the database file with its -wal journal, in bytes
	lastBackup time.Time // zero when the backup folder holds none
}

// gatherAbout reads the sizes of the database at dbPath; loc is where the
// program keeps data by default, last the time of the newest backup.
func gatherAbout(dbPath string, loc datadir.Location, last time.Time) aboutInfo {
	a := aboutInfo{version: assets.VersionText(), dbPath: dbPath, dataDir: filepath.Dir(dbPath), lastBackup: last}
	a.portable = loc.Portable && filepath.Clean(loc.Dir) == filepath.Clean(a.dataDir)
	for _, p := range []string{dbPath, dbPath + "-wal"} {
		if st, err := os.Stat(p); err == nil {
			a.dbSize += st.Size()
		}
	}
	return a
}

// rows are the dialog's label–value lines.
func (a aboutInfo) rows(now time.Time) [][2]string {
	folder := a.dataDir
	if a.portable {
		folder += "\n便携模式：程序旁有 portable 文件，数据保存在程序旁的 data 文件夹中"
	}
	last := "尚无备份"
	if !a.lastBackup.IsZero() {
		last = a.lastBackup.Format("2006-01-02 15:04") + "（" + ago(now.Sub(a.lastBackup)) + "）"
	}
	return [][2]string{
		{"版本", a.version},
		{"数据文件", a.dbPath},
		{"数据文件夹", folder},
		{"数据库大小", formatSize(a.dbSize)},
		{"最近备份", last},
	}
}

// formatSize writes a file size the way Windows Explorer users read it.
func formatSize(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d 字节", n)
	case n < 1024*1024:
		return fmt.Sprintf("%.1f KB", float64(n)/1024)
	case n < 1024*1024*1024:
		return fmt.Sprintf("%.1f MB", float64(n)/(1024*1024))
	}
	return fmt.Sprintf("%.2f GB", float64(n)/(1024*1024*1024))
}

// ago says how long ago a duration was, coarsely.
func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "刚刚"
	case d < time.Hour:
		return fmt.Sprintf("%d 分钟前", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d 小时前", int(d.Hours()))
	}
	return fmt.Sprintf("%d 天前", int(d.Hours()/24))
}

// licence is one piece of other people's work the program ships.
type licence struct{ what, name, licence string }

// licences lists the fonts and libraries inside the program with their
// licences (the texts are in the source tree: assets/fonts, and each Go
// module's LICENSE file).
var licences = []licence{
	{"界面字体", "Droid Sans Fallback", "Apache License 2.0"},
	{"PDF 字体", "AR PL SungtiL GB（宋体）、AR PL KaitiM GB（楷体）", "Arphic Public License"},
	{"编程语言", "Go 及其标准库", "BSD 3-Clause"},
	{"图形界面", "fyne.io/fyne/v2", "BSD 3-Clause"},
	{"Excel 读写", "github.com/xuri/excelize/v2", "BSD 3-Clause"},
	{"PDF 输出", "codeberg.org/go-pdf/fpdf", "MIT"},
	{"数据库", "modernc.org/sqlite", "BSD 3-Clause"},
	{"拼音检索", "github.com/mozillazg/go-pinyin", "MIT"},
	{"规则文件", "github.com/BurntSushi/toml", "MIT"},
	{"图像处理", "golang.org/x/image", "BSD 3-Clause"},
	{"备份加密", "filippo.io/age", "BSD 3-Clause"},
	{"密码学", "golang.org/x/crypto", "BSD 3-Clause"},
	{"系统接口", "golang.org/x/sys", "BSD 3-Clause"},
	{"文件对话框（Windows）", "github.com/ncruces/zenity", "MIT"},
}

func licenceText() string {
	var b strings.Builder
	for _, l := range licences {
		fmt.Fprintf(&b, "%s：%s（%s）\n", l.what, l.name, l.licence)
	}
	b.WriteString("程序图标为本项目自行设计。")
	return b.String()
}

// showAbout opens the 关于 dialog.
func (u *UI) showAbout() {
	info := gatherAbout(u.store.Path(), datadir.Current(), u.store.LastBackup())
	form := widget.NewForm()
	for _, r := range info.rows(time.Now()) {
		v := widget.NewLabel(r[1])
		v.Wrapping = fyne.TextWrapBreak
		v.Selectable = true
		form.Append(r[0], v)
	}
	icon := canvas.NewImageFromResource(fyne.NewStaticResource("zhengxie.png", assets.Icon))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(64, 64))
	title := heading("政协履职")
	sub := widget.NewLabel("县级政协委员、提案与履职管理（离线单机版）\n全部数据只保存在本机，不联网。")
	lic := widget.NewLabel(licenceText())
	lic.Wrapping = fyne.TextWrapWord
	open := widget.NewButtonWithIcon("打开数据文件夹", theme.FolderOpenIcon(), func() {
		if err := u.app.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(info.dataDir)}); err != nil {
			showError(err, u.win)
		}
	})
	content := container.NewVBox(
		container.NewBorder(nil, nil, icon, nil, container.NewVBox(title, sub)),
		widget.NewSeparator(), form,
		widget.NewSeparator(), widget.NewLabelWithStyle("使用的字体和开源软件", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), lic,
		container.NewHBox(open),
	)
	d := dialog.NewCustom("关于", "关闭", container.NewVScroll(content), u.win)
	d.Resize(fyne.NewSize(680, 600))
	d.Show()
}
