package validate

import (
	"strings"
	"testing"
	"time"
)

// fixNow pins the clock for the length of a test.
func fixNow(t *testing.T, y int, m time.Month, d int) {
	t.Helper()
	now = func() time.Time { return time.Date(y, m, d, 15, 0, 0, 0, time.Local) }
	t.Cleanup(func() { now = time.Now })
}

func TestCheckDigit(t *testing.T) {
	for first17, want := range map[string]byte{
		"11010519491231002": 'X', // the standard's example
		"13052519750312001": '9',
		"44030420000229123": '6',
		"65010219900101000": '9',
		"13052519750312000": '0',
	} {
		if got := CheckDigit(first17); got != want {
			t.Errorf("CheckDigit(%s) = %c, want %c", first17, got, want)
		}
	}
}

func TestIDCard(t *testing.T) {
	fixNow(t, 2026, 11, 22)
	for _, c := range []struct {
		in, number, birth, gender, err string
	}{
		{in: "11010519491231002X", number: "11010519491231002X", birth: "1949-12-31", gender: "女"},
		{in: "11010519491231002x", number: "11010519491231002X", birth: "1949-12-31", gender: "女"},
		{in: " １１０１０５１９４９１２３１００２Ｘ ", number: "11010519491231002X", birth: "1949-12-31", gender: "女"},
		{in: "１１０１０５１９４９１２３１００２ｘ", number: "11010519491231002X", birth: "1949-12-31", gender: "女"},
		{in: "110105 1949 1231 002X", number: "11010519491231002X", birth: "1949-12-31", gender: "女"},
		{in: "110105-19491231-002X", number: "11010519491231002X", birth: "1949-12-31", gender: "女"},
		{in: "'11010519491231002X", number: "11010519491231002X", birth: "1949-12-31", gender: "女"},
		{in: "\ufeff11010519491231002X\u3000", number: "11010519491231002X", birth: "1949-12-31", gender: "女"},
		{in: "130525197503120019", number: "130525197503120019", birth: "1975-03-12", gender: "男"},
		{in: "440304200002291236", number: "440304200002291236", birth: "2000-02-29", gender: "男"},
		{in: "650102199001010009", number: "650102199001010009", birth: "1990-01-01", gender: "女"},
		{in: "830000199507150020", number: "830000199507150020", birth: "1995-07-15", gender: "女"}, // Taiwan residence permit
		{in: "810000198808088883", number: "810000198808088883", birth: "1988-08-08", gender: "女"},
		{in: "320106190001010015", number: "320106190001010015", birth: "1900-01-01", gender: "男"},
		{in: "130525197503120000", number: "130525197503120000", birth: "1975-03-12", gender: "女"}, // valid despite 000
		{in: "130525202611220010", number: "130525202611220010", birth: "2026-11-22", gender: "男"}, // born today
		{in: "130525750312001", number: "130525197503120019", birth: "1975-03-12", gender: "男"},    // 15-digit upgrade
		{in: "130525750312001.0", number: "130525197503120019", birth: "1975-03-12", gender: "男"},
		{in: "130525197503120019.0", number: "130525197503120019", birth: "1975-03-12", gender: "男"},
		{in: "１３０５２５７５０３１２００１", number: "130525197503120019", birth: "1975-03-12", gender: "男"},
		{in: ""},
		{in: "   "},
		{in: "\u3000"},

		{in: "110105194912310021", err: "校验码错误：按前17位算，最后一位应为 X"},
		{in: "110105194912310022", err: "逐位核对"},
		{in: "110105194912310000", err: "Excel"},
		{in: "1101051949123100", err: "应为18位（现为16位）"},
		{in: "11010519491231002X1", err: "应为18位（现为19位）"},
		{in: "无", err: "应为18位（现为1位）"},
		{in: "1.10105E+17", err: "文本"},
		{in: "1.30525E+17", err: "Excel"},
		{in: "1.305251980101E+17", err: "文本"},
		{in: "1.10105e17", err: "文本"},
		{in: "99010519491231002X", err: "地区码 99 无效"},
		{in: "91010519491231002X", err: "地区码 91 无效"},
		{in: "00010519491231002X", err: "地区码 00 无效"},
		{in: "110105194902300021", err: "出生日期 1949-02-30 不存在"},
		{in: "110105202302300021", err: "出生日期 2023-02-30 不存在"},
		{in: "110105194913010021", err: "出生日期 1949-13-01 不存在"},
		{in: "110105203001010011", err: "2030-01-01 晚于今天"},
		{in: "110105202611230011", err: "晚于今天"},
		{in: "110105189912310011", err: "早于1900年"},
		{in: "11010519491231A02X", err: "第15位“A”"},
		{in: "X10105194912310021", err: "第1位“X”"},
		{in: "11010519491231002Y", err: "最后一位“Y”"},
		{in: "1301051949123100１汉", err: "最后一位“汉”"},
		{in: "13052575031200X", err: "15位的老号码"},
		{in: "130525750230001", err: "第7—12位的出生日期 1975-02-30 不存在"},
		{in: "990525750312001", err: "地区码 99"},
	} {
		got, err := IDCard(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("IDCard(%q) = %+v, %v; want error containing %q", c.in, got, err, c.err)
			}
			if got != (IDInfo{}) {
				t.Errorf("IDCard(%q) = %+v with an error, want the zero IDInfo", c.in, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("IDCard(%q): %v", c.in, err)
			continue
		}
		if got != (IDInfo{Number: c.number, Birth: c.birth, Gender: c.gender}) {
			t.Errorf("IDCard(%q) = %+v, want %s %s %s", c.in, got, c.number, c.birth, c.gender)
		}
	}
}

// Every single-digit typo in a valid number is caught by the check digit.
func TestIDCardCatchesEveryTypo(t *testing.T) {
	const good = "130525197503120019"
	for i := range 18 {
		for d := byte('0'); d <= '9'; d++ {
			if d == good[i] {
				continue
			}
			bad := good[:i] + string(d) + good[i+1:]
			if _, err := IDCard(bad); err == nil {
				t.Errorf("IDCard(%s) accepted a typo at position %d", bad, i+1)
			}
		}
	}
}

func TestIDCardMessagesHaveNoFieldName(t *testing.T) {
	for _, in := range []string{"1", "1.3E+17", "99010519491231002X", "110105194902300021", "110105194912310021"} {
		_, err := IDCard(in)
		if err == nil || strings.Contains(err.Error(), "身份证") {
			t.Errorf("IDCard(%q) error %v: want one that leaves the field name to the caller", in, err)
		}
	}
}

func TestPhone(t *testing.T) {
	for _, c := range []struct{ in, want, err string }{
		{in: "13812345678", want: "13812345678"},
		{in: "19912345678", want: "19912345678"},
		{in: " 13812345678 ", want: "13812345678"},
		{in: "138-1234-5678", want: "13812345678"},
		{in: "138 1234 5678", want: "13812345678"},
		{in: "+8613812345678", want: "13812345678"},
		{in: "+86 138 1234 5678", want: "13812345678"},
		{in: "8613812345678", want: "13812345678"},
		{in: "008613812345678", want: "13812345678"},
		{in: "＋８６１３８１２３４５６７８", want: "13812345678"},
		{in: "１３８１２３４５６７８", want: "13812345678"},
		{in: "13812345678.0", want: "13812345678"},
		{in: "'13812345678", want: "13812345678"},
		{in: "0310-1234567", want: "0310-1234567"},
		{in: "０３１０－１２３４５６７", want: "0310-1234567"},
		{in: "0310 1234567", want: "0310-1234567"},
		{in: "03101234567", want: "0310-1234567"},
		{in: "031012345678", want: "0310-12345678"},
		{in: "01012345678", want: "010-12345678"},
		{in: "010-12345678", want: "010-12345678"},
		{in: "02112345678", want: "021-12345678"},
		{in: "(0310)1234567", want: "0310-1234567"},
		{in: "（0310）1234567", want: "0310-1234567"},
		{in: "(010)-12345678", want: "010-12345678"},
		{in: "0310-1234567转801", want: "0310-1234567转801"},
		{in: "0310-1234567 转 801", want: "0310-1234567转801"},
		{in: "0310-1234567-801", want: "0310-1234567转801"},
		{in: "0310-1234567分机801", want: "0310-1234567转801"},
		{in: "0310-1234567 ext.801", want: "0310-1234567转801"},
		{in: "6123456", want: "6123456"},
		{in: "61234567", want: "61234567"},
		{in: "6123456转12", want: "6123456转12"},
		{in: "13812345678/0310-1234567", want: "13812345678、0310-1234567"},
		{in: "13812345678、 13912345678", want: "13812345678、13912345678"},
		{in: "13812345678，13912345678", want: "13812345678、13912345678"},
		{in: "13812345678,13912345678", want: "13812345678、13912345678"},
		{in: "13812345678;13912345678；6123456", want: "13812345678、13912345678、6123456"},
		{in: "13812345678 13912345678", want: "13812345678、13912345678"},
		{in: "13812345678\n0310-1234567", want: "13812345678、0310-1234567"},
		{in: "13812345678 / 0310 1234567", want: "13812345678、0310-1234567"},
		{in: "13812345678、", want: "13812345678"},
		{in: "13812345678、0310-1234567转801", want: "13812345678、0310-1234567转801"},
		{in: ""},
		{in: "  "},
		{in: "、"}, // nothing but separators is no number at all

		{in: "1381234567", err: "是10位，手机号应为11位"},
		{in: "138123456789", err: "是12位，手机号应为11位"},
		{in: "138-1234-567", err: "手机号应为11位"},
		{in: "无", err: "“无”格式不对，应为 11 位手机号或带区号的固定电话"},
		{in: "12812345678", err: "格式不对"},
		{in: "0310-123456", err: "格式不对"},
		{in: "0310-123456789", err: "格式不对"},
		{in: "0101-2345678", err: "格式不对"}, // 010 has three digits
		{in: "031-01234567", err: "格式不对"}, // 0310 has four
		{in: "0123456", err: "格式不对"},      // local numbers never start with 0
		{in: "1234567", err: "格式不对"},      // nor with 1
		{in: "123", err: "格式不对"},
		{in: "13812345678/abc", err: "“abc”格式不对"},
		{in: "13812345678 1381234567", err: "“1381234567”是10位"},
		{in: "138 1234 567", err: "“138 1234 567”是10位"},
		{in: "1.38123E+10", err: "文本"},
		{in: "0310-1234567转", err: "格式不对"},
	} {
		got, err := Phone(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("Phone(%q) = %q, %v; want error containing %q", c.in, got, err, c.err)
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
		{in: "1975-3", want: "1975-03"},
		{in: "1975.3", want: "1975-03"},
		{in: "1975.03", want: "1975-03"},
		{in: "1975.10", want: "1975-10"},
		{in: "1975.1", want: "1975-01"}, // as written, not October
		{in: "1975.12", want: "1975-12"},
		{in: "1975/3", want: "1975-03"},
		{in: "1975年3月", want: "1975-03"},
		{in: "1975 年 3 月", want: "1975-03"},
		{in: "1975年03月", want: "1975-03"},
		{in: "1975年3", want: "1975-03"},
		{in: "1975年03月12日", want: "1975-03"},
		{in: "197503", want: "1975-03"},
		{in: "19750312", want: "1975-03"},
		{in: "1975-03-12", want: "1975-03"},
		{in: "1975.3.12", want: "1975-03"},
		{in: "1975/3/12", want: "1975-03"},
		{in: "１９７５．０３", want: "1975-03"},
		{in: "１９７５年３月", want: "1975-03"},
		{in: " 1975.03 ", want: "1975-03"},
		{in: "27465", want: "1975-03"}, // Excel serial of 1975-03-12
		{in: "27465.0", want: "1975-03"},
		{in: "61", want: "1900-03"},
		{in: "60000", want: "2064-04"},
		{in: "1975-03-12 00:00:00", want: "1975-03"},
		{in: "1975/3/12 0:00", want: "1975-03"},
		{in: "1975-03-12T00:00:00", want: "1975-03"},
		{in: "1900.01", want: "1900-01"},
		{in: "2100.12", want: "2100-12"},
		{in: ""},
		{in: " \u3000 "},

		{in: "1975.13", err: "月份 13 不存在"},
		{in: "1975-0", err: "月份 0 不存在"},
		{in: "1975.0", err: "只有年份"}, // Excel number 1975
		{in: "197513", err: "月份 13"},
		{in: "1975.2.30", err: "日期 1975-02-30 不存在"},
		{in: "1975.3.0", err: "1975-03-00 不存在"},
		{in: "七五年三月", err: "无法识别"},
		{in: "1975年春", err: "无法识别"},
		{in: "1875.03", err: "年份 1875 不合理"},
		{in: "2101.01", err: "年份 2101"},
		{in: "1975", err: "只有年份，缺少月份"},
		{in: "75.03", err: "年份请写全四位"},
		{in: "75年3月", err: "年份请写全四位"},
		{in: "0", err: "无法识别"},
		{in: "60001", err: "无法识别"},
		{in: "27465.5", err: "无法识别"},
		{in: "1", err: "年份 1899"}, // the 1899-12-30 epoch puts serial 1 in 1899
	} {
		got, err := YearMonth(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("YearMonth(%q) = %q, %v; want error containing %q", c.in, got, err, c.err)
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
		{in: "2021-1-5", want: "2021-01-05"},
		{in: "2021.1.5", want: "2021-01-05"},
		{in: "2021.01.05", want: "2021-01-05"},
		{in: "2021/1/5", want: "2021-01-05"},
		{in: "2021年1月5日", want: "2021-01-05"},
		{in: "2021年1月5号", want: "2021-01-05"},
		{in: "２０２１年１月５日", want: "2021-01-05"},
		{in: "20210105", want: "2021-01-05"},
		{in: "44201", want: "2021-01-05"},
		{in: "44201.0", want: "2021-01-05"},
		{in: "2021-01-05 00:00:00", want: "2021-01-05"},
		{in: "2020.2.29", want: "2020-02-29"},
		{in: "2000-02-29", want: "2000-02-29"},
		{in: ""},

		{in: "2021-02-29", err: "日期 2021-02-29 不存在"},
		{in: "1900-02-29", err: "不存在"},
		{in: "2021.4.31", err: "不存在"},
		{in: "20211301", err: "月份 13"},
		{in: "2021.1.0", err: "不存在"},
		{in: "2021.1", err: "缺少日"},
		{in: "202101", err: "缺少日"},
		{in: "2021.13", err: "月份 13"},
		{in: "2021", err: "只有年份"},
		{in: "21.1.5", err: "年份请写全四位"},
		{in: "1850.1.5", err: "年份 1850"},
		{in: "明天", err: "无法识别"},
		{in: "2021-01-05-06", err: "无法识别"},
		{in: "99999", err: "无法识别"},
	} {
		got, err := Date(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("Date(%q) = %q, %v; want error containing %q", c.in, got, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("Date(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

// The Excel epoch and time.AddDate agree with Excel for a few known days.
func TestExcelSerials(t *testing.T) {
	for serial, want := range map[string]string{
		"61":    "1900-03-01",
		"25569": "1970-01-01",
		"36526": "2000-01-01",
		"45658": "2025-01-01",
	} {
		if got, err := Date(serial); err != nil || got != want {
			t.Errorf("Date(%s) = %q, %v; want %q", serial, got, err, want)
		}
	}
}

// idempotent checks that a normaliser accepts its own output unchanged.
func idempotent[T comparable](t *testing.T, name string, f func(string) (T, error), key func(T) string, in string) {
	t.Helper()
	out, err := f(in)
	if err != nil {
		return
	}
	again, err := f(key(out))
	if err != nil || again != out {
		t.Fatalf("%s(%q) = %v, but %s(%q) = %v, %v", name, in, out, name, key(out), again, err)
	}
}

func self(s string) string { return s }

func FuzzIDCard(f *testing.F) {
	for _, s := range []string{"11010519491231002X", "11010519491231002x", "130525750312001", "130525750312001.0",
		"1.3E+17", "", "１１０", "110105 1949 1231 002X", "830000199507150020", "1101051949123100１汉"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		info, err := IDCard(s)
		if err == nil && info.Number != "" && (len(info.Number) != 18 || info.Birth != info.Number[6:10]+"-"+info.Number[10:12]+"-"+info.Number[12:14]) {
			t.Fatalf("IDCard(%q) = %+v", s, info)
		}
		idempotent(t, "IDCard", IDCard, func(x IDInfo) string { return x.Number }, s)
	})
}

func FuzzPhone(f *testing.F) {
	for _, s := range []string{"13812345678", "0310-1234567转8", "a/b", "、、", "138 1234 5678", "(010)12345678",
		"+86 13812345678/6123456", "03101234567-1", "13812345678.0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { idempotent(t, "Phone", Phone, self, s) })
}

func FuzzYearMonth(f *testing.F) {
	for _, s := range []string{"1975.03", "27465", "1975年3月", "19750312", "1975.1", "1975-03-12 00:00:00", "75.3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { idempotent(t, "YearMonth", YearMonth, self, s) })
}

func FuzzDate(f *testing.F) {
	for _, s := range []string{"2021-01-05", "44201", "2021年1月5日", "20210105", "2021.1", "2021/1/5 0:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { idempotent(t, "Date", Date, self, s) })
}
