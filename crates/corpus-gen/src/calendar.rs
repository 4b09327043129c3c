//! Calendar arithmetic for generated dates (no dependency): days in a month, weekdays.

/// Calendar date of an article.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ymd {
    pub(crate) y: i32,
    pub(crate) m: i32,
    pub(crate) d: i32,
}

pub(crate) fn days_in_month(y: i32, m: i32) -> i32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// 0 = Monday (Sakamoto's method).
pub(crate) fn weekday(Ymd { y, m, d }: Ymd) -> usize {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let sunday0 = (y + y / 4 - y / 100 + y / 400 + T[(m - 1) as usize] + d) % 7;
    ((sunday0 + 6) % 7) as usize
}
