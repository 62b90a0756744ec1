package data

import "testing"

func TestParseTermNumberReadsDigitsAndChineseNumerals(t *testing.T) {
	for in, want := range map[string]int{
		"11": 11, " 11 ": 11, "１１": 11, "十一": 11, "第十一届": 11, "第11届": 11, "十一届": 11,
		"十": 10, "二十": 20, "九十九": 99, "三": 3, "011": 11,
	} {
		if got, ok := ParseTermNumber(in); !ok || got != want {
			t.Errorf("ParseTermNumber(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "第届", "十一a", "eleven", "0", "零", "十十", "第十一次", "-3", "1.5"} {
		if got, ok := ParseTermNumber(in); ok {
			t.Errorf("ParseTermNumber(%q) = %d, accepted", in, got)
		}
	}
}

func FuzzParseTermNumber(f *testing.F) {
	for _, s := range []string{"11", "十一", "第十一届", "１１", "十", "九十九", "第", "届", "一十一"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := ParseTermNumber(s)
		if ok && n <= 0 {
			t.Fatalf("ParseTermNumber(%q) accepted %d", s, n)
		}
		if ok && n < 100 {
			// what the program writes reads back as the same number
			if m, ok := ParseTermNumber("第" + ChineseNumber(n) + "届"); !ok || m != n {
				t.Fatalf("第%s届 reads as %d, %v; want %d", ChineseNumber(n), m, ok, n)
			}
		}
	})
}
