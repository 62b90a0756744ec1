package validate

import (
	"strings"
	"testing"
	"time"
)

func TestIDCard(t *testing.T) {
	now = func() time.Time { return time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC) }
	defer func() { now = time.Now }()
	for _, c := range []struct {
		in, number, birth, gender, err string
	}{
		{in: "11010519491231002X", number: "11010519491231002X", birth: "1949-12-31", gender: "女"},
		{in: "11010519491231002x", number: "11010519491231002X", birth: "1949-12-31", gender: "女"},
		{in: " １１０１０５１９４９１２３１００２Ｘ ", number: "11010519491231002X", birth: "1949-12-31", gender: "女"},
		{in: "110105 1949 1231 002X", number: "11010519491231002X", birth: "1949-12-31", gender: "女"},
		{in: "130525197503120019", number: "130525197503120019", birth: "1975-03-12", gender: "男"},
		{in: "130525750312001", number: "130525197503120019", birth: "1975-03-12", gender: "男"}, // 15-digit upgrade
		{in: ""},
		{in: "   "},
		{in: "110105194912310021", err: "校验码错误：按前17位计算最后一位应为 X"},
		{in: "1101051949123100", err: "应为18位（现为16位）"},
		{in: "1.30525E+17", err: "文本"},
		{in: "99010519491231002X", err: "地区码 99"},
		{in: "110105194902300021", err: "1949-02-30 不存在"},
		{in: "110105203001010011", err: "不合理"},
		{in: "11010519491231A02X", err: "只能由数字组成"},
	} {
		got, err := IDCard(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("IDCard(%q) error = %v, want containing %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("IDCard(%q): %v", c.in, err)
			continue
		}
		if got.Number != c.number || got.Birth != c.birth || got.Gender != c.gender {
			t.Errorf("IDCard(%q) = %+v", c.in, got)
		}
	}
}

func TestIDCardTrailingDotZeroFromExcel(t *testing.T) {
	// A 15-digit number stored as a number in Excel comes back with ".0".
	got, err := IDCard("130525750312001.0")
	if err != nil || got.Number != "130525197503120019" {
		t.Errorf("got %+v, %v", got, err)
	}
}

func TestPhone(t *testing.T) {
	for _, c := range []struct{ in, want, err string }{
		{in: "13812345678", want: "13812345678"},
		{in: "138-1234-5678", want: "13812345678"},
		{in: "+8613812345678", want: "13812345678"},
		{in: "１３８１２３４５６７８", want: "13812345678"},
		{in: "0310-1234567", want: "0310-1234567"},
		{in: "03101234567", want: "0310-1234567"},
		{in: "(0310)1234567", want: "0310-1234567"},
		{in: "0310-1234567转801", want: "0310-1234567转801"},
		{in: "6123456", want: "6123456"},
		{in: "13812345678/0310-1234567", want: "13812345678、0310-1234567"},
		{in: "13812345678、 13912345678", want: "13812345678、13912345678"},
		{in: "13812345678.0", want: "13812345678"},
		{in: ""},
		{in: "1381234567", err: "格式不对"},
		{in: "无", err: "格式不对"},
		{in: "12812345678", err: "格式不对"},
	} {
		got, err := Phone(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("Phone(%q) = %q, %v; want error %q", c.in, got, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("Phone(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

func TestYearMonth(t *testing.T) {
	for _, c := range []struct{ in, want, err string }{
		{in: "1975-03", want: "1975-03"},
		{in: "1975.3", want: "1975-03"},
		{in: "1975.03", want: "1975-03"},
		{in: "1975.10", want: "1975-10"},
		{in: "1975.1", want: "1975-01"},
		{in: "1975/3", want: "1975-03"},
		{in: "1975年3月", want: "1975-03"},
		{in: "1975年03月12日", want: "1975-03"},
		{in: "197503", want: "1975-03"},
		{in: "19750312", want: "1975-03"},
		{in: "1975-03-12", want: "1975-03"},
		{in: "1975.3.12", want: "1975-03"},
		{in: "１９７５．０３", want: "1975-03"},
		{in: "27465", want: "1975-03"}, // Excel serial of 1975-03-12
		{in: "27465.0", want: "1975-03"},
		{in: "1975-03-12 00:00:00", want: "1975-03"},
		{in: ""},
		{in: "1975.13", err: "月份 13"},
		{in: "1975.2.30", err: "不存在"},
		{in: "七五年三月", err: "无法识别"},
		{in: "1875.03", err: "年份"},
	} {
		got, err := YearMonth(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("YearMonth(%q) = %q, %v; want error %q", c.in, got, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("YearMonth(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

func TestDate(t *testing.T) {
	for _, c := range []struct{ in, want, err string }{
		{in: "2021-01-05", want: "2021-01-05"},
		{in: "2021.1.5", want: "2021-01-05"},
		{in: "2021/1/5", want: "2021-01-05"},
		{in: "2021年1月5日", want: "2021-01-05"},
		{in: "20210105", want: "2021-01-05"},
		{in: "44201", want: "2021-01-05"},
		{in: ""},
		{in: "2021-02-29", err: "不存在"},
		{in: "2021.1", err: "无法识别"},
		{in: "明天", err: "无法识别"},
	} {
		got, err := Date(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("Date(%q) = %q, %v; want error %q", c.in, got, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("Date(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

// idempotent checks that a normaliser accepts its own output unchanged.
func idempotent(t *testing.T, name string, f func(string) (string, error), in string) {
	out, err := f(in)
	if err != nil {
		return
	}
	again, err := f(out)
	if err != nil || again != out {
		t.Fatalf("%s(%q) = %q, but %s(%q) = %q, %v", name, in, out, name, out, again, err)
	}
}

func FuzzIDCard(f *testing.F) {
	for _, s := range []string{"11010519491231002X", "130525750312001", "1.3E+17", "", "１１０"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		idempotent(t, "IDCard", func(s string) (string, error) { x, err := IDCard(s); return x.Number, err }, s)
	})
}

func FuzzPhone(f *testing.F) {
	for _, s := range []string{"13812345678", "0310-1234567转8", "a/b", "、、"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { idempotent(t, "Phone", Phone, s) })
}

func FuzzYearMonth(f *testing.F) {
	for _, s := range []string{"1975.03", "27465", "1975年3月", "19750312"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { idempotent(t, "YearMonth", YearMonth, s) })
}

func FuzzDate(f *testing.F) {
	for _, s := range []string{"2021-01-05", "44201", "2021年1月5日"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { idempotent(t, "Date", Date, s) })
}
